/**
 * A generic worker-thread pool for big CSV files (plain or gzip, streamed).
 *
 * The main thread reads a file straight into block buffers of `blockSize` bytes (default 256 KiB), cuts every block
 * after its last record delimiter that lies outside quotes (quote parity: a doubled quote `""` toggles twice, so it
 * keeps the parity) and carries the rest over to the next block, counts newlines so that each block knows the
 * physical line number of its first record, and posts the block (its ArrayBuffer transferred, not copied) to the
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
 * starts with `parseBlock(block, firstLine, ctx)` (below), which gives the rows and the physical line where each row
 * starts. The block's memory is reused once `processBlock` has returned: a handler must not keep views into it
 * (strings and copies are fine). A result that is a Uint8Array/Buffer owning its whole ArrayBuffer is transferred
 * automatically; other results are structured-cloned unless `transferList` names what to transfer.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as csvParseSync } from 'csv-parse/sync';

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

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
}

/** Facts about the file known once its header row is read (given to `onHeader`). */
export interface CsvFileInfo {
  file: string;
  header: string[];
  delimiter: string;
  recordDelimiter: '\n' | '\r\n';
  /** The file started with a UTF-8 byte order mark (dropped). */
  bom: boolean;
  gzip: boolean;
  /** Physical line where the first data record starts (2 unless the header spans lines). */
  firstDataLine: number;
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

/** A CSV or handler error located in the file: `file:line:column`. */
export class CsvBlockError extends Error {
  /** File path. */
  file: string;
  /** 1-based physical line, when known. */
  line: number | undefined;
  /** 1-based field index, when known. */
  column: number | undefined;
  /** csv-parse error code (`CSV_QUOTE_NOT_CLOSED` ...) or `HANDLER_ERROR`. */
  code: string;
  /** Builds the error; the message is prefixed with `file:line:column:`. */
  constructor(file: string, line: number | undefined, column: number | undefined, code: string, message: string) {
    const where = [file, line, line !== undefined ? column : undefined].filter((x) => x !== undefined).join(':');
    super(`${where}: ${message}`);
    this.name = 'CsvBlockError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.code = code;
  }
}

/** Parsed rows of one block: `lines[i]` is the physical line where `rows[i]` starts. */
export interface ParsedBlock {
  rows: string[][];
  lines: number[];
  /** True when the quote-free fast path was used. */
  fast: boolean;
}

/** Options of `parseBlock` (a `BlockContext` fits). */
export interface ParseBlockOptions {
  file: string;
  delimiter: string;
  recordDelimiter: '\n' | '\r\n';
  /** Use the split-based fast path for blocks without any quote character (default true). */
  fastPath?: boolean;
}

let fastPathDefault = process.env.PARALLEL_CSV_FAST_PATH !== '0';

/** Turns the quote-free fast path on or off for this thread (the env var PARALLEL_CSV_FAST_PATH=0 also does). */
export function setFastPathDefault(on: boolean): void {
  fastPathDefault = on;
}

/**
 * Parses one block into array rows with the physical start line of each row. Semantics are csv-parse's with
 * `relax_column_count` (rows may differ in length; the handler checks them against the header) and
 * `skip_empty_lines`. A block without any `"` takes a split-based fast path that gives exactly the same rows.
 * Throws `CsvBlockError` with the file, line and column of a csv-parse error.
 */
export function parseBlock(block: Uint8Array, firstLine: number, opts: ParseBlockOptions): ParsedBlock {
  const rows: string[][] = [];
  const lines: number[] = [];
  const fast = eachRow(block, firstLine, opts, (fields, line) => {
    rows.push(fields);
    lines.push(line);
  });
  return { rows, lines, fast };
}

/**
 * Calls `fn(fields, line)` for every row of the block, in order, with the same rows and lines as `parseBlock`. A
 * quote-free block is decoded and split line by line, so that a row is garbage as soon as `fn` returns (no block-wide
 * string or row array lives on; this keeps a worker's heap small); other blocks go through csv-parse as in
 * `parseBlock`. Returns true when the line-by-line path was taken. Throws like `parseBlock`.
 */
export function eachRow(block: Uint8Array, firstLine: number, opts: ParseBlockOptions, fn: (fields: string[], line: number) => void): boolean {
  const buf = Buffer.isBuffer(block) ? block : Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  const crlf = opts.recordDelimiter === '\r\n';
  if ((opts.fastPath ?? fastPathDefault) && buf.indexOf(QUOTE) === -1 && (!crlf || everyLfAfterCr(buf))) {
    // split on `\n` (and the `\r` before it in CRLF mode) and the delimiter, on bytes: `\n` and `\r` never occur
    // inside a UTF-8 sequence, so decoding each line alone gives the same text as slicing the decoded block
    const delimiter = opts.delimiter;
    const n = buf.length;
    let line = firstLine;
    let start = 0;
    while (start < n) {
      let end = buf.indexOf(NL, start);
      const terminated = end !== -1;
      if (!terminated) end = n;
      const stop = crlf && terminated ? end - 1 : end;
      if (stop > start) fn(buf.toString('utf8', start, stop).split(delimiter), line);
      line++;
      start = end + 1;
    }
    return true;
  }
  const parsed = csvParseBlock(buf, firstLine, opts);
  for (let i = 0; i < parsed.rows.length; i++) fn(parsed.rows[i], parsed.lines[i]);
  return false;
}

/** True when every `\n` of the block follows a `\r` (in CRLF mode, a lone LF is field content for csv-parse). */
function everyLfAfterCr(buf: Buffer): boolean {
  for (let i = buf.indexOf(NL); i !== -1; i = buf.indexOf(NL, i + 1)) if (i === 0 || buf[i - 1] !== CR) return false;
  return true;
}

/**
 * csv-parse (sync) on the block, array rows. Start lines are found by a separate quote-parity scan: when csv-parse
 * accepts a block (default quote and escape `"`, strict quotes), a quote occurs only to open or close a quoted field
 * or doubled inside one, so a record delimiter is a record boundary exactly when an even number of quotes precedes it
 * in the block. The scan's record count is checked against csv-parse's; on a mismatch the lines come from csv-parse's
 * `info` instead (slower: it builds an info object per record). csv-parse's own `info.lines` is not used for the line
 * itself: it counts a bare CR, and the CR and LF of a quoted CRLF, as separate lines.
 */
function csvParseBlock(buf: Buffer, firstLine: number, opts: ParseBlockOptions): ParsedBlock {
  const parseOpts = {
    delimiter: opts.delimiter,
    record_delimiter: opts.recordDelimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  };
  let rows: string[][];
  try {
    rows = csvParseSync(buf, parseOpts) as string[][];
  } catch (e) {
    throw locateCsvError(e, opts.file, firstLine, buf);
  }
  const crlf = opts.recordDelimiter === '\r\n';
  let lines = recordStartLines(buf, firstLine, crlf);
  if (lines.length !== rows.length) lines = linesFromInfo(buf, firstLine, crlf, parseOpts);
  return { rows, lines, fast: false };
}

/** Physical start line of every record, by quote parity (see csvParseBlock); empty lines are skipped. */
export function recordStartLines(buf: Buffer, firstLine: number, crlf: boolean): number[] {
  const lines: number[] = [];
  const n = buf.length;
  let line = firstLine;
  let inQuote = false;
  let atStart = true;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (atStart) {
      if (!crlf && c === NL) {
        line++;
        continue;
      }
      if (crlf && c === CR && buf[i + 1] === NL) {
        i++;
        line++;
        continue;
      }
      lines.push(line);
      atStart = false;
    }
    if (c === QUOTE) inQuote = !inQuote;
    else if (c === NL) {
      line++;
      if (!inQuote && (!crlf || (i > 0 && buf[i - 1] === CR))) atStart = true;
    }
  }
  return lines;
}

/** Start lines from csv-parse's `info.bytes` (where the previous record ended), stepping over skipped empty lines. */
export function linesFromInfo(buf: Buffer, firstLine: number, crlf: boolean, parseOpts: object): number[] {
  const recs = csvParseSync(buf, { ...parseOpts, info: true }) as unknown as { info: { bytes: number } }[];
  const lines: number[] = new Array(recs.length);
  let pos = 0;
  let counted = 0;
  let line = firstLine;
  for (let i = 0; i < recs.length; i++) {
    for (;;) {
      if (buf[pos] === NL && !crlf) pos++;
      else if (crlf && buf[pos] === CR && buf[pos + 1] === NL) pos += 2;
      else break;
    }
    line += countByte(buf, NL, counted, pos);
    counted = pos;
    lines[i] = line;
    pos = recs[i].info.bytes;
  }
  return lines;
}

/**
 * Maps a csv-parse error to a `CsvBlockError` located in the file: the line where the offending field starts (from the
 * error's byte offset when the block is given; csv-parse's own line count also counts bare CRs), else its `lines`; the column is the 1-based
 * field index. Line numbers in the message are made file-relative.
 */
export function locateCsvError(e: unknown, file: string, firstLine: number, block?: Buffer): Error {
  const err = e as { code?: string; lines?: number; bytes?: number; column?: number | string | null; message?: string };
  if (!err || typeof err.code !== 'string' || typeof err.lines !== 'number') return e as Error;
  let line = firstLine + err.lines - 1;
  if (block && typeof err.bytes === 'number') {
    // bytes = end of the last complete field: the offending field starts on the line holding that offset
    line = firstLine + countByte(block, NL, 0, Math.min(err.bytes, block.length));
  }
  const column = typeof err.column === 'number' ? err.column + 1 : undefined;
  const message = String(err.message).replace(/\bline \d+/g, `line ${line}`);
  return new CsvBlockError(file, line, column, err.code, message);
}

/** Counts occurrences of one byte in buf[from, to). */
function countByte(buf: Buffer, byte: number, from: number, to: number): number {
  let c = 0;
  let i = buf.indexOf(byte, from);
  while (i !== -1 && i < to) {
    c++;
    i = buf.indexOf(byte, i + 1);
  }
  return c;
}

/**
 * Where to cut a block that starts outside quotes: the index just after its last `\n` outside quotes, or -1 when
 * there is none. Parity at a newline = (quotes before it) mod 2, computed backwards from the block's total.
 */
export function cutPoint(buf: Buffer, len: number = buf.length): number {
  let p = len > 0 ? buf.lastIndexOf(NL, len - 1) : -1;
  if (p === -1) return -1;
  const first = buf.indexOf(QUOTE);
  if (first === -1 || first >= len) return p + 1;
  let parity = countByte(buf, QUOTE, first, len) & 1;
  let end = len;
  while (p !== -1) {
    parity ^= countByte(buf, QUOTE, p + 1, end) & 1;
    if (parity === 0) return p + 1;
    end = p;
    p = p > 0 ? buf.lastIndexOf(NL, p - 1) : -1;
  }
  return -1;
}

/** Index just after the first `\n` outside quotes in buf[0, len), or -1. */
function firstRecordEnd(buf: Buffer, len: number): number {
  let inQuote = false;
  for (let i = 0; i < len; i++) {
    const c = buf[i];
    if (c === QUOTE) inQuote = !inQuote;
    else if (c === NL && !inQuote) return i + 1;
  }
  return -1;
}

/** The delimiter among `,` `;` tab `|` occurring most often outside quotes in a header line (comma if none). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let inQuote = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestN = 0;
  for (const [d, n] of counts) if (n > bestN) [best, bestN] = [d, n];
  return best;
}

/** True when the file starts with the gzip magic bytes. */
export function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Bytes of a file, decompressed when it is gzip: `read` fills `into[offset, offset + length)` partly (0 = end). */
interface ByteSource {
  read(into: Buffer, offset: number, length: number): Promise<number>;
  close(): Promise<void>;
}

/** A plain file is read straight into the block buffers; a gzip file through a gunzip stream (chunks copied). */
async function openSource(file: string, chunkSize: number): Promise<ByteSource> {
  if (!isGzip(file)) {
    const fh = await openFile(file, 'r');
    return {
      read: async (into, offset, length) => (await fh.read(into, offset, Math.min(length, chunkSize), null)).bytesRead,
      close: () => fh.close(),
    };
  }
  const size = Math.max(64, Math.min(chunkSize, 1 << 16));
  const raw = createReadStream(file, { highWaterMark: size });
  const gunzip = createGunzip({ chunkSize: size });
  const stream = pipeline(raw, gunzip, () => {});
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let chunk: Buffer | null = null;
  let pos = 0;
  return {
    read: async (into, offset, length) => {
      while (chunk === null || pos === chunk.length) {
        const r = await chunks.next();
        if (r.done) return 0;
        chunk = r.value;
        pos = 0;
      }
      const n = Math.min(length, chunk.length - pos);
      chunk.copy(into, offset, pos, pos + n);
      pos += n;
      return n;
    },
    close: async () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}

/** A block ready to post: `buf` owns its ArrayBuffer; bytes [offset, offset + length) belong to the block. */
interface RawBlock {
  index: number;
  buf: Buffer;
  offset: number;
  length: number;
  firstLine: number;
  lines: number;
}

/**
 * Reads the file as blocks cut at record boundaries; the header record is parsed first and given to onInfo. Each
 * block is read into a buffer of blockSize bytes (from `reuse` when it has one: buffers handed back by the workers),
 * filled up, cut after its last record, and the tail copied to the next buffer. A record longer than the buffer
 * doubles it.
 */
async function* readBlocks(
  file: string,
  blockSize: number,
  chunkSize: number,
  delimiterOpt: string | undefined,
  onInfo: (info: CsvFileInfo) => void,
  reuse: () => ArrayBuffer | undefined,
): AsyncGenerator<RawBlock> {
  const gzip = isGzip(file);
  const src = await openSource(file, chunkSize);
  const fresh = (size: number): Buffer => {
    const ab = size === blockSize ? reuse() : undefined;
    return ab ? Buffer.from(ab) : Buffer.allocUnsafeSlow(size);
  };
  let buf = fresh(blockSize);
  let len = 0;
  let eof = false;
  let line = 1;
  let index = 0;
  /** Reads until the buffer is full or the file ends. */
  const fill = async (): Promise<void> => {
    while (len < buf.length) {
      const n = await src.read(buf, len, buf.length - len);
      if (n === 0) {
        eof = true;
        return;
      }
      len += n;
    }
  };
  const grow = (): void => {
    const b = Buffer.allocUnsafeSlow(buf.length * 2);
    buf.copy(b, 0, 0, len);
    buf = b;
  };
  const emit = (length: number): RawBlock => {
    const lines = countByte(buf, NL, 0, length);
    const b: RawBlock = { index: index++, buf, offset: 0, length, firstLine: line, lines };
    line += lines;
    return b;
  };
  try {
    // The header record: parsed here, then dropped from the buffer.
    for (;;) {
      await fill();
      const start = len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      let stop = firstRecordEnd(buf.subarray(start, len), len - start);
      if (stop === -1 && !eof) {
        grow();
        continue;
      }
      stop = stop === -1 ? len : start + stop;
      const crlf = stop >= 2 && buf[stop - 1] === NL && buf[stop - 2] === CR;
      const text = buf.toString('utf8', start, stop);
      const delimiter = delimiterOpt ?? detectDelimiter(text.split('\n')[0]);
      let fields: string[] = [];
      if (text.trim() !== '') {
        try {
          fields = (csvParseSync(text, { delimiter, record_delimiter: crlf ? '\r\n' : '\n' }) as string[][])[0] ?? [];
        } catch (e) {
          throw locateCsvError(e, file, 1);
        }
      }
      line = 1 + countByte(buf, NL, start, stop);
      onInfo({ file, header: fields, delimiter, recordDelimiter: crlf ? '\r\n' : '\n', bom: start === 3, gzip, firstDataLine: line });
      buf.copyWithin(0, stop, len);
      len -= stop;
      break;
    }
    for (;;) {
      if (!eof) await fill();
      if (eof) break;
      const cut = cutPoint(buf, len);
      if (cut === -1) {
        grow(); // one record longer than the buffer: keep reading
        continue;
      }
      const tail = len - cut;
      const next = fresh(tail < blockSize ? blockSize : tail * 2);
      buf.copy(next, 0, cut, len);
      yield emit(cut); // buf is detached once posted
      buf = next;
      len = tail;
    }
    if (len > 0) yield emit(len);
  } finally {
    await src.close();
  }
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
    const blocks = readBlocks(opts.file, blockSize, opts.readChunkSize ?? 1 << 20, opts.delimiter, (i) => {
      info = i;
      opts.onHeader?.(i);
    }, () => free.pop());
    let opened = false;

    const dispatch = (b: RawBlock): Promise<unknown> => {
      if (this.fatal) {
        const failed = Promise.reject(this.fatal);
        failed.catch(() => {}); // awaited when its turn comes
        return failed;
      }
      if (!opened) {
        const i = info!;
        this.post({ type: 'open', run, data: opts.fileData, info: i });
        opened = true;
      }
      let w = this.workers[0];
      for (const p of this.workers) if (p.busy < w.busy) w = p;
      w.busy++;
      const seq = ++this.seq;
      const promise = new Promise<unknown>((resolve, reject) =>
        this.waiting.set(seq, { resolve, reject, file: opts.file, firstLine: b.firstLine, recycle, worker: w }),
      );
      promise.catch(() => {}); // rejections are handled when the block's turn comes
      const ab = b.buf.buffer as ArrayBuffer;
      w.worker.postMessage(
        { type: 'block', seq, run, buffer: ab, offset: b.offset, length: b.length, firstLine: b.firstLine, index: b.index },
        [ab],
      );
      return promise;
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
