import { describe, expect, it } from 'vitest';
import type { AreaJson } from '../site/contract.ts';
import { addObservation, createQualityAccumulator, mergeQuality } from './accumulator.ts';
import { qualityRecords } from './records.ts';
import { population } from '../../../test/helpers/quality-population.ts';
import { gradingRules, qualityReportView } from './report-view.ts';

const areas: AreaJson[] = [
  { code: '35.10', name: 'Kabupaten Banyuwangi', level: 'kabupaten', parent: null, kind: 'kabupaten', lokus: [] },
  { code: '35.10.01', name: 'Pesanggaran', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Sarongan', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
];
const meta = { region: { code: '35.10', name: 'Banyuwangi' }, latest_period: '2025-08' };

/** A quality file of 400 children with every height read as a whole centimetre (digit 0). */
function file() {
  const d = createQualityAccumulator();
  for (const o of population(400, 1)) addObservation(d, { ...o, heightDigit: 0 });
  const kec = mergeQuality(createQualityAccumulator(), d);
  return qualityRecords([
    { code: '35.10', level: 'kabupaten', period: '2025-08', acc: mergeQuality(createQualityAccumulator(), kec) },
    { code: '35.10.01', level: 'kecamatan', period: '2025-08', acc: kec },
    { code: '35.10.01.2001', level: 'desa', period: '2025-08', acc: d },
  ]).json;
}

describe('qualityReportView', () => {
  const id = qualityReportView(file(), areas, meta, 'id', '/situs');
  const en = qualityReportView(file(), areas, meta, 'en', '/situs/');

  it('names the region as in areas.json and the latest period in the texts', () => {
    expect(id.text.regionIntro).toBe('Pemeriksaan kualitas data Kabupaten Banyuwangi, pengukuran Agustus 2025.');
    expect(en.text.trendCaption).toBe('Data-quality grade of Kabupaten Banyuwangi by period');
    expect(en.text.weakIntro).toMatch(/^Kecamatan and desa with the worst grades in August 2025 .* fewer than \d+ children/);
    expect(id.model.region).toEqual({ code: '35.10', name: 'Kabupaten Banyuwangi' });
    // Not in areas.json: the name in meta.
    expect(qualityReportView(file(), [], meta, 'en', '/').model.region.name).toBe('Banyuwangi');
  });

  it('captions the HAZ histogram with its figures and keeps only informative bins in its table', () => {
    expect(id.hazCaption).toMatch(/^Histogram TB\/U Kabupaten Banyuwangi, Agustus 2025: \d+ anak, rata-rata −?\d+,\d\d, simpangan baku \d+,\d\d/);
    expect(id.hazRows.length).toBeGreaterThan(0);
    expect(id.hazRows.length).toBeLessThan(id.model.haz!.bars.length);
    for (const b of id.hazRows) expect(b.count > 0 || b.expectedPct >= 0.05).toBe(true);
  });

  it('captions each digit chart with its most frequent digit and score', () => {
    expect(en.digitCharts.map((d) => [d.key, d.title])).toEqual([['height', 'Height/length'], ['weight', 'Weight']]);
    expect(en.digitCharts[0].caption).toMatch(/^Height\/length: the most frequent last digit is 0 \(100\.0%\); digit preference score \d+\.\d/);
    expect(en.digitCharts[0].chart?.bars).toHaveLength(10);
  });

  it('names levels, and links the report files under the base with one slash', () => {
    expect([id.levelName('kecamatan'), id.levelName('desa'), id.levelName('kabupaten')]).toEqual(['Kecamatan', 'Desa/kelurahan', 'kabupaten']);
    expect(en.levelName('desa')).toBe('Desa/kelurahan (village)');
    expect(id.downloads).toEqual({ json: '/situs/data/v1/quality.json', csv: '/situs/data/v1/quality.csv' });
    expect(en.downloads.csv).toBe('/situs/data/v1/quality.csv');
  });

  it('has no captions or rows without a quality report, but still the rules', () => {
    const none = qualityReportView(null, areas, meta, 'id', '/');
    expect(none.model.available).toBe(false);
    expect(none.hazCaption).toBeNull();
    expect(none.hazRows).toEqual([]);
    expect(none.digitCharts.map((d) => d.chart)).toEqual([null, null]);
    expect(none.rules).toEqual(gradingRules('id'));
  });
});

describe('gradingRules', () => {
  it('gives the same ten checks in both languages, five cells each, with the locale\'s decimal mark', () => {
    const [id, en] = [gradingRules('id'), gradingRules('en')];
    expect(id).toHaveLength(10);
    expect(en).toHaveLength(10);
    for (const r of [...id, ...en]) expect(r).toHaveLength(5);
    expect(id[1][2]).toMatch(/^< 0,\d, atau > 1,\d\d \(TB\/U\)/);
    expect(en[1][2]).toMatch(/^< 0\.\d, or > 1\.\d\d \(HAZ\)/);
  });
});
