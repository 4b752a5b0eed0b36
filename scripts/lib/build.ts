/**
 * The data build: config → registry, boundaries, surveys → measurements through worker threads → deduplication
 * (hash-partitioned spill files, so memory does not grow with the rows) → counts, quality → suppression → the
 * published contract, written into a temporary folder and renamed into place only when everything succeeded.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSiteConfig, type SiteConfig } from '../../src/lib/config.ts';
import { periodIndex, periodOf } from '../../src/lib/aggregate/record.ts';
import { addAggregate, createCountTable, rollUp } from '../../src/lib/aggregate/counts.ts';
import { publishedValues } from '../../src/lib/aggregate/values.ts';
import { publishFiles } from '../../src/lib/publish/publish.ts';
import { toCsv } from '../../src/lib/publish/csv.ts';
import { buildBoundaries, crossCheck, formatCrossCheck } from '../../src/lib/geo/boundaries.ts';
import { parseSurveys } from '../../src/lib/surveys.ts';
import { INDICATORS, type Area, type IndicatorId, type RowProblem, type StructuralError } from '../../src/lib/types.ts';
import * as Q from '../../src/lib/quality/accumulator.ts';
import type { SurveySeries, ValidationJson } from '../../src/lib/site/contract.ts';
import { CsvPool } from './parallel-csv.ts';
import { BuildError } from './build-error.ts';
import { listMeasurementFiles, readMeasurementFiles } from './measurement-files.ts';

export { BuildError, formatStructural } from './build-error.ts';
import { readCrosswalk, readRegistry } from './areas-file.ts';
import type { AreaAlias } from '../../src/lib/csv/names.ts';
import type { BuildWorkerData } from './build-worker.ts';
import { buildQuality } from './build-quality.ts';
import { Spill, addCounts, type CountShape, type PartitionCounts } from './spill.ts';

/** Options of `runBuild`. */
export interface BuildOptions {
  configPath: string;
  /** Output folder; the contract goes to `<outDir>/data/v1/`. */
  outDir: string;
  /** "Today" for future-date checks (YYYY-MM-DD); default: config.referenceDate, else the current date. */
  referenceDate?: string;
  log?: (line: string) => void;
  workers?: number;
  /** Called before the final rename (tests use it to simulate a crash). */
  beforeCommit?: () => void;
}

/** What a build reports. */
export interface BuildSummary {
  outDir: string;
  files: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  children: number;
  periods: string[];
  dataVersion: string;
  seconds: number;
}

/** Runs the whole data build. Throws BuildError on structural problems or too many bad rows. */
export async function runBuild(opts: BuildOptions): Promise<BuildSummary> {
  const t0 = performance.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const configPath = resolve(opts.configPath);
  const dataDir = dirname(configPath);
  const config = readConfig(configPath);
  const referenceDate = opts.referenceDate ?? config.referenceDate ?? new Date().toISOString().slice(0, 10);

  // Areas and boundaries.
  let registry: ReturnType<typeof readRegistry>;
  try {
    registry = readRegistry(config.region, resolve(dataDir, config.areas.file));
  } catch (e) {
    const file = relative(process.cwd(), configPath);
    const msg = (e as Error).message;
    throw new BuildError([(e as NodeJS.ErrnoException).code === 'ENOENT'
      ? { file, raw: config.areas.file, expected: 'file daftar kode wilayah Kemendagri / the Kemendagri area code list', message: 'kunci/key "areas.file": file tidak ada / file not found' }
      : /not in the area list/.test(msg)
        ? { file, raw: config.region, expected: 'kode kabupaten/kota yang ada di daftar wilayah / a kabupaten/kota code in the area list', message: 'kunci/key "region" tidak ada di daftar wilayah / not in the area list' }
        : { file, raw: config.areas.file, expected: 'daftar kode wilayah yang valid / a valid area code list', message: `kunci/key "areas.file": daftar wilayah tidak dapat dibaca / the area list cannot be read (${msg})` }]);
  }
  const areas: Area[] = [registry.region, ...registry.kecamatan, ...registry.desa].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // Older names from the previous code-list edition (areas.file2022): exports made with them still match.
  const aliases = readAliases(config, dataDir, registry, configPath);
  if (aliases.length) log(`Nama lama (daftar wilayah lama) diterima / older area names accepted: ${aliases.map((a) => a.name).join(', ')}`);
  const indexOf = new Map(areas.map((a, i) => [a.code, i]));
  const parentOf = Int32Array.from(areas.map((a) => (a.parent ? (indexOf.get(a.parent) ?? -1) : -1)));

  // A secret per build mixed into child keys: a key can never be matched against a guessed NIK, even in memory
  // dumps or spill files. Keys are only compared for equality and every count is a sum, so the output stays
  // byte-identical between builds.
  const keySalt = randomBytes(16).toString('hex');
  // One worker pool for every measurement file, started now: the workers load the WHO tables while this thread
  // reads the boundaries.
  const pool = new CsvPool<BuildWorkerData>({
    handler: new URL('./build-worker.ts', import.meta.url),
    handlerData: { referenceDay: referenceDate, areas, aliases, areaIndex: Object.fromEntries(areas.map((a, i) => [a.code, i])), keySalt },
    workers: opts.workers,
  });
  try {
    return await buildWithPool();
  } finally {
    await pool.close();
  }

  async function buildWithPool(): Promise<BuildSummary> {
    const boundaries = readBoundaries(config, dataDir, registry, log);
    const surveys = readSurveys(config, dataDir, registry.region.code);
    const lokus = readLokus(config, registry.byCode);

    // Measurement files (the demo export is generated when there is none).
    const measureDir = resolve(dataDir, config.measurements.dir);
    let files = listMeasurementFiles(measureDir, dataDir);
    if (files.length === 0 || config.demo.synthetic) {
      if (files.length === 0 && !config.demo.synthetic) throw new BuildError([{ file: relative(process.cwd(), measureDir) || measureDir, expected: 'at least one .csv or .csv.gz measurement file', message: 'Tidak ada file pengukuran / No measurement file' }]);
      const { ensureDemoData } = await import('./demo-data.ts');
      await ensureDemoData(dataDir, config);
      files = listMeasurementFiles(measureDir, dataDir);
    }
    const allowed = allowedPeriods(config, referenceDate);

    removeDeadWorkFolders();
    const work = mkdtempSync(join(tmpdir(), `${WORK_PREFIX}${process.pid}-`));
    try {
      const spill = new Spill(work);
      const { validation, unmatched, areaRejects } = await readMeasurementFiles({ files, dataDir, config, pool, spill, allowed, work, log });
      spill.close();

      // Deduplicate partition by partition, then count (in the workers: see spill.ts).
      const periodSlots = new Map<number, number>();
      const observedPeriods = new Set<number>();
      for (const p of spill.periods) observedPeriods.add(p);
      for (const k of areaRejects.keys()) observedPeriods.add(Number(k.split('|')[1]));
      const aggregates = readAggregates(config, dataDir, indexOf, allowed);
      for (const a of aggregates) observedPeriods.add(a.period);
      const periodList = [...observedPeriods].sort((a, b) => a - b);
      periodList.forEach((p, i) => periodSlots.set(p, i));
      const periods = periodList.map(periodOf);
      if (periods.length === 0) {
        const rejected = Object.entries(validation.rejected).sort((a, b) => b[1] - a[1]);
        const why = rejected.length ? ` (${validation.read} baris dibaca, ditolak/rows read, rejected: ${rejected.map(([r, n]) => `${r} ${n}`).join(', ')})` : '';
        throw new BuildError([{ file: relative(process.cwd(), measureDir), expected: `pengukuran pada bulan ${config.rounds.join(', ')}`, message: `Tidak ada pengukuran pada periode yang dipublikasikan / No measurement in a published period${why}` }]);
      }

      const table = createCountTable(areas.length, periods.length);
      const quality = areas.map(() => periods.map(() => Q.createQualityAccumulator()));
      let children = 0;
      let duplicatesRemoved = 0;
      let duplicatesSameDay = 0;
      const shape: CountShape = { nAreas: areas.length, periods: periodList };
      await pool.callEach('countBegin', shape);
      // at most two partitions queued per worker: a faster worker takes more
      let next = 0;
      const paths = spill.paths;
      await Promise.all(
        Array.from({ length: pool.size * 2 }, async () => {
          while (next < paths.length) await pool.call('countPartition', paths[next++]);
        }),
      );
      for (const part of await pool.callEach<PartitionCounts>('countResult')) {
        addCounts({ table, quality }, part);
        children += part.children;
        duplicatesRemoved += part.duplicatesRemoved;
        duplicatesSameDay += part.duplicatesSameDay;
      }
      // The workers are done: free their memory before publishing.
      await pool.close();
      for (const [key, n] of areaRejects) {
        const [a, p, reason] = key.split('|');
        Q.addRejected(quality[Number(a)][periodSlots.get(Number(p))!], reason, n);
      }
      for (const ag of aggregates) addAggregate(table, ag.area, periodSlots.get(ag.period)!, ag.measured, ag.cases);
      rollUp(table, parentOf);
      for (let a = areas.length - 1; a >= 0; a--) {
        const p = parentOf[a];
        if (p >= 0) for (let s = 0; s < periods.length; s++) Q.mergeQuality(quality[p][s], quality[a][s]);
      }

      // Targets (sasaran) per desa and year, rolled up.
      const targets = readTargets(config, dataDir, indexOf, parentOf, areas.length);
      const targetOf = (a: number, p: number) => targets.get(`${a}|${periods[p].slice(0, 4)}`) ?? null;
      for (let a = 0; a < areas.length; a++) for (let p = 0; p < periods.length; p++) Q.setTarget(quality[a][p], targetOf(a, p));

      // Bad-row share.
      const rejectedRows = Object.values(validation.rejected).reduce((s, v) => s + v, 0);
      const accepted = validation.read - rejectedRows;
      const share = validation.read > 0 ? rejectedRows / validation.read : 0;
      const validationJson: ValidationJson & Record<string, unknown> = {
        rows_read: validation.read,
        rows_accepted: accepted,
        rows_rejected: rejectedRows,
        rows_outside_rounds: validation.outsideRounds,
        // Accepted rows of a child already measured in the same period: only the latest measurement counts.
        duplicates_removed: duplicatesRemoved,
        duplicates_same_day: duplicatesSameDay,
        by_reason: sortObject(validation.rejected),
        examples: groupExamples(validation.examples),
        unmatched_areas: [...unmatched.values()]
          .sort((x, y) => y.count - x.count || x.fileIndex - y.fileIndex || x.firstLine - y.firstLine)
          .map((u) => ({ kecamatan: u.kecamatan, desa: u.desa, ...(u.code ? { code: u.code } : {}), count: u.count, first_line: u.firstLine, file: u.file })),
        ...(validation.filesSkipped.length ? { files_skipped: validation.filesSkipped } : {}),
      };
      if (share > config.maxBadRowShare) {
        log(summaryLines(validationJson).join('\n'));
        throw new BuildError([{ file: relative(process.cwd(), configPath), expected: `paling banyak ${(config.maxBadRowShare * 100).toFixed(1)}% baris bermasalah (maxBadRowShare)`, message: `${(share * 100).toFixed(1)}% baris ditolak (${rejectedRows} dari ${validation.read}) / ${(share * 100).toFixed(1)}% of rows rejected` }]);
      }

      const values = publishedValues(table, areas, parentOf, periods, config.suppression.minMeasured);
      const q = buildQuality(areas, periods, quality, values, config.suppression.minMeasured);
      const files2 = publishFiles({
        config,
        region: registry.region,
        province: registry.province,
        values,
        target: targetOf,
        lokus,
        surveys: surveys.series,
        surveysCsv: surveys.csv,
        boundaries,
        quality: q.json,
        qualityCsv: q.csv,
        validation: validationJson,
        children,
        sha256: (t) => createHash('sha256').update(t).digest('hex'),
      });
      const meta = JSON.parse(files2.get('meta.json')!);
      writeAtomically(resolve(opts.outDir), files2, opts.beforeCommit);
      for (const l of summaryLines(validationJson)) log(l);
      const summary: BuildSummary = {
        outDir: resolve(opts.outDir),
        files: files2.size,
        rowsRead: validation.read,
        rowsAccepted: accepted,
        rowsRejected: rejectedRows,
        children,
        periods,
        dataVersion: meta.data_version,
        seconds: (performance.now() - t0) / 1000,
      };
      log(`data v${meta.data_version}: ${children} anak/children, ${periods.length} periode, ${files2.size} file → ${join(opts.outDir, 'data/v1')} (${summary.seconds.toFixed(1)} s)`);
      return summary;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** Reads and validates the config; JSON syntax errors name line and column. */
export function readConfig(configPath: string): SiteConfig {
  const display = relative(process.cwd(), configPath) || configPath;
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (e) {
    throw new BuildError([{ file: display, expected: 'file konfigurasi site.config.json', message: `Tidak dapat dibaca / Cannot be read (${(e as NodeJS.ErrnoException).code})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const pos = m ? Number(m[1]) : 0;
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    throw new BuildError([{ file: display, line, column, raw: text.slice(pos, pos + 20).split('\n')[0], expected: 'JSON yang valid / valid JSON', message: `JSON tidak valid / invalid JSON: ${(e as Error).message}` }]);
  }
  const r = parseSiteConfig(json);
  if (!r.ok) {
    throw new BuildError(r.issues.map((i) => ({ file: display, expected: i.message, message: `kunci/key "${i.key}" tidak valid / invalid`, raw: String(rawAt(json, i.key) ?? '') })));
  }
  // Addresses end up in links (href) on the site: only http(s), never javascript:, data: or file: URLs.
  const urls: [string, string | null | undefined][] = [['siteUrl', r.config.siteUrl], ['publisher.url', r.config.publisher.url], ['licence.url', r.config.licence.url], ['basemap.tiles', r.config.basemap?.tiles]];
  const badUrls = urls.filter(([, u]) => u != null && !isWebUrl(u));
  if (badUrls.length) {
    throw new BuildError(badUrls.map(([key, u]) => ({ file: display, raw: String(u), expected: 'alamat http:// atau https:// / an http:// or https:// address', message: `kunci/key "${key}" tidak valid / invalid` })));
  }
  return r.config;
}

/** True for an absolute http(s) URL (the only kind published as a link). */
export function isWebUrl(u: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(u.trim());
}

function rawAt(obj: unknown, key: string): unknown {
  let o: unknown = obj;
  for (const k of key.split('.')) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Record<string, unknown>)[k];
  }
  return typeof o === 'object' ? JSON.stringify(o) : o;
}

/** Published period indexes: the configured months, within the configured range, not after the reference date. */
function allowedPeriods(config: SiteConfig, referenceDate: string): number[] {
  const from = periodIndex(config.periods.from ?? '2000-01');
  const to = Math.min(periodIndex(config.periods.to ?? '2100-12'), periodIndex(referenceDate.slice(0, 7)));
  const months = new Set(config.rounds.map(Number));
  const out: number[] = [];
  for (let p = from; p <= to; p++) if (months.has((p % 12) + 1)) out.push(p);
  return out;
}

/** Work folders (spill files) are `<tmp>/stunting-build-<pid>-XXXXXX`; a build removes its own when it ends. */
const WORK_PREFIX = 'stunting-build-';

/** Removes the work folders of builds that were killed (their process no longer exists): a killed 5M-row build leaves
 * hundreds of MB of spill files. A folder whose process is alive (another build running) is left alone. */
export function removeDeadWorkFolders(dir: string = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(WORK_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(WORK_PREFIX.length))?.[1]);
    if (!pid) continue;
    if (pid === process.pid || processAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      /* not ours to remove (permissions): leave it */
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Areas renamed since the older code list (not mere spelling changes, which the matcher's normalisation covers),
 * as aliases for name matching; none when `areas.file2022` is not set. */
function readAliases(config: SiteConfig, dataDir: string, registry: ReturnType<typeof readRegistry>, configPath: string): AreaAlias[] {
  if (!config.areas.file2022) return [];
  try {
    return readCrosswalk(registry, resolve(dataDir, config.areas.file2022))
      .renamed.filter((r) => !r.spellingOnly)
      .map((r) => ({ code: r.code, name: r.oldName }));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BuildError([{ file: relative(process.cwd(), configPath), raw: config.areas.file2022, expected: 'daftar kode wilayah lama (kode,nama,level) / the older area code list (kode,nama,level)', message: `kunci/key "areas.file2022": ${missing ? 'file tidak ada / file not found' : `tidak dapat dibaca / cannot be read (${(e as Error).message})`}` }]);
  }
}

function readBoundaries(config: SiteConfig, dataDir: string, registry: ReturnType<typeof readRegistry>, log: (l: string) => void) {
  const dir = resolve(dataDir, config.boundaries);
  const file = join(dir, 'desa.geojson');
  let desa;
  try {
    desa = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new BuildError([{ file: relative(process.cwd(), file), expected: 'GeoJSON FeatureCollection batas desa (properti "kode")', message: `Batas wilayah tidak dapat dibaca / Boundaries cannot be read: ${(e as Error).message}` }]);
  }
  const check = crossCheck(registry, desa.features);
  for (const l of formatCrossCheck(check)) log(`peringatan/warning: ${l}`);
  const known = new Set(registry.desa.map((d) => d.code));
  const topo = buildBoundaries({ ...desa, features: desa.features.filter((f: { properties: { kode: string } }) => known.has(f.properties?.kode)) }, { names: registry.byCode });
  return { desa: JSON.stringify(topo.desa), kecamatan: JSON.stringify(topo.kecamatan), kabupaten: JSON.stringify(topo.kabupaten) };
}

function readSurveys(config: SiteConfig, dataDir: string, region: string): { series: SurveySeries[]; csv: string } {
  const file = resolve(dataDir, config.surveys);
  if (!existsSync(file)) return { series: [], csv: toCsv(['level', 'code', 'name', 'source', 'year', 'prevalence', 'source_url', 'note'], []) };
  const parsed = parseSurveys(readFileSync(file, 'utf8'), region);
  const badUrls = parsed.flatMap((s) => s.points.filter((p) => p.sourceUrl && !isWebUrl(p.sourceUrl)).map((p) => ({ s, p })));
  if (badUrls.length) {
    throw new BuildError(badUrls.map(({ s, p }) => ({ file: relative(process.cwd(), file), raw: p.sourceUrl, expected: 'alamat http:// atau https:// / an http:// or https:// address', message: `source_url ${s.code} ${s.source} ${p.year} tidak valid / invalid` })));
  }
  const series: SurveySeries[] = parsed.map((s) => ({
    level: s.level,
    code: s.code,
    name: s.name,
    source: s.source,
    points: s.points.map((p) => ({ year: p.year, prevalence: p.prevalence, source_url: p.sourceUrl, note: p.note })),
  }));
  const rows = series.flatMap((s) => s.points.map((p) => [s.level, s.code, s.name, s.source, p.year, p.prevalence, p.source_url, p.note ?? '']));
  return { series, csv: toCsv(['level', 'code', 'name', 'source', 'year', 'prevalence', 'source_url', 'note'], rows) };
}

function readLokus(config: SiteConfig, byCode: Map<string, Area>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const problems: StructuralError[] = [];
  for (const [year, codes] of Object.entries(config.lokus)) {
    codes.forEach((code, i) => {
      const a = byCode.get(code);
      if (!a || a.level !== 'desa') {
        problems.push({ file: 'site.config.json', expected: 'kode desa/kelurahan di wilayah ini / a desa code of this region', message: `kunci/key "lokus.${year}[${i}]" tidak dikenal / unknown`, raw: code });
        return;
      }
      out.set(code, [...(out.get(code) ?? []), Number(year)]);
    });
  }
  if (problems.length) throw new BuildError(problems);
  return out;
}

interface AggregateRow {
  area: number;
  period: number;
  measured: number;
  cases: Partial<Record<IndicatorId, number>>;
}

/** Pre-aggregated village counts: `area_code, period, measured, <indicator>...` (cases per indicator). */
function readAggregates(config: SiteConfig, dataDir: string, indexOf: Map<string, number>, allowed: number[]): AggregateRow[] {
  if (!config.aggregates) return [];
  const dir = resolve(dataDir, config.aggregates);
  if (!existsSync(dir)) return [];
  const ok = new Set(allowed);
  const out: AggregateRow[] = [];
  const seen = new Set<string>();
  const problems: StructuralError[] = [];
  for (const f of readdirSync(dir).filter((x) => /\.csv$/i.test(x)).sort()) {
    const display = join(config.aggregates, f);
    const lines = readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    const delim = lines[0].includes(';') ? ';' : ',';
    const header = lines[0].split(delim).map((h) => h.trim().toLowerCase());
    for (const need of ['area_code', 'period', 'measured']) {
      if (!header.includes(need)) problems.push({ file: display, line: 1, column: header.length + 1, expected: `kolom ${need}`, message: `Kolom wajib tidak ditemukan / Required column missing: ${need}`, raw: lines[0] });
    }
    if (problems.length) continue;
    const col = (name: string) => header.indexOf(name);
    for (let i = 1; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      const cells = lines[i].split(delim).map((c) => c.trim());
      const code = cells[col('area_code')];
      const period = cells[col('period')];
      const area = indexOf.get(code);
      const bad = (column: string, raw: string, expected: string) =>
        problems.push({ file: display, line: i + 1, column: col(column) + 1, raw, expected, message: 'Nilai tidak valid / Invalid value' });
      if (area === undefined || code.split('.').length !== 4) { bad('area_code', code, 'kode desa wilayah ini / a desa code of this region'); continue; }
      if (!/^\d{4}-\d{2}$/.test(period)) { bad('period', period, 'YYYY-MM'); continue; }
      const measured = Number(cells[col('measured')]);
      if (!Number.isInteger(measured) || measured < 0) { bad('measured', cells[col('measured')], 'bilangan bulat ≥ 0'); continue; }
      const key = `${code}|${period}`;
      if (seen.has(key)) { bad('area_code', code, 'satu baris per desa dan periode / one row per desa and period'); continue; }
      seen.add(key);
      const cases: Partial<Record<IndicatorId, number>> = {};
      for (const id of INDICATORS) {
        const c = col(id);
        if (c < 0 || cells[c] === '' || cells[c] === undefined) continue;
        const v = Number(cells[c]);
        if (!Number.isInteger(v) || v < 0 || v > measured) { bad(id, cells[c], `bilangan bulat 0..${measured}`); continue; }
        cases[id] = v;
      }
      const p = periodIndex(period);
      if (ok.has(p)) out.push({ area, period: p, measured, cases });
    }
  }
  if (problems.length) throw new BuildError(problems);
  return out;
}

/** Target children per area and year (`desa_code, year, target`), summed to kecamatan and kabupaten. */
function readTargets(config: SiteConfig, dataDir: string, indexOf: Map<string, number>, parentOf: Int32Array, nAreas: number): Map<string, number> {
  const out = new Map<string, number>();
  if (!config.targets) return out;
  const file = resolve(dataDir, config.targets);
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const delim = lines[0].includes(';') ? ';' : ',';
  const header = lines[0].split(delim).map((h) => h.trim().toLowerCase());
  const [ci, yi, ti] = ['desa_code', 'year', 'target'].map((c) => header.indexOf(c));
  if (ci < 0 || yi < 0 || ti < 0) throw new BuildError([{ file: config.targets, line: 1, raw: lines[0], expected: 'kolom desa_code, year, target', message: 'Kolom sasaran tidak lengkap / Target columns missing' }]);
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const c = lines[i].split(delim).map((x) => x.trim());
    let a = indexOf.get(c[ci]);
    const target = Number(c[ti]);
    if (a === undefined || !Number.isFinite(target)) throw new BuildError([{ file: config.targets, line: i + 1, raw: lines[i], expected: 'kode desa dan angka sasaran', message: 'Baris sasaran tidak valid / Invalid target row' }]);
    while (a >= 0) {
      const key = `${a}|${c[yi]}`;
      out.set(key, (out.get(key) ?? 0) + target);
      a = parentOf[a];
    }
  }
  void nAreas;
  return out;
}

/** Writes every file into `<outDir>.tmp`, then swaps it in: readers see the old output or the new, never half.
 * Folders left by a killed build (a dead process id in the name) are removed first; if one was killed between the
 * two renames, its previous output (`.old-<pid>`) is put back. A failed write removes its own temporary folder. */
function writeAtomically(outDir: string, files: Map<string, string>, beforeCommit?: () => void): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const base = basename(outDir);
  const tmp = join(parent, `.${base}.tmp-${process.pid}`);
  const old = join(parent, `.${base}.old-${process.pid}`);
  for (const f of readdirSync(parent)) {
    const m = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`).exec(f);
    if (!m || isAlive(Number(m[2]))) continue;
    if (m[1] === 'old' && !existsSync(outDir)) renameSync(join(parent, f), outDir);
    else rmSync(join(parent, f), { recursive: true, force: true });
  }
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const full = join(tmp, 'data/v1', path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    beforeCommit?.();
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
  } catch (e) {
    if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/** True when a process with this id exists (it may belong to another user). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sortObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function groupExamples(ex: RowProblem[]): NonNullable<ValidationJson['examples']> {
  const out: NonNullable<ValidationJson['examples']> = {};
  for (const e of [...ex].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))) {
    (out[e.reason] ??= []).push({ file: e.file, line: e.line, ...(e.column ? { column: e.column } : {}), ...(e.raw !== undefined ? { raw: e.raw } : {}) });
  }
  return sortObject(out);
}

/** A readable summary of the validation report. */
export function summaryLines(v: ValidationJson & Record<string, unknown>): string[] {
  const lines = [`baris dibaca/rows read: ${v.rows_read}, diterima/accepted: ${v.rows_accepted}, ditolak/rejected: ${v.rows_rejected}`];
  if (typeof v.duplicates_removed === 'number' && v.duplicates_removed > 0) {
    lines.push(`  pengukuran ganda dalam satu periode (hanya yang terakhir dihitung) / repeat measurements in a period (latest counts): ${v.duplicates_removed}, ${v.duplicates_same_day} pada hari yang sama / on the same day`);
  }
  for (const [reason, n] of Object.entries(v.by_reason)) {
    const ex = (v.examples?.[reason] ?? []).slice(0, 3).map((e) => `${e.file}:${e.line}${e.column ? ` [${e.column}${e.raw !== undefined ? `="${e.raw}"` : ''}]` : ''}`);
    lines.push(`  ${reason}: ${n}${ex.length ? ` — mis./e.g. ${ex.join('; ')}` : ''}`);
  }
  const um = v.unmatched_areas ?? [];
  if (um.length) {
    lines.push(`  wilayah tidak dikenal / unknown areas: ${um.length} nama`);
    for (const u of um.slice(0, 10) as (typeof um[number] & { code?: string })[]) {
      const what = u.code ? `kode "${u.code}"` : `Kec. "${u.kecamatan}" Desa "${u.desa}"`;
      lines.push(`    ${what}: ${u.count} baris (pertama/first ${u.file}:${u.first_line})`);
    }
  }
  return lines;
}

/** Root of the repository (for default paths). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
