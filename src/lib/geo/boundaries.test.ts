import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { geoIdentity, geoPath } from 'd3-geo';
import { buildBoundaries, crossCheck, formatCrossCheck, type LevelTopologies } from './boundaries.ts';
import { parseRegistry } from '../areas.ts';
import { readAreaListText } from '../../../scripts/lib/areas-file.ts';

const root = new URL('../../../', import.meta.url);
const load = (p: string): FeatureCollection => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
const REGIONS = {
  '35.10': 'data/boundaries/banyuwangi-3510/desa.geojson',
  '18.72': 'test/fixtures/regions/metro-1872/desa.geojson',
  '51.08': 'test/fixtures/regions/buleleng-5108/desa.geojson',
} as const;
const list = readAreaListText();
const planarArea = geoPath(geoIdentity());
const features = (topo: Topology, level: string) =>
  (feature(topo, topo.objects[level] as GeometryCollection) as FeatureCollection).features;
const gz = (t: unknown) => gzipSync(JSON.stringify(t), { level: 9 }).length;

describe.each(Object.entries(REGIONS))('region %s', (code, file) => {
  const registry = parseRegistry(list, code);
  const fc = load(file);
  const topo: LevelTopologies = buildBoundaries(fc, { names: registry.byCode });

  it('has every registry desa exactly once, with a positive area, dotted ids and {name} only', () => {
    const desa = features(topo.desa, 'desa');
    expect(desa.map((f) => f.id)).toEqual(registry.desa.map((d) => d.code));
    for (const f of desa) {
      expect(f.id).toMatch(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
      expect(f.properties).toEqual({ name: registry.byCode.get(String(f.id))!.name });
      expect(planarArea.area(f)).toBeGreaterThan(0);
    }
    expect(features(topo.kecamatan, 'kecamatan').map((f) => f.id)).toEqual(registry.kecamatan.map((k) => k.code));
    expect(features(topo.kabupaten, 'kabupaten').map((f) => [f.id, f.properties])).toEqual([[code, { name: registry.region.name }]]);
    for (const level of ['desa', 'kecamatan', 'kabupaten'] as const) {
      expect(Object.keys(topo[level].objects)).toEqual([level]);
      expect(topo[level].transform).toBeDefined();
    }
  });

  it('nests: each kecamatan area equals the sum of its desa, the kabupaten the sum of all', () => {
    const desa = features(topo.desa, 'desa');
    const sum = (prefix: string) => desa.filter((f) => String(f.id).startsWith(prefix + '.')).reduce((s, f) => s + planarArea.area(f), 0);
    for (const k of features(topo.kecamatan, 'kecamatan')) {
      const a = planarArea.area(k);
      expect(Math.abs(a - sum(String(k.id))) / a, String(k.id)).toBeLessThan(1e-9);
    }
    const kab = features(topo.kabupaten, 'kabupaten')[0];
    expect(Math.abs(planarArea.area(kab) - sum(code)) / planarArea.area(kab)).toBeLessThan(1e-9);
  });

  it('matches the registry in the cross-check', () => {
    expect(crossCheck(registry, fc.features)).toEqual({ missingShapes: [], unknownShapes: [], duplicateShapes: [] });
  });
});

describe('size and simplification', () => {
  const fc = load(REGIONS['35.10']);
  const topo = buildBoundaries(fc);

  it('Banyuwangi desa level loads in well under 150 KB gzipped (size property)', () => {
    expect(gz(topo.desa)).toBeLessThan(150 * 1024);
    expect(gz(topo.desa)).toBeLessThan(64 * 1024); // the documented ~49 KB, with room for tuning
    expect(gz(topo.kecamatan)).toBeLessThan(gz(topo.desa));
  });

  it('simplifies: fewer vertices than the input, more with a smaller tolerance, and none lost at 0', () => {
    const vertices = (t: Topology) => t.arcs.reduce((s, a) => s + a.length, 0);
    const loose = buildBoundaries(fc, { minAreaM2: 20_000 });
    const none = buildBoundaries(fc, { minAreaM2: 0, quantization: 1e6 });
    expect(vertices(loose.desa)).toBeLessThan(vertices(topo.desa));
    expect(vertices(topo.desa)).toBeLessThan(vertices(none.desa));
    expect(gz(loose.desa)).toBeLessThan(gz(topo.desa));
  });

  it('keeps a tiny island desa under a huge tolerance (small rings are protected)', () => {
    const loose = buildBoundaries(fc, { minAreaM2: 1e9 });
    for (const f of features(loose.desa, 'desa')) expect(planarArea.area(f), String(f.id)).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildBoundaries(fc).desa)).toBe(JSON.stringify(topo.desa));
  });
});

describe('strict input', () => {
  const square = (kode: string, x: number): Feature => ({
    type: 'Feature',
    properties: { kode, nama: `Desa ${kode}` },
    geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 0.01, 0], [x + 0.01, 0.01], [x, 0.01], [x, 0]]] },
  });
  it('throws on a duplicate kode, a malformed kode and a missing geometry', () => {
    const fc = (fs: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features: fs });
    expect(() => buildBoundaries(fc([square('18.72.01.1001', 0), square('18.72.01.1001', 1)]))).toThrow(/duplicate kode 18\.72\.01\.1001/);
    expect(() => buildBoundaries(fc([square('1872011001', 0)]))).toThrow(/feature 0 has kode "1872011001"/);
    expect(() => buildBoundaries(fc([{ ...square('18.72.01.1001', 0), geometry: null as never }]))).toThrow(/18\.72\.01\.1001 has geometry null/);
  });
  it('falls back to the file names when no registry names are given', () => {
    const t = buildBoundaries({ type: 'FeatureCollection', features: [square('18.72.01.1001', 0), square('18.72.02.1001', 0.01)] });
    expect(features(t.desa, 'desa').map((f) => f.properties)).toEqual([{ name: 'Desa 18.72.01.1001' }, { name: 'Desa 18.72.02.1001' }]);
    expect(features(t.kecamatan, 'kecamatan').map((f) => f.id)).toEqual(['18.72.01', '18.72.02']);
    expect(features(t.kabupaten, 'kabupaten').map((f) => f.id)).toEqual(['18.72']);
  });
});

describe('crossCheck with a deliberately broken fixture', () => {
  it('reports a missing shape, an unknown shape and a duplicate', () => {
    const registry = parseRegistry(list, '18.72');
    const fc = load(REGIONS['18.72']);
    const broken = fc.features.filter((f) => f.properties!.kode !== '18.72.01.1001');
    broken.push({ ...broken[0], properties: { ...broken[0].properties, kode: '18.72.09.1099', nama: 'Tidak Ada' } });
    broken.push(broken[1]);
    const check = crossCheck(registry, broken);
    expect(check.missingShapes.map((a) => a.code)).toEqual(['18.72.01.1001']);
    expect(check.unknownShapes).toEqual([{ code: '18.72.09.1099', name: 'Tidak Ada' }]);
    expect(check.duplicateShapes).toEqual([String(broken[1].properties!.kode)]);
    const lines = formatCrossCheck(check);
    expect(lines[0]).toBe(`boundaries: no shape for kelurahan 18.72.01.1001 ${registry.byCode.get('18.72.01.1001')!.name}`);
    expect(lines[1]).toMatch(/shape 18\.72\.09\.1099 Tidak Ada is not a desa of the region/);
    expect(lines).toHaveLength(3);
  });
});
