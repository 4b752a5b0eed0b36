import { describe, expect, it } from 'vitest';
import { digitChart, hazHistogramChart, normalCdf, normalPdf } from './charts.ts';

describe('normal helpers', () => {
  it('Φ and φ at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-2)).toBeCloseTo(0.02275, 4);
    expect(normalPdf(0)).toBeCloseTo(0.398942, 5);
  });
});

describe('hazHistogramChart', () => {
  it('bars sum to 100%, expected shares follow N(0, 1), the share below -2 is exact', () => {
    const counts = new Array(48).fill(0);
    counts[15] = 30; // [-2.25, -2)
    counts[16] = 70; // [-2, -1.75)
    const c = hazHistogramChart(counts);
    expect(c.n).toBe(100);
    expect(c.bars.reduce((a, b) => a + b.pct, 0)).toBeCloseTo(100, 10);
    expect(c.bars.reduce((a, b) => a + b.expectedPct, 0)).toBeCloseTo(100, 5);
    expect(c.belowMinus2Pct).toBe(30);
    expect(c.expectedBelowMinus2Pct).toBeCloseTo(2.275, 2);
    expect(c.bars[16].from).toBe(-2);
    expect(c.bars[16].h).toBeGreaterThan(c.bars[15].h);
    expect(c.cutoffX).toBeCloseTo(c.bars[16].x, 0);
    expect(c.curve.startsWith('M')).toBe(true);
  });
  it('handles an empty histogram', () => {
    const c = hazHistogramChart(new Array(48).fill(0));
    expect(c.n).toBe(0);
    expect(c.belowMinus2Pct).toBeNull();
    expect(c.bars.every((b) => b.h === 0)).toBe(true);
  });
});

describe('digitChart', () => {
  it('all values on .0 give one full bar and the 10% line', () => {
    const c = digitChart([50, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(c.bars[0].pct).toBe(100);
    expect(c.bars[1].h).toBe(0);
    expect(c.expectedY).toBeGreaterThan(c.bars[0].y);
  });
});
