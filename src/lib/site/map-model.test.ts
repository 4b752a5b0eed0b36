import { describe, expect, it } from 'vitest';
import type { AreaJson, MapAreaValues } from './contract.ts';
import { isLokus, legendCounts, mapRows, spansClasses, summaryText, tooltipLines, uncertainCount, valueText, weakAreas } from './map-model.ts';
import { compactPath } from './map-svg.ts';
import { boundsOf, labelPoint } from './map-geo.ts';
import { esc, legendHtml, pathClasses, styleClass, tableRowsHtml } from './map-html.ts';
import { legendModel } from './thresholds.ts';

const areas: AreaJson[] = [
  { code: '35.10', name: 'Kabupaten X', level: 'kabupaten', parent: null, kind: 'kabupaten', lokus: [] },
  { code: '35.10.01', name: 'Kec A', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Desa <B>', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [2025] },
  { code: '35.10.01.2002', name: 'Desa C', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [2024] },
  { code: '35.10.02.1001', name: 'Kel D', level: 'desa', parent: '35.10.02', kind: 'kelurahan', lokus: [] },
  { code: '35.10.02.2002', name: 'Desa E', level: 'desa', parent: '35.10.02', kind: 'desa', lokus: [] },
];
const ok = (p: number, n = 100) => ({ n, cases: Math.round((p * n) / 100), prevalence: p, ci_low: p - 2, ci_high: p + 2, status: 'ok' as const });
const values: Record<string, MapAreaValues> = {
  '35.10.01.2001': { stunting: ok(20) },
  '35.10.01.2002': { stunting: { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed', suppression: 'primary' } },
  '35.10.02.1001': { stunting: { n: 0, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'not_measured' } },
  // 35.10.02.2002 missing entirely: no data, never zero
};

describe('mapRows', () => {
  const rows = mapRows({ areas, values, indicator: 'stunting', level: 'desa', period: '2025-08', parentNames: { '35.10.01': 'Kec A' } });

  it('keeps the level, sorts by code and treats a missing area as no data', () => {
    expect(rows.map((r) => r.code)).toEqual(['35.10.01.2001', '35.10.01.2002', '35.10.02.1001', '35.10.02.2002']);
    expect(rows[3]).toMatchObject({ status: 'no_data', value: null, n: null });
    expect(rows[3].cls.kind).toBe('no_data');
  });

  it('classifies a value exactly at a break into the upper class', () => {
    expect(rows[0].cls).toMatchObject({ kind: 'class', key: 'high' });
  });

  it('never shows a number for a suppressed cell', () => {
    expect(rows[1]).toMatchObject({ status: 'suppressed', value: null, n: null, ciLow: null });
    expect(valueText(rows[1], 'id')).toBe('disembunyikan');
    expect(tooltipLines(rows[1], 'Stunting', 'stunting', 'en').join(' ')).toMatch(/suppressed/);
  });

  it('marks desa lokus by the year of the period', () => {
    expect(rows[0].lokus).toBe(true);
    expect(rows[1].lokus).toBe(false);
    expect(isLokus({ lokus: [2024] }, '2024-02')).toBe(true);
  });

  it('filters to the children of a parent', () => {
    const r = mapRows({ areas, values, indicator: 'stunting', level: 'desa', period: '2025-08', parent: '35.10.02' });
    expect(r.map((x) => x.code)).toEqual(['35.10.02.1001', '35.10.02.2002']);
  });

  it('writes tooltip lines with value, CI, n, class and lokus', () => {
    expect(tooltipLines(rows[0], 'Stunting', 'stunting', 'id')).toEqual([
      'Desa <B> (Kec. Kec A)',
      'Stunting: 20,0%',
      'SK 95%: 18,0–22,0%',
      'n = 100 balita diukur',
      'kelas: tinggi',
      'desa lokus',
    ]);
  });

  it('counts areas per legend key and summarises them', () => {
    const counts = legendCounts('stunting', rows);
    expect(counts).toMatchObject({ high: 1, suppressed: 1, not_measured: 1, no_data: 1 });
    const legend = legendModel('stunting', 'en', counts).items;
    const s = summaryText(rows, { indicator: 'stunting', indicatorLabel: 'Stunting', level: 'desa', periodLabel: 'August 2025', lang: 'en', legend });
    expect(s).toContain('4 areas');
    expect(s).toContain('1 high (20 – < 30 %)');
    expect(s).toContain('Highest: Desa <B> (20.0%)');
  });

  it('renders escaped table rows and legend markup from the same classes', () => {
    const html = tableRowsHtml(rows, { lang: 'id', indicator: 'stunting', href: (c) => `/wilayah/${c}/`, withParent: true });
    expect(html).toContain('Desa &#60;B&#62;');
    expect(html).not.toContain('<B>');
    expect(html).toContain('class="chm-b c3"');
    expect(html).toContain('class="chm-b sup"');
    expect(styleClass(rows[2])).toBe('nom');
    expect(legendHtml(legendModel('stunting', 'id').items, 'id', 2)).toContain('desa lokus');
    expect(esc(`"'&`)).toBe('&#34;&#39;&#38;');
  });
});

describe('compactPath', () => {
  it('rounds to integers, writes relative coordinates and drops repeated points', () => {
    expect(compactPath('M10.2,10.4L20.1,10L20.4,10.2L20,20Z')).toBe('M10 10l10 0 0 10z');
  });
  it('drops rings that collapse and keeps the rest', () => {
    expect(compactPath('M0,0L0.2,0.1L0.1,0.3ZM0,0L10,0L10,10Z')).toBe('M0 0l10 0 0 10z');
    expect(compactPath('M0,0L0.2,0.1L0.1,0.3Z')).toBe('');
  });
  it('continues relative after a closed ring from its start point', () => {
    expect(compactPath('M0,0L10,0L10,10ZM20,20L30,20L30,30Z')).toBe('M0 0l10 0 0 10zm20 20l10 0 0 10z');
  });
  it('leaves lines open', () => {
    expect(compactPath('M0,0L5,5L10,0', 1, false)).toBe('M0 0l5 5 5-5');
  });
});

describe('map geometry helpers', () => {
  it('puts the label point at the centroid of the largest polygon', () => {
    const square = (x: number, s: number) => [[[x, 0], [x + s, 0], [x + s, s], [x, s], [x, 0]]];
    expect(labelPoint({ type: 'MultiPolygon', coordinates: [square(0, 1), square(10, 4)] })).toEqual([12, 2]);
    expect(labelPoint({ type: 'Point', coordinates: [1, 2] })).toBeNull();
  });
  it('computes bounds and returns null for nothing', () => {
    expect(boundsOf([{ type: 'LineString', coordinates: [[1, 2], [3, -4]] }])).toEqual([[1, -4], [3, 2]]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('weak data quality on the map', () => {
  const q = {
    '35.10.01.2001': { '2025-08': { status: 'ok', grade: 'sangat_lemah' }, '2025-02': { status: 'ok', grade: 'baik' } },
    '35.10.01.2002': { '2025-08': { status: 'suppressed', grade: 'tidak_dinilai' } },
    '35.10.02.2002': { '2025-08': { status: 'ok', grade: 'cukup' } },
    '35.10.01': { '2025-08': { status: 'ok', grade: 'lemah' } },
  };
  it('weakAreas keeps only lemah and sangat lemah of the period, never suppressed areas', () => {
    expect(weakAreas(q, '2025-08')).toEqual({ '35.10.01.2001': 'sangat_lemah', '35.10.01': 'lemah' });
    expect(weakAreas(q, '2025-02')).toEqual({});
    expect(weakAreas(null, '2025-08')).toEqual({});
    // Made once per report and period (every map of a build asks).
    expect(weakAreas(q, '2025-08')).toBe(weakAreas(q, '2025-08'));
    expect(weakAreas(q, '2025-02')).not.toBe(weakAreas(q, '2025-08'));
  });
  it('marks a weak area in the row, its tooltip, the table and the legend count', () => {
    const rows = mapRows({ areas, values, indicator: 'stunting', level: 'desa', period: '2025-08', quality: weakAreas(q, '2025-08') });
    expect(rows.map((r) => r.quality)).toEqual(['sangat_lemah', null, null, null]);
    expect(tooltipLines(rows[0], 'Stunting', 'stunting', 'id')).toContain('⚠ kualitas data sangat lemah');
    expect(tooltipLines(rows[0], 'Stunting', 'stunting', 'en')).toContain('⚠ very weak data quality');
    const html = tableRowsHtml(rows, { lang: 'id', indicator: 'stunting', href: (c) => `/w/${c}/`, withParent: false });
    expect(html.match(/chm-qm/g)).toHaveLength(1);
    expect(legendHtml(legendModel('stunting', 'id').items, 'id', null, 1)).toContain('kualitas data lemah');
    expect(legendHtml(legendModel('stunting', 'id').items, 'id', null, 0)).not.toContain('kualitas data');
  });
});

describe('smoothed colouring and uncertain classes', () => {
  const sm = (p: number, lo: number, hi: number, s: number, slo: number, shi: number) => ({
    n: 80, cases: Math.round((p * 80) / 100), prevalence: p, ci_low: lo, ci_high: hi, status: 'ok' as const,
    smoothed_prevalence: s, smoothed_ci_low: slo, smoothed_ci_high: shi,
  });
  const v: Record<string, MapAreaValues> = {
    // Raw 32% (17-48: spans medium..very high), smoothed 24% (21-27: inside 'high').
    '35.10.01.2001': { stunting: sm(32, 17, 48, 24, 21, 27) },
    '35.10.01.2002': { stunting: { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed', suppression: 'primary', smoothed_prevalence: null, smoothed_ci_low: null, smoothed_ci_high: null } },
    // Published raw without a smoothed figure: 'no data' in the smoothed view.
    '35.10.02.1001': { stunting: { n: 50, cases: 6, prevalence: 12, ci_low: 11, ci_high: 13, status: 'ok' } },
  };
  const rows = mapRows({ areas, values: v, indicator: 'stunting', level: 'desa', period: '2025-08' });

  it('carries the smoothed figure, its class and whether each interval spans classes', () => {
    expect(rows[0]).toMatchObject({ value: 32, smoothed: 24, smoothedLow: 21, smoothedHigh: 27, uncertain: true, smoothedUncertain: false });
    expect(rows[0].cls).toMatchObject({ key: 'very_high' });
    expect(rows[0].smoothedCls).toMatchObject({ key: 'high' });
    expect(rows[1]).toMatchObject({ smoothed: null, uncertain: false, smoothedUncertain: false });
    expect(rows[1].smoothedCls.kind).toBe('suppressed');
    expect(rows[2].smoothedCls.kind).toBe('no_data');
    expect(spansClasses('stunting', 19.9, 20)).toBe(true);
    expect(spansClasses('stunting', 10, 19.9)).toBe(false);
  });

  it('counts the legend by the smoothed classes and marks the lighter tone', () => {
    expect(legendCounts('stunting', rows, true)).toMatchObject({ high: 1, very_high: 0, suppressed: 1, no_data: 2 });
    expect(legendCounts('stunting', rows)).toMatchObject({ high: 0, very_high: 1, medium: 1 });
    expect(uncertainCount(rows)).toBe(1);
    expect(uncertainCount(rows, true)).toBe(0);
    expect(pathClasses(rows[0])).toBe('c4 u s3');
    expect(pathClasses(rows[1])).toBe('sup ssup');
    expect(pathClasses(rows[2])).toBe('c2 snod');
    expect(legendHtml(legendModel('stunting', 'en').items, 'en', null, null, 1)).toContain('lighter tone: the 95% interval spans more than one class');
  });

  it('gives the smoothed figure in the tooltip', () => {
    expect(tooltipLines(rows[0], 'Stunting', 'stunting', 'en').join('|')).toContain('smoothed: 24.0% (21.0–27.0%)');
  });
});
