/** The z-score engine's number and date helpers: R's round(x, 2), ISO dates to day numbers, age in days. */
import { describe, expect, it } from 'vitest';
import { ageInDays, isoToDay, roundR2 } from './zscore.ts';

describe("roundR2 reproduces R's round(x, 2)", () => {
  it.each([
    [0.125, 0.12], // exact binary tie -> even
    [0.375, 0.38],
    [-0.125, -0.12],
    [2.675, 2.67], // 2.67499999... in binary
    [1.005, 1], // 1.00499999... in binary
    [0.115, 0.12], // 0.11500000000000000499...
    [-2.0517611, -2.05],
    [4.585774285, 4.59],
    [3, 3],
    [1e13, 1e13],
  ])('round(%d, 2) = %d', (x, r) => {
    expect(roundR2(x)).toBe(r);
  });

  it('returns +0 rather than -0 and passes non-finite values through', () => {
    expect(Object.is(roundR2(-0.001), 0)).toBe(true);
    expect(roundR2(NaN)).toBeNaN();
    expect(roundR2(Infinity)).toBe(Infinity);
  });

  it('is idempotent on every 2-decimal value from -10 to 10', () => {
    for (let i = -1000; i <= 1000; i++) {
      const v = i / 100;
      if (roundR2(v) !== v) expect.fail(`${v} -> ${roundR2(v)}`);
    }
  });
});

describe('dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['1969-12-31', -1],
  ])('isoToDay(%s) = %d', (iso, day) => {
    expect(isoToDay(iso)).toBe(day);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '2024/01/01', '', '20x4-01-01', '2024-01-001'])(
    'isoToDay(%j) is NaN',
    (iso) => {
      expect(isoToDay(iso)).toBeNaN();
    },
  );

  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (isoToDay(iso) !== t / 86_400_000) expect.fail(iso);
    }
  });

  it.each([
    ['2020-02-29', '2021-02-28', 365],
    ['2022-08-15', '2024-08-15', 731],
    ['2019-08-15', '2024-08-14', 1826],
    ['2024-01-01', '2024-01-01', 0],
    ['2024-01-02', '2024-01-01', -1],
    ['2024-02-30', '2024-03-01', null],
  ])('ageInDays(%s, %s) = %s', (birth, measure, days) => {
    expect(ageInDays(birth, measure)).toBe(days);
  });
});
