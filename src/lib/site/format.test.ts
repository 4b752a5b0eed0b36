import { describe, expect, it } from 'vitest';
import { formatBytes, formatChange, formatCI, formatNumber, formatPercent, formatPeriod, formatPeriodShort, formatSignedPoints, statusLabel } from './format.ts';

describe('format', () => {
  it.each([
    [47629, 'id', 0, '47.629'],
    [47629, 'en', 0, '47,629'],
    [1250, 'id', 0, '1.250'],
    [999, 'id', 0, '999'],
    [1234567.891, 'id', 2, '1.234.567,89'],
    [9, 'id', 1, '9,0'],
    [9, 'en', 1, '9.0'],
    [-1.25, 'id', 1, '−1,3'],
    [-0.04, 'id', 1, '0,0'],
  ] as const)('formatNumber(%s, %s, %s) is %s', (x, lang, d, want) => {
    expect(formatNumber(x, lang, d)).toBe(want);
  });
  it('formats missing numbers as a dash, never as 0', () => {
    expect(formatNumber(null, 'id')).toBe('–');
    expect(formatNumber(Number.NaN, 'id')).toBe('–');
    expect(formatPercent(undefined, 'en')).toBe('–');
  });
  it('formats a rate with its confidence interval', () => {
    expect(formatCI(9, 6.6, 12.1, 'id')).toBe('9,0% (6,6–12,1)');
    expect(formatCI(9, 6.6, 12.1, 'en')).toBe('9.0% (6.6–12.1)');
    expect(formatCI(9, null, 12.1, 'id')).toBe('9,0%');
    expect(formatCI(null, 1, 2, 'id')).toBe('–');
  });
  it('writes periods as month and year in both languages', () => {
    expect(formatPeriod('2025-08', 'id')).toBe('Agustus 2025');
    expect(formatPeriod('2025-08', 'en')).toBe('August 2025');
    expect(formatPeriodShort('2025-08', 'id')).toBe('Agu 2025');
    expect(formatPeriod('bogus', 'id')).toBe('bogus');
  });
  it('describes a change in percentage points in words', () => {
    expect(formatChange(-1.2, 'id')).toBe('turun 1,2 poin');
    expect(formatChange(0.8, 'id')).toBe('naik 0,8 poin');
    expect(formatChange(-1.2, 'en')).toBe('down 1.2 points');
    expect(formatChange(1, 'en')).toBe('up 1.0 point');
    expect(formatChange(0.01, 'id')).toBe('tetap');
    expect(formatChange(null, 'id')).toBe('–');
    expect(formatSignedPoints(0.8, 'id')).toBe('+0,8');
    expect(formatSignedPoints(-0.8, 'en')).toBe('−0.8');
  });
  it('formats byte sizes and statuses', () => {
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5.0 MB');
    expect(statusLabel('suppressed', 'id')).toBe('disembunyikan');
    expect(statusLabel('not_measured', 'en')).toBe('not measured');
  });
});
