/**
 * Province-scale boundaries: the stored form of a province's desa polygons and the split a province site needs.
 *
 * Stored form (`packDesaTopology`): one TopoJSON of every desa of the province, shared arcs, no simplification,
 * quantised to 1e6 steps across the province (≈0.5 m in Jawa Timur, finer than the 1 m the build quantises a
 * kab/kota to), properties `kode` and `nama` only. `unpackDesaTopology` gives back the GeoJSON the build reads, so
 * the build's own simplification (boundaries.ts) still decides what the site draws.
 *
 * Split (`splitProvince`): per kab/kota, the same three levels a kabupaten site has today (desa, kecamatan and the
 * kab/kota outline, from `buildBoundaries` on that kab/kota's desa alone), so a kab/kota page carries only its own
 * desa; and one province file of the kab/kota outlines, merged from the desa on one shared topology simplified for
 * the province scale (`mergeArcs` on shared arcs: neighbouring kab/kota share their border exactly), plus `mesh` of
 * the borders between kab/kota (drawn once, not twice). Desa of the code list without a shape are reported per
 * kab/kota: they are published without one.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, MultiLineString, Topology } from 'topojson-specification';
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { bbox as topoBbox, feature, mergeArcs, meshArcs, quantize } from 'topojson-client';
import type { Area } from '../types.ts';
import { arcRemapper, buildBoundaries, extractObject, protectSmallRings, type BoundaryOptions, type BoundaryProperties, type LevelTopologies } from './boundaries.ts';

/** Quantisation of the stored province file: 1e6 steps across the province's bounding box. */
export const STORED_QUANTIZATION = 1e6;

/**
 * Simplification of the province map of kab/kota outlines: vertices whose effective triangle is under 0.2 km² are
 * dropped. The province (Jawa Timur ≈ 600 × 400 km) is drawn 600-1000 px wide, one pixel ≈ 0.6-1 km, so this removes
 * detail of a few hundred metres, under a pixel; 1e5 quantisation steps (≈6 m) are far finer than a pixel too.
 */
export const PROVINCE_MIN_AREA_M2 = 200_000;
export const PROVINCE_QUANTIZATION = 1e5;

const EARTH_RADIUS_M = 6_371_008.8;

/** Properties kept in the stored file. */
export interface StoredDesaProperties {
  kode: string;
  nama: string;
}

type DesaGeometry = Polygon | MultiPolygon;

/** The stored topology of a province's desa: object `desa`, feature properties `{kode, nama}`, sorted by code. */
export type StoredDesaTopology = Topology<{ desa: GeometryCollection<StoredDesaProperties> }>;

/** Packs desa polygons (properties `kode`, `nama`; other properties dropped) into the stored TopoJSON. */
export function packDesaTopology(desa: FeatureCollection, quantization = STORED_QUANTIZATION): StoredDesaTopology {
  const features = desa.features
    .map((f, i): Feature<DesaGeometry, StoredDesaProperties> => {
      const kode = f.properties?.kode;
      if (typeof kode !== 'string') throw new Error(`province boundaries: feature ${i} has no string property "kode"`);
      const t = f.geometry?.type;
      if (t !== 'Polygon' && t !== 'MultiPolygon') throw new Error(`province boundaries: ${kode} has geometry ${t ?? 'null'}, expected Polygon or MultiPolygon`);
      return { type: 'Feature', properties: { kode, nama: String(f.properties?.nama ?? '') }, geometry: f.geometry as DesaGeometry };
    })
    .sort((a, b) => (a.properties.kode < b.properties.kode ? -1 : a.properties.kode > b.properties.kode ? 1 : 0));
  const collection: FeatureCollection<DesaGeometry, StoredDesaProperties> = { type: 'FeatureCollection', features };
  return buildTopology({ desa: collection }, quantization) as unknown as StoredDesaTopology;
}

/** The GeoJSON FeatureCollection of a stored topology (what `buildBoundaries` and the build's validation read). */
export function unpackDesaTopology(topo: StoredDesaTopology): FeatureCollection<DesaGeometry, StoredDesaProperties> {
  if (topo?.type !== 'Topology' || topo.objects?.desa?.type !== 'GeometryCollection') {
    throw new Error('province boundaries: expected a TopoJSON Topology with a GeometryCollection object "desa"');
  }
  return feature(topo, topo.objects.desa) as FeatureCollection<DesaGeometry, StoredDesaProperties>;
}

/** One kab/kota of the split. */
export interface KabSplit {
  code: string;
  name: string;
  /** The three levels of the kab/kota, as a kabupaten site builds them today. */
  levels: LevelTopologies;
  /** Desa of the code list under this kab/kota with no shape (published without one). */
  missing: Area[];
}

/** The province file: kab/kota outlines (object `kabupaten`) and the borders between them (object `borders`). */
export type ProvinceTopology = Topology<{ kabupaten: GeometryCollection<BoundaryProperties>; borders: GeometryCollection }>;

/** The province's kecamatan at the province scale (object `kecamatan`). */
export type KecamatanTopology = Topology<{ kecamatan: GeometryCollection<BoundaryProperties> }>;

/** Options of `splitProvince`. */
export interface SplitOptions extends BoundaryOptions {
  provinceMinAreaM2?: number;
  provinceQuantization?: number;
}

/**
 * Splits a province's desa polygons by kab/kota (code prefix) and builds the province file of kab/kota outlines.
 * `registryDesa` are the code list's desa of the province (to report those without a shape); shapes whose code is
 * not among them are left out. Kab/kota follow `kabupaten` (the code list's, in code order); one without any shape
 * still gets an entry (every desa missing, empty levels are not built: `levels` is null then).
 */
export function splitProvince(
  desa: FeatureCollection,
  registry: { kabupaten: readonly Area[]; desa: readonly Area[] },
  options: SplitOptions = {},
): { kab: (Omit<KabSplit, 'levels'> & { levels: LevelTopologies | null })[]; province: ProvinceTopology; kecamatan: KecamatanTopology } {
  const known = new Set(registry.desa.map((d) => d.code));
  const shapes = desa.features.filter((f) => known.has(String(f.properties?.kode ?? '')));
  const withShape = new Set(shapes.map((f) => String(f.properties!.kode)));
  const byKab = new Map<string, Feature[]>();
  for (const f of shapes) {
    const kab = String(f.properties!.kode).slice(0, 5);
    if (!byKab.has(kab)) byKab.set(kab, []);
    byKab.get(kab)!.push(f);
  }
  const kab = registry.kabupaten.map((k) => {
    const features = byKab.get(k.code) ?? [];
    return {
      code: k.code,
      name: k.name,
      levels: features.length ? buildBoundaries({ type: 'FeatureCollection', features }, options) : null,
      missing: registry.desa.filter((d) => d.code.startsWith(`${k.code}.`) && !withShape.has(d.code)),
    };
  });
  const topo = provinceScaleTopology(shapes, options);
  return { kab, province: provinceOutlines(topo, registry.kabupaten, options), kecamatan: provinceKecamatan(topo, options) };
}

/** The kab/kota outlines merged from desa shapes on one topology simplified for the province scale. */
function provinceOutlines(topo: Topology<{ desa: GeometryCollection }>, kabupaten: readonly Area[], options: SplitOptions): ProvinceTopology {
  const groups = groupByPrefix(topo, 5);
  const present = kabupaten.filter((k) => groups.has(k.code));
  const merged: GeometryCollection<BoundaryProperties> = {
    type: 'GeometryCollection',
    geometries: present.map((k) => ({ ...mergeArcs(topo as Topology, groups.get(k.code) as never), id: k.code, properties: { name: options.names?.get(k.code)?.name ?? k.name } })),
  };
  // Borders between two kab/kota: arcs shared by desa of different kab/kota (a desa's outer edge on the sea is not one).
  const withMerged = { ...topo, objects: { kabupaten: merged } } as unknown as Topology;
  const borders = meshArcs(withMerged, merged as never, (a, b) => a !== b) as MultiLineString;
  // One topology holding both objects, with only the arcs they use, renumbered in order of first use.
  const { map, arcs } = arcRemapper(topo);
  const kabGeoms = merged.geometries.map((g) => ({ ...g, arcs: (g as unknown as { arcs: number[][][] }).arcs.map((p) => p.map((r) => r.map(map))) }));
  const borderGeom: MultiLineString = { type: 'MultiLineString', arcs: borders.arcs.map((line) => line.map(map)) };
  const out = {
    type: 'Topology',
    transform: topo.transform,
    objects: {
      kabupaten: { type: 'GeometryCollection', geometries: kabGeoms },
      borders: { type: 'GeometryCollection', geometries: [borderGeom] },
    },
    arcs,
  } as unknown as ProvinceTopology;
  out.bbox = topoBbox(out as Topology).map((v) => Math.round(v * 1e6) / 1e6) as Topology['bbox'];
  return out;
}

/** The desa shapes on one shared topology simplified for the province scale (one pixel is 0.6–1 km there). */
function provinceScaleTopology(shapes: Feature[], options: SplitOptions): Topology<{ desa: GeometryCollection }> {
  const minArea = options.provinceMinAreaM2 ?? PROVINCE_MIN_AREA_M2;
  const input: FeatureCollection = {
    type: 'FeatureCollection',
    features: shapes.map((f) => ({ type: 'Feature', id: String(f.properties!.kode), properties: {}, geometry: f.geometry })),
  };
  let topo = buildTopology({ desa: input }) as Topology<{ desa: GeometryCollection }>;
  const geoms = topo.objects.desa.geometries;
  topo = presimplify(topo, sphericalTriangleArea);
  protectSmallRings(topo, geoms);
  topo = simplify(topo, minArea / (EARTH_RADIUS_M * EARTH_RADIUS_M));
  return quantize(topo, options.provinceQuantization ?? PROVINCE_QUANTIZATION) as Topology<{ desa: GeometryCollection }>;
}

/** The desa geometries grouped by the first `length` characters of their code (5: kab/kota, 8: kecamatan). */
function groupByPrefix(topo: Topology<{ desa: GeometryCollection }>, length: number): Map<string, GeometryObject[]> {
  const groups = new Map<string, GeometryObject[]>();
  for (const g of topo.objects.desa.geometries) {
    const k = String(g.id).slice(0, length);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(g);
  }
  return groups;
}

/** The kecamatan of the whole province at the province scale (object `kecamatan`), merged from the desa shapes on
 * the province-scale topology: the province's kecamatan map. */
function provinceKecamatan(topo: Topology<{ desa: GeometryCollection }>, options: SplitOptions): KecamatanTopology {
  const groups = groupByPrefix(topo, 8);
  const geometries = [...groups.keys()].sort().map((k) => ({ ...mergeArcs(topo as Topology, groups.get(k) as never), id: k, properties: { name: options.names?.get(k)?.name ?? k } }));
  const out = extractObject(topo as Topology, 'kecamatan', { type: 'GeometryCollection', geometries } as GeometryCollection<BoundaryProperties>) as KecamatanTopology;
  out.bbox = topoBbox(out as Topology).map((v) => Math.round(v * 1e6) / 1e6) as Topology['bbox'];
  return out;
}
