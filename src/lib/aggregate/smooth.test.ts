import { describe, expect, it } from 'vitest';
import { betaQuantile } from './beta.ts';
import { MIN_AREAS, estimateRho, priorMean, priorWeight, smoothCell, smoothLevel, type SmoothCell } from './smooth.ts';

const cell = (n: number, cases: number, parentN: number, parentCases: number): SmoothCell => ({ n, cases, parentN, parentCases });

describe('priorMean', () => {
  it('is the rate of the rest of the parent, half a case away from 0 and 1', () => {
    expect(priorMean(cell(40, 10, 440, 90))).toBeCloseTo(80 / 400, 15);
    expect(priorMean(cell(40, 0, 440, 0))).toBeCloseTo(0.5 / 400, 15);
    expect(priorMean(cell(40, 40, 440, 440))).toBeCloseTo(1 - 0.5 / 400, 15);
    // A parent with no other children gives no prior.
    expect(priorMean(cell(40, 10, 40, 10))).toBeNull();
  });
});

describe('smoothCell', () => {
  it('is the mean and quantiles of the conjugate beta posterior', () => {
    const c = cell(50, 20, 1050, 220);
    const rho = 1 / 41; // M = 40 children
    const m = priorWeight(rho, c);
    expect(m).toBeCloseTo(40, 10);
    const a = 20 + 40 * 0.2;
    const b = 30 + 40 * 0.8;
    const s = smoothCell(c, rho)!;
    expect(s.mean).toBeCloseTo(a / (a + b), 14);
    expect(s.low).toBeCloseTo(betaQuantile(0.025, a, b), 14);
    expect(s.high).toBeCloseTo(betaQuantile(0.975, a, b), 14);
    // Pulled from the raw 40% towards the 20% of the rest of the kecamatan, and the interval contains the mean.
    expect(s.mean).toBeGreaterThan(0.2);
    expect(s.mean).toBeLessThan(0.4);
    expect(s.low).toBeLessThan(s.mean);
    expect(s.high).toBeGreaterThan(s.mean);
  });
  it('shrinks small areas more than large ones', () => {
    const small = smoothCell(cell(20, 8, 2020, 408), 0.02)!;
    const large = smoothCell(cell(400, 160, 2400, 560), 0.02)!;
    expect(0.4 - small.mean).toBeGreaterThan(0.4 - large.mean);
  });
  it('caps the prior at the other children of the parent, and needs a parent with other children', () => {
    const c = cell(30, 3, 130, 23);
    expect(priorWeight(0, c)).toBe(100);
    expect(priorWeight(0.0001, c)).toBe(100);
    expect(priorWeight(0.5, c)).toBe(1);
    expect(smoothCell(cell(30, 3, 30, 3), 0.1)).toBeNull();
    expect(smoothCell(cell(0, 0, 30, 3), 0.1)).toBeNull();
  });
});

describe('estimateRho', () => {
  it('is 0 when the areas vary no more than binomial noise, and grows with real differences', () => {
    // Every desa exactly at its parent rate: no excess variation.
    const flat = Array.from({ length: 10 }, () => cell(50, 10, 500, 100));
    expect(estimateRho(flat)).toBe(0);
    // Desa alternating between 4% and 36% of 50 children: far more spread than binomial noise.
    const spread = Array.from({ length: 10 }, (_, i) => cell(50, i % 2 ? 2 : 18, 500, 100));
    const rho = estimateRho(spread)!;
    expect(rho).toBeGreaterThan(0.05);
    expect(rho).toBeLessThanOrEqual(0.5);
  });
  it(`needs at least ${MIN_AREAS} usable areas`, () => {
    const few = Array.from({ length: MIN_AREAS - 1 }, () => cell(50, 10, 500, 100));
    expect(estimateRho(few)).toBeNull();
    expect(smoothLevel(few).values.every((v) => v === null)).toBe(true);
    // Areas without other children in their parent, or with a single child, do not count.
    const unusable = [...few, cell(50, 10, 50, 10), cell(1, 0, 500, 100)];
    expect(estimateRho(unusable)).toBeNull();
  });
});
