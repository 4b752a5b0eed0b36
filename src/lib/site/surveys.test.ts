import { describe, expect, it } from 'vitest';
import type { SurveySeries } from './contract.ts';
import { isSurvey, mergeSurveySeries, selectSurveys, surveyPlan } from './surveys.ts';

const pt = (year: number, prevalence: number) => ({ year, prevalence, source_url: `https://x/${year}` });
const all: SurveySeries[] = [
  { level: 'kabupaten', code: '35.10', name: 'Kab', source: 'SSGI', points: [pt(2022, 18.1), pt(2021, 20.1)] },
  { level: 'kabupaten', code: '35.10', name: 'Kab', source: 'e-PPGBM', points: [pt(2022, 3.95)] },
  { level: 'provinsi', code: '35', name: 'Jatim', source: 'SSGI', points: [pt(2022, 19.2)] },
  { level: 'provinsi', code: '35', name: 'Jatim', source: 'SKI', points: [pt(2023, 17.7)] },
  { level: 'nasional', code: '0', name: 'Indonesia', source: 'SSGI', points: [pt(2024, 19.8)] },
];

describe('surveys', () => {
  it('tells surveys from reported routine figures', () => {
    expect(isSurvey('SSGI')).toBe(true);
    expect(isSurvey('SKI')).toBe(true);
    expect(isSurvey('e-PPGBM')).toBe(false);
  });
  it('merges SSGI and SKI of one area into one line, sorted by year, keeping each source', () => {
    const m = mergeSurveySeries(all);
    const jatim = m.find((s) => s.code === '35')!;
    expect(jatim.source).toBe('SSGI/SKI');
    expect(jatim.points.map((p) => [p.year, p.source])).toEqual([[2022, 'SSGI'], [2023, 'SKI']]);
    expect(m.find((s) => s.code === '35.10' && s.source === 'e-PPGBM')?.points).toHaveLength(1);
  });
  it('selects only the region survey without context, and region, reported, province, Indonesia with it', () => {
    expect(selectSurveys(all, '35.10', '35', false).map((s) => `${s.code}:${s.source}`)).toEqual(['35.10:SSGI/SKI']);
    expect(selectSurveys(all, '35.10', '35', true).map((s) => `${s.code}:${s.source}`)).toEqual(['35.10:SSGI/SKI', '35.10:e-PPGBM', '35:SSGI/SKI', '0:SSGI/SKI']);
  });
  it('draws only the region series; reported routine figures are not drawn beside synthetic data', () => {
    const key = (xs: SurveySeries[]) => xs.map((s) => `${s.code}:${s.source}`);
    const real = surveyPlan(all, '35.10', '35', { context: true, synthetic: false });
    expect(key(real.chart)).toEqual(['35.10:SSGI/SKI', '35.10:e-PPGBM']);
    expect(key(real.table)).toEqual(['35.10:SSGI/SKI', '35.10:e-PPGBM', '35:SSGI/SKI', '0:SSGI/SKI']);
    const demo = surveyPlan(all, '35.10', '35', { context: true, synthetic: true });
    expect(key(demo.chart)).toEqual(['35.10:SSGI/SKI']);
    expect(key(demo.table)).toEqual(['35.10:SSGI/SKI', '35.10:e-PPGBM', '35:SSGI/SKI', '0:SSGI/SKI']);
    expect(key(surveyPlan(all, '35.10', '35', { context: false, synthetic: true }).table)).toEqual(['35.10:SSGI/SKI']);
  });
});
