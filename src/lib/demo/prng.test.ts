import { describe, expect, it } from 'vitest';
import { createRng, fmix32, fnv1a32, mulberry32, sfc32, uniform32 } from './prng.ts';

describe('sfc32', () => {
  it('gives the reference first outputs', () => {
    // By hand from the algorithm: t = a + b + d = 1 + 2 + 4 = 7; then a = 2 ^ (2 >>> 9) = 2, b = 3 + (3 << 3) = 27,
    // d = 5, so t = 2 + 27 + 5 = 34. The later values pin the rotation (21) and shifts (9, 3).
    const s = sfc32(1, 2, 3, 4);
    const out = Array.from({ length: 5 }, () => Math.round(s() * 4294967296));
    expect(out).toEqual([7, 34, 56623200, 188882296, 3431242869]);
  });
  it('returns numbers in [0, 1)', () => {
    const s = sfc32(0xdeadbeef, 0, -1, 7);
    for (let i = 0; i < 10000; i++) {
      const x = s();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('mulberry32', () => {
  it('gives the reference first outputs', () => {
    const m = mulberry32(0);
    expect([m(), m(), m(), m(), m()]).toEqual([1144304738, 1416247, 958946056, 627933444, 2007157716]);
    const m42 = mulberry32(42);
    expect([m42(), m42(), m42()]).toEqual([2581720956, 1925393290, 3661312704]);
  });
  it('uniform32 gives the same reference outputs divided by 2^32, in [0, 1)', () => {
    const u = uniform32(42);
    expect([u(), u(), u()]).toEqual([2581720956 / 2 ** 32, 1925393290 / 2 ** 32, 3661312704 / 2 ** 32]);
    const v = uniform32(-1);
    for (let i = 0; i < 10_000; i++) {
      const x = v();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('hashes', () => {
  it('FNV-1a 32 matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('fmix32 spreads codes that differ only in the last digit', () => {
    const a = fmix32(fnv1a32('1|typo|35.10.01.2001'));
    const b = fmix32(fnv1a32('1|typo|35.10.01.2002'));
    // Hamming distance of a good mix is about 16 bits.
    let x = (a ^ b) >>> 0;
    let bits = 0;
    while (x) (bits += x & 1), (x >>>= 1);
    expect(bits).toBeGreaterThan(6);
  });
});

describe('createRng', () => {
  it('is deterministic for a seed and key, and differs by seed and by key', () => {
    const draw = (seed: number, ...k: string[]) => {
      const r = createRng(seed, ...k);
      return [r.next(), r.next(), r.next()];
    };
    expect(draw(20250801, 'x')).toEqual(draw(20250801, 'x'));
    expect(draw(20250801, 'x')).not.toEqual(draw(20250802, 'x'));
    expect(draw(20250801, 'x')).not.toEqual(draw(20250801, 'y'));
    expect(draw(20250801, 'a', 'bc')).not.toEqual(draw(20250801, 'ab', 'c'));
  });
  it('draws standard normals and fair integers', () => {
    const r = createRng(1, 'stats');
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let below2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
      if (z < -2) below2++;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.015);
    expect(Math.abs(below2 / n - 0.02275)).toBeLessThan(0.002);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});
