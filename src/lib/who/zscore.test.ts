/**
 * Hand-checked cases for the anthro-compatible z-score engine: cases taken from anthro's own test suite
 * (WorldHealthOrganization/anthro tests/testthat/test-zscores.R, test-zscore-*.R), hand computations from the
 * published LMS values (literal numbers below, copied from data/who/*anthro.txt), and every rule of
 * anthro_zscores() that the expanded-table test cannot reach (age limits, position correction, table choice,
 * interpolation, oedema). Missing inputs and flags: zscore-flags.test.ts; rounding and dates: zscore-round-dates.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { tables, z } from '../../../test/helpers/who-zscore.ts';
import type { Position, ZScores } from '../types.ts';
import { lmsAt } from './tables.ts';
import { adjustLengthHeight, lmsZ, positionImplausible, restrictedLmsZ, roundR2 } from './zscore.ts';

/** Plain LMS by the WHO formula, written out independently of the engine. */
const plain = (y: number, l: number, m: number, s: number) => ((y / m) ** l - 1) / (s * l);

describe('cases from anthro tests/testthat', () => {
  it('length-for-age uses the length corrected to height (-0.7 cm lying from 731 days): 987 d, 72.86 cm -> -6.09, flagged', () => {
    const r = z(1, 987, null, 72.86, 'L');
    expect(r.clenhei).toBeCloseTo(72.16, 10);
    expect(r.zlen).toBe(-6.09);
    expect(r.flen).toBe(1);
  });

  it('adds 0.7 cm to a standing measure before 731 days and takes 0.7 cm off a lying one from 731 days', () => {
    expect([z(1, 730, null, 100, 'H'), z(1, 800, null, 100, 'H'), z(1, 730, null, 100, 'L'), z(1, 800, null, 100, 'L')].map((r) => r.clenhei)).toEqual([
      100 + 0.7,
      100,
      100,
      100 - 0.7,
    ]);
  });

  it('weight-for-age of a 1522-day girl of 17 kg is 0.24, not flagged', () => {
    const r = z(2, 1522, 17, null);
    expect(r.zwei).toBe(0.24);
    expect(r.fwei).toBe(0);
  });

  it('length-for-age at 44 days, 50 cm, boy is the plain LMS value rounded to 2 decimals', () => {
    expect(z(1, 44, null, 50).zlen).toBe(roundR2(((50 / 56.4833) ** 1 - 1) / (0.03492 * 1)));
    expect(z(1, 44, null, 50).zlen).toBe(-3.29);
  });

  it('flags a weight of 10.37 kg on day 1 (girl) and a BMI of 25 on day 1', () => {
    expect(z(2, 1, 10.37, null).fwei).toBe(1);
    // BMI 25: weight 25 kg at 100 cm (clenhei / 100 = 1).
    expect(z(2, 1, 25, 100, 'L').fbmi).toBe(1);
  });

  it('children under 9 months recorded as standing: no +0.7 cm (8 months: 60.0 cm, -4.81), 9 months: 60.7 cm, -5.02', () => {
    const eight = z(1, 8 * 30.4375, null, 60, 'H');
    const nine = z(1, 9 * 30.4375, null, 60, 'H');
    expect([eight.clenhei, nine.clenhei]).toEqual([60, 60.7]);
    expect(eight.zlen).toBe(-4.81);
    expect(nine.zlen).toBe(-5.02);
  });

  it('at 24 months (730.5 days, rounded half up to 731) uses the height table: girl, 77.5 cm -> -2.55', () => {
    expect(z(2, 24 * 30.4375, null, 77.5).zlen).toBe(-2.55);
    // ... and a standing measure at 730.5 days is not corrected (adjust_lenhei compares the rounded age).
    expect(z(2, 24 * 30.4375, 8.8, 77.5, 'H').clenhei).toBe(77.5);
    expect(z(2, 24 * 30.4375, 8.8, 77.5, 'H').zlen).toBe(-2.55);
  });

  it('computes nothing when sex is missing', () => {
    expect(z(null, 50, null, 50).zlen).toBeNull();
  });

  it('computes no age-based score when age is missing', () => {
    expect(z(1, null, null, 72.86).zlen).toBeNull();
  });

  it.each([
    ['weight', 0],
    ['weight', -1],
  ])('returns no weight-for-age when the %s is %d (measure <= 0)', (_, w) => {
    const r = z(1, 10, w, null);
    expect(r.zwei).toBeNull();
    expect(r.fwei).toBeNull();
  });

  it.each([0, -1])('returns no length-for-age when the length is %d', (cm) => {
    expect(z(1, 10, null, cm).zlen).toBeNull();
  });

  it('scores only ages under 60 months: 59.9 months yes, 60 and 60.1 months no', () => {
    const at = (mo: number) => z(1, mo * 30.4375, 20, 80, 'H');
    const scores = (r: ZScores) => [r.zlen, r.zwei, r.zwfl, r.zbmi];
    expect(scores(at(59.9)).every((v) => v !== null)).toBe(true);
    expect(scores(at(60)).every((v) => v === null)).toBe(true);
    expect(scores(at(60.1)).every((v) => v === null)).toBe(true);
  });
});

describe('hand computations from the published LMS values', () => {
  it('length-for-age, boy, day 0 (L 1, M 49.8842, S 0.03795), 46 cm: -2.0518 -> -2.05', () => {
    expect(plain(46, 1, 49.8842, 0.03795)).toBeCloseTo(-2.05176, 5);
    expect(z(1, 0, null, 46, 'L').zlen).toBe(-2.05);
  });

  it('weight-for-age below -3 SD uses the restricted formula: boy, day 0, 1.5 kg -> -4.53 (plain LMS would say -4.79)', () => {
    const [l, m, s] = [0.3487, 3.3464, 0.14602];
    const sd = (k: number) => m * (1 + l * s * k) ** (1 / l);
    const restricted = -3 + (1.5 - sd(-3)) / (sd(-2) - sd(-3));
    expect(restricted).toBeCloseTo(-4.5311, 4);
    expect(plain(1.5, l, m, s)).toBeCloseTo(-4.7934, 4);
    expect(z(1, 0, 1.5, null).zwei).toBe(-4.53);
    expect(restrictedLmsZ(1.5, l, m, s)).toBeCloseTo(restricted, 12);
    expect(lmsZ(1.5, l, m, s)).toBeCloseTo(plain(1.5, l, m, s), 12);
  });

  it('weight-for-age above +3 SD: boy, day 0, 6 kg -> 4.59', () => {
    expect(z(1, 0, 6, null).zwei).toBe(4.59);
  });

  it('BMI-for-age uses weight / (clenhei / 100)^2: boy, day 0, 3.3 kg at 50 cm -> BMI 13.2 -> -0.16', () => {
    // bmianthro boy day 0: L -0.3053, M 13.4069, S 0.0956.
    expect(plain(3.3 / 0.25, -0.3053, 13.4069, 0.0956)).toBeCloseTo(-0.1631, 4);
    expect(z(1, 0, 3.3, 50, 'L').zbmi).toBe(-0.16);
  });

  it('interpolates L, M, S halfway between the 67.2 and 67.3 cm rows for 67.25 cm (boy, 7.5 kg -> -0.47; 10 kg -> 2.90)', () => {
    // wflanthro boy 67.2: L -0.3521, M 7.7834, S 0.08212; 67.3: L -0.3521, M 7.8065, S 0.08212.
    const m = 7.7834 + 0.5 * (7.8065 - 7.7834);
    expect(plain(7.5, -0.3521, m, 0.08212)).toBeCloseTo(-0.4729, 4);
    expect(z(1, 300, 7.5, 67.25, 'L').zwfl).toBe(-0.47);
    expect(z(1, 300, 10, 67.25, 'L').zwfl).toBe(2.9);
  });

  it('interpolates S as well as M: boy, 45.15 cm, 1 kg -> -8.34 (the 45.1 cm S alone would give -8.33)', () => {
    // wflanthro boy 45.1: M 2.4577, S 0.09176; 45.2: M 2.4744, S 0.0917 (L -0.3521 throughout).
    const m = 2.4577 + 0.5 * (2.4744 - 2.4577);
    const s = 0.09176 + 0.5 * (0.0917 - 0.09176);
    const sd = (k: number) => m * (1 - 0.3521 * s * k) ** (1 / -0.3521);
    expect(-3 + (1 - sd(-3)) / (sd(-2) - sd(-3))).toBeCloseTo(-8.3357, 4);
    expect(z(1, 300, 1, 45.15, 'L').zwfl).toBe(-8.34);
    expect(z(1, 300, 1, 45.15, 'L').fwfl).toBe(1);
    expect(z(1, 300, 2.2, 45.15, 'L').zwfl).toBe(-1.27);
  });

  it('interpolates from the exact measured length, not a rounded one (67.21 differs from 67.2 and 67.3)', () => {
    const [a, b, c] = [67.2, 67.21, 67.3].map((cm) => z(1, 300, 7.8, cm, 'L').zwfl!);
    expect(b).toBeLessThanOrEqual(a);
    expect(b).toBeGreaterThanOrEqual(c);
    expect(a).not.toBe(c);
  });
});

describe('age limits', () => {
  it.each([
    [0, true],
    [730, true],
    [731, true],
    [1826, true],
    [1827, false],
    [1856, false],
    [2000, false],
  ])('at %d days the age-based scores are present: %s', (age, present) => {
    const r = z(2, age, 12, 90, age < 731 ? 'L' : 'H');
    expect([r.zlen !== null, r.zwei !== null, r.zbmi !== null]).toEqual([present, present, present]);
  });

  it('blanks weight-for-height too from 1827 days (anthro: age in months < 60 for wfl/wfh as well)', () => {
    expect(z(2, 1826, 15, 100, 'H').zwfl).not.toBeNull();
    expect(z(2, 1827, 15, 100, 'H').zwfl).toBeNull();
  });

  it('returns no scores for a negative age (anthro stops with an error there)', () => {
    const r = z(1, -1, 5, 60, 'L');
    expect([r.zlen, r.zwei, r.zwfl, r.zbmi]).toEqual([null, null, null, null]);
  });

  it('switches from the length to the height reference at 731 days (length-for-age and BMI rows differ)', () => {
    // lenanthro day 730 is length-based, day 731 height-based: the same corrected 85 cm gives different z.
    expect(z(1, 730, null, 85, 'L').zlen).not.toBe(z(1, 731, null, 85, 'H').zlen);
  });
});

describe('length/height correction and the weight-for-length/height table', () => {
  it.each<[number, Position | null, number, 'wfl' | 'wfh']>([
    [730, 'L', 85, 'wfl'],
    [730, 'H', 85.7, 'wfl'],
    [730, null, 85, 'wfl'],
    [731, 'L', 84.3, 'wfh'],
    [731, 'H', 85, 'wfh'],
    [731, null, 85, 'wfh'],
  ])('at %d days, position %s: clenhei %d cm, %s table', (age, pos, clen, table) => {
    const r = z(1, age, 11, 85, pos);
    expect(r.clenhei).toBeCloseTo(clen, 10);
    const t = table === 'wfl' ? tables.wfl : tables.wfh;
    const row = lmsAt(t, 1, Math.round(clen * 10))!;
    expect(r.zwfl).toBe(roundR2(restrictedLmsZ(11, row.l, row.m, row.s)));
  });

  it.each<[Position | null, number, number]>([
    // Girl, 11 kg, no age: the position picks the table; without it anthro uses length below 87 cm.
    ['L', 86.9, -0.7],
    ['H', 86.9, -0.87],
    [null, 86.9, -0.7],
    [null, 87, -0.89],
    ['L', 87, -0.72],
  ])('without an age uses the position (%s) to choose the table, at %d cm -> %d', (pos, cm, expected) => {
    const r = z(2, null, 11, cm, pos);
    expect(r.clenhei).toBe(cm);
    expect(r.zwfl).toBe(expected);
    expect(r.fwfl).toBe(0);
  });

  it.each<[number, number, Position, boolean]>([
    [300, 45.0, 'L', true],
    [300, 44.9, 'L', false],
    [300, 110.0, 'L', true],
    [300, 110.1, 'L', false],
    [300, 110.05, 'L', false],
    [300, 44.3, 'H', true], // 44.3 + 0.7 = 45 exactly in binary
    [300, 44.2, 'H', false],
    [1000, 65.0, 'H', true],
    [1000, 64.9, 'H', false],
    [1000, 120.0, 'H', true],
    [1000, 120.1, 'H', false],
    [1000, 65.7, 'L', true], // 65.7 - 0.7 = 65 exactly in binary
    [1000, 65.6, 'L', false],
  ])('at %d days, %d cm (%s) weight-for-length/height is present: %s', (age, cm, pos, present) => {
    expect(z(1, age, 9, cm, pos).zwfl !== null).toBe(present);
  });

  it('does not score a 110.5 cm child under 731 days (beyond the length table) though the height table covers it', () => {
    expect(z(1, 700, 18, 110.5, 'L').zwfl).toBeNull();
    expect(z(1, 731, 18, 110.5, 'H').zwfl).not.toBeNull();
  });

  it('adjustLengthHeight follows anthro: under-9-months rule, +/-0.7 cm, nothing when age or position is unknown', () => {
    expect(adjustLengthHeight(273, 'H', 60)).toBe(60);
    expect(adjustLengthHeight(274, 'H', 60)).toBe(60.7);
    expect(adjustLengthHeight(273, 'L', 60)).toBe(60);
    expect(adjustLengthHeight(null, 'L', 90)).toBe(90);
    expect(adjustLengthHeight(900, null, 90)).toBe(90);
    expect(adjustLengthHeight(900, 'L', 90)).toBe(90 - 0.7);
  });

  it.each<[number | null, Position | null, boolean]>([
    [0, 'H', true],
    [273, 'H', true],
    [274, 'H', false],
    [273, 'L', false],
    [null, 'H', false],
    [100, null, false],
  ])('positionImplausible (anthro c9mo_flag) at %s days, %s: %s', (age, pos, flag) => {
    expect(positionImplausible(age, pos)).toBe(flag);
  });
});

describe('oedema', () => {
  it('blanks zwei, zwfl, zbmi and their flags but keeps zlen', () => {
    const r = z(1, 100, 7, 60, 'L', true);
    expect(r).toEqual({ ageDays: 100, clenhei: 60, zlen: z(1, 100, 7, 60, 'L').zlen, flen: 0, zwei: null, fwei: null, zwfl: null, fwfl: null, zbmi: null, fbmi: null });
    expect(r.zlen).not.toBeNull();
  });

  it('blanks weight-for-length also when the age is missing', () => {
    expect(z(1, null, 7, 60, 'L', true).zwfl).toBeNull();
    expect(z(1, null, 7, 60, 'L', false).zwfl).not.toBeNull();
  });
});

