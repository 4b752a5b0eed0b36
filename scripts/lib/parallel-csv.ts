/**
 * A generic worker-thread pool for big CSV files (plain or gzip, streamed).
 *
 * The main thread reads a file as blocks of whole records (csv-blocks.ts: bytes from byte-source.ts, cut by
 * src/lib/csv/block-cut.ts) and posts each block (its ArrayBuffer transferred, not copied) to the
 * least busy worker. The worker hands the ArrayBuffer back with its result, so the same few buffers are reused for
 * the whole file. Results come back to the caller in input order, with bounded read-ahead: at most `maxInFlight`
 * blocks (default 2 per worker) are read but not yet handed to the caller, so memory does not grow with the file.
 *
 * One `CsvPool` serves any number of files, one after the other (`pool.run(...)` per file, `pool.close()` at the
 * end); `parallelCsv(...)` is the one-file shorthand. The header row is parsed once per file, in the main thread.
 * Workers run `parallel-csv-worker.ts`, which imports a caller-given *handler module*:
 *
 * ```ts
 * export function init(data: D): void | Promise<void>;            // once per worker, D = pool option handlerData
 * export function openFile?(data: F, info: CsvFileInfo): S | Promise<S>; // once per worker and file, F = run option fileData
 * export function closeFile?(state: S): void;                       // after the file's last block (or an abort)
 * export function processBlock(block: Buffer, firstLine: number, header: string[], ctx: BlockContext<S>): R | Promise<R>;
 * export function transferList?(result: R): Transferable[];        // optional; see below
 * ```
 *
 * `ctx.state` is what `openFile` returned (the file's `fileData` when there is no `openFile`). `pool.call(fn, arg)` and
 * `pool.callEach(fn, arg)` run any other exported function of the handler in the workers. `processBlock` usually
 * starts with `parseBlock(block, firstLine, ctx)` (src/lib/csv/block-rows.ts), which gives the rows and the physical line where each row
 * starts. The block's memory is reused once `processBlock` has returned: a handler must not keep views into it
 * (strings and copies are fine). A result that is a Uint8Array/Buffer owning its whole ArrayBuffer is transferred
 * automatically; other results are structured-cloned unless `transferList` names what to transfer.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CsvBlockError } from '../../src/lib/csv/block-rows.ts';
import { readBlocks, type CsvFileInfo, type RawBlock } from './csv-blocks.ts';

export { CsvBlockError };
export type { CsvFileInfo };

/** What a handler's `processBlock` learns about the file besides the block itself. */
export interface BlockContext<S = unknown> {
  /** The file path as given to the pool (for messages). */
  file: string;
  /** Field delimiter, one character. */
  delimiter: string;
  /** Record delimiter of the file, from its header row. */
  recordDelimiter: '\n' | '\r\n';
  /** Header row, parsed once in the main thread. */
  header: string[];
  /** 0-based index of the block in the file. */
  index: number;
  /** The worker's state for this file: what the handler's `openFile` returned, else the run's `fileData`. */
  state?: S;
  /** UTF-8 decoding of a block slice for the row splitter (the pool gives Buffer's own, faster than a TextDecoder). */
  decode?: (buf: Uint8Array, start: number, end: number) => string;
}

/** Options of a worker pool (`CsvPool`). */
export interface CsvPoolOptions<D = unknown> {
  /** The handler module (a path, relative to the working directory, or a file URL) loaded in every worker. */
  handler: string | URL;
  /** Passed to the handler's `init` in every worker (structured-cloned once per worker). */
  handlerData?: D;
  /** Number of workers; default `os.availableParallelism()`. */
  workers?: number;
  /** V8 limits of each worker; default `{ maxYoungGenerationSizeMb: 8 }`: a small young generation keeps the
   * per-block garbage from inflating the heap (csv-parse at 1M rows peaked at ~720 MB with V8's default, ~350 MB
   * with 16 MB). No old-generation limit is set. */
  resourceLimits?: ResourceLimits;
}

/** Options of one file read through a pool (`CsvPool.run`). */
export interface CsvRunOptions<F = unknown> {
  /** Path of a `.csv` or gzip-compressed CSV (recognised by its magic bytes, whatever the name). */
  file: string;
  /** Passed to the handler's `openFile` in every worker (structured-cloned once per worker and file). */
  fileData?: F;
  /** Target block size in bytes; default 256 KiB. A block grows past it only when one record is longer. */
  blockSize?: number;
  /** Blocks read but not yet delivered to the caller; default 2 per worker. */
  maxInFlight?: number;
  /** Field delimiter; default: detected from the header row among `,` `;` tab `|` (comma when none). */
  delimiter?: string;
  /** Called with the header before any block is dispatched; throwing aborts the run with that error. */
  onHeader?: (info: CsvFileInfo) => void;
  /** Largest single read from the file (and gzip chunk size, at most 64 KiB); default 1 MiB. */
  readChunkSize?: number;
  /** Physical lines above the header row to skip (an Excel `sep=` line, title rows); default 0. */
  skipLines?: number;
  /** Longest record in bytes (default 32 MiB): a longer one fails the run with `RECORD_TOO_LONG` at its line. */
  maxRecordBytes?: number;
}

/** Options of `parallelCsv`: a pool for one file. */
export interface ParallelCsvOptions<D = unknown, F = unknown> extends CsvPoolOptions<D>, CsvRunOptions<F> {}

/** One block's result, delivered in input order. */
export interface BlockResult<R> {
  /** 0-based block index. */
  index: number;
  /** Physical line (1-based) where the block's first record starts. */
  firstLine: number;
  /** Physical lines (newlines) the block spans. */
  lines: number;
  /** Bytes of the (decompressed) block. */
  bytes: number;
  result: R;
}


interface WorkerReply {
  seq: number;
  ok: boolean;
  result?: unknown;
  error?: { name: string; message: string; code?: string; file?: string; line?: number; column?: number; stack?: string };
  /** The block's ArrayBuffer, handed back for reuse. */
  buffer?: ArrayBuffer;
}

interface PoolWorker {
  worker: Worker;
  busy: number;
}

/** A block posted to a worker and not answered yet. */
interface Waiter {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  file: string;
  firstLine: number;
  /** Takes the block's buffer back. */
  recycle: (ab: ArrayBuffer) => void;
  worker: PoolWorker;
  /** A `call` rather than a block: its errors are plain errors. */
  call?: string;
}

/** Rebuilds an error posted by a worker: a CsvBlockError keeps its location, others get the block's first line. */
function reviveError(e: NonNullable<WorkerReply['error']>, file: string, firstLine: number): Error {
  let err: CsvBlockError;
  if (e.name === 'CsvBlockError') {
    err = new CsvBlockError(e.file ?? file, e.line, e.column, e.code ?? 'CSV_ERROR', '');
    err.message = e.message;
  } else {
    err = new CsvBlockError(file, firstLine, undefined, e.code ?? 'HANDLER_ERROR', `(block starting here) ${e.message}`);
  }
  err.stack = `${err.name}: ${err.message}\n    [in worker] ${e.stack ?? ''}`;
  return err;
}

/** Rebuilds the error of a `call`. */
function reviveCallError(e: NonNullable<WorkerReply['error']>, fn: string): Error {
  const err = new Error(`${fn}: ${e.message}`);
  err.stack = `Error: ${err.message}\n    [in worker] ${e.stack ?? ''}`;
  return err;
}

/**
 * A pool of worker threads running one handler module, for any number of files read one after the other. A worker
 * that crashes fails the pool (every later run throws); a handler error fails the block's run only.
 */
export class CsvPool<D = unknown> {
  /** Number of workers. */
  readonly size: number;
  private workers: PoolWorker[] = [];
  private waiting = new Map<number, Waiter>();
  private fatal: Error | null = null;
  private closed = false;
  private seq = 0;
  private runs = 0;

  /** Starts the workers (each loads the handler and runs its `init`). */
  constructor(opts: CsvPoolOptions<D>) {
    this.size = Math.max(1, opts.workers ?? availableParallelism());
    const handlerUrl = opts.handler instanceof URL ? opts.handler.href : pathToFileURL(resolve(opts.handler)).href;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(new URL('./parallel-csv-worker.ts', import.meta.url), {
        workerData: { handler: handlerUrl, data: opts.handlerData },
        resourceLimits: opts.resourceLimits ?? { maxYoungGenerationSizeMb: 8 },
      });
      const pw: PoolWorker = { worker, busy: 0 };
      worker.on('message', (m: WorkerReply) => {
        const w = this.waiting.get(m.seq);
        if (!w) return;
        this.waiting.delete(m.seq);
        pw.busy--;
        if (m.buffer) w.recycle(m.buffer);
        if (m.ok) w.resolve(m.result);
        else if (w.call) w.reject(reviveCallError(m.error!, w.call));
        else w.reject(reviveError(m.error!, w.file, w.firstLine));
      });
      worker.on('error', (e) => this.failAll(e instanceof Error ? e : new Error(String(e))));
      worker.on('exit', (code) => {
        if (!this.closed) this.failAll(new Error(`parallel-csv: worker exited with code ${code}`));
      });
      this.workers.push(pw);
    }
  }

  private failAll(err: Error): void {
    this.fatal ??= err;
    for (const [, w] of this.waiting) w.reject(err);
    this.waiting.clear();
  }

  private post(m: object, transfer: ArrayBuffer[] = []): void {
    for (const w of this.workers) w.worker.postMessage(m, transfer);
  }

  /** Posts a block to the least busy worker; the promise of its result (rejections are handled in turn). */
  private dispatch(b: RawBlock, run: number, file: string, recycle: (ab: ArrayBuffer) => void): Promise<unknown> {
    if (this.fatal) {
      const failed = Promise.reject(this.fatal);
      failed.catch(() => {}); // awaited when its turn comes
      return failed;
    }
    let w = this.workers[0];
    for (const p of this.workers) if (p.busy < w.busy) w = p;
    w.busy++;
    const seq = ++this.seq;
    const promise = new Promise<unknown>((resolve, reject) =>
      this.waiting.set(seq, { resolve, reject, file, firstLine: b.firstLine, recycle, worker: w }),
    );
    promise.catch(() => {}); // rejections are handled when the block's turn comes
    const ab = b.buf.buffer as ArrayBuffer;
    w.worker.postMessage({ type: 'block', seq, run, buffer: ab, offset: b.offset, length: b.length, firstLine: b.firstLine, index: b.index }, [ab]);
    return promise;
  }

  /**
   * Runs the handler over every block of one file and yields the block results in input order. Breaking out of the
   * loop (or an error) stops reading; the pool stays usable for the next file.
   */
  async *run<R = unknown, F = unknown>(opts: CsvRunOptions<F>): AsyncGenerator<BlockResult<R>> {
    if (this.closed) throw new Error('parallel-csv: the pool is closed');
    if (this.fatal) throw this.fatal;
    const run = ++this.runs;
    const maxInFlight = Math.max(1, opts.maxInFlight ?? this.size * 2);
    const blockSize = Math.max(1, opts.blockSize ?? 1 << 18);
    // Buffers handed back by the workers; at most one per block in flight (and the one being filled) are kept.
    const free: ArrayBuffer[] = [];
    const recycle = (ab: ArrayBuffer) => {
      if (ab.byteLength === blockSize && free.length <= maxInFlight) free.push(ab);
    };
    let info: CsvFileInfo | null = null;
    const blocks = readBlocks(opts.file, {
      blockSize,
      chunkSize: opts.readChunkSize ?? 1 << 20,
      delimiter: opts.delimiter,
      onInfo: (i) => {
        info = i;
        opts.onHeader?.(i);
      },
      reuse: () => free.pop(),
      skipLines: opts.skipLines,
      maxRecordBytes: opts.maxRecordBytes,
    });
    let opened = false;
    const dispatch = (b: RawBlock): Promise<unknown> => {
      if (!opened && !this.fatal) {
        this.post({ type: 'open', run, data: opts.fileData, info: info! });
        opened = true;
      }
      return this.dispatch(b, run, opts.file, recycle);
    };
    type Pending = { block: Omit<RawBlock, 'buf'>; promise: Promise<unknown> };
    const pending: Pending[] = [];
    const deliver = async (): Promise<BlockResult<R>> => {
      const p = pending.shift()!;
      const result = (await p.promise) as R;
      return { index: p.block.index, firstLine: p.block.firstLine, lines: p.block.lines, bytes: p.block.length, result };
    };
    try {
      for await (const b of blocks) {
        const { buf: _buf, ...meta } = b;
        pending.push({ block: meta, promise: dispatch(b) });
        while (pending.length >= maxInFlight) yield await deliver();
      }
      while (pending.length > 0) yield await deliver();
    } finally {
      for (const p of pending) p.promise.catch(() => {});
      await blocks.return(undefined);
      // after the file's last block in every worker's queue: the handler may drop its state for the file
      if (opened && !this.fatal && !this.closed) this.post({ type: 'close', run });
    }
  }

  /**
   * Runs the handler module's exported function `fn(arg)` in the least busy worker, after whatever that worker has
   * queued; resolves to its result (structured-cloned). For work that is not a CSV file (the build deduplicates its
   * spill partitions this way).
   */
  call<T = unknown>(fn: string, arg?: unknown): Promise<T> {
    let w = this.workers[0];
    for (const p of this.workers) if (p.busy < w.busy) w = p;
    return this.send<T>(w, fn, arg);
  }

  /** Runs `fn(arg)` once in every worker (after whatever each has queued); the results in worker order. */
  callEach<T = unknown>(fn: string, arg?: unknown): Promise<T[]> {
    return Promise.all(this.workers.map((w) => this.send<T>(w, fn, arg)));
  }

  private send<T>(w: PoolWorker, fn: string, arg: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new Error('parallel-csv: the pool is closed'));
    if (this.fatal) return Promise.reject(this.fatal);
    const seq = ++this.seq;
    w.busy++;
    const promise = new Promise<T>((resolve, reject) =>
      this.waiting.set(seq, { resolve: resolve as (v: unknown) => void, reject, file: '', firstLine: 0, recycle: () => {}, worker: w, call: fn }),
    );
    w.worker.postMessage({ type: 'call', seq, fn, arg });
    return promise;
  }

  /** Stops the workers (blocks still in flight are dropped). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((p) => p.worker.terminate()));
  }
}

/**
 * Runs the handler over every block of the file in `workers` threads and yields the block results in input order.
 * Breaking out of the loop (or an error) stops reading and terminates the workers. For several files, use one
 * `CsvPool` instead (the workers, and what their `init` loaded, are then shared).
 */
export async function* parallelCsv<R = unknown, D = unknown, F = unknown>(opts: ParallelCsvOptions<D, F>): AsyncGenerator<BlockResult<R>> {
  const pool = new CsvPool<D>(opts);
  try {
    yield* pool.run<R, F>(opts);
  } finally {
    await pool.close();
  }
}

/** Convenience: runs the pool and collects every block result in order (for small files and tests). */
export async function parallelCsvAll<R = unknown, D = unknown, F = unknown>(opts: ParallelCsvOptions<D, F>): Promise<BlockResult<R>[]> {
  const out: BlockResult<R>[] = [];
  for await (const r of parallelCsv<R, D, F>(opts)) out.push(r);
  return out;
}
