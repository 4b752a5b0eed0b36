import { describe, expect, it } from 'vitest';
import type { AreaJson } from './contract.ts';
import { buildSearchIndex, indexedIndicators, indicatorLinks, indicatorName, matchScore, maxEdits, normaliseName, prefixDistance, searchAreas, searchIndex } from './search-index.ts';
import { COVERAGE_INDICATORS } from '../indicators/coverage-defs.ts';

const areas: AreaJson[] = [
  { code: '35.10', name: 'Kabupaten Banyuwangi', level: 'kabupaten', parent: null, kind: 'kabupaten', lokus: [] },
  { code: '35.10.01', name: 'Pesanggaran', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Sarongan', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  { code: '35.10.01.2002', name: 'Pesanggaran', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  { code: '35.10.02.1001', name: 'Kebalenan', level: 'desa', parent: '35.10.02', kind: 'kelurahan', lokus: [] },
  { code: '35.10.02', name: 'Genteng', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.02.2001', name: "Genteng Kulon", level: 'desa', parent: '35.10.02', kind: 'desa', lokus: [] },
];

describe('search index', () => {
  const ix = buildSearchIndex(areas);
  it('normalises names for matching', () => {
    expect(normaliseName("  Ka'wung-Éra ")).toBe('ka wung era');
  });
  it('keeps one compact row per area with the kecamatan name of a desa', () => {
    expect(ix.rows).toHaveLength(areas.length);
    expect(ix.rows[2]).toEqual(['35.10.01.2001', 'Sarongan', '', 'Pesanggaran', 'd', '/wilayah/35.10.01.2001/']);
  });
  it('ranks an exact name first and a kecamatan before a desa of the same name', () => {
    const r = searchAreas(ix, 'pesanggaran');
    expect(r.map((x) => x.slice(0, 1)[0])).toEqual(['35.10.01', '35.10.01.2002']);
  });
  it('finds word prefixes, substrings, codes and "desa kecamatan" pairs', () => {
    expect(searchAreas(ix, 'kulon')[0][0]).toBe('35.10.02.2001');
    expect(searchAreas(ix, 'ronga')[0][0]).toBe('35.10.01.2001');
    expect(searchAreas(ix, '35.10.01.20')[0][0]).toBe('35.10.01.2001');
    expect(searchAreas(ix, 'sarongan pesanggaran')[0][0]).toBe('35.10.01.2001');
  });
  it('returns nothing for an empty or unmatched query and never throws', () => {
    expect(searchAreas(ix, '   ')).toEqual([]);
    expect(searchAreas(ix, 'zzz')).toEqual([]);
    expect(searchAreas(ix, '((')).toEqual([]);
  });
});

describe('search tolerant of spacing and typing errors', () => {
  // Real names of the Banyuwangi demo, plus near neighbours that must rank behind the better match.
  const more: AreaJson[] = [
    ...areas,
    { code: '35.10.02.2002', name: 'Genteng Wetan', level: 'desa', parent: '35.10.02', kind: 'desa', lokus: [] },
    { code: '35.10.06', name: 'Cluring', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
    { code: '35.10.06.2002', name: 'Tampo', level: 'desa', parent: '35.10.06', kind: 'desa', lokus: [] },
    { code: '35.10.06.2003', name: 'Tamanagung', level: 'desa', parent: '35.10.06', kind: 'desa', lokus: [] },
    { code: '35.10.14', name: 'Rogojampi', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
    { code: '35.10.14.2013', name: 'Macan Putih', level: 'desa', parent: '35.10.14', kind: 'desa', lokus: [] },
    { code: '35.10.14.2014', name: 'Sumberrejo', level: 'desa', parent: '35.10.14', kind: 'desa', lokus: [] },
  ];
  const ix = buildSearchIndex(more);
  const first = (q: string) => searchAreas(ix, q)[0]?.[1];

  it.each([
    ['Tmpo', 'Tampo'],
    ['tampo', 'Tampo'],
    ['Tapmo', 'Tampo'],
    ['gentengwetan', 'Genteng Wetan'],
    ['GentengWetan', 'Genteng Wetan'],
    ['genteng  wetan', 'Genteng Wetan'],
    ['gentng wetan', 'Genteng Wetan'],
    ['macanputih', 'Macan Putih'],
    ['macan puth', 'Macan Putih'],
    ['putih', 'Macan Putih'],
    ['Soemberredjo', 'Sumberrejo'],
    ['sumberejo', 'Sumberrejo'],
    ['Rogojmpi', 'Rogojampi'],
  ])('%j finds %j first', (q, name) => expect(first(q)).toBe(name));

  it('ranks exact and prefix matches before spacing-free ones, and those before typing errors', () => {
    const tier = (name: string, q: string) => matchScore(ix.rows.find((r) => r[1] === name)!, normaliseName(q));
    expect(tier('Genteng', 'genteng')).toBe(0);
    expect(tier('Genteng Wetan', 'genteng')).toBe(1);
    expect(tier('Genteng Wetan', 'wetan')).toBe(2);
    expect(tier('Genteng Wetan', 'gentengwetan')).toBe(5);
    expect(tier('Genteng Wetan', 'gentengwe')).toBe(5.1);
    expect(tier('Genteng Wetan', 'tengwet')).toBe(5.2);
    expect(tier('Tampo', 'tmpo')).toBe(7);
    expect(tier('Tampo', 'xyzq')).toBe(-1);
    // "genteng" is exactly Genteng, then the desa whose name starts with it; nothing fuzzy jumps ahead.
    expect(searchAreas(ix, 'genteng').map((r) => r[1])).toEqual(['Genteng', 'Genteng Kulon', 'Genteng Wetan']);
    // "tamp" starts Tampo; Tamanagung ("tama") is one typing error away and comes after it.
    expect(searchAreas(ix, 'tamp').map((r) => r[1])).toEqual(['Tampo', 'Tamanagung']);
  });

  it('keeps fuzzy matching bounded: short queries need exact letters, long ones allow two errors', () => {
    expect(maxEdits(2)).toBe(0);
    expect(maxEdits(4)).toBe(1);
    expect(maxEdits(9)).toBe(2);
    expect(searchAreas(ix, 'tx')).toEqual([]);
    expect(searchAreas(ix, 'qqqqqqqq')).toEqual([]);
    // Two errors in a four-letter query is too many.
    expect(searchAreas(ix, 'tmmo').map((r) => r[1])).not.toContain('Tampo');
  });

  it('prefixDistance counts insertions, deletions, substitutions and swaps against the best prefix', () => {
    expect(prefixDistance('tmpo', 'tampo', 2)).toBe(1);
    expect(prefixDistance('tapmo', 'tampo', 2)).toBe(1);
    expect(prefixDistance('gentngw', 'gentengwetan', 2)).toBe(1);
    expect(prefixDistance('tamp', 'tampo', 2)).toBe(0);
    expect(prefixDistance('abcd', 'wxyz', 2)).toBe(3);
    expect(prefixDistance('', 'x', 1)).toBe(0);
    // Long names after short ones reuse the buffers correctly.
    expect(prefixDistance('x'.repeat(70), 'x'.repeat(80), 2)).toBe(0);
  });
});

describe('search finds indicators by name, in both languages', () => {
  // The convergence indicators as defined, and two z-score prevalences as meta.json labels them.
  const zscore = [
    { id: 'stunting', label: { id: 'Stunting (pendek dan sangat pendek, TB/U < -2 SD)', en: 'Stunting (height-for-age < -2 SD)' } },
    { id: 'wasting', label: { id: 'Wasting (gizi kurang dan gizi buruk, BB/TB < -2 SD)', en: 'Wasting (weight-for-height < -2 SD)' } },
  ];
  const ix = buildSearchIndex(areas, indexedIndicators(zscore, COVERAGE_INDICATORS));
  const found = (q: string) => searchIndex(ix, q).filter((h) => h.kind === 'indicator').map((h) => h.row[0]);
  const byName = (word: RegExp, lang: 'id' | 'en') => COVERAGE_INDICATORS.filter((d) => word.test(d.name[lang])).map((d) => d.id);

  it('indexes every indicator once, with its English name only when it differs', () => {
    expect(ix.ind).toHaveLength(zscore.length + COVERAGE_INDICATORS.length);
    expect(ix.ind!.filter((r) => r[3] === 'k').map((r) => r[0])).toEqual(COVERAGE_INDICATORS.map((d) => d.id));
    expect(buildSearchIndex(areas, [{ id: 'x', name: { id: 'Sama', en: 'Sama' }, coverage: true }]).ind).toEqual([['x', 'Sama', '', 'k']]);
    // Without indicators the file keeps its old shape.
    expect(buildSearchIndex(areas)).not.toHaveProperty('ind');
  });

  it.each([
    ['imunisasi', /imunisasi/i, 'id'],
    ['ASI', /\bASI\b/, 'id'],
    ['sanitasi', /sanitasi/i, 'id'],
    ['konvergensi', /konvergensi/i, 'id'],
    ['immunisation', /immunisation/i, 'en'],
    ['breastfeeding', /breastfeeding/i, 'en'],
    ['convergence', /convergence/i, 'en'],
  ] as const)('%j finds the indicators whose name has it', (q, word, lang) => {
    const want = byName(word, lang);
    expect(want.length, 'the definitions name it').toBeGreaterThan(0);
    expect(found(q)).toEqual(expect.arrayContaining(want.slice(0, 2)));
  });

  it('tolerates a typing error, finds the z-score indicators too, and never finds one by an area code', () => {
    expect(found('imunisai')).toEqual(byName(/imunisasi/i, 'id'));
    expect(found('wasting')[0]).toBe('wasting');
    expect(found('35.10')).toEqual([]);
    expect(searchIndex(ix, '35.10.01.20')[0]).toEqual({ kind: 'area', row: ix.rows[2] });
  });

  it('counts an indicator as two options and ranks an area of equal score before it only when a kabupaten or kecamatan', () => {
    const hits = searchIndex(ix, 'a', 10);
    const used = hits.reduce((n, h) => n + (h.kind === 'indicator' ? 2 : 1), 0);
    expect(used).toBeLessThanOrEqual(10);
    const withArea = buildSearchIndex(
      [...areas, { code: '35.10.09', name: 'Sanitasi', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] }],
      indexedIndicators([], COVERAGE_INDICATORS),
    );
    const order = searchIndex(withArea, 'sanitasi').map((h) => h.kind);
    expect(order[0]).toBe('area');
    expect(order).toContain('indicator');
  });

  it('links an indicator to its map view and its definition', () => {
    const k = ix.ind!.find((r) => r[3] === 'k')!;
    expect(indicatorLinks(k)).toEqual({ map: `/peta/?indikator=${k[0]}`, definition: `/metodologi/#k-${k[0]}` });
    expect(indicatorLinks(ix.ind![0])).toEqual({ map: '/peta/?indikator=stunting', definition: '/metodologi/#indikator' });
    expect(indicatorName(k, 'en')).toBe(COVERAGE_INDICATORS[0].name.en);
    expect(indicatorName(['x', 'Nama', '', 'k'], 'en')).toBe('Nama');
  });
});

describe('search index of a province site', () => {
  // Two desa named Sumberejo in two kab/kota, under the province root.
  const prov: AreaJson[] = [
    { code: '35', name: 'Jawa Timur', level: 'provinsi', parent: null, kind: 'provinsi', lokus: [] },
    { code: '35.07', name: 'Kabupaten Malang', level: 'kabupaten', parent: '35', kind: 'kabupaten', lokus: [] },
    { code: '35.07.01', name: 'Donomulyo', level: 'kecamatan', parent: '35.07', kind: 'kecamatan', lokus: [] },
    { code: '35.07.01.2001', name: 'Sumberejo', level: 'desa', parent: '35.07.01', kind: 'desa', lokus: [] },
    { code: '35.24', name: 'Kabupaten Lamongan', level: 'kabupaten', parent: '35', kind: 'kabupaten', lokus: [] },
    { code: '35.24.02', name: 'Sukodadi', level: 'kecamatan', parent: '35.24', kind: 'kecamatan', lokus: [] },
    { code: '35.24.02.2003', name: 'Sumberejo', level: 'desa', parent: '35.24.02', kind: 'desa', lokus: [] },
    { code: '35.78', name: 'Kota Surabaya', level: 'kabupaten', parent: '35', kind: 'kota', lokus: [] },
  ];
  const ix = buildSearchIndex(prov);

  it('marks the province row p and gives a kecamatan its kab/kota, a desa its kecamatan and kab/kota', () => {
    expect(ix.rows[0]).toEqual(['35', 'Jawa Timur', '', '', 'p', '/wilayah/35/']);
    expect(ix.rows[1]).toEqual(['35.07', 'Kabupaten Malang', '', '', 'b', '/wilayah/35.07/']);
    expect(ix.rows[2]).toEqual(['35.07.01', 'Donomulyo', '', '', 'k', '/wilayah/35.07.01/', 'Kabupaten Malang']);
    expect(ix.rows[3]).toEqual(['35.07.01.2001', 'Sumberejo', '', 'Donomulyo', 'd', '/wilayah/35.07.01.2001/', 'Kabupaten Malang']);
  });

  it('keeps a kab/kota site rows at six fields (no kab/kota name: the region is the kab/kota)', () => {
    for (const r of buildSearchIndex(areas).rows) expect(r).toHaveLength(6);
  });

  it('tells namesakes apart by kab/kota words: "sumberejo lamongan"', () => {
    expect(searchAreas(ix, 'sumberejo').map((r) => r[0])).toEqual(['35.07.01.2001', '35.24.02.2003']);
    expect(searchAreas(ix, 'sumberejo lamongan').map((r) => r[0])).toEqual(['35.24.02.2003']);
    expect(searchAreas(ix, 'sukodadi sumberejo')[0][0]).toBe('35.24.02.2003');
    expect(searchAreas(ix, 'jawa timur')[0][0]).toBe('35');
  });
});
