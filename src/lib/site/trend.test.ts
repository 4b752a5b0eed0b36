import { describe, expect, it } from 'vitest';
import type { SeriesJson } from './contract.ts';
import { spreadLabels, trendModel } from './trend.ts';

const v = (p: number | null, lo: number | null = null, hi: number | null = null, status = 'ok') =>
  ({ n: p === null ? null : 100, cases: null, prevalence: p, ci_low: lo, ci_high: hi, status }) as never;
const series: SeriesJson = {
  code: '35.10', name: 'Banyuwangi', level: 'kabupaten', parent: null,
  periods: {
    '2024-02': { measured: 100, valid: 100, target: 120, coverage: 83.3, indicators: { stunting: v(12, 10, 14) } },
    '2024-08': { measured: 5, valid: 5, target: 120, coverage: null, indicators: { stunting: v(null, null, null, 'suppressed') } },
    '2025-02': { measured: 100, valid: 100, target: 120, coverage: 83.3, indicators: { stunting: v(9, 7.5, 10.8) } },
  },
};
const periods = ['2024-02', '2024-08', '2025-02'];

describe('trendModel', () => {
  const m = trendModel(series, periods, {
    indicator: 'stunting', lang: 'id',
    targets: [{ year: 2024, value: 14, label: 'Target 2024' }, { year: 2029, value: 14.2, label: 'Target 2029' }],
    surveys: [{ level: 'kabupaten', code: '35.10', name: 'Banyuwangi', source: 'SSGI', points: [{ year: 2023, prevalence: 18.1, source_url: 'https://x' }] }],
  });
  it('starts the y axis at zero and covers the highest CI, survey and target', () => {
    expect(m.yTicks[0].label).toBe('0%');
    expect(m.yTicks[0].y).toBe(m.height - m.margin.bottom);
    expect(m.yMax).toBeGreaterThanOrEqual(18.1);
  });
  it('breaks the line at an unpublished round instead of bridging it', () => {
    expect(m.points[1].y).toBeNull();
    expect((m.line.match(/M/g) ?? []).length).toBe(2);
    expect(m.points[0].label).toBe('Februari 2024: 12,0% (10,0–14,0)');
  });
  it('draws surveys as their own series with labelled points', () => {
    expect(m.surveys[0].points[0].label).toBe('SSGI 2023: 18,1%');
    expect(m.surveys[0].points[0].x).toBeLessThan(m.points[0].x);
  });
  it('keeps target labels apart when the values are close', () => {
    expect(Math.abs(m.targets[0].labelY - m.targets[1].labelY)).toBeGreaterThanOrEqual(13);
    expect(m.targets[1].label).toBe('Target 2029: 14,2%');
  });
  it('writes the year under the first round of each year only, and a survey year without a round on its own', () => {
    expect(m.xTicks.map((t) => t.year)).toEqual(['2023', '2024', null, '2025']);
    expect(m.xTicks[2].month).toBe('Agu');
    // The 2023 survey's tick sits under its point, with no month.
    expect(m.xTicks[0]).toEqual({ x: m.surveys[0].points[0].x, month: '', year: '2023' });
  });
  it('adds no survey tick for a year that has rounds', () => {
    const m2 = trendModel(series, periods, {
      indicator: 'stunting', lang: 'id',
      surveys: [{ level: 'kabupaten', code: '35.10', name: 'Banyuwangi', source: 'SKI', points: [{ year: 2024, prevalence: 15, source_url: 'https://x' }] }],
    });
    expect(m2.xTicks.map((t) => t.year)).toEqual(['2024', null, '2025']);
  });
  it('reports an empty chart when nothing is published', () => {
    const e = trendModel({ ...series, periods: {} }, periods, { indicator: 'stunting', lang: 'en' });
    expect(e.empty).toBe(true);
    expect(e.emptyText).toBe('No data yet');
    expect(e.line).toBe('');
  });
  it('says hidden, not "no data yet", when the rounds are suppressed', () => {
    const sup = { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed' as const, suppression: 'complementary' as const };
    const hidden = { ...series, periods: Object.fromEntries(periods.map((p) => [p, { ...series.periods[periods[0]], measured: null, indicators: { stunting: sup } }])) } as typeof series;
    const e = trendModel(hidden, periods, { indicator: 'stunting', lang: 'id' });
    expect(e.empty).toBe(true);
    expect(e.emptyText).toMatch(/disembunyikan/);
    expect(e.emptyText).not.toMatch(/Belum ada data/);
    expect(e.points[0].label).toMatch(/disembunyikan$/);
  });
  it('spreads labels to a minimum gap keeping their order', () => {
    expect(spreadLabels([100, 95, 200], 10)).toEqual([105, 95, 200]);
  });
});

describe('trendSummary', () => {
  it('describes first, last, extremes and gaps in plain words', async () => {
    const { trendSummary } = await import('./trend.ts');
    const m = trendModel(series, periods, { indicator: 'stunting', lang: 'id' });
    expect(trendSummary(m, 'id')).toBe(
      'Dari 12,0% pada Februari 2024 menjadi 9,0% pada Februari 2025 (turun 3,0 poin). Tertinggi 12,0% pada Februari 2024, terendah 9,0% pada Februari 2025. 1 periode tanpa angka yang dipublikasikan.',
    );
  });
});

describe('trendModel y ticks for small prevalences', () => {
  it('gives every tick a distinct label when the scale is below a few percent', () => {
    const small: SeriesJson = { ...series, periods: { '2024-02': { ...series.periods['2024-02'], indicators: { severe_wasting: v(0.4, 0.1, 1.2) } } } };
    const m = trendModel(small, ['2024-02'], { indicator: 'severe_wasting', lang: 'id' });
    const labels = m.yTicks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(m.yTicks.filter((t) => t.value === 0)).toHaveLength(1);
    expect(labels[1]).toMatch(/,\d%$/);
  });
});

