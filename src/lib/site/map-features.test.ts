import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { AreaJson, MapAreaValues } from './contract.ts';
import { mapRows } from './map-model.ts';
import { lokusPoints, mapFeatures } from './map-features.ts';

/** A unit square at (x, y) as a polygon feature with the area's code as id. */
const square = (id: string, x: number, y: number, size = 1) => ({
  type: 'Feature' as const,
  id,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] } as Polygon,
});

// Two kecamatan side by side with two desa each; one desa (35.10.02.2002) has no row-worthy area entry.
const desa: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square('35.10.01.2001', 0, 0), square('35.10.01.2002', 1, 0), square('35.10.02.2001', 2, 0), square('35.10.02.2002', 3, 0, 2)],
};
const topo = topology({ desa }) as unknown as Topology;

const areas: AreaJson[] = [
  { code: '35.10.01', name: 'Kec A', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.02', name: 'Kec B', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Desa 1', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [2025] },
  { code: '35.10.01.2002', name: 'Desa 2', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  { code: '35.10.02.2001', name: 'Desa 3', level: 'desa', parent: '35.10.02', kind: 'desa', lokus: [2025] },
];
const ok = (p: number) => ({ n: 100, cases: p, prevalence: p, ci_low: p - 5, ci_high: p + 5, status: 'ok' as const });
const values: Record<string, MapAreaValues> = { '35.10.01.2001': { stunting: ok(25) }, '35.10.02.2001': { stunting: ok(8) } };
const rowsFor = (parent: string | null) => {
  const rows = mapRows({ areas, values, indicator: 'stunting', level: 'desa', period: '2025-08', parent });
  return { rows, byCode: new Map(rows.map((r) => [r.code, r])) };
};

describe('mapFeatures', () => {
  it('keeps only areas with a row, with the properties the paint reads', () => {
    const { rows, byCode } = rowsFor(null);
    const f = mapFeatures(topo, 'desa', byCode, null);
    expect(f.geo.features.map((x) => x.properties!.code)).toEqual(['35.10.01.2001', '35.10.01.2002', '35.10.02.2001']);
    expect(f.geo.features[0].properties).toEqual({ code: '35.10.01.2001', value: 25, status: 'ok', lokus: 1, smoothed: rows[0].smoothed, u: rows[0].uncertain ? 1 : 0, su: 0 });
    expect(f.geo.features[1].properties).toMatchObject({ value: null, status: 'no_data', lokus: 0 });
    expect([...f.geoms.keys()]).toEqual(['35.10.01.2001', '35.10.01.2002', '35.10.02.2001']);
  });

  it('puts each label point inside its square', () => {
    const f = mapFeatures(topo, 'desa', rowsFor(null).byCode, null);
    const [x, y] = f.points.get('35.10.02.2001')!;
    expect(x).toBeCloseTo(2.5, 6);
    expect(y).toBeCloseTo(0.5, 6);
  });

  it('draws the outline and, on a desa map of the region, the border between kecamatan only', () => {
    const f = mapFeatures(topo, 'desa', rowsFor(null).byCode, null);
    expect(f.lines.features.map((l) => l.properties!.kind)).toEqual(['outer', 'inner']);
    const inner = f.lines.features[1].geometry as { type: string; coordinates: number[][][] };
    // The only kecamatan border is the vertical line x = 2 (between 35.10.01.2002 and 35.10.02.2001).
    const xs = new Set(inner.coordinates.flat().map((p) => p[0]));
    expect([...xs]).toEqual([2]);
  });

  it('maps only the children of a parent, without the kecamatan borders', () => {
    const f = mapFeatures(topo, 'desa', rowsFor('35.10.02').byCode, '35.10.02');
    expect(f.geo.features.map((x) => x.properties!.code)).toEqual(['35.10.02.2001']);
    expect(f.lines.features.map((l) => l.properties!.kind)).toEqual(['outer']);
  });

  it('gives nothing for an empty set of rows', () => {
    const f = mapFeatures(topo, 'desa', new Map(), null);
    expect(f.geo.features).toEqual([]);
    expect(f.points.size).toBe(0);
  });
});

describe('lokusPoints', () => {
  it('marks each lokus row that has a label point, at that point', () => {
    const { rows, byCode } = rowsFor(null);
    const f = mapFeatures(topo, 'desa', byCode, null);
    const pts = lokusPoints(rows, f.points);
    expect(pts.features.map((p) => p.properties!.code)).toEqual(['35.10.01.2001', '35.10.02.2001']);
    expect(pts.features[0].geometry).toEqual({ type: 'Point', coordinates: f.points.get('35.10.01.2001') });
    expect(lokusPoints(rows, new Map()).features).toEqual([]);
  });
});
