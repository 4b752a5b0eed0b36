import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildBoundaries } from './boundaries.ts';
import { projectToSvg } from './svg-paths.ts';

const fc: FeatureCollection = JSON.parse(readFileSync(new URL('../../../test/fixtures/regions/metro-1872/desa.geojson', import.meta.url), 'utf8'));
const topo = buildBoundaries(fc);

describe('projectToSvg', () => {
  const map = projectToSvg(topo.desa, 'desa', 400, 300);

  it('returns one path per feature, fitted into the box, rounded to 1 decimal', () => {
    expect(map.viewBox).toBe('0 0 400 300');
    expect(map.paths).toHaveLength(22);
    expect(map.paths[0].code).toMatch(/^18\.72\.\d{2}\.\d{4}$/);
    const nums = map.paths.flatMap((p) => p.d.match(/-?\d+(\.\d+)?/g)!.map(Number));
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(-0.05);
    const xs = map.paths.flatMap((p) => [...p.d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [+m[1], +m[2]]));
    expect(Math.max(...xs.map((p) => p[0]))).toBeLessThanOrEqual(400.05);
    expect(Math.max(...xs.map((p) => p[1]))).toBeLessThanOrEqual(300.05);
    // fitted: touches both edges of one axis
    const span = (i: 0 | 1) => Math.max(...xs.map((p) => p[i])) - Math.min(...xs.map((p) => p[i]));
    expect(Math.max(span(0) / 400, span(1) / 300)).toBeGreaterThan(0.99);
    expect(map.paths.every((p) => !/\.\d\d/.test(p.d))).toBe(true);
  });

  it('puts north up and each centroid inside the box', () => {
    // The northernmost desa (largest latitude) must have the smallest y.
    const lat = new Map(fc.features.map((f) => [f.properties!.kode, f.properties!.lat as number]));
    const byY = [...map.paths].sort((a, b) => a.centroid[1] - b.centroid[1]);
    const byLat = [...map.paths].sort((a, b) => lat.get(b.code)! - lat.get(a.code)!);
    expect(byY[0].code).toBe(byLat[0].code);
    for (const p of map.paths) {
      expect(p.centroid[0]).toBeGreaterThan(0);
      expect(p.centroid[0]).toBeLessThan(400);
      expect(p.centroid[1]).toBeGreaterThan(0);
      expect(p.centroid[1]).toBeLessThan(300);
      expect(p.centroid.every((v) => Math.round(v * 10) === v * 10)).toBe(true);
    }
  });

  it('names a missing object', () => {
    expect(() => projectToSvg(topo.desa, 'kecamatan', 10, 10)).toThrow(/no object "kecamatan" \(has: desa\)/);
  });
});
