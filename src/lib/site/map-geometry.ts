/**
 * The projected geometry of a static choropleth (src/lib/site/choropleth-view.ts): the simplified, projected and
 * compacted path of every area of one level (within one parent), the border lines drawn over them, the viewBox and the
 * height. It depends only on the boundaries and the map's shape (level, parent, detail, width), not on the indicator,
 * period or language, so it is computed once per build for each shape and shared by every page that draws it: a
 * kabupaten site draws the same ≈ 30 shapes on ≈ 1,000 pages, and the simplification was most of the build's time.
 *
 * Pure: the memo lives beside the topology object (a WeakMap), which the loader caches for the whole build; a
 * different topology object gets its own geometry.
 */
import type { Topology } from 'topojson-specification';
import type { Level } from '../types.ts';
import { projectToSvg } from '../geo/svg-paths.ts';
import { compactPath, lightTopology, mercatorAspect, withBorderLines } from './map-svg.ts';

/** One projected area: its code, its compact path (`''` when every ring collapsed) and its marker point. */
export interface GeometryArea {
  code: string;
  d: string;
  centroid: [number, number];
}

/** The shape of a static map. */
export interface GeometryKey {
  level: Level;
  /** The site's top level (meta.levels[0]). */
  root: Level;
  /** Only the children of this code (fitted to them), or null for the whole level. */
  parent: string | null;
  /** Share of boundary points kept (lightTopology's keepFraction). */
  detail: number;
  width: number;
}

/** The geometry of one map shape. */
export interface MapGeometry {
  viewBox: string;
  height: number;
  /** Every area of the level (within the parent), in the topology's order, simplified. */
  areas: GeometryArea[];
  /** Compact paths of the borders of the level above (`''` when none) and of the outline (`''` when none). */
  inner: string | null;
  outer: string | null;
  /** The areas at full detail (same viewBox), for areas whose rings all collapsed in the simplification; computed
   * on first use. Only areas with a path are listed. */
  fullDetail(): GeometryArea[];
}

const memo = new WeakMap<Topology, Map<string, MapGeometry>>();

/** The geometry of a map shape, computed once per topology and shape. */
export function mapGeometry(topology: Topology, key: GeometryKey): MapGeometry {
  let byKey = memo.get(topology);
  if (!byKey) memo.set(topology, (byKey = new Map()));
  const k = `${key.level}|${key.root}|${key.parent ?? ''}|${key.detail}|${key.width}`;
  let g = byKey.get(k);
  if (!g) byKey.set(k, (g = computeGeometry(topology, key)));
  return g;
}

function computeGeometry(topology: Topology, p: GeometryKey): MapGeometry {
  const { level, parent, detail, width } = p;
  // Geometry: only the mapped areas, kecamatan borders drawn over desa maps, the outline of the whole.
  const keep = parent ? (code: string) => code.startsWith(`${parent}.`) : undefined;
  const light = lightTopology(topology, level, { keep, keepFraction: detail });
  const aspect = Math.min(1.6, Math.max(0.45, mercatorAspect(light, level)));
  const height = Math.round(width * aspect);
  // Borders of the level above drawn over a region-wide map: kecamatan over desa, kab/kota over a province's kecamatan.
  const group = !parent && (level === 'desa' || (level === 'kecamatan' && p.root === 'provinsi')) ? (c: string) => c.slice(0, level === 'desa' ? 8 : 5) : undefined;
  const svg = projectToSvg(withBorderLines(light, level, group), level, width, height);
  const areas = svg.paths.filter((s) => !s.code.startsWith('__')).map((s) => ({ code: s.code, d: compactPath(s.d), centroid: s.centroid }));
  const inner = svg.paths.find((s) => s.code === '__inner');
  const outer = svg.paths.find((s) => s.code === '__outer');
  let full: GeometryArea[] | null = null;
  return {
    viewBox: svg.viewBox,
    height,
    areas,
    inner: inner ? compactPath(inner.d, 1, false) : null,
    outer: outer ? compactPath(outer.d, 1, false) : null,
    fullDetail() {
      full ??= projectToSvg(withBorderLines(lightTopology(topology, level, { keep }), level), level, width, height)
        .paths.map((s) => ({ code: s.code, d: compactPath(s.d), centroid: s.centroid }))
        .filter((s) => s.d && !s.code.startsWith('__'));
      return full;
    },
  };
}
