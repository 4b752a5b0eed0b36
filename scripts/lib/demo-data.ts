/**
 * Writes the synthetic demo export into the measurements folder: one gzip file per round (`demo-YYYY-MM.csv.gz`)
 * and `demo-manifest.json` (what was injected, no personal data). The generator itself is pure
 * (src/lib/demo); this file only reads the config, registry and WHO tables and writes the files atomically.
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import { createGzip, gzipSync, type Gzip } from 'node:zlib';
import { parseSiteConfig, type SiteConfig } from '../../src/lib/config.ts';
import { planDemo, type DemoRegistry } from '../../src/lib/demo/plan.ts';
import { streamDemoByDesa, type DemoStreamStats } from '../../src/lib/demo/stream.ts';
import { formatHeader, formatRows, demoFileName } from '../../src/lib/demo/export-format.ts';
import { isProvinceCode, provinceDemoRegistry } from '../../src/lib/demo/province.ts';
import { addDesaToManifest, createManifest, type DemoManifest } from '../../src/lib/demo/manifest.ts';
import { demoCoverageCsv } from '../../src/lib/demo/coverage.ts';
import { COVERAGE_INDICATORS } from '../../src/lib/indicators/coverage-defs.ts';
import { readAreaListText, readRegistry } from './areas-file.ts';
import { readWhoTables } from './who-files.ts';

/** Fixed gzip level: the bytes depend on it, so it is part of the determinism contract. 6 (zlib's default) is about
 * twice as fast as 9 for 2% larger files. */
export const DEMO_GZIP_LEVEL = 6;

/** Where the demo's target (sasaran) file goes: the config's `targets` path, when it names a file inside the data
 * folder whose name starts with `demo-` (so a real target file is never overwritten). */
export function demoTargetsPath(configDir: string, config: SiteConfig): string | null {
  if (!config.targets || !basename(config.targets).startsWith('demo-')) return null;
  return resolve(configDir, config.targets);
}

/** Files the data build treats as measurement exports (same rule as scripts/lib/build.ts). */
import { MEASUREMENT_EXT } from './measurement-files.ts';

/** One written file. */
export interface WrittenDemoFile {
  path: string;
  period: string;
  rows: number;
  /** Uncompressed and gzip sizes in bytes. */
  textBytes: number;
  gzipBytes: number;
}

/** What writeDemoData did. */
export interface DemoDataSummary {
  dir: string;
  region: string;
  seed: number;
  files: WrittenDemoFile[];
  manifestPath: string;
  ms: number;
}

/**
 * Gzip with a reproducible header: Node's zlib writes MTIME 0 and no file name already (checked here, so a change
 * in zlib cannot silently break byte-identical output); the OS byte is set to 3 (Unix) so the bytes do not depend
 * on the platform zlib was built for.
 */
export function deterministicGzip(data: Buffer | string): Buffer {
  return fixGzipHeader(gzipSync(data, { level: DEMO_GZIP_LEVEL }));
}

function fixGzipHeader(gz: Buffer): Buffer {
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[3] !== 0 || gz.readUInt32LE(4) !== 0) {
    throw new Error('zlib wrote a gzip header with flags or a modification time; demo output would not be reproducible');
  }
  gz[9] = 3;
  return gz;
}

/** Writes bytes next to their final path under a temporary name (not matching the measurement file pattern, so a
 * build never reads a half-written file) and returns that name. */
function writeTemp(path: string, bytes: Buffer | string): string {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  return tmp;
}

/** Reads and validates `site.config.json` in configDir; a missing file gives the defaults for Banyuwangi (35.10) so
 * that `npm run generate-demo` works on a bare checkout. */
export function readDemoConfig(configDir: string): SiteConfig {
  const path = join(configDir, 'site.config.json');
  const json: unknown = existsSync(path)
    ? JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
    : { region: '35.10', boundaries: 'boundaries', demo: { synthetic: true, seed: 20250801 } };
  const r = parseSiteConfig(json);
  if (!r.ok) throw new Error(`${path}: ${r.issues.map((i) => `${i.key}: ${i.message}`).join('; ')}`);
  return r.config;
}

/** The demo registry of the config's region: a kab/kota (`35.10`) or a whole province (`35`, optionally only its
 * first `maxKab` kab/kota, for measuring a part of it). */
export function readDemoRegistry(regionCode: string, areasPath: string, maxKab?: number): DemoRegistry {
  return isProvinceCode(regionCode) ? provinceDemoRegistry(readAreaListText(areasPath), regionCode, maxKab) : readRegistry(regionCode, areasPath);
}

/** One round file being written: gzip stream into a temporary file, with the byte count and the OS byte fixed. */
interface RoundSink {
  path: string;
  tmp: string;
  period: string;
  gz: Gzip;
  file: WriteStream;
  rows: number;
  textBytes: number;
  gzipBytes: number;
  done: Promise<void>;
}

function openRoundSink(dir: string, period: string): RoundSink {
  const path = join(dir, demoFileName(period));
  const tmp = `${path}.tmp-${process.pid}`;
  const gz = createGzip({ level: DEMO_GZIP_LEVEL });
  const file = createWriteStream(tmp);
  const sink: RoundSink = { path, tmp, period, gz, file, rows: 0, textBytes: 0, gzipBytes: 0, done: Promise.resolve() };
  // Same header rule as deterministicGzip: no flags or time (checked), OS byte 3; the header is in the first bytes.
  gz.on('data', (chunk: Buffer) => {
    if (sink.gzipBytes < 10) {
      const at = 9 - sink.gzipBytes;
      if (sink.gzipBytes === 0 && (chunk[0] !== 0x1f || chunk[1] !== 0x8b || chunk[3] !== 0 || chunk.readUInt32LE(4) !== 0)) {
        gz.destroy(new Error('zlib wrote a gzip header with flags or a modification time; demo output would not be reproducible'));
        return;
      }
      if (at < chunk.length) chunk[at] = 3;
    }
    sink.gzipBytes += chunk.length;
    if (!file.write(chunk)) {
      gz.pause();
      file.once('drain', () => gz.resume());
    }
  });
  sink.done = new Promise((res, rej) => {
    gz.on('error', rej);
    file.on('error', rej);
    gz.on('end', () => file.end());
    file.on('finish', () => res());
  });
  sink.done.catch(() => {}); // awaited (and reported) by the caller; no unhandled rejection meanwhile
  return sink;
}

/** Writes text to a sink, waiting while zlib's input buffer is full (so memory stays bounded). */
async function writeSink(sink: RoundSink, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  sink.textBytes += bytes.length;
  if (!sink.gz.write(bytes)) await Promise.race([once(sink.gz, 'drain'), sink.done]);
}

/**
 * Generates the demo rounds for the config's region, seed, round months and period range, writes them into the
 * measurements folder (config.measurements.dir under configDir) and returns what was written. Existing demo files
 * are overwritten; other files are left alone. Streams: one desa at a time for every round (src/lib/demo/stream.ts),
 * each round gzipped into its own file as it grows, so memory does not grow with the number of rows.
 */
export async function writeDemoData(
  configDir: string,
  config: SiteConfig = readDemoConfig(configDir),
  opts: { childrenPerRound?: number; maxKab?: number; log?: (line: string) => void; stats?: DemoStreamStats } = {},
): Promise<DemoDataSummary> {
  const t0 = performance.now();
  const dir = resolve(configDir, config.measurements.dir);
  mkdirSync(dir, { recursive: true });
  const registry = readDemoRegistry(config.region, resolve(configDir, config.areas.file), opts.maxKab);
  const tables = readWhoTables();
  const plan = planDemo(registry, {
    seed: config.demo.seed,
    rounds: config.rounds,
    ...(config.periods.from ? { from: config.periods.from } : {}),
    ...(config.periods.to ? { to: config.periods.to } : {}),
    ...(opts.childrenPerRound ? { childrenPerRound: opts.childrenPerRound } : {}),
  });
  const manifest: DemoManifest = createManifest(plan);
  // Every file is written under a temporary name and renamed only when all rounds succeeded, so an interrupted run
  // never leaves a partial demo that a later build would take for real data.
  const temps = new Map<string, string>();
  const manifestPath = join(dir, 'demo-manifest.json');
  const sinks = plan.periods.map((p) => openRoundSink(dir, p));
  for (const k of sinks) temps.set(k.path, k.tmp);
  try {
    for (const k of sinks) await writeSink(k, formatHeader());
    for (const part of streamDemoByDesa(plan, tables, opts.stats)) {
      addDesaToManifest(manifest, plan, part.di, part.counts);
      for (let r = 0; r < sinks.length; r++) {
        const rows = part.rows[r];
        if (rows.length === 0) continue;
        await writeSink(sinks[r], formatRows(rows, sinks[r].rows + 1));
        sinks[r].rows += rows.length;
      }
    }
    for (const k of sinks) k.gz.end();
    await Promise.all(sinks.map((k) => k.done));
    const files: WrittenDemoFile[] = sinks.map((k) => ({ path: k.path, period: k.period, rows: k.rows, textBytes: k.textBytes, gzipBytes: k.gzipBytes }));
    for (const f of files) {
      opts.log?.(`${basename(f.path)}: ${f.rows} rows, ${(f.textBytes / 1e6).toFixed(1)} MB csv, ${(f.gzipBytes / 1e6).toFixed(2)} MB gzip`);
    }
    temps.set(manifestPath, writeTemp(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`));
    // Target children (sasaran) per desa and year: the demo's resident under-five population, so that coverage
    // (measured / target) is published. Written beside the config, outside the measurements folder.
    const targetsPath = demoTargetsPath(configDir, config);
    if (targetsPath) {
      mkdirSync(dirname(targetsPath), { recursive: true });
      const years = [...new Set(plan.periods.map((p) => p.slice(0, 4)))];
      const lines = ['desa_code,year,target', ...plan.desa.flatMap((d) => years.map((y) => `${d.code},${y},${Math.round(d.under5)}`))];
      temps.set(targetsPath, writeTemp(targetsPath, lines.join('\n') + '\n'));
    }
    for (const f of files) renameSync(temps.get(f.path)!, f.path);
    renameSync(temps.get(manifestPath)!, manifestPath);
    for (const [path, tmp] of temps) if (path !== manifestPath && !files.some((f) => f.path === path)) renameSync(tmp, path);
    temps.clear();
    return { dir, region: config.region, seed: config.demo.seed, files, manifestPath, ms: performance.now() - t0 };
  } finally {
    // On failure, stop the compressions and wait for their files to close, so none writes after the clean-up.
    for (const k of sinks) {
      if (temps.has(k.path)) {
        k.gz.destroy();
        k.file.destroy();
      }
    }
    await Promise.allSettled(sinks.map((k) => (temps.has(k.path) && !k.file.closed ? once(k.file, 'close') : k.done)));
    for (const tmp of temps.values()) rmSync(tmp, { force: true });
  }
}

/** True when the folder holds at least one measurement file (.csv, .txt, optionally .gz). */
export function hasMeasurementFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => MEASUREMENT_EXT.test(f) && !f.startsWith('.'));
}

/** Called by the data build: generates the demo export when the measurements folder has no measurement file;
 * returns the summary, or null when there was already data (nothing is touched then). */
export async function ensureDemoData(configDir: string, config?: SiteConfig): Promise<DemoDataSummary | null> {
  const cfg = config ?? readDemoConfig(configDir);
  const targets = demoTargetsPath(configDir, cfg);
  if (hasMeasurementFiles(resolve(configDir, cfg.measurements.dir)) && (targets === null || existsSync(targets))) return null;
  return await writeDemoData(configDir, cfg);
}

/** The demo's convergence file: `<convergence.dir>/demo-konvergensi.csv`, for a synthetic demo with convergence set. */
export function demoCoveragePath(configDir: string, config: SiteConfig): string | null {
  if (!config.demo.synthetic || !config.convergence) return null;
  return resolve(configDir, config.convergence.dir, 'demo-konvergensi.csv');
}

/** Writes the synthetic convergence counts (src/lib/demo/coverage.ts) when the convergence folder holds no CSV;
 * returns the path written, or null when nothing was needed. Atomic like the rest of the demo. */
export function ensureDemoCoverage(configDir: string, config: SiteConfig): string | null {
  const path = demoCoveragePath(configDir, config);
  if (!path) return null;
  const dir = dirname(path);
  if (existsSync(dir) && readdirSync(dir).some((f) => /\.csv$/i.test(f) && f !== 'target.csv')) return null;
  const registry = readRegistry(config.region, resolve(configDir, config.areas.file));
  const plan = planDemo(registry, {
    seed: config.demo.seed,
    rounds: config.rounds,
    ...(config.periods.from ? { from: config.periods.from } : {}),
    ...(config.periods.to ? { to: config.periods.to } : {}),
  });
  const years = [...new Set(plan.periods.filter((p) => p.endsWith('-08')).map((p) => Number(p.slice(0, 4))))].slice(-3);
  const text = demoCoverageCsv(plan.desa.map((d) => ({ code: d.code, kecamatanCode: d.kecamatanCode, under5: d.under5 })), COVERAGE_INDICATORS, years, config.demo.seed);
  mkdirSync(dir, { recursive: true });
  const tmp = writeTemp(path, text);
  renameSync(tmp, path);
  return path;
}
