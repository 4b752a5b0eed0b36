/**
 * The GeoJSON the interactive map draws, built from the published TopoJSON and the map rows: one feature per mapped
 * area (the properties the paint expressions read), the outline and the kecamatan borders over a desa map, the label
 * point and geometry of each area (keyboard focus, camera, tooltip) and the desa lokus markers. Pure.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MapRow } from './map-model.ts';
import { labelPoint } from './map-geo.ts';

/** What {@link mapFeatures} returns. */
export interface MapFeatures {
  /** The mapped areas, each with `code`, `value`, `status`, `lokus`, `smoothed`, `u` and `su` properties. */
  geo: FeatureCollection;
  /** Border lines: `kind: 'outer'` around the whole, `kind: 'inner'` between kecamatan on a desa map of the region. */
  lines: FeatureCollection;
  /** Geometry of each mapped area by code. */
  geoms: Map<string, Geometry>;
  /** Label point ([lng, lat]) of each mapped area by code. */
  points: Map<string, [number, number]>;
}

/** The features of the areas of `level` in `topo` that have a row in `byCode` (only children of `parent` when given). */
export function mapFeatures(topo: Topology, level: string, byCode: ReadonlyMap<string, MapRow>, parent: string | null): MapFeatures {
  const obj = topo.objects[level] as GeometryCollection;
  const all = feature(topo, obj) as FeatureCollection;
  const geoms = new Map<string, Geometry>();
  const points = new Map<string, [number, number]>();
  const features: Feature[] = [];
  for (const f of all.features) {
    const code = String(f.id);
    const r = byCode.get(code);
    if (!r || !f.geometry) continue;
    geoms.set(code, f.geometry);
    const pt = labelPoint(f.geometry);
    if (pt) points.set(code, pt);
    features.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: { code, value: r.value, status: r.status, lokus: r.lokus ? 1 : 0, smoothed: r.smoothed, u: r.uncertain ? 1 : 0, su: r.smoothedUncertain ? 1 : 0 },
    });
  }
  const keep = (g: { id?: string | number }) => !parent || String(g.id).startsWith(`${parent}.`);
  const lineFeatures: Feature[] = [
    { type: 'Feature', properties: { kind: 'outer' }, geometry: mesh(topo, obj, (a, b) => a === b && keep(a)) },
  ];
  if (level === 'desa' && !parent) {
    lineFeatures.push({
      type: 'Feature',
      properties: { kind: 'inner' },
      geometry: mesh(topo, obj, (a, b) => a !== b && String(a.id).slice(0, 8) !== String(b.id).slice(0, 8)),
    });
  }
  return { geo: { type: 'FeatureCollection', features }, lines: { type: 'FeatureCollection', features: lineFeatures }, geoms, points };
}

/** A point feature (with its `code`) at the label point of every lokus row that has one. */
export function lokusPoints(rows: readonly MapRow[], points: ReadonlyMap<string, [number, number]>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((r) => r.lokus && points.has(r.code))
      .map((r) => ({ type: 'Feature', properties: { code: r.code }, geometry: { type: 'Point', coordinates: points.get(r.code)! } })),
  };
}
