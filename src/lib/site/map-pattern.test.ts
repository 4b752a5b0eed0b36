import { describe, expect, it } from 'vitest';
import { patternImage } from './map-pattern.ts';
import { NOT_MEASURED, SUPPRESSED } from './thresholds.ts';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const px = (img: ReturnType<typeof patternImage>, x: number, y: number) => [...img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];

describe('patternImage', () => {
  it('is an opaque 8×8 RGBA tile', () => {
    for (const kind of ['hatch', 'dots'] as const) {
      const img = patternImage(kind);
      expect([img.width, img.height, img.data.length]).toEqual([8, 8, 256]);
      for (let i = 3; i < img.data.length; i += 4) expect(img.data[i]).toBe(255);
    }
  });

  it('hatches suppressed areas with diagonal lines that tile seamlessly', () => {
    const img = patternImage('hatch');
    expect(px(img, 0, 0)).toEqual([...rgb(SUPPRESSED.hatch), 255]);
    expect(px(img, 7, 1)).toEqual([...rgb(SUPPRESSED.hatch), 255]); // (7 + 1) mod 8 = 0: the line wraps
    expect(px(img, 3, 0)).toEqual([...rgb(SUPPRESSED.fill), 255]);
    let on = 0;
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (px(img, x, y)[0] === rgb(SUPPRESSED.hatch)[0]) on++;
    expect(on).toBe(16); // two pixels per row
  });

  it('dots areas not measured with one 2×2 dot in the middle', () => {
    const img = patternImage('dots');
    const dot = [...rgb(NOT_MEASURED.dot), 255];
    const bg = [...rgb(NOT_MEASURED.fill), 255];
    for (const [x, y] of [[3, 3], [4, 3], [3, 4], [4, 4]]) expect(px(img, x, y)).toEqual(dot);
    for (const [x, y] of [[0, 0], [2, 3], [5, 4], [7, 7]]) expect(px(img, x, y)).toEqual(bg);
  });
});
