/**
 * Worker side of `parallel-csv.ts`: loads the handler module named in workerData, calls its `init(data)` once, then
 * for every posted block calls `processBlock(block, firstLine, header, ctx)` and posts the result back (transferring a
 * Uint8Array result's buffer, or whatever the handler's `transferList` names).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BlockContext } from './parallel-csv.ts';

/** The contract a handler module fulfils (see parallel-csv.ts). */
export interface CsvBlockHandler<R = unknown, D = unknown> {
  init?: (data: D) => void | Promise<void>;
  processBlock: (block: Buffer, firstLine: number, header: string[], ctx: BlockContext) => R | Promise<R>;
  transferList?: (result: R) => Transferable[];
}

interface BlockMessage {
  seq: number;
  buffer: ArrayBuffer;
  offset: number;
  length: number;
  firstLine: number;
  ctx: BlockContext;
}

const { handler: handlerUrl, data } = workerData as { handler: string; data: unknown };

const ready: Promise<CsvBlockHandler> = (async () => {
  const mod = (await import(handlerUrl)) as CsvBlockHandler;
  if (typeof mod.processBlock !== 'function') throw new Error(`${handlerUrl} does not export processBlock()`);
  await mod.init?.(data);
  return mod;
})();
ready.catch(() => {}); // reported with the first block

function transferables(h: CsvBlockHandler, result: unknown): ArrayBuffer[] {
  if (h.transferList) return h.transferList(result) as ArrayBuffer[];
  if (ArrayBuffer.isView(result) && result.buffer instanceof ArrayBuffer) {
    if (result.byteOffset === 0 && result.byteLength === result.buffer.byteLength) return [result.buffer];
  }
  return [];
}

parentPort!.on('message', async (m: BlockMessage) => {
  try {
    const h = await ready;
    const block = Buffer.from(m.buffer, m.offset, m.length);
    const result = await h.processBlock(block, m.firstLine, m.ctx.header, m.ctx);
    parentPort!.postMessage({ seq: m.seq, ok: true, result }, transferables(h, result));
  } catch (e) {
    const err = e as Error & { code?: string; file?: string; line?: number; column?: number };
    parentPort!.postMessage({
      seq: m.seq,
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
    });
  }
});
