/**
 * SVG → PNG for the link previews (src/pages/og/), on a small pool of worker threads (png-render-worker.ts).
 *
 * Why threads of our own: a preview allocates ≈ 9 MB of buffers (pixels, rows, compressed bytes). Made on the site
 * build's main thread, whose heap holds the parsed contract files (≈ 470 MB for a province), they set off a full
 * garbage collection every ≈ 0.7 s: the collector used more CPU than the pages. In a worker they are collected in a
 * heap of a few MB. Two workers: one per core of a small build machine; the main thread meanwhile renders pages.
 *
 * The worker file is found from the project root (Astro runs there, as src/data/load.ts assumes), so the bundler
 * does not need to know about it. When workers cannot start, images are drawn on the main thread instead.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { encodePng } from './png.ts';

const WORKERS = 2;
const WORKER_FILE = join(process.cwd(), 'src', 'data', 'png-render-worker.ts');

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

let pool: Slot[] | null = null;
let nextId = 0;

function startPool(): Slot[] {
  if (!existsSync(WORKER_FILE)) return [];
  return Array.from({ length: WORKERS }, () => {
    const worker = new Worker(WORKER_FILE);
    // The build may end while a worker idles: it must not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (m: { id: number; png?: ArrayBuffer; error?: string }) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (m.png) p.resolve(Buffer.from(m.png));
      else p.reject(new Error(`PNG preview: ${m.error}`));
    });
    worker.on('error', (e) => {
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
    });
    return slot;
  });
}

/** The PNG of an SVG drawn with these resvg options. */
export function svgToPng(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
  pool ??= startPool();
  if (pool.length === 0) return renderAsync(svg, options).then((img) => encodePng(img.width, img.height, img.pixels));
  // The least busy worker.
  const slot = pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.postMessage({ id, svg, options });
  });
}
