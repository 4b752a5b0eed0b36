/**
 * `npm run new-region -- <kode> <desa.geojson>`: points the data folder at another kabupaten/kota in one step.
 * Checks the region against the code list and the shapes against the region, copies the shapes to
 * `boundaries/<name>-<kode>/desa.geojson`, moves the previous region's files aside (config, lokus and sasaran files
 * into `arsip/<old kode>-<time>/`; the generated demo export of another region is deleted, the build makes a new one)
 * and writes a clean `site.config.json` (src/lib/region-setup.ts). Nothing is changed when a check fails.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Registry } from '../../src/lib/areas.ts';
import { parseSiteConfig } from '../../src/lib/config.ts';
import { boundaryFolderName, isDemoFile, newRegionConfig, normaliseRegionCode } from '../../src/lib/region-setup.ts';
import { AREAS_2025, readRegistry } from './areas-file.ts';
import { buildBoundaryReport, formatBoundaryReport, readDesaGeoJson, type BoundaryReport } from './boundaries-report.ts';
import { MEASUREMENT_EXT } from './measurement-files.ts';

/** Options of newRegion. */
export interface NewRegionOptions {
  /** The data folder (holding site.config.json). */
  dataDir: string;
  /** Kab/kota code, `33.17` or `3317`. */
  region: string;
  /** The desa/kelurahan polygons (GeoJSON FeatureCollection, property `kode`). */
  geojson: string;
  log?: (line: string) => void;
  /** Time stamp of the archive folder (tests pass a fixed one). */
  now?: Date;
}

/** What newRegion did. */
export interface NewRegionResult {
  region: { code: string; name: string };
  configPath: string;
  boundaries: string;
  demo: boolean;
  /** Files moved into the archive folder, and that folder (null when nothing was moved). */
  archived: string[];
  archiveDir: string | null;
  /** Generated demo files of another region that were deleted. */
  removed: string[];
  /** Desa without a shape, shapes outside the region. */
  problems: string[];
}

/** A failed check: nothing was changed. */
export class NewRegionError extends Error {}

/** Runs the setup; throws NewRegionError (before changing anything) when the region or the shapes do not fit. */
export function newRegion(o: NewRegionOptions): NewRegionResult {
  const log = o.log ?? ((l: string) => console.log(l));
  const dataDir = resolve(o.dataDir);
  const configPath = join(dataDir, 'site.config.json');

  const code = normaliseRegionCode(o.region);
  if (!code) throw new NewRegionError(`"${o.region}" bukan kode kabupaten/kota / is not a kab/kota code: expected e.g. 33.17 or 3317`);
  const previous = readPreviousConfig(configPath, log);
  const registry = regionRegistry(code, dataDir, previous);
  const region = registry.region;
  const { source, report } = checkShapes(o.geojson, code, registry, log);
  const meas = measurementFiles(dataDir, previous, code);
  const { toArchive, removed } = previousFiles(dataDir, configPath, previous, code, meas);

  // The new config, checked before anything is written.
  const folder = `boundaries/${boundaryFolderName({ code, name: region.name })}`;
  const { config, dropped } = newRegionConfig(previous, region, { boundaries: folder, demo: meas.demo });
  const parsed = parseSiteConfig(config);
  if (!parsed.ok) throw new NewRegionError(`site.config.json baru tidak valid / the new config is invalid: ${parsed.issues.map((i) => `${i.key}: ${i.message}`).join('; ')}`);

  // From here on, files change.
  const dest = join(dataDir, folder, 'desa.geojson');
  mkdirSync(join(dataDir, folder), { recursive: true });
  if (!existsSync(dest) || realpathSync(dest) !== realpathSync(source)) copyFileSync(source, dest);
  const stamp = (o.now ?? new Date()).toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  const archiveDir = toArchive.length ? join(dataDir, 'arsip', `${typeof previous?.region === 'string' ? previous.region : 'lama'}-${stamp}`) : null;
  const archived = archiveDir === null ? [] : archiveFiles(dataDir, configPath, toArchive, archiveDir);
  for (const f of removed) rmSync(f, { force: true });
  const tmp = `${configPath}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`);
  renameSync(tmp, configPath);

  logSummary(log, { code, name: region.name, configPath, dest, dropped, archiveDir, archived, removed, meas });
  return { region: { code, name: region.name }, configPath, boundaries: folder, demo: meas.demo, archived, archiveDir, removed, problems: report.problems };
}

/** A path as shown in messages: relative to the working folder. */
function rel(p: string): string {
  return relative(process.cwd(), p) || p;
}

/** The previous config, as written; null when there is none or it is unreadable (it is archived as it is). */
function readPreviousConfig(configPath: string, log: (line: string) => void): Record<string, unknown> | null {
  if (!existsSync(configPath)) return null;
  try {
    return JSON.parse(readFileSync(configPath, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    log(`${rel(configPath)}: JSON tidak valid, disimpan di arsip / invalid JSON, kept in the archive`);
    return null;
  }
}

/** The region's areas from the code list the previous config names (else the data folder's, else the shipped one). */
function regionRegistry(code: string, dataDir: string, previous: Record<string, unknown> | null): Registry {
  const areasRel = (previous?.areas as { file?: string } | undefined)?.file;
  const areasFile = areasRel ? resolve(dataDir, areasRel) : existsSync(join(dataDir, 'areas/kode_wilayah_2025.csv.gz')) ? join(dataDir, 'areas/kode_wilayah_2025.csv.gz') : AREAS_2025;
  try {
    return readRegistry(code, areasFile);
  } catch (e) {
    throw new NewRegionError(`${code}: tidak ada di daftar wilayah / not in the area list ${rel(areasFile)} (${(e as Error).message})`);
  }
}

/** Reads the shapes and checks they are the region's (at least one desa matched); logs the boundary report. */
function checkShapes(geojson: string, code: string, registry: Registry, log: (line: string) => void): { source: string; report: BoundaryReport } {
  const { region } = registry;
  const source = resolve(geojson);
  if (!existsSync(source)) throw new NewRegionError(`${geojson}: file tidak ada / file not found`);
  let desa;
  try {
    desa = readDesaGeoJson(source);
  } catch (e) {
    throw new NewRegionError((e as Error).message);
  }
  const report = buildBoundaryReport(registry, desa);
  if (report.matched === 0) {
    const sample = desa.features.slice(0, 3).map((f) => JSON.stringify(f.properties?.kode ?? null)).join(', ');
    throw new NewRegionError(
      `${geojson}: tidak satu pun dari ${desa.features.length} bentuk adalah desa ${region.name} (${code}) / none of the ${desa.features.length} shapes is a desa of the region ` +
        `(kode: ${sample || '-'}). Diharapkan properti "kode" berisi kode desa bertitik / expected a property "kode" with the dotted desa code, e.g. ${registry.desa[0]?.code ?? `${code}.01.2001`}`,
    );
  }
  for (const l of formatBoundaryReport(registry, rel(source), desa.features.length, report)) log(l);
  return { source, report };
}

/** The measurement folder: its real exports, whether the new region runs on demo data, and the generated demo
 * files that go (the demo export of another region, or one that real exports replace). */
interface MeasurementPlan {
  measDir: string;
  realFiles: string[];
  demo: boolean;
  demoFiles: string[];
}

function measurementFiles(dataDir: string, previous: Record<string, unknown> | null, code: string): MeasurementPlan {
  const measRel = (previous?.measurements as { dir?: string } | undefined)?.dir ?? 'measurements';
  const measDir = resolve(dataDir, measRel);
  const manifestPath = join(measDir, 'demo-manifest.json');
  const isDemoExport = (f: string) => /^demo-\d{4}-\d{2}\.csv(\.gz)?$/.test(f);
  const listed = existsSync(measDir) ? readdirSync(measDir).filter((f) => MEASUREMENT_EXT.test(f) && !f.startsWith('.')) : [];
  const realFiles = listed.filter((f) => !isDemoExport(f));
  const demo = realFiles.length === 0;
  let manifestRegion: string | null = null;
  if (existsSync(manifestPath)) {
    try {
      manifestRegion = JSON.parse(readFileSync(manifestPath, 'utf8')).region?.code ?? null;
    } catch {
      /* an unreadable manifest is treated as another region's */
    }
  }
  // The demo export goes when it is another region's, or when real exports take its place.
  const demoFiles = manifestRegion !== code || !demo ? [...listed.filter(isDemoExport).map((f) => join(measDir, f)), ...(existsSync(manifestPath) ? [manifestPath] : [])] : [];
  return { measDir, realFiles, demo, demoFiles };
}

/** Files of the previous region that the new config no longer names: moved aside (never deleted), and the
 * generated demo files (export, manifest, demo sasaran) that are deleted. */
function previousFiles(
  dataDir: string,
  configPath: string,
  previous: Record<string, unknown> | null,
  code: string,
  meas: MeasurementPlan,
): { toArchive: string[]; removed: string[] } {
  const same = previous?.region === code;
  const toArchive: string[] = [];
  if (existsSync(configPath)) toArchive.push(configPath);
  const addIfFile = (p: unknown) => {
    if (typeof p !== 'string') return;
    const abs = resolve(dataDir, p);
    if (existsSync(abs) && abs.startsWith(dataDir) && !toArchive.includes(abs)) toArchive.push(abs);
  };
  const demoTargets: string[] = [];
  if (!same) {
    addIfFile('lokus-demo.json');
    if (typeof previous?.targets === 'string' && !isDemoFile(previous.targets)) addIfFile(previous.targets);
    addIfFile(previous?.aggregates);
  }
  if ((!same || !meas.demo) && typeof previous?.targets === 'string' && isDemoFile(previous.targets)) demoTargets.push(resolve(dataDir, previous.targets));
  // The synthetic convergence counts are generated like the demo export: another region's go.
  const convergenceDir = (previous?.convergence as { dir?: unknown } | undefined)?.dir;
  if ((!same || !meas.demo) && typeof convergenceDir === 'string') demoTargets.push(resolve(dataDir, convergenceDir, 'demo-konvergensi.csv'));
  const removed = [...meas.demoFiles, ...demoTargets].filter((f) => existsSync(f));
  return { toArchive, removed };
}

/** Moves the files into the archive folder under their data-folder paths (the config is copied: it is rewritten
 * in place); returns where they went. */
function archiveFiles(dataDir: string, configPath: string, toArchive: string[], archiveDir: string): string[] {
  mkdirSync(archiveDir, { recursive: true });
  const archived: string[] = [];
  for (const f of toArchive) {
    const target = join(archiveDir, relative(dataDir, f));
    mkdirSync(resolve(target, '..'), { recursive: true });
    if (f === configPath) copyFileSync(f, target);
    else renameSync(f, target);
    archived.push(target);
  }
  return archived;
}

/** What was done and the next steps, for the official at the terminal. */
function logSummary(
  log: (line: string) => void,
  s: { code: string; name: string; configPath: string; dest: string; dropped: string[]; archiveDir: string | null; archived: string[]; removed: string[]; meas: MeasurementPlan },
): void {
  const { code, name, archiveDir, removed, meas } = s;
  const { demo, measDir } = meas;
  log('');
  log(`${rel(s.configPath)}: ${name} (${code}) — ditulis / written`);
  log(`  batas wilayah / boundaries: ${rel(s.dest)}`);
  if (s.dropped.length) log(`  diganti atau tidak diambil dari konfigurasi lama / replaced or left out from the old config: ${s.dropped.join(', ')}`);
  if (archiveDir) log(`  dipindahkan ke / moved to ${rel(archiveDir)}: ${s.archived.map((a) => relative(archiveDir, a)).join(', ')}`);
  if (removed.length) log(`  dihapus (demo buatan komputer untuk wilayah lain, atau diganti ekspor asli) / deleted (generated demo of another region, or replaced by real exports): ${removed.map((f) => basename(f)).join(', ')}`);
  if (demo) log(`  data: DEMO SINTETIS untuk ${name}, sampai ada ekspor asli di / SYNTHETIC demo data until a real export is in ${rel(measDir)}/`);
  else log(`  data: ${meas.realFiles.join(', ')} (periksa bahwa ini ekspor ${name} / check they are the region's exports)`);
  log('');
  log('Langkah berikut / Next steps:');
  log('  1. npm run build   (situs di / the site in dist/; npm run preview untuk melihatnya / to look at it)');
  if (demo) log(`  2. ekspor e-PPGBM ke / the export into ${rel(measDir)}/, lalu / then: npm run new-region -- ${code} ${rel(s.dest)}   (demo mati / demo off)`);
  log(`  ${demo ? 3 : 2}. opsional / optional: lokus, targets (sasaran), SITE_URL — docs/data-format.md ("Wilayah baru / A new region"), docs/deploy.md`);
}
