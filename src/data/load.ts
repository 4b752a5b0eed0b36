/**
 * Astro-side loader of the published data contract (generated/data/v1, written by the data build). Every file is
 * read once per build and cached; a missing or unreadable file throws an error that says which file and how to
 * produce it. Only this module touches the file system for the pages; everything it returns is plain data that the
 * pure helpers in src/lib/site turn into view models.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Level } from '../lib/types.ts';
import type {
  AreaJson,
  Meta,
  MapValuesJson,
  QualityJson,
  SeriesJson,
  SurveySeries,
} from '../lib/site/contract.ts';

import { COVERAGE_META, coverageAreaPath, coverageMapPath, type CoverageAreaJson, type CoverageMapJson, type CoverageMetaJson } from '../lib/publish/coverage.ts';
import { boundaryFilePath, mapFilePath } from '../lib/site/map-indicator.ts';
import { BoundedCache } from '../lib/site/bounded-cache.ts';

export type * from '../lib/site/contract.ts';

/** The folder holding the contract: `$DATA_DIR` when set, else `<cwd>/generated/data/v1` (Astro runs from the root). */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR || join(process.cwd(), 'generated', 'data', 'v1'));
}

const HOW_TO_BUILD = 'Run the data build first (`npm run data`).';

/** Parsed contract files, bounded (src/lib/site/bounded-cache.ts): a province publishes ≈37,000 files (≈860 MB).
 * Two caches, so that the stream of one-area files (series/<kode>.json, konvergensi/<kode>.json, a kab/kota's
 * map values: any path with an area code in it, boundaries excepted) cannot push out the few large region-wide files every
 * page reads again (Jawa Timur: quality.json 21 MB, a desa convergence map 34 MB). With one 64 MB cache these were
 * parsed again for nearly every page: 40 % of a province build's CPU. Boundaries (7.5 MB for a province) stay in the
 * region cache: a map's projected geometry is memoised beside its topology object (map-geometry.ts), and it is drawn
 * again by every route (both languages, embeds). */
const regionCache = new BoundedCache<unknown>(128 * 1024 * 1024);
const areaCache = new BoundedCache<unknown>(32 * 1024 * 1024);
const AREA_FILE = /^(?!boundaries\/)(.*\/)?\d{2}(\.\d{2})+(\/|\.json$)/;

/** The cache a contract file belongs in. */
function cacheOf(rel: string): BoundedCache<unknown> {
  return AREA_FILE.test(rel) ? areaCache : regionCache;
}

/** Parsed JSON of one contract file (path relative to the contract folder), cached; throws a helpful error. */
export function readContractJson<T>(rel: string): T {
  const cache = cacheOf(rel);
  const hit = cache.get(rel);
  if (hit !== undefined) return hit as T;
  const dir = dataDir();
  if (!existsSync(dir)) throw new Error(`Published data not found at ${dir}. ${HOW_TO_BUILD}`);
  const file = join(dir, rel);
  if (!existsSync(file)) throw new Error(`Published data file missing: ${file}. ${HOW_TO_BUILD}`);
  let value: T;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
    value = JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`Published data file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  cache.set(rel, value, text.length);
  return value;
}

/** True when the contract file exists (for optional files such as quality.json). */
export function hasContractFile(rel: string): boolean {
  return existsSync(join(dataDir(), rel));
}

/** `meta.json`, checked for the schema version this site renders. */
export function loadMeta(): Meta {
  const meta = readContractJson<Meta>('meta.json');
  if (meta.schema_version !== 1) {
    throw new Error(`meta.json has schema_version ${String(meta.schema_version)}; this site renders version 1`);
  }
  if (!meta.periods?.length) throw new Error('meta.json lists no periods');
  return meta;
}

/** `areas.json`, sorted by code. */
export function loadAreas(): AreaJson[] {
  return readContractJson<AreaJson[]>('areas.json');
}

let areaIndex: Map<string, AreaJson> | null = null;
let childIndex: Map<string, AreaJson[]> | null = null;

/** The area with this dotted code, or undefined when it is not in areas.json. */
function findArea(code: string): AreaJson | undefined {
  if (!areaIndex) areaIndex = new Map(loadAreas().map((a) => [a.code, a]));
  return areaIndex.get(code);
}

/** The area with this dotted code; throws when the code is not in areas.json. */
export function getArea(code: string): AreaJson {
  const area = findArea(code);
  if (!area) throw new Error(`Area ${code} is not in areas.json`);
  return area;
}

/** The name of the area with this code, or undefined when it is not in areas.json. */
export function areaNameOf(code: string): string | undefined {
  return findArea(code)?.name;
}

/** The direct children (kecamatan of the kabupaten, desa of a kecamatan) of an area, sorted by code. */
export function getChildren(code: string): AreaJson[] {
  if (!childIndex) {
    childIndex = new Map();
    for (const a of loadAreas()) {
      if (a.parent === null) continue;
      const list = childIndex.get(a.parent) ?? [];
      list.push(a);
      childIndex.set(a.parent, list);
    }
  }
  return childIndex.get(code) ?? [];
}

/** Every area of one level, sorted by code. */
export function areasOfLevel(level: Level): AreaJson[] {
  return loadAreas().filter((a) => a.level === level);
}

/** `series/<code>.json` of one area. */
export function loadSeries(code: string): SeriesJson {
  return readContractJson<SeriesJson>(`series/${code}.json`);
}

/** `map/<level>/<period>.json`: values of every area of the level in one period (`map/<level>/<kab>/<period>.json`,
 * those of one kab/kota of a province, with `scope`). */
export function loadMapValues(level: Level, period: string, scope: string | null = null): MapValuesJson {
  return readContractJson<MapValuesJson>(mapFilePath('zscore', level, period, scope));
}

/** `boundaries/<level>.topo.json` (or `boundaries/<kab>/<level>.topo.json` with `scope`) as parsed TopoJSON (typed
 * loosely: the map module owns its shape). */
export function loadBoundaries(level: Level, scope: string | null = null): { type: 'Topology'; objects: Record<string, unknown>; [k: string]: unknown } {
  return readContractJson(boundaryFilePath(level, scope));
}

/** `surveys.json` (SSGI/SKI series); an empty list when the file is absent. */
export function loadSurveys(): SurveySeries[] {
  return hasContractFile('surveys.json') ? readContractJson<SurveySeries[]>('surveys.json') : [];
}

/** `quality.json`, or null when the data build wrote none. */
export function loadQuality(): QualityJson | null {
  return hasContractFile('quality.json') ? readContractJson<QualityJson>('quality.json') : null;
}

/** Size in bytes of a contract file (for the downloads page), or null when absent. */
export function contractFileSize(rel: string): number | null {
  const file = join(dataDir(), rel);
  return existsSync(file) ? readFileSync(file).byteLength : null;
}

/** `konvergensi-meta.json`: the convergence indicators' definitions and targets, or null when none are published. */
export function loadCoverageMeta(): CoverageMetaJson | null {
  return hasContractFile(COVERAGE_META) ? readContractJson<CoverageMetaJson>(COVERAGE_META) : null;
}

/** `konvergensi/<kode>.json`: one area's convergence figures, or null when none are published. */
export function loadCoverage(code: string): CoverageAreaJson | null {
  const rel = coverageAreaPath(code);
  return hasContractFile(rel) ? readContractJson<CoverageAreaJson>(rel) : null;
}

/** `konvergensi-map/<level>/<period>.json`, or null when not published. */
export function loadCoverageMap(level: Level, period: string): CoverageMapJson | null {
  const rel = coverageMapPath(level, period);
  return hasContractFile(rel) ? readContractJson<CoverageMapJson>(rel) : null;
}
