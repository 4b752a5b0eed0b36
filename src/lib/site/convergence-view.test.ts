import { describe, expect, it } from 'vitest';
import { convergenceView, targetFor } from './convergence-view.ts';
import type { CoverageAreaJson, CoverageMetaJson, CoverageValueJson } from '../publish/coverage.ts';

const def = (id: string, direction: 'higher_better' | 'lower_better', targets: { year: number; target: number; source: string }[]) => ({
  id, group: 'specific' as const, name: { id: `N ${id}`, en: `E ${id}` }, definition: { id: 'd', en: 'd' }, numerator: { id: 'n', en: 'n' }, denominator: { id: 'd', en: 'd' },
  direction, unit: 'percent' as const, counts: 'people' as const, citation: 'c', targets,
});
const meta: CoverageMetaJson = {
  periods: ['2024-08', '2025-08'],
  groups: [{ id: 'specific', name: { id: 'Intervensi spesifik', en: 'Specific interventions' } }],
  indicators: [def('a', 'higher_better', [{ year: 2024, target: 80, source: 'P' }]), def('b', 'lower_better', [{ year: 2024, target: 15.5, source: 'P' }]), def('c', 'higher_better', [])],
  suppression_min: 10,
};
const v = (x: Partial<CoverageValueJson>): CoverageValueJson => ({ numerator: null, denominator: null, coverage: null, ci_low: null, ci_high: null, status: 'no_data', basis: null, desa_reporting: 0, desa_total: 5, ...x });

describe('convergenceView', () => {
  const area: CoverageAreaJson = {
    code: '18.72.01',
    periods: ['2024-08', '2025-08'],
    values: {
      '2024-08': { a: v({ status: 'ok', numerator: 1, denominator: 2, coverage: 50 }) },
      '2025-08': {
        a: v({ status: 'ok', numerator: 90, denominator: 100, coverage: 90, ci_low: 82.6, ci_high: 94.5, basis: 'sum', desa_reporting: 3, desa_total: 5 }),
        b: v({ status: 'ok', numerator: 20, denominator: 100, coverage: 20, ci_low: 13.3, ci_high: 28.9, basis: 'reported' }),
        c: v({ status: 'suppressed', suppression: 'primary', basis: 'reported' }),
      },
    },
  };

  it('shows the latest period, the counts, the target with its source, and whether it is reached in its direction', () => {
    const view = convergenceView(meta, area, 'id')!;
    expect(view.period).toBe('2025-08');
    const [a, b, c] = view.groups[0].rows;
    expect([a.counts, a.coverage, a.meets, a.bar]).toEqual(['90 / 100', '90,0%', true, 90]);
    expect(a.target!.label).toBe('target 2024: 80% (P)');
    expect(a.partial).toBe('jumlah dari 3 dari 5 desa/kelurahan yang melapor');
    expect([b.meets, b.lowerBetter]).toEqual([false, true]);
    expect([c.counts, c.coverage, c.bar, c.meets, c.target]).toEqual(['disembunyikan (penyebut kurang dari 10)', 'disembunyikan', null, null, null]);
    expect([view.met, view.withTarget]).toEqual([1, 2]);
    expect(convergenceView(meta, area, 'en')!.groups[0].rows[1].target!.label).toBe('2024 target: 15.5% (P)');
  });

  it('draws the published figures of every period as a sparkline, with the same as text', () => {
    const view = convergenceView(meta, area, 'en')!;
    const a = view.groups[0].rows[0];
    expect(a.trend).toEqual({ points: '2,9 62,3.4', last: [62, 3.4], text: 'Aug 2024: 50.0% · Aug 2025: 90.0%' });
    expect(view.groups[0].rows[1].trend).toBeNull();
  });

  it('is null when the area has no figure at all', () => {
    expect(convergenceView(meta, { code: 'x', periods: ['2025-08'], values: { '2025-08': { a: v({}) } } }, 'en')).toBeNull();
  });

  it('targetFor: the latest target not after the year, else the earliest', () => {
    const ts = [{ year: 2024, target: 80, source: 'A' }, { year: 2029, target: 90, source: 'B' }];
    expect(targetFor(ts, 2025)!.source).toBe('A');
    expect(targetFor(ts, 2030)!.source).toBe('B');
    expect(targetFor(ts, 2020)!.source).toBe('A');
    expect(targetFor([], 2025)).toBeNull();
  });
});
