import { describe, expect, it } from 'vitest';
import type { Level } from '../types.ts';
import type { AreaJson, IndicatorValueJson, MapValuesJson, Meta, SeriesJson } from './contract.ts';
import { areaNames, areaPageView, locatorMap, qualityNote, type AreaPageSource } from './area-page-view.ts';

const ok = (cases: number, n: number, lo: number, hi: number): IndicatorValueJson => ({ n, cases, prevalence: Math.round((1000 * cases) / n) / 10, ci_low: lo, ci_high: hi, status: 'ok' });
const smoothed = (v: IndicatorValueJson): IndicatorValueJson => ({ ...v, smoothed_prevalence: v.prevalence, smoothed_ci_low: v.ci_low, smoothed_ci_high: v.ci_high });
const sup: IndicatorValueJson = { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed', suppression: 'primary' };

const AREAS: AreaJson[] = [
  { code: '35.10', name: 'Banyuwangi', level: 'kabupaten', parent: null, kind: 'kabupaten', lokus: [] },
  { code: '35.10.01', name: 'Pesanggaran', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.02', name: 'Bangorejo', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Sarongan', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [2024, 2025] },
  { code: '35.10.01.1002', name: 'Kandangan', level: 'desa', parent: '35.10.01', kind: 'kelurahan', lokus: [] },
  { code: '35.10.01.2003', name: 'Ampel', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  { code: '35.10.02.2001', name: 'Temurejo', level: 'desa', parent: '35.10.02', kind: 'desa', lokus: [] },
];

/** Latest round: the kabupaten 200/1000; Pesanggaran 150/600, Bangorejo 50/400; its desa Sarongan 90/200 (well
 * above), Kandangan 30/200, Ampel suppressed; Temurejo 50/400. The round before: Sarongan 80/200. */
const VALUES: Record<string, { '2025-02'?: IndicatorValueJson; '2025-08': IndicatorValueJson }> = {
  '35.10': { '2025-08': ok(200, 1000, 17.6, 22.6) },
  '35.10.01': { '2025-08': smoothed(ok(150, 600, 21.7, 28.6)) },
  '35.10.02': { '2025-08': smoothed(ok(50, 400, 9.6, 16.1)) },
  '35.10.01.2001': { '2025-02': ok(80, 200, 33.5, 47), '2025-08': smoothed(ok(90, 200, 38.3, 51.9)) },
  '35.10.01.1002': { '2025-08': smoothed(ok(30, 200, 10.7, 20.6)) },
  '35.10.01.2003': { '2025-08': sup },
  '35.10.02.2001': { '2025-08': smoothed(ok(50, 400, 9.6, 16.1)) },
};

const META = {
  region: { code: '35.10', name: 'Banyuwangi', province: { code: '35', name: 'Jawa Timur' } },
  levels: ['kabupaten', 'kecamatan', 'desa'],
  periods: ['2025-02', '2025-08'],
  latest_period: '2025-08',
  indicators: [
    { id: 'wasting', label: { id: 'Wasting', en: 'Wasting' } },
    { id: 'stunting', label: { id: 'Stunting', en: 'Stunting' } },
  ],
  suppression_min: 10,
} as unknown as Meta;

function source(quality: unknown = null): AreaPageSource {
  const byCode = new Map(AREAS.map((a) => [a.code, a]));
  return {
    meta: META,
    area: (code) => {
      const a = byCode.get(code);
      if (!a) throw new Error(`Area ${code} is not in areas.json`);
      return a;
    },
    series: (code) => ({
      code, name: byCode.get(code)!.name, level: byCode.get(code)!.level, parent: byCode.get(code)!.parent,
      periods: Object.fromEntries(Object.entries(VALUES[code]).map(([p, v]) => [p, { measured: v.n, valid: v.n, target: null, coverage: null, indicators: { stunting: v, wasting: v } }])),
    }) as SeriesJson,
    children: (code) => AREAS.filter((a) => a.parent === code),
    areasOfLevel: (l: Level) => AREAS.filter((a) => a.level === l),
    mapValues: (l, period) => ({
      level: l, period,
      values: Object.fromEntries(AREAS.filter((a) => a.level === l && VALUES[a.code][period as '2025-08']).map((a) => [a.code, { measured: 1, stunting: VALUES[a.code][period as '2025-08'] }])),
    }) as MapValuesJson,
    quality: () => quality as never,
  };
}

describe('areaPageView', () => {
  it('titles a desa by its kind and places it in its kecamatan and kabupaten, in both languages', () => {
    const id = areaPageView(source(), '35.10.01.2001', 'stunting', 'id', '/situs');
    expect(id.title).toBe('Desa Sarongan');
    expect(id.place).toBe('Kecamatan Pesanggaran, Banyuwangi');
    expect(id.description).toBe('Stunting pada balita di Desa Sarongan, Kecamatan Pesanggaran, Banyuwangi: 45,0% (38,3–51,9) pada Agustus 2025. Tren, peringkat, tabel dan unduhan.');
    const en = areaPageView(source(), '35.10.01.2001', 'stunting', 'en', '/situs/');
    expect([en.title, en.place]).toEqual(['Sarongan village', 'Pesanggaran district, Banyuwangi']);
    expect(en.chain.map((a) => a.code)).toEqual(['35.10', '35.10.01', '35.10.01.2001']);
    expect(en.lokus).toEqual([2024, 2025]);
    expect(id.dataBase).toBe('/situs/data/v1/');
    expect(en.dataBase).toBe('/situs/data/v1/');
  });

  it('compares a desa with its kecamatan: verdict with the parent rate, rank among its siblings and how sure it is', () => {
    const v = areaPageView(source(), '35.10.01.2001', 'stunting', 'id', '/');
    const s = v.siblings!;
    expect(s.parentLabel).toBe('Kecamatan Pesanggaran');
    expect(s.comparedWith).toBe('Dibanding Kecamatan Pesanggaran');
    expect(s.standing).toMatchObject({ rank: 1, total: 2, overlapping: 0 });
    expect(s.standingText).toMatch(/^(jauh )?di atas Kecamatan Pesanggaran \(25%\)/);
    expect(s.siblingWord).toBe('3 desa/kelurahan di Kecamatan Pesanggaran');
    expect(s.range).toEqual({ lo: 1, hi: 1, overlapping: 0, others: 1 });
    const en = areaPageView(source(), '35.10.02', 'stunting', 'en', '/').siblings!;
    expect(en.siblingWord).toBe('the 2 districts of Banyuwangi');
    expect(en.standingText).toMatch(/below Banyuwangi \(20%\)/);
  });

  it('does not rank an area whose figure is hidden, and has no siblings on the kabupaten page', () => {
    const hidden = areaPageView(source(), '35.10.01.2003', 'stunting', 'en', '/').siblings!;
    expect(hidden.standing).toBeNull();
    expect(hidden.standingText).toBeNull();
    expect(hidden.range).toBeNull();
    expect(areaPageView(source(), '35.10', 'stunting', 'en', '/').siblings).toBeNull();
  });

  it('draws the funnel of a kecamatan\'s desa around it, of every desa on the kabupaten page, and none on a desa page', () => {
    const kec = areaPageView(source(), '35.10.01', 'stunting', 'id', '/').funnel!;
    expect(kec.parent?.cases).toBe(150);
    expect(kec.children.map((c) => c.code)).toEqual(['35.10.01.2001', '35.10.01.1002', '35.10.01.2003']);
    expect(kec.children[2].value?.status).toBe('suppressed');
    expect(kec.note).toContain('dari angka Kecamatan Pesanggaran bisa karena kebetulan');
    const kab = areaPageView(source(), '35.10', 'stunting', 'en', '/').funnel!;
    expect(kab.children).toHaveLength(4);
    expect(kab.note).toContain('from the Banyuwangi figure');
    expect([kab.heading, kab.childLevel]).toEqual(['Comparing villages (funnel plot)', 'desa']);
    expect(areaPageView(source(), '35.10.01.2001', 'stunting', 'en', '/').funnel).toBeNull();
  });

  it('lists the child areas by name with the change since the previous round, and names their level', () => {
    const kec = areaPageView(source(), '35.10.01', 'stunting', 'en', '/').children;
    expect(kec.rows.map((r) => r.name)).toEqual(['Ampel', 'Kandangan', 'Sarongan']);
    expect(kec.rows.find((r) => r.name === 'Sarongan')?.delta).toBe(5);
    expect(kec.level).toBe('desa');
    expect(kec.levelWord).toBe('village');
    expect(areaPageView(source(), '35.10', 'stunting', 'id', '/').children.levelWord).toBe('kecamatan');
    expect(areaPageView(source(), '35.10.01.2001', 'stunting', 'id', '/').children).toEqual({ rows: [], level: undefined, levelWord: 'kecamatan' });
  });

  it('puts the headline indicator first, and shows smoothed figures on desa and kecamatan pages only', () => {
    const desa = areaPageView(source(), '35.10.01.2001', 'stunting', 'en', '/');
    expect(desa.indicators!.map((i) => [i.id, i.label])).toEqual([['stunting', 'Stunting'], ['wasting', 'Wasting']]);
    expect(desa.indicators![0].value?.cases).toBe(90);
    expect(desa.hasSmoothed).toBe(true);
    expect(areaPageView(source(), '35.10', 'stunting', 'en', '/').hasSmoothed).toBe(false);
    expect(desa.rounds.map((r) => r.value.cases)).toEqual([80, 90]);
  });
});

describe('area page parts', () => {
  it('areaNames follow the kind of area', () => {
    const titled = (kind: AreaJson['kind'], level: Level, lang: 'id' | 'en') => areaNames({ ...AREAS[3], kind, level }, AREAS[1], META, lang).title;
    expect((['kecamatan', 'kelurahan', 'desa', 'desa_adat'] as const).map((kind) => titled(kind, 'desa', 'en'))).toEqual(['Sarongan district', 'Sarongan urban village', 'Sarongan village', 'Sarongan village']);
    expect((['kecamatan', 'kelurahan', 'desa', 'desa_adat'] as const).map((kind) => titled(kind, 'desa', 'id'))).toEqual(['Kecamatan Sarongan', 'Kelurahan Sarongan', 'Desa Sarongan', 'Desa Sarongan']);
    expect([titled('kota', 'kabupaten', 'en'), titled('kabupaten', 'kabupaten', 'id')]).toEqual(['Sarongan', 'Sarongan']);
    expect(areaNames(AREAS[3], AREAS[1], META, 'en').place).toBe('Pesanggaran district, Banyuwangi');
    const kel = AREAS[4];
    expect(areaNames(kel, AREAS[1], META, 'en').title).toBe('Kandangan urban village');
    expect(areaNames(kel, AREAS[1], META, 'id').title).toBe('Kelurahan Kandangan');
    expect(areaNames(AREAS[1], AREAS[0], META, 'id')).toEqual({ title: 'Kecamatan Pesanggaran', place: 'Banyuwangi' });
    expect(areaNames(AREAS[0], null, META, 'id')).toEqual({ title: 'Banyuwangi', place: 'Jawa Timur' });
    expect(areaNames(AREAS[0], null, { region: { code: '35.10', name: 'B' } }, 'id').place).toBe('');
  });

  it('locatorMap outlines a desa among its kecamatan\'s desa, a kecamatan among the kecamatan, and nothing on the kabupaten', () => {
    expect(locatorMap(AREAS[3])).toEqual({ level: 'desa', highlight: '35.10.01.2001', parent: '35.10.01' });
    expect(locatorMap(AREAS[1])).toEqual({ level: 'kecamatan', highlight: '35.10.01', parent: undefined });
    expect(locatorMap(AREAS[0])).toEqual({ level: 'kecamatan', highlight: undefined, parent: undefined });
  });

  it('qualityNote is weak for lemah and sangat lemah, names the checks of a cukup grade without figures, and says nothing when hidden or absent', () => {
    const rec = (grade: string, status = 'ok') => ({ status, grade, n: 300, detail: false, metrics: null, reasons: [{ code: 'height_digit_preference', level: 1, value: 25, threshold: 20 }, { code: 'sex_ratio', level: 0, value: 1, threshold: 1 }] });
    const q = (r: unknown) => ({ areas: { a: { '2025-08': r } } });
    expect(qualityNote(q(rec('lemah')), 'a', '2025-08', 'id')).toMatchObject({ grade: 'lemah', weak: true });
    expect(qualityNote(q(rec('sangat_lemah')), 'a', '2025-08', 'id').weak).toBe(true);
    const calm = qualityNote(q(rec('cukup')), 'a', '2025-08', 'id');
    expect(calm).toMatchObject({ grade: 'cukup', weak: false, calm: ['Tinggi dibulatkan'] });
    const hidden = qualityNote(q(rec('lemah', 'suppressed')), 'a', '2025-08', 'id');
    expect(hidden.grade).toBeNull();
    expect(hidden.weak).toBe(false);
    expect(hidden.record).not.toBeNull();
    expect(qualityNote(null, 'a', '2025-08', 'en')).toEqual({ record: null, grade: null, weak: false, calm: [] });
    expect(qualityNote(q(rec('lemah')), 'b', '2025-08', 'en').record).toBeNull();
  });
});
