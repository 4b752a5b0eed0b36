import { describe, expect, it } from 'vitest';
import { coverageEmbedPath, coverageSources, coverageTrend, coverageTrends } from './coverage-trend.ts';
import type { CoverageAreaJson, CoverageMetaJson } from '../publish/coverage.ts';

type Def = CoverageMetaJson['indicators'][number];
const def = (id: string, direction: Def['direction'], targets: Def['targets'] = [], citation = 'Contoh'): Def => ({
  id, group: 'specific', name: { id: `Nama ${id}`, en: `Name ${id}` }, definition: { id: 'd', en: 'd' }, numerator: { id: 'n', en: 'n' },
  denominator: { id: 'm', en: 'm' }, direction, unit: 'percent', counts: 'people', citation, targets,
});
const meta: CoverageMetaJson = {
  periods: ['2023-08', '2024-08', '2025-08'],
  groups: [{ id: 'specific', name: { id: 'Spesifik', en: 'Specific' } }],
  indicators: [def('a', 'higher_better', [{ year: 2029, target: 95, source: 'RPJMN' }, { year: 2024, target: 90, source: 'Perpres' }]), def('b', 'lower_better', [], 'Lain')],
  suppression_min: 10,
};
const area = { code: '35.10.01', name: 'Pesanggaran', level: 'kecamatan' as const, parent: '35.10', kind: 'kecamatan' as const };
const file: CoverageAreaJson = {
  code: '35.10.01',
  periods: meta.periods,
  values: {
    '2023-08': { a: { numerator: 1200, denominator: 1500, coverage: 80, ci_low: 77.9, ci_high: 81.9, status: 'ok', basis: 'sum', desa_reporting: 5, desa_total: 5 } },
    '2024-08': { a: { numerator: null, denominator: null, coverage: null, ci_low: null, ci_high: null, status: 'suppressed', suppression: 'primary', basis: 'sum', desa_reporting: 5, desa_total: 5 } },
  },
};

describe('coverage trend of an area', () => {
  it('is the coverage as a trend series: value, interval, denominator as n; hidden and missing periods keep their status', () => {
    const t = coverageTrend(meta.indicators[0], area, file, meta.periods, 'id');
    expect(t.series.periods['2023-08'].indicators[t.key]).toEqual({ n: 1500, cases: 1200, prevalence: 80, ci_low: 77.9, ci_high: 81.9, status: 'ok' });
    expect(t.series.periods['2024-08'].indicators[t.key]).toMatchObject({ prevalence: null, status: 'suppressed', suppression: 'primary' });
    expect(t.series.periods['2025-08'].indicators[t.key]).toMatchObject({ prevalence: null, status: 'no_data' });
    expect(t.counts).toEqual({ '2023-08': '1.200 / 1.500' });
    expect(t.title).toBe('Tren cakupan Nama a: Kecamatan Pesanggaran');
  });
  it('draws every target in year order with its source, and says the direction on the axis', () => {
    const [a, b] = coverageTrends(meta, area, file, 'en');
    expect(a.targets.map((x) => [x.year, x.value, x.label, x.long])).toEqual([
      [2024, 90, 'Target 2024', '2024 target (Perpres)'],
      [2029, 95, 'Target 2029', '2029 target (RPJMN)'],
    ]);
    expect(a.words.yTitle).toBe('Coverage (%), higher is better');
    expect(b.words.yTitle).toBe('Coverage (%), lower is better');
    expect(b.targets).toEqual([]);
    expect(coverageTrends(meta, area, null, 'id')[0].counts).toEqual({});
  });
  it('names each citation and target source once, and has a language-free path', () => {
    expect(coverageSources(meta)).toEqual(['Contoh', 'Lain', 'RPJMN', 'Perpres']);
    expect(coverageEmbedPath('35.10')).toBe('/embed/konvergensi/35.10/');
  });
});
