import { describe, expect, it } from 'vitest';
import { toPercent1, wilson } from './wilson.ts';

describe('wilson', () => {
  // Reference values: roots of (p̂ - p)² = z² p(1 - p) / n found by bisection (an independent route to the
  // Wilson bounds), rounded to 4 decimals.
  it.each([
    [37, 412, 0.0659, 0.1213],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [1, 2, 0.0945, 0.9055],
    [201, 2175, 0.081, 0.1053],
  ])('gives the Wilson interval for %i of %i', (x, n, lo, hi) => {
    const w = wilson(x, n)!;
    expect(w.p).toBeCloseTo(x / n, 12);
    expect(w.low).toBeCloseTo(lo, 4);
    expect(w.high).toBeCloseTo(hi, 4);
  });

  it('returns null for n = 0 and impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(5, 3)).toBeNull();
    expect(wilson(-1, 3)).toBeNull();
  });

  it('always contains the point estimate and stays within 0..1', () => {
    for (let n = 1; n < 60; n++) {
      for (let x = 0; x <= n; x++) {
        const w = wilson(x, n)!;
        expect(w.low).toBeGreaterThanOrEqual(0);
        expect(w.high).toBeLessThanOrEqual(1);
        expect(w.low).toBeLessThanOrEqual(w.p + 1e-12);
        expect(w.high).toBeGreaterThanOrEqual(w.p - 1e-12);
      }
    }
  });
});

describe('toPercent1', () => {
  it.each([
    [0.0285, 2.9],
    [0.0284999, 2.8],
    [0.1, 10],
    [0, 0],
    [1, 100],
    [0.09, 9],
  ])('rounds %f to %f percent', (f, pct) => expect(toPercent1(f)).toBe(pct));
});
