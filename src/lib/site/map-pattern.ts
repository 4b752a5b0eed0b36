/**
 * The fill patterns of the interactive map as small raster images (MapLibre image data), so no sprite is requested:
 * hatching for suppressed areas, a dot for areas not measured, in the colours of the one colour source.
 */
import { NOT_MEASURED, SUPPRESSED } from './thresholds.ts';

/** Side of the pattern tile in pixels. */
const SIZE = 8;

/** An 8×8 RGBA tile: diagonal hatching on the suppressed fill (`hatch`) or a 2×2 dot on the not-measured fill (`dots`). */
export function patternImage(kind: 'hatch' | 'dots'): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(SIZE * SIZE * 4);
  const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const bg = hex(kind === 'hatch' ? SUPPRESSED.fill : NOT_MEASURED.fill);
  const fg = hex(kind === 'hatch' ? SUPPRESSED.hatch : NOT_MEASURED.dot);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const on = kind === 'hatch' ? (x + y) % SIZE < 2 : (x === 3 || x === 4) && (y === 3 || y === 4);
      const c = on ? fg : bg;
      data.set([c[0], c[1], c[2], 255], (y * SIZE + x) * 4);
    }
  }
  return { width: SIZE, height: SIZE, data };
}
