import { describe, expect, it } from 'vitest';
import type { SeriesJson, SurveySeries } from './contract.ts';
import { trendChartHtml } from './trend-svg.ts';

const v = (p: number | null, lo: number | null = null, hi: number | null = null, status = 'ok') =>
  ({ n: p === null ? null : 1200, cases: null, prevalence: p, ci_low: lo, ci_high: hi, status }) as never;
const series: SeriesJson = {
  code: '35.10.01', name: 'Desa "A" & <B>', level: 'desa', parent: '35.10',
  periods: {
    '2024-02': { measured: 100, valid: 100, target: 120, coverage: 83.3, indicators: { stunting: v(12, 10, 14) } },
    '2024-08': { measured: 5, valid: 5, target: 120, coverage: null, indicators: { stunting: v(null, null, null, 'suppressed') } },
    '2025-02': { measured: 100, valid: 100, target: 120, coverage: 83.3, indicators: { stunting: v(9, 7.5, 10.8) } },
  },
};
const periods = ['2024-02', '2024-08', '2025-02'];
const ssgi: SurveySeries = { level: 'kabupaten', code: '35.10', name: 'Banyuwangi', source: 'SSGI', points: [{ year: 2023, prevalence: 18.1, source_url: 'https://x.example/?a=1&b=2' }] };
const reported: SurveySeries = { level: 'kabupaten', code: '35.10', name: 'Banyuwangi', source: 'Dinkes', points: [{ year: 2023, prevalence: 17, source_url: 'https://y.example/' }] };

describe('trendChartHtml', () => {
  const html = trendChartHtml({
    series, periods, indicator: 'stunting', indicatorLabel: 'Stunting', lang: 'id', id: 'tr',
    targets: [{ year: 2024, value: 14, label: 'Target 2024', long: 'Target nasional 2024' }],
    surveys: [ssgi, reported],
  });

  it('escapes text as Astro does, and attribute values for & and " only', () => {
    expect(html).toContain('<caption>Tabel data: Stunting, Desa &quot;A&quot; &amp; &lt;B&gt;</caption>');
    expect(html).toContain('href="https://x.example/?a=1&amp;b=2"');
    expect(html).not.toContain('<B>');
  });

  it('writes an empty attribute bare and leaves an undefined one out', () => {
    expect(html).toMatch(/<line x1="40" x2="\d+(\.\d)?" y1="[\d.]+" y2="[\d.]+" class><\/line>/);
    expect(html).toContain('class="tc-zero"');
    // The reported series has no survey credit: no data-credit attribute at all (one per drawing for SSGI).
    expect(html).toContain('<g class="tc-survey" data-series="Survei SSGI, Banyuwangi" data-credit="SSGI 2023 (Kemenkes)">');
    expect(html).toContain('<g class="tc-survey" data-series="Angka e-PPGBM yang dilaporkan pemda, Banyuwangi">');
    expect(html.match(/data-credit=/g)).toHaveLength(2);
  });

  it('draws two drawings, the points, the suppressed round and the targets in caption and table', () => {
    expect(html.match(/<svg class="tc-svg tc-(wide|narrow)"/g)).toHaveLength(2);
    // Two published rounds, in each drawing.
    expect(html.match(/class="tc-pt tc-dot"/g)).toHaveLength(4);
    expect(html).toContain('<td class="n wrap">disembunyikan</td>');
    expect(html).toContain('<td class="n wrap"><strong>12,0%</strong> <span class="nowrap">(10,0–14,0)</span></td>');
    expect(html).toContain('. Target nasional 2024: 14%.</figcaption>');
    // The target's label is drawn on the wide drawing only.
    expect(html.match(/>Target 2024: 14%<\/text>/g)).toHaveLength(1);
  });

  it('uses the given words and counts of a convergence indicator', () => {
    const cv = trendChartHtml({
      series, periods, indicator: 'stunting', indicatorLabel: 'Imunisasi', lang: 'en',
      words: { heading: 'Coverage', line: 'Coverage line', value: 'Coverage', count: 'Covered / target', yTitle: 'coverage (%) ↑' },
      counts: { '2024-02': '12 / 100' },
    });
    expect(cv).toContain('<p class="tc-ytitle">coverage (%) ↑</p>');
    expect(cv).toContain('data-tip="February 2024: 12.0% (10.0–14.0); 12 / 100"');
    expect(cv).not.toContain('tc-survey-table');
  });
});
