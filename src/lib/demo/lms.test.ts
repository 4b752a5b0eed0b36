import { describe, expect, it } from 'vitest';
import { readWhoTables } from '../../../scripts/lib/who-files.ts';
import { lmsAt } from '../who/tables.ts';
import { computeZScores, lmsZ, restrictedLmsZ } from '../who/zscore.ts';
import { lengthForZ, lmsValue, restrictedLmsValue, weightForAgeZ, weightForZ } from './lms.ts';

const tables = readWhoTables();

describe('LMS inverse', () => {
  it('undoes the plain and the restricted LMS z-score', () => {
    const lms = { l: -0.3521, m: 9.6479, s: 0.10925 }; // a weight-like row (skewed, L < 0)
    for (const z of [-5.5, -3.2, -3, -1.1, 0, 0.7, 2.9, 3, 3.4, 4.8]) {
      if (Math.abs(z) <= 3) expect(lmsZ(lmsValue(lms, z), lms.l, lms.m, lms.s)).toBeCloseTo(z, 10);
      expect(restrictedLmsZ(restrictedLmsValue(lms, z), lms.l, lms.m, lms.s)).toBeCloseTo(z, 10);
    }
    expect(lmsValue({ l: 0, m: 10, s: 0.1 }, 1)).toBeCloseTo(10 * Math.exp(0.1), 12);
  });

  it('gives the WHO median at z = 0 (boys, 365 days: 75.7 cm)', () => {
    expect(lengthForZ(tables, 1, 365, 0)).toBeCloseTo(lmsAt(tables.len, 1, 365)!.m, 10);
    expect(lengthForZ(tables, 1, 365, 0)).toBeCloseTo(75.7, 0);
    expect(lengthForZ(tables, 1, 1827, 0)).toBeNull();
  });

  it('round-trips through the z-score engine (length/height-for-age and weight-for-length/height)', () => {
    for (const [sex, age, haz, whz] of [
      [1, 10, -2.5, 0.3],
      [2, 400, -1.2, -2.4],
      [1, 730, 0.5, 1.1],
      [2, 731, -3.1, -0.2],
      [1, 1500, -2.05, 2.6],
      [2, 1826, 1.4, -3.5],
    ] as const) {
      const len = lengthForZ(tables, sex, age, haz)!;
      const cm = Math.round(len * 10) / 10;
      const kg = weightForZ(tables, sex, age, Math.round(cm * 10), whz)!;
      const z = computeZScores(
        { sex, ageDays: age, weightKg: kg, lengthHeightCm: cm, position: age < 731 ? 'L' : 'H', oedema: false },
        tables,
      );
      expect(Math.abs(z.zlen! - haz)).toBeLessThan(0.05); // 0.05 cm of rounding is under 0.05 SD
      expect(Math.abs(z.zwfl! - whz)).toBeLessThan(0.011); // exact table row; z rounded to 2 decimals
    }
  });

  it('returns null outside the weight-for-length/height tables, where weight-for-age takes over', () => {
    expect(weightForZ(tables, 1, 20, 440, 0)).toBeNull(); // 44 cm: below wfl's 45 cm
    expect(weightForZ(tables, 1, 800, 640, 0)).toBeNull(); // 64 cm standing: below wfh's 65 cm
    expect(weightForAgeZ(tables, 2, 20, 0)).toBeCloseTo(lmsAt(tables.wei, 2, 20)!.m, 10);
  });
});
