import { describe, expect, it } from 'vitest';
import { newcombeDifference, toPercent1, wilson } from './wilson.ts';

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

describe('newcombeDifference', () => {
  it("reproduces Newcombe's (1998) worked example, method 10: 56/70 − 48/80 = 0.2000 (0.0524, 0.3339)", () => {
    // Stated as B − A with A = 48/80 and B = 56/70.
    const d = newcombeDifference(48, 80, 56, 70)!;
    expect(d.diff).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });

  it('is antisymmetric and stays inside [-1, 1] at the edges', () => {
    const a = newcombeDifference(5, 56, 9, 48)!;
    const b = newcombeDifference(9, 48, 5, 56)!;
    expect(a.low).toBeCloseTo(-b.high, 12);
    expect(a.high).toBeCloseTo(-b.low, 12);
    const e = newcombeDifference(0, 10, 10, 10)!;
    expect(e.diff).toBe(1);
    expect(e.low).toBeGreaterThan(0);
    expect(e.high).toBeLessThanOrEqual(1);
    expect(newcombeDifference(1, 0, 1, 5)).toBeNull();
  });

  it('calls a change significant although the two Wilson intervals overlap (the old rule would not)', () => {
    // 120/1000 → 150/1000: Wilson 10.1–14.2% and 12.9–17.3% overlap, yet the difference 3.0 points has
    // a Newcombe interval excluding 0.
    const a = wilson(120, 1000)!;
    const b = wilson(150, 1000)!;
    expect(a.high).toBeGreaterThan(b.low);
    const d = newcombeDifference(120, 1000, 150, 1000)!;
    expect(d.low).toBeGreaterThan(0);
  });
});
