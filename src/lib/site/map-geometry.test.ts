import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { mapGeometry } from './map-geometry.ts';

const square = (id: string, x: number, y: number, size = 0.125) => ({
  type: 'Feature' as const,
  id,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]]] } as Polygon,
});
const desa: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square('35.10.01.2001', 114, -8.5), square('35.10.01.2002', 114.125, -8.5), square('35.10.02.2001', 114.25, -8.5)],
};
const key = { level: 'desa' as const, root: 'kabupaten' as const, parent: null, detail: 0.25, width: 800 };

describe('mapGeometry', () => {
  it('computes a shape once per topology and reuses it', () => {
    const topo = topology({ desa }) as unknown as Topology;
    const g = mapGeometry(topo, key);
    expect(mapGeometry(topo, { ...key })).toBe(g);
    expect(mapGeometry(topo, { ...key, width: 400 })).not.toBe(g);
    expect(mapGeometry(topology({ desa }) as unknown as Topology, key)).not.toBe(g);
  });

  it('projects every area of the level, with the kecamatan border and the outline of a region-wide desa map', () => {
    const g = mapGeometry(topology({ desa }) as unknown as Topology, key);
    expect(g.areas.map((a) => a.code)).toEqual(['35.10.01.2001', '35.10.01.2002', '35.10.02.2001']);
    expect(g.areas.every((a) => /^M\d+ \d+l/.test(a.d))).toBe(true);
    expect(g.viewBox).toBe(`0 0 800 ${g.height}`);
    expect(g.inner).toMatch(/^M/);
    expect(g.outer).toMatch(/^M/);
  });

  it('fits a map within a parent to its children only, without the border of the level above', () => {
    const g = mapGeometry(topology({ desa }) as unknown as Topology, { ...key, parent: '35.10.01' });
    expect(g.areas.map((a) => a.code)).toEqual(['35.10.01.2001', '35.10.01.2002']);
    expect(g.inner).toBeNull();
    expect(g.fullDetail().map((a) => a.code)).toEqual(['35.10.01.2001', '35.10.01.2002']);
  });
});
