import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { removeSmallLoops, selfIntersects, validateBoundaries } from './validate.ts';

const square = [[105.3, -5.1], [105.31, -5.1], [105.31, -5.11], [105.3, -5.11], [105.3, -5.1]];
const feature = (geometry: unknown, kode = '18.72.01.1001'): Feature => ({ type: 'Feature', properties: { kode }, geometry } as Feature);
const check = (...features: Feature[]) => validateBoundaries({ type: 'FeatureCollection', features });

describe('validateBoundaries', () => {
  it('passes a valid polygon through untouched (same object)', () => {
    const f = feature({ type: 'Polygon', coordinates: [square] });
    const r = check(f);
    expect(r.problems).toEqual([]);
    expect(r.repairs).toEqual([]);
    expect(r.collection.features[0]).toBe(f);
  });

  it.each([
    ['a Point', { type: 'Point', coordinates: [105.3, -5.1] }, 'geometry Point, not a Polygon or MultiPolygon'],
    ['swapped lat/lon', { type: 'Polygon', coordinates: [square.map(([x, y]) => [y, x])] }, 'latitude and longitude are swapped'],
    ['projected metres', { type: 'Polygon', coordinates: [square.map(([x, y]) => [x * 1e4, y * 1e5])] }, 'not degrees (projected metres?)'],
    ['string coordinates', { type: 'Polygon', coordinates: [square.map(([x, y]) => [String(x), String(y)])] }, 'a coordinate is not a number'],
    ['a place outside Indonesia', { type: 'Polygon', coordinates: [square.map(([x, y]) => [x - 100, y + 50])] }, 'coordinates outside Indonesia'],
    ['a bow-tie ring', { type: 'Polygon', coordinates: [[[105.3, -5.1], [105.31, -5.11], [105.31, -5.1], [105.3, -5.11], [105.3, -5.1]]] }, 'a self-intersecting ring'],
    ['only degenerate rings', { type: 'Polygon', coordinates: [[[105.3, -5.1], [105.31, -5.1], [105.3, -5.1]]] }, 'no valid ring left'],
  ])('refuses %s, naming the code', (_name, geometry, why) => {
    const r = check(feature(geometry), feature({ type: 'Polygon', coordinates: [square] }, '18.72.01.1002'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].code).toBe('18.72.01.1001');
    expect(r.problems[0].message).toContain(why);
    expect(r.collection.features.map((f) => f.properties!.kode)).toEqual(['18.72.01.1002']);
  });

  it('closes an open ring and drops a degenerate hole or polygon, reporting each repair', () => {
    const open = square.slice(0, -1);
    const flat = [[105.301, -5.101], [105.302, -5.101], [105.301, -5.101], [105.301, -5.101]];
    const r = check(feature({ type: 'MultiPolygon', coordinates: [[open, flat], [flat]] }));
    expect(r.problems).toEqual([]);
    expect(r.repairs).toEqual([
      '18.72.01.1001: cincin terbuka ditutup / an open ring was closed',
      '18.72.01.1001: cincin tanpa luas dibuang / a degenerate ring was dropped',
      '18.72.01.1001: cincin tanpa luas dibuang / a degenerate ring was dropped (with its polygon)',
    ]);
    expect(r.collection.features[0].geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square]] });
  });

  it('selfIntersects allows rings that touch at a vertex', () => {
    expect(selfIntersects(square)).toBe(false);
    // a figure eight through one shared vertex: touching, not crossing
    expect(selfIntersects([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]])).toBe(false);
    expect(selfIntersects([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]])).toBe(true);
  });

  it('refuses a file that is not a FeatureCollection', () => {
    expect(validateBoundaries({ type: 'Feature' }).problems[0].message).toContain('not a GeoJSON FeatureCollection');
  });
});

describe('knotted rings of real boundaries', () => {
  // A 0.1° square whose top edge has a tiny spike crossing back over itself (a digitising slip).
  const slip = [[105.3, -5.2], [105.4, -5.2], [105.4, -5.1], [105.36, -5.1], [105.34, -5.1], [105.34, -5.099], [105.35, -5.101], [105.3, -5.1], [105.3, -5.2]];
  const desa = (coordinates: number[][][][]): Feature => ({ type: 'Feature', properties: { kode: '35.10.01.2001' }, geometry: { type: 'MultiPolygon', coordinates } });

  it('cuts off a small loop, keeps the rest of the ring and names the repair', () => {
    expect(selfIntersects(slip)).toBe(true);
    const fixed = removeSmallLoops(slip)!;
    expect(fixed.loops).toBe(1);
    expect(fixed.share).toBeGreaterThan(0);
    expect(fixed.share).toBeLessThan(0.01);
    expect(selfIntersects(fixed.ring)).toBe(false);
    const r = validateBoundaries({ type: 'FeatureCollection', features: [desa([[slip]])] });
    expect(r.problems).toEqual([]);
    expect(r.repairs.join()).toMatch(/35\.10\.01\.2001: 1 simpul kecil .* loop\(s\) cut off/);
  });

  it('refuses a figure-eight whose halves are both large, but drops a small knotted islet of a desa in two parts', () => {
    const eight = [[105.3, -5.1], [105.4, -5.2], [105.4, -5.1], [105.3, -5.2], [105.3, -5.1]];
    expect(removeSmallLoops(eight)).toBeNull();
    expect(validateBoundaries({ type: 'FeatureCollection', features: [desa([[eight]])] }).problems).toHaveLength(1);
    const square = [[105.3, -5.2], [105.4, -5.2], [105.4, -5.1], [105.3, -5.1], [105.3, -5.2]];
    const islet = [[105.5, -5.1], [105.501, -5.101], [105.501, -5.1], [105.5, -5.101], [105.5, -5.1]];
    const r = validateBoundaries({ type: 'FeatureCollection', features: [desa([[square], [islet]])] });
    expect(r.problems).toEqual([]);
    expect(r.repairs.join()).toMatch(/small self-intersecting islet was dropped/);
    expect((r.collection.features[0].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(1);
  });
});
