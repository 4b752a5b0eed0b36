/**
 * The z-score engine on missing inputs (exactly what anthro gives) and its flags, set on the rounded z (anthro's
 * rule; see zscore.test.ts for the cases and rules of the computation itself).
 */
import { describe, expect, it } from 'vitest';
import { tables, z } from '../../../test/helpers/who-zscore.ts';
import type { Sex, ZScoreInput, ZScores } from '../types.ts';
import { lmsAt, type LmsTable } from './tables.ts';
import { computeZScores } from './zscore.ts';

/** Measurement at z for an LMS row, restricted beyond +/-3 SD (WHO 2006 methods, ch. 7). */
function cutoff(t: LmsTable, sex: Sex, key: number, q: number): number {
  const { l, m, s } = lmsAt(t, sex, key)!;
  const c = (k: number) => m * (1 + l * s * k) ** (1 / l);
  if (q > 3) return c(3) + (q - 3) * (c(3) - c(2));
  if (q < -3) return c(-3) + (q + 3) * (c(-2) - c(-3));
  return c(q);
}

describe('missing inputs give exactly what anthro gives', () => {
  const full = z(1, 400, 9.5, 75, 'L');
  it('the complete measurement has every score', () => {
    expect([full.zlen, full.zwei, full.zwfl, full.zbmi].every((v) => v !== null)).toBe(true);
    expect([full.flen, full.fwei, full.fwfl, full.fbmi]).toEqual([0, 0, 0, 0]);
  });

  it.each<[string, ZScoreInput, Partial<ZScores>]>([
    [
      'no sex: no score, clenhei still corrected',
      { sex: null, ageDays: 800, weightKg: 12, lengthHeightCm: 86, position: 'L', oedema: false },
      { ageDays: 800, clenhei: 86 - 0.7, zlen: null, flen: null, zwei: null, fwei: null, zwfl: null, fwfl: null, zbmi: null, fbmi: null },
    ],
    [
      'no age: only weight-for-length, from the uncorrected length',
      { sex: 1, ageDays: null, weightKg: 9.5, lengthHeightCm: 75, position: 'L', oedema: false },
      { ageDays: null, clenhei: 75, zlen: null, flen: null, zwei: null, fwei: null, zwfl: full.zwfl, fwfl: 0, zbmi: null, fbmi: null },
    ],
    [
      'no weight: only length-for-age',
      { sex: 1, ageDays: 400, weightKg: null, lengthHeightCm: 75, position: 'L', oedema: false },
      { ageDays: 400, clenhei: 75, zlen: full.zlen, flen: 0, zwei: null, fwei: null, zwfl: null, fwfl: null, zbmi: null, fbmi: null },
    ],
    [
      'no length: only weight-for-age',
      { sex: 1, ageDays: 400, weightKg: 9.5, lengthHeightCm: null, position: 'L', oedema: false },
      { ageDays: 400, clenhei: null, zlen: null, flen: null, zwei: full.zwei, fwei: 0, zwfl: null, fwfl: null, zbmi: null, fbmi: null },
    ],
    [
      'no position: every score, no correction',
      { sex: 1, ageDays: 400, weightKg: 9.5, lengthHeightCm: 75, position: null, oedema: false },
      { ...full },
    ],
    [
      'NaN numbers count as missing',
      { sex: 1, ageDays: 400, weightKg: NaN, lengthHeightCm: 75, position: 'L', oedema: false },
      { zwei: null, zwfl: null, zbmi: null, zlen: full.zlen },
    ],
  ])('%s', (_, input, expected) => {
    expect(computeZScores(input, tables)).toMatchObject(expected);
  });

  it('a position that needs no correction changes nothing', () => {
    expect(z(1, 400, 9.5, 75, null)).toEqual(full);
    expect(z(1, 1000, 14, 95, null)).toEqual(z(1, 1000, 14, 95, 'H'));
  });

  it('a wrong position without an age is not corrected (anthro corrects only when the age is known)', () => {
    expect(z(1, null, 14, 95, 'L').clenhei).toBe(95);
  });

  it('like anthro, a zero weight is not blanked for weight-for-length (anthro only blanks measures <= 0 for age-based scores)', () => {
    const r = z(1, 300, 0, 70, 'L');
    expect(r.zwei).toBeNull();
    expect(r.zbmi).toBeNull();
    expect(r.zwfl).not.toBeNull();
    expect(r.fwfl).toBe(1);
  });
});

describe('flags on the rounded z', () => {
  // Measurements placed exactly on a z (restricted beyond +/-3); the unrounded z is within 1e-12 of it.
  const atZ = (t: LmsTable, sex: Sex, key: number, q: number) => cutoff(t, sex, key, q);

  it.each([
    [5, 0],
    [5.01, 1],
    [-6, 0],
    [-6.01, 1],
    [4.99, 0],
  ])('zwei %d -> fwei %d', (q, flag) => {
    const r = z(1, 300, atZ(tables.wei, 1, 300, q), null);
    expect(r.zwei).toBe(q);
    expect(r.fwei).toBe(flag);
  });

  it.each([
    [6, 0],
    [6.01, 1],
    [-6, 0],
    [-6.01, 1],
  ])('zlen %d -> flen %d', (q, flag) => {
    const r = z(2, 1000, null, atZ(tables.len, 2, 1000, q), 'H');
    expect(r.zlen).toBe(q);
    expect(r.flen).toBe(flag);
  });

  it.each([
    [5, 0],
    [5.01, 1],
    [-5, 0],
    [-5.01, 1],
  ])('zwfl %d -> fwfl %d (weight-for-height, 100 cm)', (q, flag) => {
    const r = z(2, 1000, atZ(tables.wfh, 2, 1000, q), 100, 'H');
    expect(r.zwfl).toBe(q);
    expect(r.fwfl).toBe(flag);
  });

  it.each([
    [5, 0],
    [5.01, 1],
    [-5, 0],
    [-5.01, 1],
  ])('zbmi %d -> fbmi %d (at 100 cm BMI equals the weight)', (q, flag) => {
    const r = z(2, 1000, atZ(tables.bmi, 2, 1000, q), 100, 'H');
    expect(r.zbmi).toBe(q);
    expect(r.fbmi).toBe(flag);
  });
});
