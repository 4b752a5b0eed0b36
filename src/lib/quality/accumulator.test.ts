import { describe, expect, it } from 'vitest';
import {
  addDuplicates,
  addObservation,
  addRejected,
  ageInMonths,
  createQualityAccumulator,
  hazBin,
  mergeQuality,
  setTarget,
  type QualityAccumulator,
} from './accumulator.ts';
import { obs, population } from '../../../test/helpers/quality-population.ts';

function accOf(list: ReturnType<typeof population>): QualityAccumulator {
  const acc = createQualityAccumulator();
  for (const o of list) addObservation(acc, o);
  return acc;
}

describe('accumulator', () => {
  it('bins HAZ in 0.25 SD steps from -6, exactly on hundredths', () => {
    expect(hazBin(-6)).toBe(0);
    expect(hazBin(-5.76)).toBe(0);
    expect(hazBin(-5.75)).toBe(1);
    expect(hazBin(-2)).toBe(16);
    expect(hazBin(-2.01)).toBe(15);
    expect(hazBin(0)).toBe(24);
    expect(hazBin(5.99)).toBe(47);
    expect(hazBin(6)).toBe(47);
  });

  it('computes completed months as WHO anthro (30.4375 days)', () => {
    expect(ageInMonths(0)).toBe(0);
    expect(ageInMonths(30)).toBe(0);
    expect(ageInMonths(31)).toBe(1);
    expect(ageInMonths(365)).toBe(11);
    expect(ageInMonths(1826)).toBe(59);
  });

  it('counts flags apart from the moments and histogram', () => {
    const acc = createQualityAccumulator();
    addObservation(acc, obs({ zlen: -7.2, flen: 1 }));
    addObservation(acc, obs({ zlen: -2, flen: 0 }));
    addObservation(acc, obs({ zlen: null, flen: null }));
    expect(acc.haz).toEqual({ valid: 2, flagged: 1, n: 1, s1: -200, s2: 40000, s3: -8000000, s4: 1600000000 });
    expect(acc.hazHist[16]).toBe(1);
    expect(acc.hazHist.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('counts digits, missing values, sex and infants measured standing', () => {
    const acc = createQualityAccumulator();
    addObservation(acc, obs({ sex: 1, heightDigit: 0, weightDigit: 5 }));
    addObservation(acc, obs({ sex: 2, heightMissing: true, heightDigit: null, weightDigit: 5 }));
    addObservation(acc, obs({ sex: 2, ageDays: 100, position: 'H' }));
    addObservation(acc, obs({ sex: 2, ageDays: 273, position: 'L' }));
    addObservation(acc, obs({ sex: 2, ageDays: 274, position: 'H' })); // 9 months: not counted
    addObservation(acc, obs({ sex: 2, ageDays: 50, position: null })); // unknown position: not counted
    expect(acc.boys).toBe(1);
    expect(acc.girls).toBe(5);
    expect(acc.heightDigits[0]).toBe(1);
    expect(acc.heightMissing).toBe(1);
    expect(acc.weightDigits[5]).toBe(2);
    expect(acc.under9mWithPosition).toBe(2);
    expect(acc.under9mStanding).toBe(1);
  });

  it('detects birthdays and births on the 1st from the measurement day and age', () => {
    const acc = createQualityAccumulator();
    // born 2023-08-10, measured 2025-08-10: exactly on the 2nd birthday (731 days, 2024 is a leap year)
    addObservation(acc, obs({ measureDay: Date.UTC(2025, 7, 10) / 86_400_000, ageDays: 731 }));
    // born 2024-03-01, measured 2025-08-10
    addObservation(acc, obs({ measureDay: Date.UTC(2025, 7, 10) / 86_400_000, ageDays: (Date.UTC(2025, 7, 10) - Date.UTC(2024, 2, 1)) / 86_400_000 }));
    // 200 days old: not eligible for the birthday check
    addObservation(acc, obs({ ageDays: 200 }));
    expect(acc.ageYearEligible).toBe(2);
    expect(acc.ageOnBirthday).toBe(1);
    expect(acc.birthDayKnown).toBe(3);
    expect(acc.bornOnFirst).toBe(1);
  });

  it('merge(a, b, c) equals accumulating everything at once, in any order', () => {
    const all = population(3000, 7);
    const whole = accOf(all);
    addRejected(whole, 'bad_date', 3);
    addDuplicates(whole, 5);
    const a = accOf(all.slice(0, 1000));
    const b = accOf(all.slice(1000, 1700));
    const c = accOf(all.slice(1700));
    addRejected(a, 'bad_date', 1);
    addRejected(c, 'bad_date', 2);
    addDuplicates(b, 5);
    setTarget(whole, 1200);
    setTarget(a, 400);
    setTarget(b, 300);
    setTarget(c, 500);
    const merged = mergeQuality(mergeQuality(mergeQuality(createQualityAccumulator(), c), a), b);
    expect(merged).toEqual(whole);
    const other = mergeQuality(mergeQuality(createQualityAccumulator(), b), mergeQuality(createQualityAccumulator(), a));
    mergeQuality(other, c);
    expect(other).toEqual(merged);
  });

  it('sums targets and remembers areas without one', () => {
    const a = accOf(population(10, 1));
    const b = accOf(population(10, 2));
    setTarget(a, 12);
    setTarget(b, 15);
    const p = mergeQuality(mergeQuality(createQualityAccumulator(), a), b);
    expect(p.target).toBe(27);
    expect(p.targetGaps).toBe(0);
    const c = accOf(population(5, 3)); // children, no target
    mergeQuality(p, c);
    expect(p.targetGaps).toBe(1);
    const empty = createQualityAccumulator(); // no children, no target: no gap
    mergeQuality(p, empty);
    expect(p.targetGaps).toBe(1);
    setTarget(p, 40);
    expect(p.targetGaps).toBe(0);
  });
});
