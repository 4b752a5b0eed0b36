/**
 * Worker side of `parallel-csv.ts`: loads the handler module named in workerData, calls its `init(data)` once, then
 * handles the pool's messages strictly in order: `open` (a file starts: the handler's `openFile(fileData, info)`),
 * `block` (the handler's `processBlock(block, firstLine, header, ctx)`; the result is posted back, transferring a
 * Uint8Array result's buffer or whatever the handler's `transferList` names, together with the block's ArrayBuffer
 * for reuse), `close` (the file is done: `closeFile(state)`) and `call` (any exported function: `fn(arg)`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BlockContext, CsvFileInfo } from './parallel-csv.ts';
import { setFastPathDefault } from '../../src/lib/csv/block-rows.ts';

/** The contract a handler module fulfils (see parallel-csv.ts). */
export interface CsvBlockHandler<R = unknown, D = unknown, F = unknown, S = unknown> {
  init?: (data: D) => void | Promise<void>;
  openFile?: (data: F, info: CsvFileInfo) => S | Promise<S>;
  closeFile?: (state: S) => void;
  processBlock: (block: Buffer, firstLine: number, header: string[], ctx: BlockContext<S>) => R | Promise<R>;
  transferList?: (result: R) => Transferable[];
}

type Message =
  | { type: 'open'; run: number; data: unknown; info: CsvFileInfo }
  | { type: 'close'; run: number }
  | { type: 'call'; seq: number; fn: string; arg: unknown }
  | { type: 'block'; seq: number; run: number; buffer: ArrayBuffer; offset: number; length: number; firstLine: number; index: number };

/** A file being read: its header facts and the handler's state (or the error of its openFile). */
interface Run {
  info: CsvFileInfo;
  state: unknown;
  error?: unknown;
}

const { handler: handlerUrl, data } = workerData as { handler: string; data: unknown };
// PARALLEL_CSV_FAST_PATH=0 turns the quote-free fast path of the row splitter off (for comparisons).
if (process.env.PARALLEL_CSV_FAST_PATH === '0') setFastPathDefault(false);
/** Buffer's own UTF-8 decoding of a block slice (faster than a TextDecoder on short lines). */
const decode = (buf: Uint8Array, start: number, end: number): string => (buf as Buffer).toString('utf8', start, end);

const ready: Promise<CsvBlockHandler> = (async () => {
  const mod = (await import(handlerUrl)) as CsvBlockHandler;
  if (typeof mod.processBlock !== 'function') throw new Error(`${handlerUrl} does not export processBlock()`);
  await mod.init?.(data);
  return mod;
})();
ready.catch(() => {}); // reported with the first block

const runs = new Map<number, Run>();

function transferables(h: CsvBlockHandler, result: unknown): ArrayBuffer[] {
  if (h.transferList) return h.transferList(result) as ArrayBuffer[];
  if (ArrayBuffer.isView(result) && result.buffer instanceof ArrayBuffer) {
    if (result.byteOffset === 0 && result.byteLength === result.buffer.byteLength) return [result.buffer];
  }
  return [];
}

function errorReply(seq: number, e: unknown, buffer?: ArrayBuffer): void {
  const err = e as Error & { code?: string; file?: string; line?: number; column?: number };
  parentPort!.postMessage(
    {
      seq,
      ok: false,
      error: {
        name: err?.name ?? 'Error',
        message: err?.message ?? String(e),
        code: typeof err?.code === 'string' ? err.code : undefined,
        file: err?.file,
        line: err?.line,
        column: err?.column,
        stack: err?.stack,
      },
      buffer,
    },
    buffer ? [buffer] : [],
  );
}

async function handle(m: Message): Promise<void> {
  if (m.type === 'open') {
    const run: Run = { info: m.info, state: m.data };
    runs.set(m.run, run);
    try {
      const h = await ready;
      if (h.openFile) run.state = await h.openFile(m.data, m.info);
    } catch (e) {
      run.error = e;
    }
    return;
  }
  if (m.type === 'call') {
    try {
      const h = (await ready) as unknown as Record<string, unknown>;
      const f = h[m.fn];
      if (typeof f !== 'function') throw new Error(`${handlerUrl} does not export ${m.fn}()`);
      parentPort!.postMessage({ seq: m.seq, ok: true, result: await f(m.arg) });
    } catch (e) {
      errorReply(m.seq, e);
    }
    return;
  }
  if (m.type === 'close') {
    const run = runs.get(m.run);
    runs.delete(m.run);
    if (run && !run.error) (await ready.catch(() => null))?.closeFile?.(run.state);
    return;
  }
  try {
    const h = await ready;
    const run = runs.get(m.run);
    if (!run) throw new Error(`parallel-csv: block of an unknown file (run ${m.run})`);
    if (run.error) throw run.error;
    const block = Buffer.from(m.buffer, m.offset, m.length);
    const i = run.info;
    const ctx: BlockContext = { file: i.file, delimiter: i.delimiter, recordDelimiter: i.recordDelimiter, header: i.header, index: m.index, state: run.state, decode };
    const result = await h.processBlock(block, m.firstLine, i.header, ctx);
    const transfer = transferables(h, result);
    // the block's buffer goes back for reuse, unless the result itself lives in it
    const back = transfer.includes(m.buffer) ? undefined : m.buffer;
    parentPort!.postMessage({ seq: m.seq, ok: true, result, buffer: back }, back ? [...transfer, back] : transfer);
  } catch (e) {
    errorReply(m.seq, e, m.buffer.byteLength > 0 ? m.buffer : new ArrayBuffer(0)); // 0: detached by a failed reply
  }
}

// One message at a time, in arrival order (an async handler finishes before the next message starts).
let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: Message) => {
  chain = chain.then(() => handle(m)).catch(() => {}); // handle() replies to every block itself
});
