import { Resvg } from '@resvg/resvg-js';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, encodePngSync } from './png.ts';

/** Pixels of a PNG as resvg decodes it (drawn as an <image> at its own size). */
function decodeWithResvg(png: Buffer, w: number, h: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><image width="${w}" height="${h}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="40"><rect width="64" height="40" fill="#ffffff"/>
  <rect x="4" y="4" width="30" height="20" fill="#1f5fa8"/><circle cx="44" cy="22" r="14" fill="#c0392b"/>
  <path d="M0 40 L64 0" stroke="#2c7a3f" stroke-width="3"/></svg>`;

describe('encodePng', () => {
  it('writes a PNG that a decoder reads back to the same pixels', async () => {
    const img = new Resvg(scene).render();
    const png = await encodePng(img.width, img.height, img.pixels);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(64);
    expect(png.readUInt32BE(20)).toBe(40);
    expect(decodeWithResvg(png, 64, 40).equals(img.pixels)).toBe(true);
    expect(encodePngSync(img.width, img.height, img.pixels).equals(png)).toBe(true);
  });

  it('stores straight alpha when given premultiplied pixels', () => {
    // half-transparent orange: resvg holds it premultiplied (128, 64, 0, 128)
    const img = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="1"><rect width="2" height="1" fill="#ff8000" fill-opacity="0.5"/></svg>').render();
    expect([...img.pixels.subarray(0, 4)]).toEqual([128, 64, 0, 128]);
    const png = encodePngSync(2, 1, img.pixels);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, 255, 128, 0, 128, 255, 128, 0, 128]);
  });

  it('refuses pixels of the wrong size', () => {
    expect(() => encodePngSync(4, 4, new Uint8Array(10))).toThrow(/10 bytes of pixels for 4 × 4/);
  });
});
