/**
 * `npm run build`: the data build, then `astro build` into a new sibling of dist/ (`.dist.tmp-<pid>`), swapped in with
 * two renames only when Astro succeeded. A failed or killed site build leaves the previous dist/ whole; what a killed
 * build left beside it is removed by the next one.
 *
 *   node scripts/build-site.ts [--dist dist] [--skip-data] [--force] [--jobs N] [data build options: --config, --out, --reference-date, --workers]
 *
 * `--jobs N` builds the pages with N Astro processes, each rendering its share (PAGE_SHARD); the default is one. Jawa
 * Timur (75k pages): one process 11 min and 1.9 GB, two 9 min and 3.1 GB (docs/scale.md), so one is the default and
 * more are for build machines with memory to spare. Each process runs with a heap capped by the region's size
 * (scripts/lib/heap-cap.ts; one Jawa Timur process 1.65 GB with it).
 *
 * Incremental: each step is skipped when nothing it reads changed since the build that wrote its output
 * (scripts/lib/fingerprint.ts); --force rebuilds both.
 *
 * BASE_PATH, DATA_DIR and SITE_CONFIG pass through to Astro; --out and --config set the last two when they are unset.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OUTPUT_MANIFEST, outputManifest } from '../src/lib/output-guard.ts';
import { BuildError } from './lib/build-error.ts';
import { recordedFingerprint, recordFingerprint, siteBuildFingerprint } from './lib/fingerprint.ts';
import { abandonSwap, commitSwap, guardOutputFolder, mergeFolderInto, prepareSwap } from './lib/work-folders.ts';
import { capFromEnv, heapCapRetryMessage, ranOutOfHeap, siteHeapCapMb } from './lib/heap-cap.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values, tokens } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    'skip-data': { type: 'boolean', default: false },
    config: { type: 'string' },
    out: { type: 'string' },
    'reference-date': { type: 'string' },
    workers: { type: 'string' },
    force: { type: 'boolean', default: false },
    jobs: { type: 'string' },
  },
  tokens: true,
});
const dataArgs = tokens.flatMap((t) => (t.kind === 'option' && !['dist', 'skip-data', 'jobs'].includes(t.name) ? [`--${t.name}`, ...(t.value !== undefined ? [t.value] : [])] : []));

/** Runs `node <args>` with this process's output; resolves to its exit code (1 when killed by a signal). */
async function run(args: string[], onStart?: (kill: () => void) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return (await runWithSignal(args, onStart, env)).status ?? 1;
}

/** Runs `node <args>`; resolves to its exit status and the signal that ended it, if one did. */
function runWithSignal(args: string[], onStart?: (kill: () => void) => void, env: NodeJS.ProcessEnv = process.env): Promise<{ status: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env });
    onStart?.(() => child.kill('SIGTERM'));
    child.on('exit', (status, signal) => done({ status, signal }));
  });
}

/** One Astro build into `outDir` with the heap capped (scripts/lib/heap-cap.ts); again without the cap, into an
 * emptied folder, when the cap was too small. */
async function astroBuild(outDir: string, env: NodeJS.ProcessEnv, cap: number | null, onStart: (kill: () => void) => void): Promise<number> {
  const astro = [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir];
  const first = await runWithSignal([...(cap ? [`--max-old-space-size=${cap}`] : []), ...astro], onStart, env);
  if (cap === null || !ranOutOfHeap(first)) return first.status ?? 1;
  console.error(heapCapRetryMessage('site', cap));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return run(astro, onStart, env);
}

/** The number of areas the site publishes (its areas.json), or 0 when it cannot be read (the build then says why). */
function areaCount(dataDir: string): number {
  try {
    return (JSON.parse(readFileSync(join(dataDir, 'areas.json'), 'utf8')) as unknown[]).length;
  } catch {
    return 0;
  }
}

// The pages read what the data build wrote and the config it read: --out and --config set DATA_DIR and SITE_CONFIG
// unless those are given, so one command builds any config (`--config data/jawa-timur/site.config.json --out
// generated-jawa-timur --dist dist-jawa-timur`).
/** `--jobs N` (1–64), else 1. */
function buildJobs(option: string | undefined): number {
  if (option === undefined) return 1;
  const n = Number(option);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`--jobs harus bilangan bulat 1–64 / --jobs must be an integer from 1 to 64, got "${option}"`);
    process.exit(1);
  }
  return n;
}

if (values.out && !process.env.DATA_DIR) process.env.DATA_DIR = join(resolve(values.out), 'data/v1');
if (values.config && !process.env.SITE_CONFIG) process.env.SITE_CONFIG = resolve(values.config);

if (!values['skip-data']) {
  const code = await run([join(ROOT, 'scripts/build-data.ts'), ...dataArgs]);
  if (code !== 0) process.exit(code);
}

const dist = resolve(ROOT, values.dist!);
try {
  guardOutputFolder(dist, [join(ROOT, 'data'), join(ROOT, 'src'), join(ROOT, 'generated')], ROOT, 'site');
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`Build situs gagal / Site build failed:\n${e.message}`);
  process.exit(1);
}
// Incremental: the pages depend on the published data, the site's code and a few settings; when none changed since
// the build that wrote dist/, there is nothing to do.
const print = siteBuildFingerprint({
  dataDir: resolve(ROOT, process.env.DATA_DIR || 'generated/data/v1'),
  siteConfig: resolve(ROOT, process.env.SITE_CONFIG || 'data/site.config.json'),
  env: process.env,
});
if (!values.force && recordedFingerprint(dist) === print && existsSync(join(dist, 'index.html'))) {
  console.log(`Data dan kode situs tidak berubah; ${values.dist} dipakai ulang (--force untuk membangun ulang) / Data and site code unchanged; ${values.dist} reused (--force to rebuild)`);
  process.exit(0);
}
const tmp = prepareSwap(dist);
// Page shards (--jobs): each Astro process renders its share of the pages (PAGE_SHARD, src/lib/site/page-shard.ts)
// into its own folder, merged into the first afterwards.
const jobs = buildJobs(values.jobs);
const folders = Array.from({ length: jobs }, (_, k) => (k === 0 ? tmp : `${tmp}-s${k}`));
// Ctrl-C or a polite kill: stop Astro and remove the half-built folders (SIGKILL cannot be caught: the next build
// removes them).
const stops: (() => void)[] = [];
const abandon = () => {
  for (const f of folders.slice(1)) rmSync(f, { recursive: true, force: true });
  abandonSwap(dist, tmp);
};
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    for (const stop of stops) stop();
    abandon();
    process.exit(1);
  });
}
if (jobs > 1) console.log(`Halaman dibangun oleh ${jobs} proses / pages built by ${jobs} processes (--jobs)`);
// Each Astro process's heap is capped by the size of the region (scripts/lib/heap-cap.ts).
const heapCap = capFromEnv(process.env.SITE_HEAP_MB, siteHeapCapMb(areaCount(resolve(ROOT, process.env.DATA_DIR || 'generated/data/v1'))));
const codes = await Promise.all(
  folders.map((outDir, k) => astroBuild(outDir, jobs > 1 ? { ...process.env, PAGE_SHARD: `${k}/${jobs}` } : process.env, heapCap, (s) => stops.push(s))),
);
const code = codes.find((c) => c !== 0) ?? 0;
if (code !== 0) {
  abandon();
  console.error(`Build situs gagal; ${values.dist} sebelumnya tetap utuh / Site build failed; the previous ${values.dist} is untouched (exit ${code})`);
  process.exit(code);
}
try {
  for (const f of folders.slice(1)) mergeFolderInto(f, tmp);
} catch (e) {
  abandon();
  console.error(`Build situs gagal / Site build failed: ${(e as Error).message}`);
  process.exit(1);
}
writeFileSync(join(tmp, OUTPUT_MANIFEST), outputManifest('site'));
recordFingerprint(tmp, print);
commitSwap(dist, tmp);
console.log(`situs/site → ${values.dist}`);
