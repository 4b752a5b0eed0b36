/**
 * Worker thread of src/data/png-renderer.ts: draws one SVG with resvg and encodes it as PNG (png.ts),
 * message by message. Its heap holds only the image at hand, so the 3 MB pixel buffers of each image are collected
 * cheaply here instead of by full collections of the site build's large heap.
 */
import { parentPort } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { encodePngSync } from './png.ts';

parentPort!.on('message', ({ id, svg, options }: { id: number; svg: string; options: ResvgRenderOptions }) => {
  try {
    const img = new Resvg(svg, options).render();
    const png = encodePngSync(img.width, img.height, img.pixels);
    // Hand the bytes over without a copy when the buffer is the PNG's alone (a small one sits in Node's shared pool,
    // which cannot be transferred: copied into its own).
    const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? png : new Uint8Array(png);
    parentPort!.postMessage({ id, png: own.buffer }, [own.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message ?? String(e) });
  }
});
