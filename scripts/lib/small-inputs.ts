/**
 * The build's small inputs read from disk (config, area list, older names, boundaries, surveys, sasaran,
 * pre-aggregated counts, lokus) and handed to their src/lib parsers; any problem stops the build as a BuildError
 * naming file, line, column and the raw value. Reading goes through `readText`, so a test can inject a folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SiteConfig } from '../../src/lib/config.ts';
import type { Registry } from '../../src/lib/areas.ts';
import type { AreaAlias } from '../../src/lib/csv/names.ts';
import type { StructuralError } from '../../src/lib/types.ts';
import { buildBoundaries, crossCheck, formatCrossCheck } from '../../src/lib/geo/boundaries.ts';
import { splitProvince, unpackDesaTopology } from '../../src/lib/geo/province.ts';
import type { FeatureCollection } from 'geojson';
import { gunzipSync } from 'node:zlib';
import { validateBoundaries } from '../../src/lib/geo/validate.ts';
import { parseSurveys, surveyOutputs } from '../../src/lib/surveys.ts';
import { parseTargets, type TargetRow } from '../../src/lib/inputs/targets.ts';
import { parseAggregates, type AggregateRow } from '../../src/lib/inputs/aggregates.ts';
import { validateLokus } from '../../src/lib/lokus.ts';
import { parseCoverage, parseCoverageTargets, type CoverageRow, type CoverageTarget } from '../../src/lib/inputs/coverage.ts';
import { COVERAGE_INDICATORS } from '../../src/lib/indicators/coverage-defs.ts';
import { aliasesOf } from '../../src/lib/inputs/aliases.ts';
import { BuildError } from './build-error.ts';
import { readCrosswalk, readRegistry } from './areas-file.ts';

/** Where the inputs are and how they are read. */
export interface InputContext {
  config: SiteConfig;
  configPath: string;
  dataDir: string;
  readText: (path: string) => string;
  log: (line: string) => void;
}

/** A path as shown in messages: relative to the working folder. */
export const shown = (path: string) => relative(process.cwd(), path) || path;

function stopOn(problems: StructuralError[]): void {
  if (problems.length) throw new BuildError(problems);
}

/** The region's registry from `areas.file`; a missing list or a region not in it names the config key. */
export function readRegistryOf(ctx: InputContext): Registry {
  const { config } = ctx;
  const file = shown(ctx.configPath);
  try {
    return readRegistry(config.region, resolve(ctx.dataDir, config.areas.file));
  } catch (e) {
    const msg = (e as Error).message;
    throw new BuildError([(e as NodeJS.ErrnoException).code === 'ENOENT'
      ? { file, raw: config.areas.file, expected: 'file daftar kode wilayah Kemendagri / the Kemendagri area code list', message: 'kunci/key "areas.file": file tidak ada / file not found' }
      : /not in the area list/.test(msg)
        ? { file, raw: config.region, expected: 'kode kabupaten/kota yang ada di daftar wilayah / a kabupaten/kota code in the area list', message: 'kunci/key "region" tidak ada di daftar wilayah / not in the area list' }
        : { file, raw: config.areas.file, expected: 'daftar kode wilayah yang valid / a valid area code list', message: `kunci/key "areas.file": daftar wilayah tidak dapat dibaca / the area list cannot be read (${msg})` }]);
  }
}

/** Older names of renamed areas (src/lib/inputs/aliases.ts) from `areas.file2022`; none when it is not set. */
export function readAliases(ctx: InputContext, registry: Registry): AreaAlias[] {
  const { config } = ctx;
  if (!config.areas.file2022) return [];
  try {
    return aliasesOf(readCrosswalk(registry, resolve(ctx.dataDir, config.areas.file2022)));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BuildError([{ file: shown(ctx.configPath), raw: config.areas.file2022, expected: 'daftar kode wilayah lama (kode,nama,level) / the older area code list (kode,nama,level)', message: `kunci/key "areas.file2022": ${missing ? 'file tidak ada / file not found' : `tidak dapat dibaca / cannot be read (${(e as Error).message})`}` }]);
  }
}

/** Desa lokus per code (years), from the config; an unknown code names its key and what to do. */
export function readLokus(ctx: InputContext, registry: Registry): Map<string, number[]> {
  const r = validateLokus(ctx.config.lokus, registry);
  stopOn(r.issues.map((i) => ({ file: 'site.config.json', expected: 'kode desa/kelurahan di wilayah ini / a desa code of this region', message: `kunci/key "${i.key}": ${i.message}`, raw: rawLokus(ctx.config.lokus, i.key) })));
  return r.years;
}

function rawLokus(lokus: Record<string, string[]>, key: string): string | undefined {
  const m = /^lokus\.(\d+)\[(\d+)\]$/.exec(key);
  return m ? lokus[m[1]]?.[Number(m[2])] : undefined;
}

/** The desa shapes of the boundaries folder: `desa.geojson`, or the stored province form `desa.topo.json.gz` (or
 * `desa.topo.json`, see src/lib/geo/province.ts) when there is no GeoJSON. */
function readDesaShapes(ctx: InputContext, dir: string): { file: string; desa: unknown } {
  const candidates = ['desa.geojson', 'desa.topo.json.gz', 'desa.topo.json'].map((f) => join(dir, f));
  const file = candidates.find((f) => existsSync(f)) ?? candidates[0];
  try {
    if (file.endsWith('.geojson')) return { file, desa: JSON.parse(ctx.readText(file)) };
    const text = file.endsWith('.gz') ? gunzipSync(readFileSync(file)).toString('utf8') : ctx.readText(file);
    return { file, desa: unpackDesaTopology(JSON.parse(text)) };
  } catch (e) {
    throw new BuildError([{ file: shown(file), expected: 'GeoJSON FeatureCollection batas desa (properti "kode")', message: `Batas wilayah tidak dapat dibaca / Boundaries cannot be read: ${(e as Error).message}` }]);
  }
}

/**
 * The published boundary files as TopoJSON text, by path under `boundaries/` without `.topo.json`. A kab/kota site
 * gets its three levels (`desa`, `kecamatan`, `kabupaten`). A province site gets the kab/kota and kecamatan of the
 * whole province at the province scale (`kabupaten`, `kecamatan`) and, per kab/kota, the three levels at its own
 * scale (`35.78/desa` ...): a page loads only what it shows.
 */
export function readBoundaries(ctx: InputContext, registry: Registry): Record<string, string> {
  const { file, desa } = readDesaShapes(ctx, resolve(ctx.dataDir, ctx.config.boundaries));
  const valid = validateBoundaries(desa);
  stopOn(valid.problems.map((p) => ({ file: shown(file), raw: p.code, expected: 'Polygon/MultiPolygon dengan koordinat [bujur, lintang] WGS 84 di Indonesia / Polygon or MultiPolygon with WGS 84 [lon, lat] coordinates in Indonesia', message: `Batas desa ${p.code} ditolak / Boundary of ${p.code} refused: ${p.message}` })));
  for (const r of valid.repairs) ctx.log(`peringatan/warning: boundaries ${r}`);
  const features = valid.collection.features;
  const check = crossCheck(registry, features);
  for (const l of formatCrossCheck(check)) ctx.log(`peringatan/warning: ${l}`);
  const known = new Set(registry.desa.map((d) => d.code));
  const shapes = { ...valid.collection, features: features.filter((f) => known.has(f.properties?.kode)) };
  if (registry.region.level === 'provinsi') return provinceBoundaryFiles(shapes, registry);
  const topo = buildBoundaries(shapes, { names: registry.byCode });
  return { desa: JSON.stringify(topo.desa), kecamatan: JSON.stringify(topo.kecamatan), kabupaten: JSON.stringify(topo.kabupaten) };
}

function provinceBoundaryFiles(shapes: FeatureCollection, registry: Registry): Record<string, string> {
  const split = splitProvince(shapes, registry, { names: registry.byCode });
  const files: Record<string, string> = { kabupaten: JSON.stringify(split.province), kecamatan: JSON.stringify(split.kecamatan) };
  for (const k of split.kab) {
    if (!k.levels) continue;
    for (const level of ['desa', 'kecamatan', 'kabupaten'] as const) files[`${k.code}/${level}`] = JSON.stringify(k.levels[level]);
  }
  return files;
}

/** The survey series of the region in their published forms (none when the file does not exist). */
export function readSurveys(ctx: InputContext, regionCode: string): ReturnType<typeof surveyOutputs> {
  const file = resolve(ctx.dataDir, ctx.config.surveys);
  if (!existsSync(file)) return surveyOutputs([]);
  const r = parseSurveys(ctx.readText(file), regionCode, shown(file));
  stopOn(r.problems);
  return surveyOutputs(r.rows);
}

/** The sasaran rows (`targets`), none when not configured. */
export function readTargets(ctx: InputContext, registry: Registry): TargetRow[] {
  if (!ctx.config.targets) return [];
  const file = resolve(ctx.dataDir, ctx.config.targets);
  const r = parseTargets(readOrStop(ctx, file, 'kunci/key "targets"'), ctx.config.targets, registry);
  stopOn(r.problems);
  return r.rows;
}

/** Pre-aggregated counts of every `.csv` in the `aggregates` folder (sorted by name). */
export function readAggregates(ctx: InputContext, registry: Registry): AggregateRow[] {
  if (!ctx.config.aggregates) return [];
  const dir = resolve(ctx.dataDir, ctx.config.aggregates);
  if (!existsSync(dir)) return [];
  const rows: AggregateRow[] = [];
  const problems: StructuralError[] = [];
  for (const f of readdirSync(dir).filter((x) => /\.csv$/i.test(x)).sort()) {
    const r = parseAggregates(ctx.readText(join(dir, f)), join(ctx.config.aggregates, f), registry);
    for (const row of r.rows) rows.push(row);
    problems.push(...r.problems);
  }
  stopOn(problems);
  return rows;
}

/** Coverage counts of every `.csv` in the convergence folder but `target.csv` (sorted by name), and the targets
 * (`convergence.targets`); none when the config has no `convergence`. */
export function readCoverage(ctx: InputContext, registry: Registry): { rows: CoverageRow[]; targets: CoverageTarget[] } {
  const c = ctx.config.convergence;
  if (!c) return { rows: [], targets: [] };
  const dir = resolve(ctx.dataDir, c.dir);
  const rows: CoverageRow[] = [];
  const problems: StructuralError[] = [];
  const targetsFile = c.targets ? resolve(ctx.dataDir, c.targets) : null;
  const files = existsSync(dir) ? readdirSync(dir).filter((x) => /\.csv$/i.test(x) && join(dir, x) !== targetsFile).sort() : [];
  for (const f of files) {
    const r = parseCoverage(ctx.readText(join(dir, f)), join(c.dir, f), registry, COVERAGE_INDICATORS);
    for (const row of r.rows) rows.push(row);
    problems.push(...r.problems);
  }
  let targets: CoverageTarget[] = [];
  if (c.targets && targetsFile) {
    const t = parseCoverageTargets(readOrStop(ctx, targetsFile, 'kunci/key "convergence.targets"'), c.targets, COVERAGE_INDICATORS);
    problems.push(...t.problems);
    targets = t.rows;
  }
  stopOn(problems);
  return { rows, targets };
}

function readOrStop(ctx: InputContext, file: string, key: string): string {
  try {
    return ctx.readText(file);
  } catch (e) {
    throw new BuildError([{ file: shown(ctx.configPath), raw: shown(file), expected: 'file yang ada dan dapat dibaca / an existing, readable file', message: `${key}: tidak dapat dibaca / cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }]);
  }
}

/** The default reader. */
export const readTextFile = (path: string) => readFileSync(path, 'utf8');
