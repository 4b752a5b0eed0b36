import { describe, expect, it } from 'vitest';
import type { AreaJson, Meta } from './contract.ts';
import type { CoverageMetaJson, CoverageValueJson } from '../publish/coverage.ts';
import type { Level } from '../types.ts';
import { fractionText, idOf, indicatorGroups, isCoverage, legendNote, mapCells, mapFilePath, mapIndicators, reportingText, scaleOf, targetFor } from './map-indicator.ts';
import {
  CLASS_COLORS,
  classify,
  contrastRatio,
  COVERAGE_COLORS,
  coverageScale,
  legendModel,
  maplibreStepExpression,
  relativeLuminance,
  textColorOn,
} from './thresholds.ts';
import { mapRows, statusText, tooltipLines, uncertainLegendCount } from './map-model.ts';
import { legendHtml, mapCss, tableRowsHtml } from './map-html.ts';
import { fromQuery, periodFor, staticStates, toQuery } from './map-state.ts';
import { explorerView } from './explorer-view.ts';

const meta = {
  periods: ['2024-02', '2024-08', '2025-08'],
  latest_period: '2025-08',
  levels: ['kabupaten', 'kecamatan', 'desa'],
  indicators: [
    { id: 'stunting', label: { id: 'Stunting (pendek)', en: 'Stunting (short)' } },
    { id: 'wasting', label: { id: 'Gizi kurang', en: 'Wasting' } },
  ],
} as unknown as Meta;

const words = (id: string, en: string) => ({ id, en });
/** A made-up convergence meta: the ids are not the real ones, so nothing may depend on a list of ids. */
const cmeta: CoverageMetaJson = {
  periods: ['2024-08', '2025-08'],
  groups: [
    { id: 'sensitive', name: words('Intervensi sensitif', 'Sensitive interventions') },
    { id: 'specific', name: words('Intervensi spesifik', 'Specific interventions') },
  ],
  indicators: [
    { id: 'made_up_spec', group: 'specific', name: words('Layanan uji', 'Test service'), definition: words('d', 'd'), numerator: words('n', 'n'), denominator: words('m', 'm'), direction: 'higher_better', unit: 'percent', counts: 'people', citation: 'c', targets: [{ year: 2024, target: 90, source: 'Dokumen A' }] },
    { id: 'made_up_bad', group: 'sensitive', name: words('Kejadian buruk', 'Bad outcome'), definition: words('d', 'd'), numerator: words('n', 'n'), denominator: words('m', 'm'), direction: 'lower_better', unit: 'percent', counts: 'people', citation: 'c', targets: [] },
  ],
  suppression_min: 10,
};

const cov = (num: number, den: number, over: Partial<CoverageValueJson> = {}): CoverageValueJson => ({
  numerator: num, denominator: den, coverage: (100 * num) / den, ci_low: (100 * num) / den - 5, ci_high: (100 * num) / den + 5, status: 'ok', basis: 'reported', desa_reporting: 3, desa_total: 3, ...over,
});

describe('coverage classes and palette', () => {
  it('higher is better: < 50, 50-70, 70-80, 80-90, >= 90 light to dark, lower bounds inclusive', () => {
    const s = coverageScale('higher_better');
    expect(s.breaks).toEqual([50, 70, 80, 90]);
    expect([49.9, 50, 69.9, 70, 80, 90, 100].map((v) => classify(s, v))).toMatchObject([0, 1, 1, 2, 3, 4, 4].map((index) => ({ kind: 'class', index, fill: COVERAGE_COLORS[index], css: `k${index}` })));
    // Dark means good: the luminance falls from the first class to the last.
    const lum = COVERAGE_COLORS.map(relativeLuminance);
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1]);
  });

  it('lower is better: the palette is reversed (dark = low) and the legend says so', () => {
    const s = coverageScale('lower_better');
    expect(classify(s, 5)).toMatchObject({ fill: COVERAGE_COLORS[4], css: 'k4' });
    expect(classify(s, 60)).toMatchObject({ fill: COVERAGE_COLORS[0], css: 'k0' });
    expect(legendModel(s, 'id').note).toMatch(/rendah makin baik/);
    expect(legendModel(s, 'en').note).toMatch(/Lower is better/);
    expect(legendModel(coverageScale('higher_better'), 'en').note).not.toMatch(/Lower/);
  });

  it('is apart from the prevalence reds, readable (AA text on every swatch) and in the MapLibre step', () => {
    for (const c of COVERAGE_COLORS) {
      expect(CLASS_COLORS).not.toContain(c);
      expect(contrastRatio(c, textColorOn(c)), c).toBeGreaterThanOrEqual(4.5);
    }
    // Neighbouring classes stay apart in lightness (readable without hue, e.g. by colour-blind readers or in print).
    const lum = COVERAGE_COLORS.map(relativeLuminance);
    for (let i = 1; i < lum.length; i++) expect(lum[i - 1] / lum[i]).toBeGreaterThan(1.3);
    expect(maplibreStepExpression(coverageScale('higher_better'))).toEqual(['step', ['to-number', ['get', 'value']], COVERAGE_COLORS[0], 50, COVERAGE_COLORS[1], 70, COVERAGE_COLORS[2], 80, COVERAGE_COLORS[3], 90, COVERAGE_COLORS[4]]);
    const css = mapCss();
    COVERAGE_COLORS.forEach((c, i) => expect(css).toContain(`.chm-svg .k${i}{fill:${c}}`));
  });

  it('the coverage legend has no "not measured" row, says why a figure is hidden and labels classes by range', () => {
    const m = legendModel(coverageScale('higher_better'), 'id', { very_low: 2, suppressed: 1 });
    expect(m.items.map((i) => i.key)).toEqual(['very_low', 'low', 'medium', 'high', 'very_high', 'suppressed', 'no_data']);
    expect(m.items[0]).toMatchObject({ label: '< 50 %', word: null, css: 'k0', count: 2 });
    expect(m.items[5].label).toMatch(/penyebut/);
    const html = legendHtml(m.items, 'id', null, null, null);
    expect(html).toContain('chm-sw k4');
    expect(html).not.toContain('chm-sw unc');
  });
});

describe('the descriptor of what the map draws', () => {
  it('lists the z-score indicators first, then the convergence ones by group, named in the page language', () => {
    const id = mapIndicators(meta, cmeta, 'id');
    expect(id.map((i) => [i.id, i.kind, i.group])).toEqual([
      ['stunting', 'zscore', null],
      ['wasting', 'zscore', null],
      ['made_up_bad', 'coverage', 'Intervensi sensitif'],
      ['made_up_spec', 'coverage', 'Intervensi spesifik'],
    ]);
    expect(mapIndicators(meta, cmeta, 'en').map((i) => i.label)).toEqual(['Stunting (short)', 'Wasting', 'Bad outcome', 'Test service']);
    expect(id[2].scale).toEqual(coverageScale('lower_better'));
    expect(id[2].periods).toEqual(cmeta.periods);
    expect(id[0].periods).toEqual(meta.periods);
    expect(mapIndicators(meta, null, 'id').map((i) => i.id)).toEqual(['stunting', 'wasting']);
    expect(indicatorGroups(id).map((g) => [g.group, g.items.length])).toEqual([[null, 2], ['Intervensi sensitif', 1], ['Intervensi spesifik', 1]]);
    expect([idOf(id[3]), idOf('stunting'), scaleOf('stunting'), isCoverage(id[3]), isCoverage(id[0]), isCoverage('stunting')]).toEqual(['made_up_spec', 'stunting', 'stunting', true, false, false]);
  });

  it('reads either published map file (value getter) and names its path', () => {
    const file = { '35.10.01': { made_up_spec: cov(45, 50, { desa_reporting: 2, desa_total: 5 }) } };
    const cells = mapCells('coverage', file);
    expect(cells['35.10.01'].made_up_spec).toMatchObject({ prevalence: 90, n: 50, cases: 45, status: 'ok', desa_reporting: 2, desa_total: 5 });
    // Made once per file (the build draws one file on many pages).
    expect(mapCells('coverage', file)).toBe(cells);
    const z = { '35.10.01': { stunting: { n: 1, cases: 0, prevalence: 0, ci_low: 0, ci_high: 1, status: 'ok' } } };
    expect(mapCells('zscore', z)).toBe(z);
    expect(mapFilePath('coverage', 'desa', '2025-08')).toBe('konvergensi-map/desa/2025-08.json');
    expect(mapFilePath('zscore', 'desa', '2025-08')).toBe('map/desa/2025-08.json');
  });

  it('names the target of the period’s year with its source in the legend note', () => {
    const spec = mapIndicators(meta, cmeta, 'id')[3];
    expect(targetFor(spec, '2024-08')).toEqual({ year: 2024, target: 90, source: 'Dokumen A' });
    expect(targetFor(spec, '2025-08')).toBeNull();
    expect(legendNote(spec, '2024-08', 'id', 'Kelas.')).toBe('Kelas. Target 2024: 90 % (Dokumen A).');
    expect(legendNote(spec, '2025-08', 'id', 'Kelas.')).toBe('Kelas.');
    expect(legendNote('stunting', '2024-08', 'id', 'WHO.')).toBe('WHO.');
  });

  it('writes numerator / denominator and "n of m desa reported" only for partial sums', () => {
    expect(fractionText(1234, 2000, 'id')).toBe('1.234 / 2.000');
    expect(fractionText(null, 2000, 'id')).toBeNull();
    expect(reportingText({ reporting: 3, total: 5 }, 'id')).toBe('3 dari 5 desa melapor');
    expect(reportingText({ reporting: 3, total: 5 }, 'en')).toBe('3 of 5 villages reported');
    expect(reportingText({ reporting: 5, total: 5 }, 'en')).toBeNull();
    expect(reportingText(null, 'en')).toBeNull();
  });
});

describe('rows, table and tooltip of a convergence indicator', () => {
  const areas: AreaJson[] = [
    { code: '35.10.01', name: 'Kec A', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
    { code: '35.10.02', name: 'Kec B', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
    { code: '35.10.03', name: 'Kec C', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  ];
  const spec = mapIndicators(meta, cmeta, 'id')[3];
  const values = mapCells('coverage', {
    '35.10.01': { made_up_spec: cov(45, 50, { desa_reporting: 2, desa_total: 5, ci_low: 70, ci_high: 95 }) },
    '35.10.02': { made_up_spec: cov(0, 0, { numerator: null, denominator: null, coverage: null, ci_low: null, ci_high: null, status: 'suppressed', suppression: 'primary' }) },
  });
  const rows = mapRows({ areas, values, indicator: spec, level: 'kecamatan', period: '2024-08', quality: { '35.10.01': 'lemah' } });

  it('carries coverage, numerator, denominator and reporting; no quality mark, no lighter tone', () => {
    expect(rows[0]).toMatchObject({ value: 90, n: 50, numerator: 45, reporting: { reporting: 2, total: 5 }, quality: null, uncertain: false, cls: { kind: 'class', css: 'k4' } });
    expect(rows[1]).toMatchObject({ value: null, n: null, numerator: null, status: 'suppressed', cls: { kind: 'suppressed' } });
    expect(rows[2]).toMatchObject({ status: 'no_data', reporting: null });
    expect(statusText(rows[1], spec, 'id')).toMatch(/penyebut/);
    expect(uncertainLegendCount(spec, rows)).toBeNull();
    expect(uncertainLegendCount('stunting', rows)).toBe(0);
  });

  it('the table row shows coverage, CI, numerator / denominator and the partial reporting', () => {
    const html = tableRowsHtml(rows, { lang: 'id', indicator: spec, href: (c) => `/wilayah/${c}/`, withParent: false });
    expect(html).toContain('<td class="num" data-v="90">90,0</td>');
    expect(html).toContain('<td class="num" data-v="50">45 / 50</td>');
    expect(html).toContain('<span class="chm-b k4">90,0%</span> <small class="chm-rep">2 dari 5 desa melapor</small>');
    expect(html).toContain('<span class="chm-b sup">');
    // The same rows as a z-score indicator would show n alone.
    expect(tableRowsHtml(rows, { lang: 'id', indicator: 'stunting', href: (c) => c, withParent: false })).toContain('<td class="num" data-v="50">50</td>');
  });

  it('the tooltip names the fraction and the reporting instead of children measured', () => {
    const lines = tooltipLines(rows[0], spec.label, spec, 'en');
    expect(lines).toContain('Numerator / denominator: 45 / 50');
    expect(lines).toContain('2 of 5 villages reported');
    expect(lines.join(' ')).not.toMatch(/children/);
  });
});

describe('URL state and static pages with the convergence periods', () => {
  const o = { periods: meta.periods, indicators: ['stunting', 'made_up_spec'], indicatorPeriods: { made_up_spec: cmeta.periods } };
  it('a period without convergence figures falls back to the indicator’s latest', () => {
    expect(periodFor(o, 'made_up_spec', '2024-02')).toBe('2025-08');
    expect(periodFor(o, 'made_up_spec', '2024-08')).toBe('2024-08');
    expect(periodFor(o, 'stunting', '2024-02')).toBe('2024-02');
    expect(fromQuery('?indikator=made_up_spec&periode=2024-02', o).state).toMatchObject({ indicator: 'made_up_spec', period: '2025-08' });
    const s = fromQuery('?indikator=made-up-spec&periode=2024-08', o).state;
    expect(s).toMatchObject({ indicator: 'made_up_spec', period: '2024-08' });
    expect(toQuery(s, o)).toBe('?indikator=made_up_spec&periode=2024-08');
  });

  it('lists a static page per level × indicator × own period', () => {
    const states = staticStates({ ...o, levels: ['kecamatan'] });
    expect(states.filter((s) => s.indicator === 'made_up_spec').map((s) => s.period)).toEqual(cmeta.periods);
    expect(states.filter((s) => s.indicator === 'stunting').map((s) => s.period)).toEqual(meta.periods);
  });
});

describe('explorerView with convergence indicators', () => {
  const areas: AreaJson[] = [{ code: '35.10.01', name: 'Kec A', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] }];
  const asked: string[] = [];
  const mapValues = (level: Level, period: string, kind: string) => {
    asked.push(`${kind}:${level}/${period}`);
    return kind === 'coverage' ? { '35.10.01': { made_up_spec: cov(30, 40) } } : { '35.10.01': { stunting: { n: 1, cases: 0, prevalence: 0, ci_low: 0, ci_high: 1, status: 'ok' } } };
  };
  it('groups the indicator control and links, reads konvergensi-map and swaps the column headings', () => {
    const v = explorerView({ lang: 'en', meta, coverageMeta: cmeta, areas, mapValues, qualityAreas: null, base: '/', given: { level: 'kecamatan', indicator: 'made_up_spec', period: '2024-08' } });
    expect(asked).toEqual(['coverage:kecamatan/2024-08']);
    expect(v.options.indicator.map((g) => g.group)).toEqual([null, 'Sensitive interventions', 'Specific interventions']);
    expect(v.linkGroups.map((g) => g.legend)).toEqual(['Level', 'Indicator', 'Sensitive interventions', 'Specific interventions', 'Period']);
    // Period links: only the indicator's own periods; the link to stunting keeps this period.
    expect(v.linkGroups[4].items.map((i) => i.value)).toEqual(['2025-08', '2024-08']);
    expect(v.linkGroups[1].items[0].href).toBe('/en/peta/kecamatan/stunting/2024-08/');
    expect(v.columns.current).toEqual({ prev: 'Coverage (%)', n: 'Numerator / denominator', cls: 'Note' });
    expect(v.tableRowsHtml).toContain('30 / 40');
    expect(v.tableCaption).toBe('Test service by district (kecamatan), August 2024');
    // From stunting in a period without convergence figures, the link to a convergence indicator goes to its latest.
    const z = explorerView({ lang: 'id', meta, coverageMeta: cmeta, areas, mapValues, qualityAreas: null, base: '/', given: { level: 'kecamatan', indicator: 'stunting', period: '2024-02' } });
    expect(z.linkGroups[3].items[0].href).toBe('/peta/kecamatan/made_up_spec/2025-08/');
    expect(z.columns.current.prev).toBe('Prevalensi (%)');
  });
});
