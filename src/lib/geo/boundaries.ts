/**
 * Boundaries for the browser: from the region's desa/kelurahan polygons (GeoJSON, property `kode`) to one small
 * TopoJSON per level (desa, kecamatan, kabupaten), plus a cross-check of the shapes against the area registry.
 *
 * Why kecamatan and kabupaten are derived by merging desa rather than read from their own files: the merge runs on
 * the one shared, already simplified and quantised topology, so every kecamatan edge is made of exactly the same
 * arcs as the desa edges under it. The levels nest exactly as drawn (no slivers or gaps when levels are overlaid or
 * when a desa is highlighted inside its kecamatan), and an official only has to supply `desa.geojson`. Separately
 * simplified kecamatan/kabupaten files would drift apart from the desa layer by up to the simplification tolerance.
 *
 * Simplification is Visvalingam effective area on the sphere (topojson-simplify `sphericalTriangleArea`), so the
 * tolerance is a real area in m² that means the same thing at any latitude; it is topology-preserving because it runs
 * on shared arcs (a shared border is simplified once, for both neighbours). Rings made of fewer than three arcs
 * (islands, enclaves) keep their two most important interior points so that no desa can collapse to nothing.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { bbox as topoBbox, mergeArcs, quantize } from 'topojson-client';
import type { Area, Level } from '../types.ts';
import { levelOfCode, parentOf } from '../areas.ts';

/** Mean Earth radius (m), to turn a tolerance in m² into steradians, the unit of `sphericalTriangleArea`. */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * Default simplification tolerance: a vertex is dropped when the triangle it forms with its neighbours covers less
 * than 2,000 m² (0.2 ha, e.g. a 45 m bump on a 90 m edge). A desa map of a kabupaten (~100 km across) is drawn
 * 600-1000 px wide, so one pixel is ~100-170 m and the removed detail is far below a pixel even at 4x zoom. It drops
 * about a third of Banyuwangi's vertices (17.6k → 12.0k); the source is already a simplified layer, so larger
 * tolerances buy little size (5,000 m² saves another 6 KB gzip) for visibly angular village borders.
 */
export const DEFAULT_MIN_AREA_M2 = 2_000;

/**
 * Default quantisation: 1e5 grid steps across the region's bounding box, i.e. ~1 m for Banyuwangi (~95 × 110 km).
 * 1e4 (~10 m) would be ~30 % smaller (Banyuwangi desa 34.7 vs 48.6 KB gzip) and invisible on screen, but snapping
 * to a 10 m grid folded one narrow desa ring in Banyuwangi (a ~170 m² self-overlap in kecamatan 35.10.10), so areas
 * no longer summed exactly from desa to kecamatan. 1e5 keeps the levels exact and stays far under the budget.
 */
export const DEFAULT_QUANTIZATION = 1e5;

/** Options of `buildBoundaries`. */
export interface BoundaryOptions {
  /** Minimum effective triangle area (m²) of a kept vertex; 0 keeps every vertex. */
  minAreaM2?: number;
  /** Quantisation (grid steps per axis), at least 2. */
  quantization?: number;
  /** Names by dotted code (usually the registry's `byCode`), preferred over the GeoJSON properties. */
  names?: ReadonlyMap<string, Pick<Area, 'name'>>;
}

/** Properties of every output feature: the display name only (the code is the feature `id`). */
export type BoundaryProperties = {
  name: string;
};

/** One topology per level, each holding one object named like the level. */
export type LevelTopologies = Record<'kabupaten' | 'kecamatan' | 'desa', Topology<Record<string, GeometryCollection<BoundaryProperties>>>>;

type DesaGeometry = Polygon | MultiPolygon;

function isDesaCode(code: unknown): code is string {
  return typeof code === 'string' && levelOfCode(code) === 'desa';
}

/** Checks the desa FeatureCollection and returns its features sorted by code; throws on a missing, malformed or
 * duplicate `kode` or a non-polygon geometry, because a broken boundary file must stop the build, not thin the map. */
function checkedDesaFeatures(desa: FeatureCollection): Feature<DesaGeometry>[] {
  if (!desa || desa.type !== 'FeatureCollection' || !Array.isArray(desa.features)) {
    throw new Error('boundaries: expected a GeoJSON FeatureCollection of desa polygons');
  }
  const seen = new Map<string, number>();
  desa.features.forEach((f, i) => {
    const code = f.properties?.kode;
    if (!isDesaCode(code)) throw new Error(`boundaries: feature ${i} has kode ${JSON.stringify(code)}, expected a desa code such as 35.10.01.2001`);
    if (seen.has(code)) throw new Error(`boundaries: duplicate kode ${code} (features ${seen.get(code)} and ${i})`);
    seen.set(code, i);
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') throw new Error(`boundaries: feature ${code} has geometry ${t ?? 'null'}, expected Polygon or MultiPolygon`);
  });
  return [...(desa.features as Feature<DesaGeometry>[])].sort((a, b) => (a.properties!.kode < b.properties!.kode ? -1 : 1));
}

/** Rings of a polygonal TopoJSON geometry object, as lists of arc indices. */
function ringsOf(g: GeometryObject): number[][] {
  if (g.type === 'Polygon') return (g as TopoPolygon).arcs;
  if (g.type === 'MultiPolygon') return (g as TopoMultiPolygon).arcs.flat();
  return [];
}

/** After presimplify: give the two heaviest interior points of every ring with fewer than three arcs an infinite
 * weight, so that simplification keeps at least a triangle (a ring of one or two arcs has only 1-2 fixed points). */
export function protectSmallRings(topo: Topology, geometries: GeometryObject[]): void {
  const arcs = topo.arcs as unknown as number[][][];
  for (const g of geometries) {
    for (const ring of ringsOf(g)) {
      if (ring.length >= 3) continue;
      const interior: number[][] = [];
      for (const a of ring) {
        const arc = arcs[a < 0 ? ~a : a];
        for (let i = 1; i < arc.length - 1; i++) interior.push(arc[i]);
      }
      interior.sort((p, q) => q[2] - p[2]);
      for (const p of interior.slice(0, 2)) p[2] = Infinity;
    }
  }
}

/** A renumbering of `topo`'s arcs in order of first use: `map(a)` gives an arc reference's new number (reversed arcs
 * stay reversed) and collects the arc into `arcs`, so a topology can keep only the arcs its objects use. */
export function arcRemapper(topo: Topology): { map: (a: number) => number; arcs: Topology['arcs'] } {
  const remap = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const map = (a: number): number => {
    const i = a < 0 ? ~a : a;
    let j = remap.get(i);
    if (j === undefined) {
      j = arcs.length;
      remap.set(i, j);
      arcs.push(topo.arcs[i]);
    }
    return a < 0 ? ~j : j;
  };
  return { map, arcs };
}

/** Returns a topology holding only `object` (under `name`) and the arcs it uses, renumbered; keeps the transform. */
export function extractObject<P extends GeoJsonProperties>(topo: Topology, name: string, object: GeometryCollection<P>): Topology<Record<string, GeometryCollection<P>>> {
  const { map, arcs } = arcRemapper(topo);
  const geometries = object.geometries.map((g) => {
    const out: GeometryObject<P> = { ...g };
    if (g.type === 'Polygon') (out as TopoPolygon<P>).arcs = (g as TopoPolygon<P>).arcs.map((r) => r.map(map));
    else if (g.type === 'MultiPolygon') (out as TopoMultiPolygon<P>).arcs = (g as TopoMultiPolygon<P>).arcs.map((p) => p.map((r) => r.map(map)));
    return out;
  });
  const result: Topology<Record<string, GeometryCollection<P>>> = {
    type: 'Topology',
    transform: topo.transform,
    objects: { [name]: { type: 'GeometryCollection', geometries } },
    arcs,
  };
  result.bbox = topoBbox(result as Topology).map((v) => Math.round(v * 1e6) / 1e6) as Topology['bbox'];
  return result;
}

/**
 * Builds the per-level TopoJSON of a region from its desa polygons: desa as given, kecamatan (by code prefix) and
 * kabupaten merged from them on the shared simplified topology. Feature `id` = dotted code, properties `{name}`.
 * Every feature of the input is kept: filter with `crossCheck` first if shapes outside the registry must go.
 */
export function buildBoundaries(desa: FeatureCollection, options: BoundaryOptions = {}): LevelTopologies {
  const minAreaM2 = options.minAreaM2 ?? DEFAULT_MIN_AREA_M2;
  const q = options.quantization ?? DEFAULT_QUANTIZATION;
  const features = checkedDesaFeatures(desa);
  const nameOf = (code: string, fallback: unknown) => options.names?.get(code)?.name ?? (typeof fallback === 'string' && fallback ? fallback : code);

  const input: FeatureCollection<DesaGeometry, BoundaryProperties> = {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.properties!.kode,
      properties: { name: nameOf(f.properties!.kode, f.properties!.nama) },
      geometry: f.geometry,
    })),
  };
  // Unquantised topology first: arcs are found on the exact input coordinates, simplification runs in degrees, and
  // quantisation happens once at the end (topojson-client refuses to quantise twice).
  let topo = buildTopology({ desa: input }) as Topology<{ desa: GeometryCollection<BoundaryProperties> }>;
  const desaGeoms = topo.objects.desa.geometries;
  topo = presimplify(topo, sphericalTriangleArea);
  protectSmallRings(topo, desaGeoms);
  topo = simplify(topo, minAreaM2 / (EARTH_RADIUS_M * EARTH_RADIUS_M));
  topo = quantize(topo, q);

  // Kecamatan and kabupaten: merge the desa geometry objects on the shared arcs (mergeArcs keeps them as arcs).
  const kecNames = new Map<string, unknown>();
  const byKec = new Map<string, GeometryObject[]>();
  topo.objects.desa.geometries.forEach((g, i) => {
    const kec = parentOf(String(g.id))!;
    if (!byKec.has(kec)) byKec.set(kec, []);
    byKec.get(kec)!.push(g);
    if (!kecNames.has(kec)) kecNames.set(kec, features[i].properties!.nama_kec);
  });
  const kecamatan: GeometryCollection<BoundaryProperties> = {
    type: 'GeometryCollection',
    geometries: [...byKec.keys()].sort().map((kec) => ({
      ...mergeArcs(topo as Topology, byKec.get(kec) as never),
      id: kec,
      properties: { name: nameOf(kec, kecNames.get(kec)) },
    })),
  };
  const kabCodes = [...new Set([...byKec.keys()].map((k) => parentOf(k)!))].sort();
  const kabupaten: GeometryCollection<BoundaryProperties> = {
    type: 'GeometryCollection',
    geometries: kabCodes.map((kab) => {
      const first = features.find((f) => f.properties!.kode.startsWith(`${kab}.`));
      return {
        ...mergeArcs(topo as Topology, topo.objects.desa.geometries.filter((g) => String(g.id).startsWith(`${kab}.`)) as never),
        id: kab,
        properties: { name: nameOf(kab, first?.properties?.nama_kab) },
      };
    }),
  };
  return {
    desa: extractObject(topo as Topology, 'desa', topo.objects.desa),
    kecamatan: extractObject(topo as Topology, 'kecamatan', kecamatan),
    kabupaten: extractObject(topo as Topology, 'kabupaten', kabupaten),
  };
}

/** Result of comparing the registry's desa with the boundary file's shapes. */
export interface CrossCheck {
  /** Registry desa/kelurahan with no shape (they will have no polygon on the map). */
  missingShapes: Area[];
  /** Shapes whose `kode` is not a desa of the registry (wrong region, old code, typo), with their file name. */
  unknownShapes: { code: string; name: string }[];
  /** Codes that appear on more than one shape. */
  duplicateShapes: string[];
}

/** Compares the registry's desa with the boundary features (keyed by property `kode`), both ways. */
export function crossCheck(registry: { desa: readonly Area[] }, features: readonly Feature<Geometry | null>[]): CrossCheck {
  const shapes = new Map<string, number>();
  const unknownShapes: { code: string; name: string }[] = [];
  const known = new Set(registry.desa.map((d) => d.code));
  for (const f of features) {
    const code = String(f.properties?.kode ?? '');
    if (!f.geometry) continue; // a feature without geometry is no shape: its area stays in missingShapes
    shapes.set(code, (shapes.get(code) ?? 0) + 1);
    if (!known.has(code) && shapes.get(code) === 1) unknownShapes.push({ code, name: String(f.properties?.nama ?? f.properties?.name ?? '') });
  }
  return {
    missingShapes: registry.desa.filter((d) => !shapes.has(d.code)),
    unknownShapes: unknownShapes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    duplicateShapes: [...shapes].filter(([, n]) => n > 1).map(([c]) => c).sort(),
  };
}

/** One line per problem, for the build log; empty when the shapes and the registry agree. */
export function formatCrossCheck(check: CrossCheck): string[] {
  return [
    ...check.missingShapes.map((a) => `boundaries: no shape for ${a.kind} ${a.code} ${a.name}`),
    ...check.unknownShapes.map((s) => `boundaries: shape ${s.code} ${s.name} is not a desa of the region in the area list`),
    ...check.duplicateShapes.map((c) => `boundaries: code ${c} has more than one shape`),
  ];
}
