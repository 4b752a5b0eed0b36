/**
 * Checks desa boundaries before they are built: every feature a Polygon or MultiPolygon with numeric lon/lat
 * coordinates inside Indonesia, and valid rings. What can be repaired safely is repaired and reported (a ring left
 * open is closed; a degenerate ring of fewer than three distinct points or no area is dropped); what cannot is a
 * problem naming the feature's code and saying what is wrong (swapped lat/lon, projected metres, text coordinates,
 * self-intersecting ring, non-polygon geometry).
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** Indonesia's extent with a margin, in degrees: longitude 94..142, latitude -11..6.5. */
export const INDONESIA = { lonMin: 94, lonMax: 142, latMin: -11, latMax: 6.5 } as const;

/** A feature that cannot be used, by its code (or its index when it has none). */
export interface BoundaryProblem {
  code: string;
  message: string;
}

/** The checked collection (repaired where possible), what was repaired, and what was refused. */
export interface BoundaryCheck {
  collection: FeatureCollection;
  repairs: string[];
  problems: BoundaryProblem[];
}

const inBox = (lon: number, lat: number) => lon >= INDONESIA.lonMin && lon <= INDONESIA.lonMax && lat >= INDONESIA.latMin && lat <= INDONESIA.latMax;

/** Checks every feature; features with a problem are left out of `collection`. */
export function validateBoundaries(input: unknown): BoundaryCheck {
  const fc = input as FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { collection: { type: 'FeatureCollection', features: [] }, repairs: [], problems: [{ code: '(file)', message: 'bukan GeoJSON FeatureCollection / not a GeoJSON FeatureCollection' }] };
  }
  const repairs: string[] = [];
  const problems: BoundaryProblem[] = [];
  const features: Feature[] = [];
  fc.features.forEach((f, i) => {
    const code = typeof f?.properties?.kode === 'string' ? f.properties.kode : `#${i}`;
    const r = checkFeature(f, code);
    repairs.push(...r.repairs.map((m) => `${code}: ${m}`));
    if (r.problem) problems.push({ code, message: r.problem });
    else features.push(r.feature!);
  });
  return { collection: { ...fc, features }, repairs, problems };
}

function checkFeature(f: Feature, code: string): { feature?: Feature; repairs: string[]; problem?: string } {
  const g = f?.geometry as Geometry | null | undefined;
  if (!g) return { feature: f, repairs: [] }; // no shape: the registry cross-check reports it as missing
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return { repairs: [], problem: `geometri ${g.type}, bukan Polygon atau MultiPolygon / geometry ${g.type}, not a Polygon or MultiPolygon` };
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || !polygons.every((p) => Array.isArray(p) && p.every((r) => Array.isArray(r)))) {
    return { repairs: [], problem: 'koordinat bukan daftar cincin / coordinates are not lists of rings' };
  }
  const coordProblem = positionsProblem(polygons.flat(2) as unknown[]);
  if (coordProblem) return { repairs: [], problem: coordProblem };
  const repairs: string[] = [];
  const kept: Position[][][] = [];
  for (const poly of polygons) {
    const rings: Position[][] = [];
    poly.forEach((ring, ri) => {
      let r = ring;
      if (!samePoint(r[0], r[r.length - 1])) {
        r = [...r, r[0]];
        repairs.push('cincin terbuka ditutup / an open ring was closed');
      }
      if (distinctPoints(r) < 3 || (signedArea(r) === 0 && !selfIntersects(r))) {
        repairs.push(`cincin tanpa luas dibuang / a degenerate ring was dropped${ri === 0 ? ' (with its polygon)' : ''}`);
        if (ri === 0) rings.length = 0;
        return;
      }
      if (ri > 0 && rings.length === 0) return; // holes of a dropped exterior ring
      rings.push(r);
    });
    if (rings.length) kept.push(rings);
  }
  if (kept.length === 0) return { repairs, problem: 'tidak ada cincin yang sah / no valid ring left' };
  const knotted = repairKnots(kept, repairs);
  if (knotted) return { repairs, problem: knotted };
  if (repairs.length === 0) return { feature: f, repairs };
  const geometry: Polygon | MultiPolygon = g.type === 'Polygon' ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
  return { feature: { ...f, geometry }, repairs };
}

/**
 * Mends self-intersecting rings in place: small loops are cut off (removeSmallLoops); a knotted hole, or a knotted
 * islet of a desa in several parts, of at most MAX_LOOP_SHARE of the desa goes as a whole, like a degenerate ring.
 * Returns the problem when a ring can be neither mended nor dropped, else null.
 */
function repairKnots(kept: Position[][][], repairs: string[]): string | null {
  const featureArea = kept.reduce((sum, rings) => sum + Math.abs(signedArea(rings[0])), 0);
  for (const rings of kept) {
    for (let k = 0; k < rings.length; k++) {
      if (!selfIntersects(rings[k])) continue;
      const fixed = removeSmallLoops(rings[k]);
      if (fixed) {
        rings[k] = fixed.ring;
        const pct = (sep: string) => (fixed.share < 0.0001 ? `<0${sep}01` : (fixed.share * 100).toFixed(2));
        repairs.push(`${fixed.loops} simpul kecil cincin yang berpotongan sendiri dipotong (${pct(',')}% luas) / ${fixed.loops} small self-intersecting loop(s) cut off (${pct('.')}% of the area)`);
        continue;
      }
      const droppable = (k > 0 || kept.length > 1) && Math.abs(signedArea(rings[k])) <= MAX_LOOP_SHARE * featureArea;
      if (!droppable) return 'cincin berpotongan sendiri; perbaiki di aplikasi GIS / a self-intersecting ring; fix it in a GIS application';
      if (k > 0) {
        rings.splice(k--, 1);
        repairs.push('lubang kecil yang berpotongan sendiri dibuang / a small self-intersecting hole was dropped');
      } else {
        rings.length = 0;
        repairs.push('pulau kecil yang berpotongan sendiri dibuang / a small self-intersecting islet was dropped');
        break;
      }
    }
  }
  for (let i = kept.length - 1; i >= 0; i--) if (kept[i].length === 0) kept.splice(i, 1);
  return null;
}

/** What is wrong with the positions as lon/lat degrees in Indonesia, or null. */
function positionsProblem(positions: unknown[]): string | null {
  let swapped = 0;
  let outside = 0;
  for (const p of positions) {
    if (!Array.isArray(p) || p.length < 2) return 'posisi bukan pasangan [bujur, lintang] / a position is not a [lon, lat] pair';
    const [lon, lat] = p;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      return `koordinat bukan angka (${JSON.stringify(lon)}, ${JSON.stringify(lat)}) / a coordinate is not a number; write numbers without quotes`;
    }
    if (Math.abs(lon) > 360 || Math.abs(lat) > 360) return `koordinat ${lon}, ${lat} bukan derajat (proyeksi meter?); ekspor ulang dalam WGS 84 (EPSG:4326) / coordinates are not degrees (projected metres?); export again in WGS 84 (EPSG:4326)`;
    if (inBox(lon, lat)) continue;
    if (inBox(lat, lon)) swapped++;
    else outside++;
  }
  if (swapped > 0 && outside === 0) return 'lintang dan bujur tertukar ([lat, lon] bukan [lon, lat]); tukar urutannya / latitude and longitude are swapped ([lat, lon] instead of [lon, lat])';
  if (swapped + outside > 0) return `koordinat di luar Indonesia (bujur 94..142, lintang -11..6.5) / coordinates outside Indonesia (lon 94..142, lat -11..6.5)`;
  return null;
}

const samePoint = (a: Position | undefined, b: Position | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];

function distinctPoints(ring: Position[]): number {
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
}

/** Twice the signed area of a closed ring (shoelace). */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

/** The largest share of a ring's area that loop cutting may remove: more than that is not a digitising slip but a
 * wrong shape, which only its owner can fix. */
const MAX_LOOP_SHARE = 0.01;

/**
 * Repairs a self-intersecting ring by cutting off small loops: at each proper crossing of two edges the ring is two
 * loops joined at the crossing point; the smaller one (by area) is dropped when it is at most MAX_LOOP_SHARE of the
 * ring. Real desa boundaries have such slips (15 of the 8,492 of Jawa Timur's source file, a few more after
 * quantisation): tiny spikes that cross back over their own edge. Null when a loop is too large or crossings remain.
 */
export function removeSmallLoops(ring: Position[], maxShare = MAX_LOOP_SHARE): { ring: Position[]; loops: number; share: number } | null {
  const total = Math.abs(signedArea(ring));
  if (total === 0) return null;
  let r = ring;
  let removed = 0;
  for (let loops = 1; loops <= 50; loops++) {
    const c = firstCrossing(r);
    if (!c) return { ring: r, loops: loops - 1, share: removed / total };
    const [i, j] = c;
    const x = crossingPoint(r[i], r[i + 1], r[j], r[j + 1]);
    const inner = [x, ...r.slice(i + 1, j + 1), x];
    const outer = [...r.slice(0, i + 1), x, ...r.slice(j + 1)];
    if (!samePoint(outer[0], outer[outer.length - 1])) outer.push(outer[0]);
    const [keep, drop] = Math.abs(signedArea(inner)) > Math.abs(signedArea(outer)) ? [inner, outer] : [outer, inner];
    removed += Math.abs(signedArea(drop));
    if (removed > maxShare * total || distinctPoints(keep) < 3) return null;
    r = keep;
  }
  return null;
}

function crossingPoint(a: Position, b: Position, c: Position, d: Position): Position {
  const den = (a[0] - b[0]) * (c[1] - d[1]) - (a[1] - b[1]) * (c[0] - d[0]);
  const t = ((a[0] - c[0]) * (c[1] - d[1]) - (a[1] - c[1]) * (c[0] - d[0])) / den;
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** True when two non-adjacent edges of the closed ring cross properly (touching at a vertex is allowed). */
export function selfIntersects(ring: Position[]): boolean {
  return firstCrossing(ring) !== null;
}

/** The edge indexes [i, j], i < j, of a proper crossing of two non-adjacent edges, or null. */
function firstCrossing(ring: Position[]): [number, number] | null {
  const n = ring.length - 1; // edges
  if (n < 4) return null;
  const minX = new Float64Array(n), maxX = new Float64Array(n), minY = new Float64Array(n), maxY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[i + 1];
    minX[i] = Math.min(a[0], b[0]); maxX[i] = Math.max(a[0], b[0]);
    minY[i] = Math.min(a[1], b[1]); maxY[i] = Math.max(a[1], b[1]);
  }
  // sweep along x: only edges whose x ranges overlap are compared
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => minX[p] - minX[q]);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    for (let m = k + 1; m < n && minX[order[m]] <= maxX[i]; m++) {
      const j = order[m];
      const lo = Math.min(i, j), hi = Math.max(i, j);
      if (hi - lo < 2 || (lo === 0 && hi === n - 1)) continue; // adjacent edges share a point
      if (maxY[i] < minY[j] || maxY[j] < minY[i]) continue;
      if (properCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return [lo, hi];
    }
  }
  return null;
}

function orient(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function properCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}
