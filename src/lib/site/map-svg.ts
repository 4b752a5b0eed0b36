/**
 * Keeps the static SVG map light. The published TopoJSON is detailed enough for the zoomable map; the static map is
 * drawn at a few hundred pixels, so it gets (1) a topology-preserving simplification (Visvalingam, shared borders
 * simplified once, so neighbours never gap or overlap) and (2) a compact path encoding: integer coordinates in
 * relative form (`m12 5l3-2 ...`), repeated points dropped. A desa map of a kabupaten (~220 areas) goes from
 * ~100 KB to well under 30 KB gzip.
 *
 * Pure: topology in, topology / strings out.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { feature, meshArcs } from 'topojson-client';
import * as simplifyLib from 'topojson-simplify';

// topojson-simplify ships UMD for Node and ESM for bundlers; take the functions from whichever namespace we got.
const lib = ((simplifyLib as unknown as { default?: typeof simplifyLib }).default ?? simplifyLib) as typeof simplifyLib;

/** Visvalingam weights of a topology's arcs (presimplify makes new points; the topology is not changed) and the
 * weight thresholds asked of them, per topology object: a province's kab/kota topology is drawn in ≈ 20 kecamatan
 * shapes and two languages, and weighing it again for each was a quarter of the static maps' cost. */
const weighed = new WeakMap<Topology, { pre: Topology; minWeight: Map<number, number> }>();

function weightsOf(topology: Topology): { pre: Topology; minWeight: Map<number, number> } {
  let w = weighed.get(topology);
  if (!w) weighed.set(topology, (w = { pre: lib.presimplify(topology as never) as unknown as Topology, minWeight: new Map() }));
  return w;
}

/**
 * A copy of the topology keeping only the geometries of `objectName` whose id passes `keep` (all when omitted),
 * simplified so that about `keepFraction` of the arc points remain (1 = no simplification). The share is of every
 * arc of the topology, kept geometries or not, so one map's simplification does not depend on which areas it shows.
 */
export function lightTopology(
  topology: Topology,
  objectName: string,
  options: { keep?: (id: string) => boolean; keepFraction?: number } = {},
): Topology {
  const object = topology.objects[objectName] as GeometryCollection | undefined;
  if (!object) throw new Error(`lightTopology: topology has no object "${objectName}"`);
  const geometries = options.keep
    ? object.geometries.filter((g) => options.keep!(String(g.id)))
    : object.geometries;
  const objects = { [objectName]: { ...object, geometries } };
  const fraction = options.keepFraction ?? 1;
  // structuredClone: callers may change what they get, and the loader caches the topology for other pages.
  if (fraction >= 1) return structuredClone({ ...topology, objects }) as Topology;
  const w = weightsOf(topology);
  // quantile() sorts weights descending: the weight at `fraction` keeps about that share of the points.
  let minWeight = w.minWeight.get(fraction);
  if (minWeight === undefined) w.minWeight.set(fraction, (minWeight = lib.quantile(w.pre as never, fraction)));
  // simplify() makes new arcs of new points; the objects are shared, as before (nothing downstream changes them).
  return lib.simplify({ ...w.pre, objects } as never, minWeight) as unknown as Topology;
}

/**
 * Re-encodes an SVG path made of M/L/Z commands (what d3-geo's geoPath writes for polygons) with integer
 * coordinates in relative form, dropping repeated points and rings that collapse below 3 distinct points.
 * `scale` multiplies coordinates first (use 1 for a viewBox already in pixels); `closed: false` for lines (no `z`,
 * 2 points suffice). Returns '' when nothing is left.
 */
export function compactPath(d: string, scale = 1, closed = true): string {
  const rings: [number, number][][] = [];
  let ring: [number, number][] | null = null;
  const re = /([MLZmlz])|(-?\d*\.?\d+(?:e[-+]?\d+)?)/g;
  let cmd = '';
  let pending: number[] = [];
  for (let m = re.exec(d); m; m = re.exec(d)) {
    if (m[1]) {
      cmd = m[1].toUpperCase();
      if (cmd === 'Z') ring = null;
      pending = [];
      continue;
    }
    pending.push(Number(m[2]));
    if (pending.length < 2) continue;
    const p: [number, number] = [Math.round(pending[0] * scale), Math.round(pending[1] * scale)];
    pending = [];
    if (cmd === 'M' || !ring) {
      ring = [];
      rings.push(ring);
      cmd = 'L';
    }
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  const kept = rings
    .map((r) => {
      if (closed && r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) r.pop();
      return r;
    })
    .filter((r) => r.length >= (closed ? 3 : 2));
  let out = '';
  let cx = 0;
  let cy = 0;
  for (const r of kept) {
    out += `${out ? 'm' : 'M'}${num(r[0][0] - (out ? cx : 0))}${sep(r[0][1] - (out ? cy : 0))}`;
    [cx, cy] = r[0];
    out += 'l';
    let first = true;
    for (let i = 1; i < r.length; i++) {
      const dx = r[i][0] - cx;
      const dy = r[i][1] - cy;
      out += (first ? num(dx) : sep(dx)) + sep(dy);
      first = false;
      [cx, cy] = r[i];
    }
    if (closed) {
      out += 'z';
      // after z the current point returns to the ring's start
      [cx, cy] = r[0];
    }
  }
  return out;
}

function num(v: number): string {
  return String(v);
}

/** A number with the separator SVG needs before it: none before a minus sign, a space otherwise. */
function sep(v: number): string {
  return v < 0 ? String(v) : ` ${v}`;
}

/** Height / width of the Web Mercator extent of an object's geometries (for sizing the SVG to the data). */
export function mercatorAspect(topology: Topology, objectName: string): number {
  const fc = feature(topology, topology.objects[objectName] as GeometryCollection) as FeatureCollection;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const x = c[0] as number;
      const y = Math.log(Math.tan(Math.PI / 4 + ((c[1] as number) * Math.PI) / 360));
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    } else if (Array.isArray(c)) for (const e of c) visit(e);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  const dx = ((x1 - x0) * Math.PI) / 180;
  return dx > 0 && Number.isFinite(y1 - y0) ? (y1 - y0) / dx : 1;
}

/**
 * Adds to the object's geometry collection two line geometries built from its shared arcs: `__inner`, the borders
 * between geometries whose ids differ in `group` (e.g. the kecamatan of a desa), and `__outer`, the outline of the
 * whole. Projected with the areas, so the lines sit exactly on them.
 */
export function withBorderLines(topology: Topology, objectName: string, group?: (id: string) => string): Topology {
  const object = topology.objects[objectName] as GeometryCollection;
  const extra: GeometryCollection['geometries'] = [];
  if (group) {
    const inner = meshArcs(topology, object, (a, b) => a !== b && group(String(a.id)) !== group(String(b.id)));
    if (inner.arcs.length) extra.push({ ...inner, id: '__inner' } as never);
  }
  const outer = meshArcs(topology, object, (a, b) => a === b);
  if (outer.arcs.length) extra.push({ ...outer, id: '__outer' } as never);
  return { ...topology, objects: { ...topology.objects, [objectName]: { ...object, geometries: [...object.geometries, ...extra] } } };
}
