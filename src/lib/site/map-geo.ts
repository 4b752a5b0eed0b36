/**
 * Small planar geometry helpers for the interactive map (label points for desa lokus markers and keyboard focus,
 * bounds for fitting). Pure, no d3, so the browser bundle stays small.
 */
import type { Geometry, Position } from 'geojson';

type Ring = Position[];

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  return a / 2;
}

function polygons(g: Geometry | null | undefined): Ring[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygons);
  return [];
}

/** The area centroid of the largest polygon's outer ring ([lng, lat]), or null for a non-areal geometry. */
export function labelPoint(g: Geometry | null | undefined): [number, number] | null {
  let best: Ring | null = null;
  let bestArea = -1;
  for (const p of polygons(g)) {
    const a = Math.abs(ringArea(p[0]));
    if (a > bestArea) {
      bestArea = a;
      best = p[0];
    }
  }
  if (!best || !best.length) return null;
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const f = best[j][0] * best[i][1] - best[i][0] * best[j][1];
    cx += (best[j][0] + best[i][0]) * f;
    cy += (best[j][1] + best[i][1]) * f;
    a2 += f;
  }
  if (a2 === 0) return [best[0][0], best[0][1]];
  return [cx / (3 * a2), cy / (3 * a2)];
}

/** [[west, south], [east, north]] of the geometries, or null when there are no coordinates. */
export function boundsOf(geoms: Iterable<Geometry | null | undefined>): [[number, number], [number, number]] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    } else if (Array.isArray(c)) for (const k of c) visit(k);
  };
  for (const g of geoms) {
    if (!g) continue;
    if (g.type === 'GeometryCollection') {
      const b = boundsOf(g.geometries);
      if (b) visit(b);
    } else visit(g.coordinates);
  }
  return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}
