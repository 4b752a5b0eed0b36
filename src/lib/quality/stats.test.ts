import { describe, expect, it } from 'vitest';
import { chiSquareUniform, digitPreferenceScore, erfc, poissonUpperTail, twoSidedNormalP } from './stats.ts';

describe('normal tails', () => {
  it('erfc and two-sided p match known values', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207, 6);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 6);
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedNormalP(3.290527)).toBeCloseTo(0.001, 5);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});

describe('poissonUpperTail', () => {
  it('is exact for small lambda', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 0.5), 10);
  });
  it('uses a continuity-corrected normal tail for large lambda', () => {
    expect(poissonUpperTail(5000, 5000)).toBeCloseTo(0.5, 2);
    expect(poissonUpperTail(5300, 5000)).toBeLessThan(0.0001);
  });
});

describe('digit preference score (SMART / nipnTK formula)', () => {
  it('is 0 for perfectly uniform digits', () => {
    expect(chiSquareUniform([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toBe(0);
    expect(digitPreferenceScore([7, 7, 7, 7, 7, 7, 7, 7, 7, 7])).toBe(0);
  });
  it('is 100 when every value ends in the same digit', () => {
    expect(digitPreferenceScore([120, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(100, 10);
    expect(digitPreferenceScore([0, 0, 0, 0, 0, 40, 0, 0, 0, 0], true)).toBeCloseTo(100 * Math.sqrt((9 * 40 - 9) / (9 * 40)), 10);
  });
  it('equals 100 * f when a share f of values is rounded to one digit', () => {
    // n = 1000, f = 0.5: 500 rounded to .0, 500 uniform (50 per digit)
    expect(digitPreferenceScore([550, 50, 50, 50, 50, 50, 50, 50, 50, 50])).toBeCloseTo(50, 10);
  });
  it('half on .0 and half on .5 gives 100 * sqrt(4/9)', () => {
    expect(digitPreferenceScore([50, 0, 0, 0, 0, 50, 0, 0, 0, 0])).toBeCloseTo(66.667, 2);
  });
  it('bias correction removes the chance score of small honest samples', () => {
    const counts = [3, 1, 2, 2, 1, 3, 2, 1, 3, 2]; // n = 20, X2 = 3
    expect(digitPreferenceScore(counts)).toBeCloseTo(100 * Math.sqrt(3 / 180), 10);
    expect(digitPreferenceScore(counts, true)).toBe(0);
    expect(digitPreferenceScore([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBeNull();
  });
});
