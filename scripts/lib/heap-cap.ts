/**
 * The data build runs in a child Node process with a capped V8 heap (`--max-old-space-size`).
 *
 * Why: V8 lets its heap grow to two or three times what is live before it collects, and the Node this project pins
 * (24) does not give freed heap pages back to the system. A province's data build (Jawa Timur) holds ≈ 550 MB live
 * at most, yet its resident memory reached 2.1–3.0 GB uncapped, depending on how the collector's timing fell; with
 * the heap capped at 1,024 MB it is 1.7 GB, for ≈ 5% more CPU (docs/scale.md, section 5).
 *
 * A cap can be too small for a region larger than any measured here (more areas × more rounds). Then V8 stops the
 * child with "JavaScript heap out of memory" (SIGABRT); the data build is atomic, so nothing was written, and it is
 * run once more without the cap, after saying why. `DATA_HEAP_MB` sets another cap (`0`: none).
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
  const raw = env.DATA_HEAP_MB?.trim();
  if (raw === '0') return null;
  const n = raw ? Number(raw) : NaN;
  return Number.isInteger(n) && n > 0 ? n : DATA_HEAP_MB;
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
  log(
    `Memori heap ${cap} MB tidak cukup untuk wilayah ini; build data diulang tanpa batas (tidak ada yang tertulis) / ` +
      `The ${cap} MB heap cap is too small for this region; the data build runs again without it (nothing was written). ` +
      'DATA_HEAP_MB=<MB> sets another cap, DATA_HEAP_MB=0 none.',
  );
  const second = run(null);
  if (second.error) throw second.error;
  return second.status ?? 1;
}
