import { describe, expect, it } from 'vitest';
import type { AreaJson } from '../site/contract.ts';
import { addObservation, createQualityAccumulator, mergeQuality, setTarget, type QualityAccumulator } from './accumulator.ts';
import { qualityRecords } from './records.ts';
import { population } from '../../../test/helpers/quality-population.ts';
import { badgeModel, fmtNum, fmtPct, gradeTrend, levelGrades, qualityPageModel, reasonText, weakestFirst, type WeakAreaRow } from './view.ts';

function acc(n: number, seed: number, roundHeights = false): QualityAccumulator {
  const a = createQualityAccumulator();
  for (const o of population(n, seed)) addObservation(a, roundHeights ? { ...o, heightDigit: 0 } : o);
  setTarget(a, n + 20);
  return a;
}

const areas: AreaJson[] = [
  { code: '35.10', name: 'Kabupaten Banyuwangi', level: 'kabupaten', parent: null, kind: 'kabupaten', lokus: [] },
  { code: '35.10.01', name: 'Pesanggaran', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Sarongan', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  { code: '35.10.01.2002', name: 'Kandangan', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  { code: '35.10.01.2003', name: 'Sumbermulyo', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
];

function file() {
  const d1 = acc(400, 1, true); // rounded heights: sangat lemah
  const d2 = acc(300, 2); // clean
  const d3 = acc(8, 3); // suppressed
  const kec = [d1, d2, d3].reduce((p, c) => mergeQuality(p, c), createQualityAccumulator());
  const kab = mergeQuality(createQualityAccumulator(), kec);
  return qualityRecords([
    { code: '35.10', level: 'kabupaten', period: '2025-08', acc: kab },
    { code: '35.10', level: 'kabupaten', period: '2025-02', acc: acc(500, 9) },
    { code: '35.10.01', level: 'kecamatan', period: '2025-08', acc: kec },
    { code: '35.10.01.2001', level: 'desa', period: '2025-08', acc: d1 },
    { code: '35.10.01.2002', level: 'desa', period: '2025-08', acc: d2 },
    { code: '35.10.01.2003', level: 'desa', period: '2025-08', acc: d3 },
  ]).json;
}

describe('badgeModel', () => {
  it('explains a grade in words, worst reason first', () => {
    const b = badgeModel('lemah', [
      { code: 'haz_sd_high', level: 1, value: 1.3, threshold: 1.2 },
      { code: 'height_digit_preference', level: 2, value: 25, threshold: 20 },
    ], 'id');
    expect(b.label).toBe('Kualitas data: Lemah');
    expect(b.className).toBe('q-lemah');
    expect(b.items[0]).toMatch(/dibulatkan.*nilai 25,0; batas 20,0/);
    expect(b.items[1]).toMatch(/1,30/);
    expect(badgeModel('sangat_lemah', [], 'en').className).toBe('q-sangat-lemah');
    expect(badgeModel('tidak_dinilai', [{ code: 'small_n', level: 0, value: 40, threshold: 100 }], 'en').items[0]).toMatch(/40 children; at least 100/);
  });
  it('uses a given message first', () => {
    expect(reasonText({ code: 'x', level: 1, message: { id: 'a', en: 'b' } }, 'en')).toBe('b');
  });
});

describe('formatting', () => {
  it('decimal comma and dot thousands in Indonesian', () => {
    expect(fmtNum(12345.678, 'id', 1)).toBe('12.345,7');
    expect(fmtNum(12345.678, 'en', 1)).toBe('12,345.7');
    expect(fmtNum(-1.234, 'id', 2)).toBe('−1,23');
    expect(fmtPct(null, 'id')).toBe('–');
  });
});

describe('qualityPageModel', () => {
  it('summarises the region and lists the weakest areas worst first', () => {
    const m = qualityPageModel(file(), areas, { code: '35.10', name: 'Kabupaten Banyuwangi' }, '2025-08', 'id');
    expect(m.available).toBe(true);
    expect(m.record?.n).toBe(708);
    expect(m.haz?.n).toBeGreaterThan(700);
    expect(m.heightDigits?.bars).toHaveLength(10);
    expect(m.trend.map((t) => t.period)).toEqual(['2025-02', '2025-08']);
    // the kecamatan inherits the rounded heights of its desa; equal grade and reasons: larger n first
    expect(m.weakest.map((w) => w.code)).toEqual(['35.10.01', '35.10.01.2001']);
    expect(m.weakest[1].grade).toBe('sangat_lemah');
    expect(m.weakest[1].reasonCodes).toContain('height_digit_preference');
    expect(m.weakest[1].shortReasons[0]).toMatch(/^Tinggi dibulatkan \(\d+,\d; batas 40,0\)$/);
    expect(m.weakest.map((w) => w.code)).not.toContain('35.10.01.2002');
    const desa = m.gradeCounts.find((g) => g.level === 'desa');
    expect(desa?.total).toBe(3);
    expect(desa?.suppressed).toBe(1);
    expect(desa?.counts.baik).toBe(1);
    expect(desa?.counts.sangat_lemah).toBe(1);
    const dps = m.metricRows.find((r) => r.key === 'dpsH');
    expect(dps?.level).toBeGreaterThan(0);
    expect(m.metricRows.find((r) => r.key === 'children')?.level).toBe(-1);
    expect(m.metricRows.find((r) => r.key === 'sd')?.level).toBe(0);
  });
  it('rows without a value or without enough children are not graded', () => {
    const f = file();
    const rec = f.areas['35.10']['2025-08'];
    const metrics = rec.metrics!;
    metrics.coverage = { target: null, pct: null };
    const m = qualityPageModel(f, areas, { code: '35.10', name: 'K' }, '2025-08', 'en');
    expect(m.metricRows.find((r) => r.key === 'coverage')?.level).toBe(-1);
  });
  it('is unavailable without a real quality.json', () => {
    expect(qualityPageModel({ note: 'x' } as never, areas, { code: '35.10', name: 'K' }, '2025-08', 'en').available).toBe(false);
    expect(qualityPageModel(null, areas, { code: '35.10', name: 'K' }, '2025-08', 'en').available).toBe(false);
  });
});

describe('the parts of qualityPageModel', () => {
  const row = (code: string, grade: WeakAreaRow['grade'], reasons: number, n: number): WeakAreaRow => ({
    code, name: code, level: 'desa', grade, n, reasons: Array(reasons).fill('r'), shortReasons: [], reasonCodes: [],
  });

  it('levelGrades counts one level\'s grades, suppressed areas apart and areas without data not at all', () => {
    const f = file();
    const desa = levelGrades(f, areas, 'desa', '2025-08', 'en');
    expect(desa.count).toEqual({ level: 'desa', counts: { baik: 1, cukup: 0, lemah: 0, sangat_lemah: 1, tidak_dinilai: 0 }, suppressed: 1, total: 3 });
    expect(desa.weak.map((w) => [w.code, w.name, w.level])).toEqual([['35.10.01.2001', 'Sarongan', 'desa']]);
    expect(desa.weak[0].reasons).toHaveLength(desa.weak[0].reasonCodes.length);
    // No record in that period: nothing counted.
    expect(levelGrades(f, areas, 'desa', '2025-02', 'en').count.total).toBe(0);
  });

  it('weakestFirst orders by grade, then number of reasons, then children, then code, without touching its input', () => {
    const rows = [row('b', 'cukup', 1, 50), row('a', 'cukup', 1, 50), row('c', 'cukup', 2, 10), row('d', 'lemah', 1, 5), row('e', 'cukup', 1, 90)];
    expect(weakestFirst(rows).map((r) => r.code)).toEqual(['d', 'c', 'e', 'a', 'b']);
    expect(rows.map((r) => r.code)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('gradeTrend lists the periods oldest first with the key figures', () => {
    const t = gradeTrend(file().areas['35.10']);
    expect(t.map((x) => x.period)).toEqual(['2025-02', '2025-08']);
    expect(t[1]).toMatchObject({ n: 708 });
    expect(t[1].heightDps).toBeGreaterThan(t[0].heightDps!);
  });
});
