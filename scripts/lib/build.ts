/**
 * The data build: config → registry, boundaries, surveys → measurements through worker threads → deduplication
 * (hash-partitioned spill files, so memory does not grow with the rows) → counts, quality → suppression → the
 * published contract, written into a temporary folder and renamed into place only when everything succeeded.
 * Each step is a function of its own module; this file only runs them in order.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { periodIndex, periodOf } from '../../src/lib/aggregate/record.ts';
import { publishedValues } from '../../src/lib/aggregate/values.ts';
import { writePublishedFiles, type PublishInput as ContractInput } from '../../src/lib/publish/publish.ts';
import type { PutFile } from '../../src/lib/publish/files.ts';
import { allowedPeriods, checkReferenceDate, MAX_WORKERS } from '../../src/lib/build-plan.ts';
import { targetTotals } from '../../src/lib/inputs/targets.ts';
import * as Q from '../../src/lib/quality/accumulator.ts';
import { badRowShareProblem, fileLegend, safeLabels, summaryLines, validationReport } from '../../src/lib/validation-report.ts';
import { siteLevels, type Area } from '../../src/lib/types.ts';
import { allAreas, type Registry } from '../../src/lib/areas.ts';
import { CsvPool } from './parallel-csv.ts';
import { BuildError } from './build-error.ts';
import { listMeasurementFiles, readMeasurementFiles, type MeasurementTally } from './measurement-files.ts';
import type { BuildWorkerData } from './build-worker.ts';
import { buildQuality } from './build-quality.ts';
import { Spill } from './spill.ts';
import { regionWarnings } from './region-warnings.ts';
import { readConfig } from './config-file.ts';
import { coverageTable, reportedVersusSum } from '../../src/lib/aggregate/coverage.ts';
import { COVERAGE_INDICATORS } from '../../src/lib/indicators/coverage-defs.ts';
import { coverageResource, writeCoverageFiles } from '../../src/lib/publish/coverage.ts';
import { addAndRollUp, countPartitions, type Counted } from './count-phase.ts';
import { guardOutputFolder, makeWorkFolder, writeAtomically } from './work-folders.ts';
import { cacheFolderOf, FileCache } from './file-cache.ts';
import * as inputs from './small-inputs.ts';

export { BuildError } from './build-error.ts';
export { removeDeadWorkFolders } from './work-folders.ts';

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
  /** Reads a small input's text (default: the file system); tests inject a folder. */
  readText?: (path: string) => string;
  /** Keep each export's reading beside the output (`.<out>.cache`, file-cache.ts) and reuse it when the file did not
   * change: a new round's export is then the only one read. Default off (the CLI turns it on). */
  fileCache?: boolean;
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
  const config = readConfig(configPath);
  const ctx: inputs.InputContext = { config, configPath, dataDir: dirname(configPath), readText: opts.readText ?? inputs.readTextFile, log };
  const measureDir = resolve(ctx.dataDir, config.measurements.dir);
  guardOutputFolder(opts.outDir, [ctx.dataDir, configPath, measureDir], ROOT);
  const referenceDate = resolveReferenceDate(opts.referenceDate, config);
  const registry = inputs.readRegistryOf(ctx);
  const areas = allAreas(registry);
  const aliases = inputs.readAliases(ctx, registry);
  if (aliases.length) log(`Nama lama (daftar wilayah lama) diterima / older area names accepted: ${aliases.map((a) => a.name).join(', ')}`);
  // One worker pool for every measurement file, started now: the workers load the WHO tables while this thread
  // reads the other inputs.
  const cache = opts.fileCache ? new FileCache(cacheFolderOf(resolve(opts.outDir))) : undefined;
  const pool = startPool(areas, aliases, referenceDate, opts.workers === undefined ? undefined : Math.max(1, Math.min(MAX_WORKERS, Math.floor(opts.workers) || 1)), cache?.salt);
  let work: string | undefined;
  try {
    work = makeWorkFolder();
    // Leftovers of another region (title, publisher, a demo export): said before they turn into rejected rows.
    for (const w of regionWarnings(config, ctx.dataDir, registry)) log(`peringatan/warning: ${w}`);
    // First: a synthetic demo writes its export and its sasaran file, which the small inputs then read.
    const files = await measurementFiles(ctx, measureDir);
    const small = readSmallInputs(ctx, registry, areas);
    const allowed = allowedPeriods(config.rounds, config.periods, referenceDate);
    const spill = new Spill(work);
    cache?.setSettings({ measurements: config.measurements, allowed, referenceDate, areas: areas.map((a) => [a.code, a.name, a.parent]), aliases });
    const tally = await readMeasurementFiles({ files, dataDir: ctx.dataDir, config, pool, spill, allowed, work, log, cache });
    spill.close();
    if (cache) {
      cache.prune();
      if (cache.hits > 0) log(`${cache.hits} file pengukuran tidak berubah, dibaca dari cache / measurement file(s) unchanged, read from the cache; ${cache.misses} dibaca / read`);
    }
    const index = areaIndex(areas);
    const aggregates = small.aggregates.map((r) => ({ area: index.indexOf.get(r.code)!, period: periodIndex(r.period), measured: r.measured, cases: r.cases })).filter((r) => allowed.includes(r.period));
    const periodList = observedPeriods(spill, tally, aggregates, measureDir, config.rounds);
    const counted = await countPartitions(pool, spill, areas.length, periodList);
    await pool.close(); // the workers are done: free their memory before publishing
    addAndRollUp(counted, tally.areaRejects, aggregates, new Map(periodList.map((p, i) => [p, i])), index.parentOf);
    return publish({ opts, ctx, registry, areas, index, small, tally, counted, periods: periodList.map(periodOf), files, t0 });
  } finally {
    await pool.close();
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

/** `--reference-date`: a real calendar date, or a BuildError saying so. */
/** The build's "today": the option (checked), else the config's referenceDate, else the current date. */
export function resolveReferenceDate(option: string | undefined, config: { referenceDate?: string }): string {
  return checkedReferenceDate(option) ?? config.referenceDate ?? new Date().toISOString().slice(0, 10);
}

function checkedReferenceDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const c = checkReferenceDate(raw);
  if (!c.ok) throw new BuildError([{ file: '--reference-date', raw, expected: 'YYYY-MM-DD', message: c.message }]);
  return c.value;
}


function areaIndex(areas: readonly Area[]): { indexOf: Map<string, number>; parentOf: Int32Array } {
  const indexOf = new Map(areas.map((a, i) => [a.code, i]));
  return { indexOf, parentOf: Int32Array.from(areas.map((a) => (a.parent ? (indexOf.get(a.parent) ?? -1) : -1))) };
}

function startPool(areas: Area[], aliases: BuildWorkerData['aliases'], referenceDate: string, workers: number | undefined, cacheSalt?: string): CsvPool<BuildWorkerData> {
  // A secret per build mixed into child keys: a key can never be matched against a guessed NIK, even in memory
  // dumps or spill files. Keys are only compared for equality and every count is a sum, so the output stays
  // byte-identical between builds. With the file cache the secret is the cache's own (kept with it, file-cache.ts).
  const keySalt = cacheSalt ?? randomBytes(16).toString('hex');
  return new CsvPool<BuildWorkerData>({
    handler: new URL('./build-worker.ts', import.meta.url),
    handlerData: { referenceDay: referenceDate, areas, aliases, areaIndex: Object.fromEntries(areas.map((a, i) => [a.code, i])), keySalt },
    workers,
  });
}

/** The convergence indicators' files (none when the config has no `convergence`): made with the small inputs, while
 * the workers start, so that their garbage is gone before the publish step's peak. */
function convergenceFiles(ctx: inputs.InputContext, input: ReturnType<typeof inputs.readCoverage>, areas: Area[]) {
  const { rows, targets } = input;
  for (const d of reportedVersusSum(rows, areas)) {
    ctx.log(`peringatan/warning: ${d.indicator} ${d.code} ${d.period}: dilaporkan/reported ${d.reported.join('/')} ≠ jumlah desa/sum of desa ${d.sum.join('/')}; angka yang dilaporkan dipakai / the reported figure is used`);
  }
  const min = ctx.config.suppression.minMeasured;
  const table = coverageTable(rows, areas, COVERAGE_INDICATORS, min);
  // The files themselves are made at publish time, one at a time (a province's would hold ≈340 MB until then).
  const files = { table, areas, defs: COVERAGE_INDICATORS, targets, suppressionMin: min, synthetic: ctx.config.demo.synthetic };
  return { write: (put: PutFile) => writeCoverageFiles(files, put), resource: (p: string) => coverageResource(p, table.indicators, siteLevels(areas)) };
}

function readSmallInputs(ctx: inputs.InputContext, registry: Registry, areas: Area[]) {
  return {
    boundaries: inputs.readBoundaries(ctx, registry),
    surveys: inputs.readSurveys(ctx, registry.region.code),
    lokus: inputs.readLokus(ctx, registry),
    targets: inputs.readTargets(ctx, registry),
    aggregates: inputs.readAggregates(ctx, registry),
    convergence: convergenceFiles(ctx, inputs.readCoverage(ctx, registry), areas),
  };
}
type SmallInputs = ReturnType<typeof readSmallInputs>;

/** The measurement files; the demo export is generated when there is none (or the config asks for it). */
async function measurementFiles(ctx: inputs.InputContext, measureDir: string): Promise<string[]> {
  const files = listMeasurementFiles(measureDir, ctx.dataDir);
  if (files.length > 0 && !ctx.config.demo.synthetic) return files;
  if (files.length === 0 && !ctx.config.demo.synthetic) throw new BuildError([{ file: inputs.shown(measureDir), expected: 'at least one .csv or .csv.gz measurement file', message: 'Tidak ada file pengukuran / No measurement file' }]);
  const { ensureDemoData, ensureDemoCoverage } = await import('./demo-data.ts');
  await ensureDemoData(ctx.dataDir, ctx.config);
  ensureDemoCoverage(ctx.dataDir, ctx.config);
  return listMeasurementFiles(measureDir, ctx.dataDir);
}

/** Periods with an accepted row, a rejected row of a known area, or an aggregate; at least one, or the build stops. */
function observedPeriods(spill: Spill, tally: MeasurementTally, aggregates: { period: number }[], measureDir: string, rounds: string[]): number[] {
  const seen = new Set<number>(spill.periods);
  for (const k of tally.areaRejects.keys()) seen.add(Number(k.split('|')[1]));
  for (const a of aggregates) seen.add(a.period);
  if (seen.size > 0) return [...seen].sort((a, b) => a - b);
  const v = tally.validation;
  const rejected = Object.entries(v.rejected).sort((a, b) => b[1] - a[1]);
  const why = rejected.length ? ` (${v.read} baris dibaca, ditolak/rows read, rejected: ${rejected.map(([r, n]) => `${r} ${n}`).join(', ')})` : '';
  throw new BuildError([{ file: inputs.shown(measureDir), expected: `pengukuran pada bulan ${rounds.join(', ')}`, message: `Tidak ada pengukuran pada periode yang dipublikasikan / No measurement in a published period${why}` }]);
}

interface PublishInput {
  opts: BuildOptions;
  ctx: inputs.InputContext;
  registry: Registry;
  areas: Area[];
  index: { indexOf: Map<string, number>; parentOf: Int32Array };
  small: SmallInputs;
  tally: MeasurementTally;
  counted: Counted;
  periods: string[];
  files: string[];
  t0: number;
}

/** Targets, validation report, suppression, quality and the contract, written atomically; returns the summary. */
function publish(x: PublishInput): BuildSummary {
  const { opts, ctx, areas, periods, counted, tally } = x;
  const { config } = ctx;
  const targets = targetTotals(x.small.targets, x.index.indexOf, x.index.parentOf);
  const targetOf = (a: number, p: number) => targets.get(`${a}|${periods[p].slice(0, 4)}`) ?? null;
  for (let a = 0; a < areas.length; a++) for (let p = 0; p < periods.length; p++) Q.setTarget(counted.quality[a][p], targetOf(a, p));
  const v = tally.validation;
  const tallied = { ...v, duplicatesRemoved: counted.duplicatesRemoved, duplicatesSameDay: counted.duplicatesSameDay, unmatched: [...tally.unmatched.values()] };
  // The console names files; the published report only numbers them (a file name may hold a name or a NIK).
  const names = x.files.map((f) => relative(ctx.dataDir, f));
  const report = validationReport(tallied);
  const published = validationReport(tallied, safeLabels(names));
  const tooMany = badRowShareProblem(report, config.maxBadRowShare, inputs.shown(ctx.configPath));
  if (tooMany) {
    ctx.log(summaryLines(report).join('\n'));
    throw new BuildError([tooMany]);
  }
  const values = publishedValues(counted.table, areas, x.index.parentOf, periods, config.suppression.minMeasured);
  const q = buildQuality(areas, periods, counted.quality, values, config.suppression.minMeasured);
  const publishInput: ContractInput = {
    config,
    region: x.registry.region,
    province: x.registry.province,
    values,
    target: targetOf,
    lokus: x.small.lokus,
    surveys: x.small.surveys.series,
    surveysCsv: x.small.surveys.csv,
    boundaries: x.small.boundaries,
    quality: q.json,
    qualityCsv: q.csv,
    validation: published,
    children: counted.children,
    sha256: (parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex'),
    extra: x.small.convergence,
  };
  let files = 0;
  const meta = writeAtomically(resolve(opts.outDir), (put) => writePublishedFiles(publishInput, (path, text) => (files++, put(path, text))), 'data/v1', opts.beforeCommit);
  for (const l of summaryLines(report)) ctx.log(l);
  if (report.rows_rejected > 0 || report.unmatched_areas.length > 0) ctx.log(fileLegend(names));
  const summary: BuildSummary = {
    outDir: resolve(opts.outDir),
    files,
    rowsRead: v.read,
    rowsAccepted: report.rows_accepted,
    rowsRejected: report.rows_rejected,
    children: counted.children,
    periods,
    dataVersion: meta.data_version,
    seconds: (performance.now() - x.t0) / 1000,
  };
  ctx.log(`data v${meta.data_version}: ${counted.children} anak/children, ${periods.length} periode, ${files} file → ${join(opts.outDir, 'data/v1')} (${summary.seconds.toFixed(1)} s)`);
  return summary;
}

/** Root of the repository (for default paths). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
