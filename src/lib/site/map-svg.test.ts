import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import * as simplifyLib from 'topojson-simplify';
import type { FeatureCollection, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { lightTopology } from './map-svg.ts';

const lib = ((simplifyLib as unknown as { default?: typeof simplifyLib }).default ?? simplifyLib) as typeof simplifyLib;

/** A grid of wobbly squares (many points per border), ids like desa codes in two kecamatan. */
function grid(): Topology {
  const features: FeatureCollection<Polygon>['features'] = [];
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 4; j++) {
      const x = 114 + i * 0.1;
      const y = -8.5 + j * 0.1;
      const edge = (x0: number, y0: number, x1: number, y1: number) =>
        Array.from({ length: 12 }, (_, k) => [x0 + ((x1 - x0) * k) / 12 + Math.sin(k * 7 + x0 * 50) * 0.002, y0 + ((y1 - y0) * k) / 12 + Math.cos(k * 5 + y0 * 40) * 0.002]);
      const ring = [...edge(x, y, x, y + 0.1), ...edge(x, y + 0.1, x + 0.1, y + 0.1), ...edge(x + 0.1, y + 0.1, x + 0.1, y), ...edge(x + 0.1, y, x, y)];
      features.push({ type: 'Feature', id: `35.10.0${i < 3 ? 1 : 2}.20${String(i * 4 + j).padStart(2, '0')}`, properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
    }
  }
  return topology({ desa: { type: 'FeatureCollection', features } as FeatureCollection }, 1e5) as unknown as Topology;
}

/** What lightTopology did before its weights were kept per topology: a deep copy weighed at every call. */
function weighedEveryCall(t: Topology, keep: (id: string) => boolean, fraction: number): Topology {
  const object = t.objects.desa as { geometries: { id?: string | number }[] };
  const copy = structuredClone({ ...t, objects: { desa: { ...object, geometries: object.geometries.filter((g) => keep(String(g.id))) } } });
  const pre = lib.presimplify(copy as never);
  return lib.simplify(pre, lib.quantile(pre, fraction)) as unknown as Topology;
}

describe('lightTopology', () => {
  it('gives what weighing a fresh copy at every call gave, for any subset and share, and leaves the topology as it was', () => {
    const t = grid();
    const before = JSON.stringify(t);
    const first = (id: string) => id.startsWith('35.10.01.');
    const all = () => true;
    for (const [keep, fraction] of [[first, 0.25], [all, 0.25], [first, 0.5], [all, 0.1]] as const) {
      expect(JSON.stringify(lightTopology(t, 'desa', { keep, keepFraction: fraction }))).toBe(JSON.stringify(weighedEveryCall(t, keep, fraction)));
    }
    expect(JSON.stringify(t)).toBe(before);
  });

  it('keeps fewer points for a smaller share and every point at 1', () => {
    const t = grid();
    const points = (x: Topology) => x.arcs.reduce((n, a) => n + a.length, 0);
    const quarter = points(lightTopology(t, 'desa', { keepFraction: 0.25 }));
    expect(quarter).toBeLessThan(points(lightTopology(t, 'desa', { keepFraction: 0.5 })));
    expect(points(lightTopology(t, 'desa'))).toBe(points(t));
  });

  it('names the missing object', () => {
    expect(() => lightTopology(grid(), 'kecamatan')).toThrow(/no object "kecamatan"/);
  });
});
