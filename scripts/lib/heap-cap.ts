/**
 * The data build runs in a child Node process with a capped V8 heap (`--max-old-space-size`).
 *
 * Why: V8 lets its heap grow to two or three times what is live before it collects, and the Node this project pins
 * (24) does not give freed heap pages back to the system. A province's data build (Jawa Timur) holds ≈ 550 MB live
 * at most, yet its resident memory reached 2.1–3.0 GB uncapped, depending on how the collector's timing fell; with
 * the heap capped at 1,024 MB it is 1.7 GB, for ≈ 5% more CPU (docs/scale.md, section 5).
 *
 * The site build's Astro processes are capped the same way (siteHeapCapMb: 384 MB plus 70 KB per area; Banyuwangi's
 * cold build 1.23 → 0.99 GB at the same speed).
 *
 * A cap can be too small for a region larger than any measured here (more areas × more rounds). Then V8 stops the
 * child with "JavaScript heap out of memory" (SIGABRT); both builds write atomically, so nothing was written, and the
 * step is run once more without the cap, after saying why. `DATA_HEAP_MB` and `SITE_HEAP_MB` set other caps (`0`:
 * none).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** The default cap, MB. */
export const DATA_HEAP_MB = 1024;
/** Set in the child's environment: it is the capped run (or the uncapped retry), and must not start another. */
const CHILD_MARK = 'STUNTING_DATA_HEAP_CHILD';

/** The cap to run with, or null to run in this process as it is: already a child, a cap given on the command line,
 * or `DATA_HEAP_MB=0`. A value that is not a positive whole number of MB falls back to the default. */
export function heapCapPlan(execArgv: readonly string[], env: NodeJS.ProcessEnv): number | null {
  if (env[CHILD_MARK]) return null;
  if (execArgv.some((a) => a.startsWith('--max-old-space-size') || a.startsWith('--max_old_space_size'))) return null;
  return capFromEnv(env.DATA_HEAP_MB, DATA_HEAP_MB);
}

/** A cap set in the environment (`0`: none), else `fallback`; a value that is not a positive whole number of MB
 * falls back too. */
export function capFromEnv(raw: string | undefined, fallback: number): number | null {
  const v = raw?.trim();
  if (v === '0') return null;
  const n = v ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The heap cap of an Astro process of the site build, MB, for a site of `areas` areas: what the pages hold grows
 * with the region (the parsed contract files of its largest areas, the map geometry). Jawa Timur (9,200 areas):
 * 1,028 MB. */
export function siteHeapCapMb(areas: number): number {
  return 384 + Math.round(areas * 0.07);
}

/** What is said when a step ran out of its capped heap and runs again without the cap. */
export function heapCapRetryMessage(step: 'data' | 'site', cap: number): string {
  const variable = step === 'data' ? 'DATA_HEAP_MB' : 'SITE_HEAP_MB';
  const what = step === 'data' ? ['build data', 'the data build'] : ['build situs', 'the site build'];
  return (
    `Memori heap ${cap} MB tidak cukup untuk wilayah ini; ${what[0]} diulang tanpa batas (tidak ada yang tertulis) / ` +
    `The ${cap} MB heap cap is too small for this region; ${what[1]} runs again without it (nothing was written). ` +
    `${variable}=<MB> sets another cap, ${variable}=0 none.`
  );
}

/** Whether a child ended because its heap hit the cap (V8 aborts: SIGABRT, or exit status 134 where a shell
 * reports the signal). */
export function ranOutOfHeap(r: Pick<SpawnSyncReturns<Buffer>, 'status' | 'signal'>): boolean {
  return r.signal === 'SIGABRT' || r.status === 134;
}

/**
 * Runs this script again in a child with the heap capped (see above) and returns its exit status, or returns null
 * when this process should do the work itself (heapCapPlan). `script` and `args` default to this process's own.
 */
export function runWithHeapCap(opts: { script?: string; args?: string[]; log?: (line: string) => void } = {}): number | null {
  const cap = heapCapPlan(process.execArgv, process.env);
  if (cap === null) return null;
  const script = opts.script ?? process.argv[1];
  const args = opts.args ?? process.argv.slice(2);
  const log = opts.log ?? ((l: string) => console.error(l));
  const run = (limit: number | null) =>
    spawnSync(process.execPath, [...(limit ? [`--max-old-space-size=${limit}`] : []), ...process.execArgv, script, ...args], {
      stdio: 'inherit',
      env: { ...process.env, [CHILD_MARK]: limit ? String(limit) : 'none' },
    });
  const first = run(cap);
  if (first.error) throw first.error;
  if (!ranOutOfHeap(first)) return first.status ?? 1;
  log(heapCapRetryMessage('data', cap));
  const second = run(null);
  if (second.error) throw second.error;
  return second.status ?? 1;
}
