import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './png-renderer.ts';
import { encodePngSync } from './png.ts';

const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="63"><rect width="120" height="63" fill="#ffffff"/><circle cx="60" cy="31" r="25" fill="${fill}"/></svg>`;

describe('svgToPng (worker threads)', () => {
  it('gives the same bytes as drawing and encoding on this thread, for many images at once, each its own', async () => {
    const fills = ['#1f5fa8', '#c0392b', '#2c7a3f', '#b58100', '#6b3fa0', '#111111'];
    const pngs = await Promise.all(fills.map((f) => svgToPng(svg(f), { logLevel: 'off' })));
    fills.forEach((f, i) => {
      const img = new Resvg(svg(f), { logLevel: 'off' }).render();
      expect(pngs[i].equals(encodePngSync(img.width, img.height, img.pixels))).toBe(true);
    });
    expect(new Set(pngs.map((p) => p.toString('base64'))).size).toBe(fills.length);
  });

  it('rejects an SVG resvg cannot read, with its reason', async () => {
    await expect(svgToPng('<svg', {})).rejects.toThrow(/PNG preview/);
  });
});
