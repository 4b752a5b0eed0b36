import { describe, expect, it } from 'vitest';
import type { AreaJson } from './contract.ts';
import { buildSearchIndex, normaliseName, searchAreas } from './search-index.ts';

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
