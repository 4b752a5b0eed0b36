import { describe, expect, it } from 'vitest';
import { allowedPeriods, checkPeriodRange, checkReferenceDate, MAX_WORKERS, parseWorkerCount } from './build-plan.ts';
import { periodOf } from './aggregate/record.ts';

describe('build plan', () => {
  it('allowedPeriods keeps the configured months within the range, not after the reference date', () => {
    expect(allowedPeriods(['02', '08'], { from: '2024-01' }, '2025-03-01').map(periodOf)).toEqual(['2024-02', '2024-08', '2025-02']);
    expect(allowedPeriods(['08'], { from: '2025-01', to: '2024-12' }, '2025-12-31')).toEqual([]);
  });
  it.each(['2025-13-45', '2025-02-30', '2025-1-01', 'kemarin', ''])('checkReferenceDate refuses %j with the raw value', (raw) => {
    const c = checkReferenceDate(raw);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toContain(`"${raw}" is not a real YYYY-MM-DD date`);
  });
  it('checkReferenceDate accepts real dates, leap days included', () => {
    expect(checkReferenceDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
  });
  it('checkPeriodRange says that from is after to, and accepts open or ordered ranges', () => {
    const c = checkPeriodRange({ from: '2025-08', to: '2022-02' });
    expect(c.ok ? '' : c.message).toContain('periods.from (2025-08) is after periods.to (2022-02); swap them');
    expect(checkPeriodRange({ from: '2022-02', to: '2025-08' }).ok).toBe(true);
    expect(checkPeriodRange({ to: '2022-02' }).ok).toBe(true);
  });
  it.each(['abc', '0', '-2', '1.5', '2x', ''])('parseWorkerCount refuses %j', (raw) => {
    const c = parseWorkerCount(raw);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toContain(`--workers "${raw}" bukan bilangan bulat ≥ 1`);
  });
  it('parseWorkerCount clamps large counts and passes small ones and none', () => {
    expect(parseWorkerCount('1000')).toEqual({ ok: true, value: MAX_WORKERS });
    expect(parseWorkerCount('3')).toEqual({ ok: true, value: 3 });
    expect(parseWorkerCount(undefined)).toEqual({ ok: true, value: undefined });
  });
});
