/**
 * Builds the per-level boundary TopoJSON of a region from a desa GeoJSON and reports the cross-check with the code
 * list and the sizes: `npm run boundaries` (scripts/build-boundaries.ts) and `npm run new-region`
 * (scripts/new-region.ts). The data build calls the same pure functions (src/lib/geo/boundaries.ts) itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Registry } from '../../src/lib/areas.ts';
import { buildBoundaries, crossCheck, formatCrossCheck, type CrossCheck } from '../../src/lib/geo/boundaries.ts';

/** A desa FeatureCollection as read from disk (only `kode` matters). */
export interface DesaCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown> | null; geometry: unknown }[];
}

/** Reads `file` as a GeoJSON FeatureCollection; throws an Error naming the file and what is wrong. */
export function readDesaGeoJson(file: string): DesaCollection {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${file}: bukan GeoJSON yang dapat dibaca / not readable GeoJSON (${(e as Error).message})`);
  }
  const fc = json as Partial<DesaCollection>;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${file}: diharapkan FeatureCollection GeoJSON / expected a GeoJSON FeatureCollection (one Polygon or MultiPolygon per desa, property "kode")`);
  }
  return fc as DesaCollection;
}

/** What buildBoundaryReport found and made. */
export interface BoundaryReport {
  check: CrossCheck;
  /** Cross-check problems, one line each (empty when every desa has exactly one shape). */
  problems: string[];
  /** Shapes that are desa of the region. */
  matched: number;
  /** Per level: the TopoJSON text and its sizes. */
  levels: { level: string; json: string; bytes: number; gzipBytes: number; vertices: number }[];
}

/** Cross-checks the shapes against the registry and builds the TopoJSON of each level from the shapes of the region. */
export function buildBoundaryReport(registry: Registry, desa: DesaCollection): BoundaryReport {
  const check = crossCheck(registry, desa.features as never);
  const known = new Set(registry.desa.map((d) => d.code));
  const features = desa.features.filter((f) => known.has(String(f.properties?.kode ?? '')));
  const levels = features.length
    ? Object.entries(buildBoundaries({ ...desa, features } as never, { names: registry.byCode })).map(([level, topo]) => {
        const json = JSON.stringify(topo);
        return { level, json, bytes: Buffer.byteLength(json), gzipBytes: gzipSync(json, { level: 9 }).length, vertices: topo.arcs.reduce((s, a) => s + a.length, 0) };
      })
    : [];
  return { check, problems: formatCrossCheck(check), matched: features.length, levels };
}

/** The report as lines for the console (cross-check and sizes; file paths when `written`). */
export function formatBoundaryReport(registry: Registry, desaFile: string, shapes: number, r: BoundaryReport, written?: string): string[] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    `${registry.region.name} (${registry.region.code}): ${registry.desa.length} desa/kelurahan in the area list, ${shapes} shapes in ${desaFile}`,
    ...(r.problems.length ? r.problems : ['cross-check: every desa has exactly one shape and every shape is a desa of the region']),
    ...r.levels.map((l) => `${written ? join(written, `${l.level}.topo.json`) : l.level}: ${kb(l.bytes)} raw, ${kb(l.gzipBytes)} gzip, ${l.vertices} vertices`),
  ];
}

/** Writes each level's TopoJSON into `outDir` (`<level>.topo.json`). */
export function writeBoundaryFiles(r: BoundaryReport, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const l of r.levels) writeFileSync(join(outDir, `${l.level}.topo.json`), l.json);
}
