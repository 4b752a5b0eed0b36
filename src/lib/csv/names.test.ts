import { describe, expect, it } from 'vitest';
import type { Area } from '../types.ts';
import { addUnmatched, createAreaMatcher, foldOldSpelling, normaliseDesaCode, normaliseName } from './names.ts';

const AREAS: Area[] = [
  { code: '35.10', name: 'Banyuwangi', level: 'kabupaten', parent: null, kind: 'kabupaten' },
  { code: '35.10.01', name: 'Genteng', level: 'kecamatan', parent: '35.10', kind: 'kecamatan' },
  { code: '35.10.01.1001', name: 'Genteng Wetan', level: 'desa', parent: '35.10.01', kind: 'kelurahan' },
  { code: '35.10.01.2002', name: 'Genteng Kulon', level: 'desa', parent: '35.10.01', kind: 'desa' },
  { code: '35.10.02', name: 'Glenmore', level: 'kecamatan', parent: '35.10', kind: 'kecamatan' },
  { code: '35.10.02.2001', name: 'Karangharjo', level: 'desa', parent: '35.10.02', kind: 'desa' },
  { code: '35.10.02.2002', name: 'Sumbergondo', level: 'desa', parent: '35.10.02', kind: 'desa' },
  { code: '35.10.03', name: 'Kalibaru', level: 'kecamatan', parent: '35.10', kind: 'kecamatan' },
  { code: '35.10.03.2001', name: 'Sumbergondo', level: 'desa', parent: '35.10.03', kind: 'desa' },
  { code: '35.10.03.2002', name: 'Djati Rejo', level: 'desa', parent: '35.10.03', kind: 'desa' },
];

describe('normaliseName', () => {
  it.each([
    ['KEL. GENTENG WETAN', 'gentengwetan'],
    ['Gentengwetan', 'gentengwetan'],
    ['Desa Karang-Harjo', 'karangharjo'],
    ['DS. KARANGHARJO', 'karangharjo'],
    ['Kelurahan', 'kelurahan'],
    ['Kec. Genteng', 'genteng'],
    ['  Sumbér   Gondo ', 'sumbergondo'],
  ])('%j → %j', (s, k) => expect(normaliseName(s)).toBe(k));
});

describe('foldOldSpelling', () => {
  it('folds oe, dj, tj', () => expect(foldOldSpelling('tjilatjapdjatisoeka')).toBe('cilacapjatisuka'));
});

describe('normaliseDesaCode', () => {
  it.each([
    ['3510012002', '35.10.01.2002'],
    ['35.10.01.2002', '35.10.01.2002'],
    [' 35 10 01 2002', '35.10.01.2002'],
    ['3.51001E+09', null],
    ['351001', null],
  ])('%j → %j', (s, c) => expect(normaliseDesaCode(s)).toBe(c));
});

describe('createAreaMatcher', () => {
  it.each([
    [{ kecamatanName: 'GENTENG', desaName: 'KEL. GENTENG WETAN' }, '35.10.01.1001'],
    [{ kecamatanName: 'Kec. Genteng', desaName: 'Gentengwetan' }, '35.10.01.1001'],
    [{ kecamatanName: 'Glenmore', desaName: 'Sumbergondo' }, '35.10.02.2002'],
    [{ kecamatanName: 'kalibaru', desaName: 'Sumber Gondo' }, '35.10.03.2001'],
    [{ kecamatanName: 'Kalibaru', desaName: 'Jati Rejo' }, '35.10.03.2002'],
    [{ desaCode: '3510012002' }, '35.10.01.2002'],
    [{ desaCode: '35.10.01.2002' }, '35.10.01.2002'],
    [{ desaCode: '35.10.09.9999', kecamatanName: 'Genteng', desaName: 'Genteng Kulon' }, '35.10.01.2002'],
    [{ kecamatanCode: '351002', desaName: 'Sumbergondo' }, '35.10.02.2002'],
    [{ desaName: 'Karangharjo' }, '35.10.02.2001'],
  ])('matches %j to %s', (q, code) => {
    expect(createAreaMatcher(AREAS).match(q, 'f.csv', 2)).toEqual({ ok: true, code });
  });

  it.each([
    [{ kecamatanName: 'Genteng', desaName: 'Karangharjo' }, /not found in this kecamatan/],
    [{ kecamatanName: 'Rogojampi', desaName: 'Karangharjo' }, /Kecamatan not found/],
    [{ desaName: 'Sumbergondo' }, /ambiguous/],
    [{ desaCode: '35.10.09.9999' }, /not in the area list/],
    [{ kecamatanName: 'Genteng', desaName: '' }, /Desa is empty/],
  ])('reports %j as unknown_area', (q, msg) => {
    const r = createAreaMatcher(AREAS).match(q, 'f.csv', 2);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('unknown_area');
      expect(r.message).toMatch(msg);
    }
  });

  it('reports each unmatched name pair once, with its count and first line', () => {
    const m = createAreaMatcher(AREAS);
    m.match({ kecamatanName: 'Genteng', desaName: 'Kembiritan' }, 'a.csv', 5);
    m.match({ kecamatanName: 'Genteng', desaName: 'Gentengwetan' }, 'a.csv', 6);
    m.match({ kecamatanName: 'GENTENG', desaName: 'KEMBIRITAN' }, 'a.csv', 9);
    m.match({ kecamatanName: 'Genteng', desaName: 'Kembiritan' }, 'b.csv', 2);
    m.match({ kecamatanName: 'Rogojampi', desaName: 'Gitik' }, 'b.csv', 3);
    expect(m.unmatched()).toEqual([
      { kecamatan: 'Genteng', desa: 'Kembiritan', count: 3, file: 'a.csv', firstLine: 5 },
      { kecamatan: 'Rogojampi', desa: 'Gitik', count: 1, file: 'b.csv', firstLine: 3 },
    ]);
  });

  it('ignores a zero-width space, BOM or 0x1A pasted into a code or name, and reports nothing for it', () => {
    const m = createAreaMatcher(AREAS);
    expect(m.match({ desaCode: '35.10.01.\u200B1001' }, 'f.csv', 2)).toEqual({ ok: true, code: '35.10.01.1001' });
    expect(m.match({ kecamatanName: '\uFEFFGenteng', desaName: 'Genteng Kulon\u001A' }, 'f.csv', 3)).toEqual({ ok: true, code: '35.10.01.2002' });
    expect(m.unmatched()).toEqual([]);
    // Invisible characters never make an unknown name known.
    expect(m.match({ kecamatanName: 'Genteng', desaName: 'Kemb\u200Biritan' }, 'f.csv', 4).ok).toBe(false);
    expect(m.unmatched()).toHaveLength(1);
  });

  it('lists an unmatched code as typed, hiding an identity number typed in an area column', () => {
    const m = createAreaMatcher(AREAS);
    m.match({ desaCode: '35.10.09.9999', kecamatanName: '3510015502220001', desaName: 'Kembiritan' }, 'f.csv', 7);
    m.match({ desaCode: '3510099999', kecamatanName: '3510015502220001', desaName: 'KEMBIRITAN' }, 'f.csv', 8);
    const [u, ...rest] = m.unmatched();
    expect(rest).toEqual([]);
    expect(u).toMatchObject({ desa: 'Kembiritan', code: '35.10.09.9999', count: 2, file: 'f.csv', firstLine: 7 });
    expect(u.kecamatan).not.toMatch(/\d{6}/);
  });

  it('reports nothing when everything matches, and nothing on empty input', () => {
    expect(createAreaMatcher([]).unmatched()).toEqual([]);
    const m = createAreaMatcher(AREAS);
    m.match({ desaCode: '3510012002' }, 'a.csv', 2);
    expect(m.unmatched()).toEqual([]);
  });
});

describe('older names (code-list editions)', () => {
  const aliases = [
    { code: '35.10.02.2001', name: 'Karang Sari' }, // renamed since the older list
    { code: '35.10.01', name: 'Gentong' }, // a kecamatan's older name
    { code: '35.10.02.2002', name: 'Karangharjo' }, // an older name that is another desa's current name
    { code: '99.99.99.9999', name: 'Nowhere' }, // not in the registry: ignored
  ];
  it('matches a desa by its older name within its kecamatan, and a kecamatan by its older name', () => {
    const m = createAreaMatcher(AREAS, aliases);
    expect(m.match({ kecamatanName: 'Glenmore', desaName: 'Desa Karang Sari' }, 'f.csv', 2)).toEqual({ ok: true, code: '35.10.02.2001' });
    expect(m.match({ kecamatanName: 'Gentong', desaName: 'Genteng Kulon' }, 'f.csv', 3)).toEqual({ ok: true, code: '35.10.01.2002' });
    expect(m.unmatched()).toEqual([]);
  });
  it('a current name wins over an older name of another area', () => {
    const m = createAreaMatcher(AREAS, aliases);
    expect(m.match({ kecamatanName: 'Glenmore', desaName: 'Karangharjo' }, 'f.csv', 2)).toEqual({ ok: true, code: '35.10.02.2001' });
  });
  it('without aliases the older name is unmatched and reported', () => {
    const m = createAreaMatcher(AREAS);
    expect(m.match({ kecamatanName: 'Glenmore', desaName: 'Karang Sari' }, 'f.csv', 2).ok).toBe(false);
    expect(m.unmatched()).toHaveLength(1);
  });
});

describe('addUnmatched', () => {
  const u = (kecamatan: string, desa: string, count: number, firstLine: number, file = 'a.csv') => ({ kecamatan, desa, count, file, firstLine });

  it('gives the same list whichever worker saw which spelling first', () => {
    // Two workers read blocks of one file; each reports the spelling it saw first for the same (normalised) area.
    const blocks = [
      [u('Sukorejo', 'SUKOREJO', 30, 500)],
      [u('SUKOREJO', 'Sukorejo ', 20, 120)],
      [u('Sukorejo', 'SUKOREJO', 5, 900), u('Taman', 'Kel. Taman', 7, 40)],
    ];
    const run = (order: number[]) => {
      const into = new Map<string, ReturnType<typeof u> & { fileIndex: number }>();
      for (const b of order) for (const x of blocks[b]) addUnmatched(into, x, 0);
      return [...into.values()].map((x) => ({ ...x })).sort((a, b) => a.firstLine - b.firstLine);
    };
    const one = run([0, 1, 2]);
    expect(run([1, 0, 2])).toEqual(one);
    expect(run([2, 1, 0])).toEqual(one);
    expect(one).toEqual([
      { ...u('Taman', 'Kel. Taman', 7, 40), fileIndex: 0 },
      { ...u('SUKOREJO', 'Sukorejo ', 55, 120), fileIndex: 0 },
    ]);
  });

  it('keeps the spelling of an earlier file over a lower line of a later one', () => {
    const into = new Map<string, ReturnType<typeof u> & { fileIndex: number }>();
    addUnmatched(into, u('Jetis', 'Mojorejo', 3, 900, 'first.csv'), 0);
    addUnmatched(into, u('JETIS', 'MOJOREJO', 4, 10, 'second.csv'), 1);
    expect([...into.values()]).toEqual([{ ...u('Jetis', 'Mojorejo', 7, 900, 'first.csv'), fileIndex: 0 }]);
  });
});
