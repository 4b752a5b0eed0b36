import { describe, expect, it } from 'vitest';
import { addObservation, addRejected, createQualityAccumulator, mergeQuality, setTarget } from './accumulator.ts';
import { digitMetrics, heapingMetrics, indexMetrics, qualityMetrics, sexRatio } from './metrics.ts';
import { obs, population } from '../../../test/helpers/quality-population.ts';

function accWithHaz(values: (number | null)[], flags: (0 | 1)[] = []) {
  const acc = createQualityAccumulator();
  values.forEach((z, i) => addObservation(acc, obs({ zlen: z, flen: flags[i] ?? 0 })));
  return acc;
}

describe('z-score distribution', () => {
  it('SD (n - 1), mean, skewness and kurtosis of a known set', () => {
    const m = indexMetrics(accWithHaz([-1, 0, 1, 2]).haz);
    expect(m.mean).toBeCloseTo(0.5, 12);
    expect(m.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(m.skewness).toBeCloseTo(0, 12);
    // population moments: m2 = 1.25, m4 = (2 * 1.5^4 + 2 * 0.5^4) / 4 = 2.5625
    expect(m.kurtosis).toBeCloseTo(2.5625 / 1.5625 - 3, 12);
  });

  it('a right-skewed set has positive skewness', () => {
    const m = indexMetrics(accWithHaz([0, 0, 0, 0, 3]).haz);
    expect(m.skewness).toBeGreaterThan(1);
  });

  it('excludes flagged z-scores from the SD and counts them in % flagged', () => {
    const m = indexMetrics(accWithHaz([-1, 1, -7, 6.5], [0, 0, 1, 1]).haz);
    expect(m.valid).toBe(4);
    expect(m.flagged).toBe(2);
    expect(m.flaggedPct).toBe(50);
    expect(m.n).toBe(2);
    expect(m.sd).toBeCloseTo(Math.SQRT2, 12);
  });

  it('recovers mean and SD of a simulated N(-1, 1) population', () => {
    const m = qualityMetrics((() => {
      const acc = createQualityAccumulator();
      for (const o of population(20000, 3, -1)) addObservation(acc, o);
      return acc;
    })());
    expect(m.indices.haz.mean).toBeCloseTo(-1, 1);
    expect(m.indices.haz.sd).toBeCloseTo(1, 1);
    expect(Math.abs(m.indices.haz.skewness as number)).toBeLessThan(0.1);
    expect(Math.abs(m.indices.haz.kurtosis as number)).toBeLessThan(0.15);
    expect(m.hazHistogram.counts.reduce((a, b) => a + b, 0)).toBe(20000);
  });

  it('returns nulls without enough data', () => {
    const m = indexMetrics(createQualityAccumulator().haz);
    expect(m).toEqual({ valid: 0, flagged: 0, flaggedPct: null, n: 0, mean: null, sd: null, skewness: null, kurtosis: null });
    expect(indexMetrics(accWithHaz([1]).haz).sd).toBeNull();
  });
});

describe('digit preference', () => {
  it('all heights ending in .0 give the maximal score', () => {
    const d = digitMetrics([200, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(d.dpsRaw).toBeCloseTo(100, 10);
    expect(d.dps).toBeGreaterThan(99);
    expect(d.topDigit).toBe(0);
    expect(d.topDigitPct).toBe(100);
  });
  it('a perfectly uniform distribution gives 0', () => {
    const d = digitMetrics([30, 30, 30, 30, 30, 30, 30, 30, 30, 30]);
    expect(d.dps).toBe(0);
    expect(d.dpsRaw).toBe(0);
    expect(d.topDigit).toBe(0);
  });
});

describe('sex ratio', () => {
  it('105 boys per 100 girls matches the expectation', () => {
    const s = sexRatio(1050, 1000);
    expect(s.ratio).toBeCloseTo(1.05, 12);
    expect(s.p).toBeCloseTo(1, 6);
  });
  it('an equal split of 2000 children is not significant against 1.05, 1500/1000 is', () => {
    expect(sexRatio(1000, 1000).p as number).toBeGreaterThan(0.2);
    const s = sexRatio(1500, 1000);
    expect(s.ratio).toBe(1.5);
    expect(s.p as number).toBeLessThan(1e-6);
  });
  it('chi-square (1 df) against p0 = 1.05 / 2.05', () => {
    // 60 boys, 40 girls: z = (60 - 100 p0) / sqrt(100 p0 (1 - p0))
    const p0 = 1.05 / 2.05;
    const z = (60 - 100 * p0) / Math.sqrt(100 * p0 * (1 - p0));
    expect(z).toBeCloseTo(1.7566, 3);
    expect(sexRatio(60, 40).p).toBeCloseTo(0.07898, 4); // Python math.erfc(z / sqrt(2))
  });
});

describe('age heaping', () => {
  it('observed/expected index and Poisson p', () => {
    const h = heapingMetrics(30, 1000, 12 / 365.25);
    expect(h.expectedPct).toBeCloseTo(3.2854, 3);
    expect(h.index).toBeCloseTo(0.913, 3);
    expect(h.p as number).toBeGreaterThan(0.5);
    const heaped = heapingMetrics(200, 1000, 12 / 365.25);
    expect(heaped.index).toBeCloseTo(6.09, 2);
    expect(heaped.p as number).toBeLessThan(1e-12);
  });
  it('children measured on their birthday are found', () => {
    const acc = createQualityAccumulator();
    const measureDay = Date.UTC(2025, 7, 10) / 86_400_000;
    for (let i = 0; i < 100; i++) addObservation(acc, obs({ measureDay, ageDays: 365 + i * 7 }));
    for (let i = 0; i < 20; i++) addObservation(acc, obs({ measureDay, ageDays: 365 }));
    const m = qualityMetrics(acc);
    expect(m.age.birthday.eligible).toBe(120);
    expect(m.age.birthday.count).toBe(21); // i = 0 (365 days = 2024-08-10) and the 20 added
    expect(m.age.birthday.p as number).toBeLessThan(1e-10);
  });
});

describe('qualityMetrics', () => {
  it('missing values, infants standing, coverage, duplicates and rejected rows', () => {
    const acc = createQualityAccumulator();
    for (let i = 0; i < 150; i++) addObservation(acc, obs({ ageDays: i < 10 ? 100 : 600, position: i < 2 ? 'H' : 'L', weightMissing: i < 3, weightDigit: i < 3 ? null : 1 }));
    setTarget(acc, 200);
    addRejected(acc, 'bad_date', 10);
    addRejected(acc, 'period_not_published', 40);
    const m = qualityMetrics(acc);
    expect(m.missing.weight).toBe(3);
    expect(m.missing.weightPct).toBe(2);
    expect(m.under9m).toEqual({ withPosition: 10, standing: 2, pct: 20 });
    expect(m.coverage).toEqual({ target: 200, pct: 75 });
    expect(m.rejected.total).toBe(10);
    expect(m.rejected.byReason).toEqual({ bad_date: 10, period_not_published: 40 });
    expect(m.rejected.pct).toBeCloseTo((100 * 10) / 160, 12);
    expect(m.weightDigits.n).toBe(147);
  });
  it('coverage is unknown when a merged area lacks a target', () => {
    const a = createQualityAccumulator();
    addObservation(a, obs());
    setTarget(a, 10);
    const b = createQualityAccumulator();
    addObservation(b, obs());
    const parent = mergeQuality(mergeQuality(createQualityAccumulator(), a), b);
    expect(qualityMetrics(parent).coverage).toEqual({ target: null, pct: null });
  });
});
