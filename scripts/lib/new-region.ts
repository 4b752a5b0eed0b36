/**
 * `npm run new-region -- <kode> <desa.geojson>`: points the data folder at another kabupaten/kota in one step.
 * Checks the region against the code list and the shapes against the region, copies the shapes to
 * `boundaries/<name>-<kode>/desa.geojson`, moves the previous region's files aside (config, lokus and sasaran files
 * into `arsip/<old kode>-<time>/`; the generated demo export of another region is deleted, the build makes a new one)
 * and writes a clean `site.config.json` (src/lib/region-setup.ts). Nothing is changed when a check fails.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseSiteConfig } from '../../src/lib/config.ts';
import { boundaryFolderName, isDemoFile, newRegionConfig, normaliseRegionCode } from '../../src/lib/region-setup.ts';
import { AREAS_2025, readRegistry } from './areas-file.ts';
import { buildBoundaryReport, formatBoundaryReport, readDesaGeoJson } from './boundaries-report.ts';
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
  const rel = (p: string) => relative(process.cwd(), p) || p;

  const code = normaliseRegionCode(o.region);
  if (!code) throw new NewRegionError(`"${o.region}" bukan kode kabupaten/kota / is not a kab/kota code: expected e.g. 33.17 or 3317`);

  // The previous config, as written (an unreadable one is archived as it is).
  let previous: Record<string, unknown> | null = null;
  if (existsSync(configPath)) {
    try {
      previous = JSON.parse(readFileSync(configPath, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      log(`${rel(configPath)}: JSON tidak valid, disimpan di arsip / invalid JSON, kept in the archive`);
    }
  }
  const areasRel = (previous?.areas as { file?: string } | undefined)?.file;
  const areasFile = areasRel ? resolve(dataDir, areasRel) : existsSync(join(dataDir, 'areas/kode_wilayah_2025.csv.gz')) ? join(dataDir, 'areas/kode_wilayah_2025.csv.gz') : AREAS_2025;
  let registry: ReturnType<typeof readRegistry>;
  try {
    registry = readRegistry(code, areasFile);
  } catch (e) {
    throw new NewRegionError(`${code}: tidak ada di daftar wilayah / not in the area list ${rel(areasFile)} (${(e as Error).message})`);
  }
  const region = registry.region;

  // The shapes must be this region's.
  const source = resolve(o.geojson);
  if (!existsSync(source)) throw new NewRegionError(`${o.geojson}: file tidak ada / file not found`);
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
      `${o.geojson}: tidak satu pun dari ${desa.features.length} bentuk adalah desa ${region.name} (${code}) / none of the ${desa.features.length} shapes is a desa of the region ` +
        `(kode: ${sample || '-'}). Diharapkan properti "kode" berisi kode desa bertitik / expected a property "kode" with the dotted desa code, e.g. ${registry.desa[0]?.code ?? `${code}.01.2001`}`,
    );
  }
  for (const l of formatBoundaryReport(registry, rel(source), desa.features.length, report)) log(l);

  // Measurement files: the demo export of another region goes (it is generated); real exports stay.
  const measRel = (previous?.measurements as { dir?: string } | undefined)?.dir ?? 'measurements';
  const measDir = resolve(dataDir, measRel);
  const removed: string[] = [];
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

  // Files of the previous region that the new config no longer names: moved aside, never deleted.
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
  if ((!same || !demo) && typeof previous?.targets === 'string' && isDemoFile(previous.targets)) demoTargets.push(resolve(dataDir, previous.targets));
  // The synthetic convergence counts are generated like the demo export: another region's go.
  const convergenceDir = (previous?.convergence as { dir?: unknown } | undefined)?.dir;
  if ((!same || !demo) && typeof convergenceDir === 'string') demoTargets.push(resolve(dataDir, convergenceDir, 'demo-konvergensi.csv'));
  for (const f of [...demoFiles, ...demoTargets]) if (existsSync(f)) removed.push(f);

  // The new config, checked before anything is written.
  const folder = `boundaries/${boundaryFolderName({ code, name: region.name })}`;
  const { config, dropped } = newRegionConfig(previous, region, { boundaries: folder, demo });
  const parsed = parseSiteConfig(config);
  if (!parsed.ok) throw new NewRegionError(`site.config.json baru tidak valid / the new config is invalid: ${parsed.issues.map((i) => `${i.key}: ${i.message}`).join('; ')}`);

  // From here on, files change.
  const dest = join(dataDir, folder, 'desa.geojson');
  mkdirSync(join(dataDir, folder), { recursive: true });
  if (!existsSync(dest) || realpathSync(dest) !== realpathSync(source)) copyFileSync(source, dest);
  let archiveDir: string | null = null;
  const archived: string[] = [];
  if (toArchive.length) {
    const stamp = (o.now ?? new Date()).toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
    archiveDir = join(dataDir, 'arsip', `${typeof previous?.region === 'string' ? previous.region : 'lama'}-${stamp}`);
    mkdirSync(archiveDir, { recursive: true });
    for (const f of toArchive) {
      const target = join(archiveDir, relative(dataDir, f));
      mkdirSync(resolve(target, '..'), { recursive: true });
      if (f === configPath) copyFileSync(f, target);
      else renameSync(f, target);
      archived.push(target);
    }
  }
  for (const f of removed) rmSync(f, { force: true });
  const tmp = `${configPath}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`);
  renameSync(tmp, configPath);

  log('');
  log(`${rel(configPath)}: ${region.name} (${code}) — ditulis / written`);
  log(`  batas wilayah / boundaries: ${rel(dest)}`);
  if (dropped.length) log(`  diganti atau tidak diambil dari konfigurasi lama / replaced or left out from the old config: ${dropped.join(', ')}`);
  if (archiveDir) log(`  dipindahkan ke / moved to ${rel(archiveDir)}: ${archived.map((a) => relative(archiveDir!, a)).join(', ')}`);
  if (removed.length) log(`  dihapus (demo buatan komputer untuk wilayah lain, atau diganti ekspor asli) / deleted (generated demo of another region, or replaced by real exports): ${removed.map((f) => basename(f)).join(', ')}`);
  if (demo) log(`  data: DEMO SINTETIS untuk ${region.name}, sampai ada ekspor asli di / SYNTHETIC demo data until a real export is in ${rel(measDir)}/`);
  else log(`  data: ${realFiles.join(', ')} (periksa bahwa ini ekspor ${region.name} / check they are the region's exports)`);
  log('');
  log('Langkah berikut / Next steps:');
  log('  1. npm run build   (situs di / the site in dist/; npm run preview untuk melihatnya / to look at it)');
  if (demo) log(`  2. ekspor e-PPGBM ke / the export into ${rel(measDir)}/, lalu / then: npm run new-region -- ${code} ${rel(dest)}   (demo mati / demo off)`);
  log(`  ${demo ? 3 : 2}. opsional / optional: lokus, targets (sasaran), SITE_URL — docs/data-format.md ("Wilayah baru / A new region"), docs/deploy.md`);
  return { region: { code, name: region.name }, configPath, boundaries: folder, demo, archived, archiveDir, removed, problems: report.problems };
}
