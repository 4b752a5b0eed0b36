import { describe, expect, it } from 'vitest';
import { addObservation, addRejected, createQualityAccumulator, mergeQuality, setTarget, type QualityAccumulator } from './accumulator.ts';
import { QUALITY_CSV_COLUMNS, qualityRecord, qualityRecords, round, type QualityEntry } from './records.ts';
import { population } from '../../../test/helpers/quality-population.ts';

function acc(n: number, seed: number): QualityAccumulator {
  const a = createQualityAccumulator();
  for (const o of population(n, seed)) addObservation(a, o);
  return a;
}

function entries(): QualityEntry[] {
  const d1 = acc(300, 1);
  const d2 = acc(40, 2);
  const d3 = acc(5, 3);
  setTarget(d1, 320);
  setTarget(d2, 45);
  setTarget(d3, 6);
  addRejected(d1, 'bad_date', 4);
  const kec = mergeQuality(mergeQuality(mergeQuality(createQualityAccumulator(), d1), d2), d3);
  const kab = mergeQuality(createQualityAccumulator(), kec);
  return [
    { code: '35.10.01.2003', name: 'Desa Tiga', level: 'desa', period: '2025-08', acc: d3 },
    { code: '35.10.01.2001', name: '=Desa, "Satu"', level: 'desa', period: '2025-08', acc: d1 },
    { code: '35.10', name: 'Kabupaten Banyuwangi', level: 'kabupaten', period: '2025-08', acc: kab },
    { code: '35.10.01.2002', name: 'Desa Dua', level: 'desa', period: '2025-08', acc: d2 },
    { code: '35.10.01', name: 'Pesanggaran', level: 'kecamatan', period: '2025-08', acc: kec },
    { code: '35.10.01.2001', name: '=Desa, "Satu"', level: 'desa', period: '2025-02', acc: createQualityAccumulator() },
  ];
}

describe('round', () => {
  it('rounds without negative zero', () => {
    expect(round(-0.004, 2)).toBe(0);
    expect(Object.is(round(-0.004, 2), -0)).toBe(false);
    expect(round(1.2345, 2)).toBe(1.23);
  });
});

describe('qualityRecord', () => {
  it('suppresses small areas and those the aggregate suppressed', () => {
    const e = entries();
    expect(qualityRecord(e[0])).toEqual({ status: 'suppressed', grade: 'tidak_dinilai', n: null, reasons: [], detail: false, metrics: null });
    expect(qualityRecord(e[3], { isSuppressed: (c) => c === '35.10.01.2002' }).status).toBe('suppressed');
    expect(qualityRecord(e[5]).status).toBe('no_data');
  });
  it('publishes metrics but no grade between suppression_min and the grading minimum', () => {
    const r = qualityRecord(entries()[3], { detailLevels: ['desa', 'kecamatan', 'kabupaten'] });
    expect(r.status).toBe('ok');
    expect(r.grade).toBe('tidak_dinilai');
    expect(r.n).toBe(40);
    expect(r.reasons).toEqual([{ code: 'small_n', level: 0, value: 40, threshold: 100 }]);
    expect(r.metrics?.children).toBe(40);
  });
  it('desa carry grade and reasons only by default (metrics in quality.csv)', () => {
    const r = qualityRecord(entries()[1]);
    expect(r.status).toBe('ok');
    expect(r.detail).toBe(false);
    expect(r.metrics).toBeNull();
    expect(r.n).toBe(300);
  });
  it('histograms only at the histogram levels', () => {
    const e = entries();
    const desa = qualityRecord(e[1], { detailLevels: ['desa', 'kecamatan', 'kabupaten'] });
    const kab = qualityRecord(e[2]);
    expect(desa.metrics?.haz_histogram).toBeUndefined();
    expect(desa.metrics?.age.months).toBeUndefined();
    expect(kab.metrics?.haz_histogram).toHaveLength(48);
    expect(kab.metrics?.age.months).toHaveLength(60);
    expect(kab.metrics?.children).toBe(345);
    expect(kab.metrics?.coverage).toEqual({ target: 371, pct: 93 });
  });
});

describe('qualityRecords', () => {
  it('is deterministic whatever the input order', () => {
    const a = qualityRecords(entries());
    const b = qualityRecords([...entries()].reverse());
    expect(JSON.stringify(b.json)).toBe(JSON.stringify(a.json));
    expect(b.csv).toBe(a.csv);
    expect(Object.keys(a.json.areas)).toEqual(['35.10', '35.10.01', '35.10.01.2001', '35.10.01.2002', '35.10.01.2003']);
    expect(Object.keys(a.json.areas['35.10.01.2001'])).toEqual(['2025-02', '2025-08']);
  });
  it('writes a header and one fixed-decimal row per area and period, safe against formula injection', () => {
    const { csv } = qualityRecords(entries());
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(QUALITY_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(7);
    const desa1 = lines.find((l) => l.startsWith('35.10.01.2001,') && l.includes('2025-08')) as string;
    expect(desa1.startsWith(`35.10.01.2001,"'=Desa, ""Satu""",desa,2025-08,ok,`)).toBe(true);
    // desa metrics are in the CSV even though quality.json carries only their grade (+1: the quoted name has a comma)
    expect(desa1.split(',')[QUALITY_CSV_COLUMNS.indexOf('haz_sd') + 1]).toMatch(/^\d\.\d\d$/);
    const kab = lines[1].split(',');
    const col = (name: string) => kab[QUALITY_CSV_COLUMNS.indexOf(name as (typeof QUALITY_CSV_COLUMNS)[number])];
    expect(col('haz_sd')).toMatch(/^\d\.\d\d$/);
    expect(col('coverage_pct')).toBe('93.0');
    expect(col('rejected')).toBe('4');
    const suppressed = lines.find((l) => l.startsWith('35.10.01.2003')) as string;
    expect(suppressed).toBe('35.10.01.2003,Desa Tiga,desa,2025-08,suppressed,tidak_dinilai' + ','.repeat(QUALITY_CSV_COLUMNS.length - 6));
  });
  it('carries the method, grade labels and reason texts once', () => {
    const { json } = qualityRecords(entries(), { suppressionMin: 10 });
    expect(json.schema_version).toBe(1);
    expect(json.method.min_n_grade).toBe(100);
    expect(json.method.haz_histogram).toEqual({ from: -6, width: 0.25, bins: 48 });
    expect(json.reason_texts.height_digit_preference.en).toMatch(/rounded/);
    expect(json.grade_labels.sangat_lemah.id).toBe('Sangat lemah');
  });
});
