/**
 * `npm run bench:province`: the whole province example (data/jawa-timur/, Jawa Timur, 38 kab/kota, 8,494 desa) built
 * end to end on this machine, with the figures issue 11 sets goals for:
 *   1. the synthetic export (≈20M rows), generated once and kept in data/jawa-timur/measurements/ (not a build step
 *      when real data is there; skipped when it exists);
 *   2. the full build (data + site, both languages, previews) with --force: wall time and peak RSS of each process;
 *   3. the same build again with nothing changed.
 * Each step runs under `/usr/bin/time -v` (peak = the largest single process: Node, its workers are threads).
 *   4. with --one-round: the last round's export corrected (three rows appended as a new gzip member) and the data
 *      build run again: only that file is read, the seven others come from the file cache (scripts/lib/file-cache.ts).
 *      The pages are then rebuilt in full (every page shows every round); their previews come from the preview cache
 *      where an area's image did not change. The export is put back afterwards.
 * Options: --skip-generate (fail when the export is missing), --no-rebuild, --one-round, --jobs N (page processes,
 * passed to build-site: 1 trades time for memory), --cold (empty the preview cache first: a first build's figure).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sampleTreeRss } from './lib/tree-rss.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    'skip-generate': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    'one-round': { type: 'boolean', default: false },
    jobs: { type: 'string' },
    cold: { type: 'boolean', default: false },
  },
});
const CONFIG_DIR = join(ROOT, 'data/jawa-timur');
// Beside, not inside, generated/: a data build refuses an output folder that holds anything but its own output.
const OUT = join(ROOT, 'generated-jawa-timur');
const DIST = 'dist-jawa-timur';

interface Timed {
  wall: number;
  /** The largest single process (`/usr/bin/time -v`). */
  peakMb: number;
  /** The whole process tree at its largest (all page shards together), sampled every 250 ms. */
  treeMb: number;
  cpu: number;
  ok: boolean;
  log: string;
}

/** Runs `node <args>` under /usr/bin/time -v; resolves to wall seconds, peak RSS (MB), CPU seconds. */
function timed(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  const sampler = sampleTreeRss(child.pid!);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  return new Promise((done) => {
    child.on('close', (code) => {
      const wall = (performance.now() - t0) / 1000;
      const treeMb = sampler.stop() / 2 ** 20;
      const stderr = Buffer.concat(err).toString('utf8');
      const num = (re: RegExp) => Number(re.exec(stderr)?.[1] ?? NaN);
      const cpu = num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/);
      const log = Buffer.concat(out).toString('utf8') + stderr;
      done({ wall, peakMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024, treeMb, cpu, ok: code === 0, log });
    });
  });
}

const fmt = (t: Timed) => `${t.wall >= 60 ? `${Math.floor(t.wall / 60)} min ${Math.round(t.wall % 60)} s` : `${t.wall.toFixed(1)} s`} wall, ${t.cpu.toFixed(0)} s CPU, peak ${t.treeMb.toFixed(0)} MB all processes together (largest one ${t.peakMb.toFixed(0)} MB)`;

function fail(step: string, t: Timed): never {
  console.error(`${step} failed:\n${t.log.slice(-4000)}`);
  process.exit(1);
}

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else (files++, (bytes += statSync(p).size));
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, bytes };
}

console.log(`bench:province — ${CONFIG_DIR} (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
const measurements = join(CONFIG_DIR, 'measurements');
if (!existsSync(measurements) || !readdirSync(measurements).some((f) => f.endsWith('.csv.gz'))) {
  if (values['skip-generate']) throw new Error(`no export in ${measurements}`);
  mkdirSync(measurements, { recursive: true });
  const g = await timed([join(ROOT, 'scripts/generate-demo.ts'), '--config-dir', CONFIG_DIR]);
  if (!g.ok) fail('generate-demo', g);
  const size = countFiles(measurements);
  console.log(`1. synthetic export: ${fmt(g)}; ${size.files} files, ${(size.bytes / 1e6).toFixed(0)} MB`);
} else console.log(`1. synthetic export: present (${(countFiles(measurements).bytes / 1e6).toFixed(0)} MB), not regenerated`);

const buildArgs = [join(ROOT, 'scripts/build-site.ts'), '--config', join(CONFIG_DIR, 'site.config.json'), '--out', OUT, '--dist', DIST, ...(values.jobs ? ['--jobs', values.jobs] : [])];
// The previews' cache (src/pages/og/): emptied for a first build's figure; kept, a rebuild's.
if (values.cold) rmSync(join(ROOT, 'node_modules/.cache/stunting-og'), { recursive: true, force: true });
const full = await timed([...buildArgs, '--force']);
if (!full.ok) fail('full build', full);
const pages = countFiles(join(ROOT, DIST));
const data = /data v\w+: (\d+) anak\/children, (\d+) periode, (\d+) file .*\(([\d.]+) s\)/.exec(full.log);
console.log(`2. full build (data + site${values.jobs ? `, --jobs ${values.jobs}` : ''}${values.cold ? ', cold preview cache' : ''}): ${fmt(full)}`);
if (data) console.log(`   data build: ${data[1]} children, ${data[2]} periods, ${data[3]} files in ${data[4]} s`);
console.log(`   ${DIST}/: ${pages.files} files, ${(pages.bytes / 1e6).toFixed(0)} MB`);
if (!values['no-rebuild']) {
  const again = await timed(buildArgs);
  if (!again.ok) fail('rebuild', again);
  console.log(`3. rebuild, nothing changed: ${fmt(again)}`);
}
if (values['one-round']) {
  const last = readdirSync(measurements).filter((f) => /^demo-\d{4}-\d{2}\.csv\.gz$/.test(f)).sort().at(-1)!;
  const file = join(measurements, last);
  const original = readFileSync(file);
  const lines = gunzipSync(original).toString('utf8').trimEnd().split('\n').slice(-3);
  // other child ids (the NIK's last digit changed), the same measurements: three more children in the round
  const extra = lines.map((l) => l.replace(/^(\d+;\d*)(\d)(?=;)/, (_, a: string, b: string) => `${a}${(Number(b) + 5) % 10}`)).join('\n') + '\n';
  writeFileSync(file, Buffer.concat([original, gzipSync(extra)]));
  try {
    const one = await timed([join(ROOT, 'scripts/build-data.ts'), '--config', join(CONFIG_DIR, 'site.config.json'), '--out', OUT]);
    if (!one.ok) fail('one round changed', one);
    console.log(`4. one round changed (${last} + 3 rows), data build: ${fmt(one)}`);
    console.log(`   ${/(\d+ file pengukuran tidak berubah[^\n]*)/.exec(one.log)?.[1] ?? 'no file read from the cache'}`);
  } finally {
    writeFileSync(file, original);
  }
}
console.log('Goals (issue 11): full build ≤ 20 min and ≤ 2 GB peak (all processes together); rebuild with nothing changed ≤ 2 min.');
