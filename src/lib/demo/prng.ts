/**
 * Seeded pseudo-random numbers for the demo generator. The core never calls Math.random: every random draw comes
 * from an `Rng` built here from the configured seed plus a key (a desa code, a period ...), so the same seed gives
 * the same bytes on every machine, and one desa's draws do not shift when another desa is added.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit variant from PractRand; the
 * JavaScript form popularised by bryc/code "PRNGs.md"), seeded from a 32-bit hash of the key expanded by
 * mulberry32 (Tommy Ettinger), both public domain and both reproduced exactly so their outputs can be checked.
 * This is the project's one seeded generator: the benchmark and the tests use `uniform32` from here too.
 */

/** A source of uniform numbers in [0, 1) plus the few distributions the generator needs. */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal N(0, 1) (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** sfc32 as a function returning uniform numbers in [0, 1) (reference: bryc/code PRNGs.md, PractRand sfc32). */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** mulberry32 as a function returning 32-bit unsigned integers (reference: bryc/code PRNGs.md). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** mulberry32 scaled to uniform numbers in [0, 1): the small seeded source of the benchmark's export and the
 * tests' synthetic populations (the demo generator draws from `createRng`). */
export function uniform32(seed: number): () => number {
  const m = mulberry32(seed);
  return () => m() / 4294967296;
}

/** 32-bit FNV-1a of a string's UTF-16 code units (low byte then high byte; equal to byte-wise FNV-1a on ASCII). */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ (c & 0xff), 0x01000193);
    if (c > 0xff) h = Math.imul(h ^ (c >>> 8), 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. FNV-1a alone barely changes the high
 * bits when only the last character differs (35.10.01.2001 vs .2002), so ranking codes by it would cluster. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed 32-bit hash of a string. */
export function hash32(s: string): number {
  return fmix32(fnv1a32(s));
}

/** An Rng for a seed and a key path: `createRng(20250801, 'desa', '35.10.01.2001')`. Different keys give
 * independent streams (FNV-1a of the key mixed with the seed, expanded to sfc32's 128-bit state by mulberry32). */
export function createRng(seed: number, ...keys: (string | number)[]): Rng {
  const m = mulberry32((fnv1a32(keys.join('\u0001')) ^ Math.imul(seed | 0, 0x9e3779b1)) | 0);
  return rngFrom(sfc32(m(), m(), m(), m()));
}

/** Wraps a uniform source into an Rng. The state is discarded for the first 12 draws, as bryc advises for sfc32,
 * so that similar seeds do not start with correlated outputs. */
export function rngFrom(uniform: () => number): Rng {
  for (let i = 0; i < 12; i++) uniform();
  let spare = NaN;
  const rng: Rng = {
    next: uniform,
    int: (n) => Math.floor(uniform() * n),
    chance: (p) => uniform() < p,
    normal() {
      if (spare === spare) {
        const v = spare;
        spare = NaN;
        return v;
      }
      // 1 - u keeps the logarithm finite (u is in [0, 1)).
      const r = Math.sqrt(-2 * Math.log(1 - uniform()));
      const th = 2 * Math.PI * uniform();
      spare = r * Math.sin(th);
      return r * Math.cos(th);
    },
    pick: (items) => items[Math.floor(uniform() * items.length)],
  };
  return rng;
}
