import { describe, expect, it } from 'vitest';
import { childrenOf, crosswalkEdition, levelOfCode, normaliseAreaName, parentOf, parseRegistry, provinceOf, splitCsvLine } from './areas.ts';
import { readAreaListText, AREAS_2022 } from '../../scripts/lib/areas-file.ts';

const list2025 = readAreaListText();

describe('parseRegistry on the shipped 2025 list', () => {
  it('Banyuwangi 35.10: 25 kecamatan, 217 desa/kelurahan (189 desa, 28 kelurahan)', () => {
    const r = parseRegistry(list2025, '35.10');
    expect(r.region).toEqual({ code: '35.10', name: 'Kabupaten Banyuwangi', level: 'kabupaten', parent: null, kind: 'kabupaten' });
    expect(r.province).toEqual({ code: '35', name: 'Jawa Timur' });
    expect(r.kecamatan).toHaveLength(25);
    expect(r.desa).toHaveLength(217);
    expect(r.desa.filter((d) => d.kind === 'desa')).toHaveLength(189);
    expect(r.desa.filter((d) => d.kind === 'kelurahan')).toHaveLength(28);
    expect(r.byCode.size).toBe(1 + 25 + 217);
    expect(r.byCode.get('35.10.01.2001')).toEqual({
      code: '35.10.01.2001', name: 'Sarongan', level: 'desa', parent: '35.10.01', kind: 'desa',
    });
    // Sorted by code, every desa under an existing kecamatan of the region.
    expect(r.desa.map((d) => d.code)).toEqual([...r.desa.map((d) => d.code)].sort());
    for (const d of r.desa) expect(r.byCode.get(d.parent!)?.level).toBe('kecamatan');
    expect(childrenOf(r, '35.10')).toEqual(r.kecamatan);
    const kids = childrenOf(r, '35.10.01');
    expect(kids.length).toBeGreaterThan(0);
    expect(kids.every((d) => d.parent === '35.10.01')).toBe(true);
    expect(r.kecamatan.reduce((s, k) => s + childrenOf(r, k.code).length, 0)).toBe(217);
  });

  it('Jawa Timur 35: a province tree of four levels, every area under its parent, the same desa as its kab/kota', () => {
    const r = parseRegistry(list2025, '35');
    expect(r.region).toEqual({ code: '35', name: 'Jawa Timur', level: 'provinsi', parent: null, kind: 'provinsi' });
    expect(r.levels).toEqual(['provinsi', 'kabupaten', 'kecamatan', 'desa']);
    expect(r.kabupaten).toHaveLength(38);
    expect(r.kabupaten.filter((k) => k.kind === 'kota')).toHaveLength(9);
    expect(r.kecamatan).toHaveLength(666);
    expect(r.desa).toHaveLength(8494);
    expect(r.byCode.size).toBe(1 + 38 + 666 + 8494);
    for (const k of r.kabupaten) expect(k.parent).toBe('35');
    for (const a of [...r.kecamatan, ...r.desa]) expect(r.byCode.has(a.parent!)).toBe(true);
    expect(childrenOf(r, '35')).toEqual(r.kabupaten);
    expect(childrenOf(r, '35.10')).toEqual(parseRegistry(list2025, '35.10').kecamatan);
    // A kab/kota inside the province tree is the same as the kab/kota site's region, apart from its parent.
    const banyuwangi = parseRegistry(list2025, '35.10');
    expect(r.byCode.get('35.10')).toEqual({ ...banyuwangi.region, parent: '35' });
    expect(r.desa.filter((d) => d.code.startsWith('35.10.'))).toEqual(banyuwangi.desa);
    expect(banyuwangi.levels).toEqual(['kabupaten', 'kecamatan', 'desa']);
    expect(banyuwangi.kabupaten).toEqual([]);
    expect(() => parseRegistry(list2025, '99')).toThrow(/region 99 is not in the area list/);
  });

  it('Kota Metro 18.72: a kota of 5 kecamatan and 22 kelurahan', () => {
    const r = parseRegistry(list2025, '18.72');
    expect(r.region.kind).toBe('kota');
    expect(r.kecamatan).toHaveLength(5);
    expect(r.desa).toHaveLength(22);
    expect(r.desa.every((d) => d.kind === 'kelurahan')).toBe(true);
  });

  it('throws on a duplicate code, naming it', () => {
    const csv = [
      'kode,nama,level,kode_prov,kode_kab,kode_kec,jenis',
      '18,Lampung,1,18,,,',
      '18.72,Kota Metro,2,18,18.72,,kota',
      '18.72.01,Metro Pusat,3,18,18.72,18.72.01,',
      '18.72.01.1001,Metro,4,18,18.72,18.72.01,kelurahan',
      '18.72.01.1001,Metro Lagi,4,18,18.72,18.72.01,kelurahan',
    ].join('\n');
    expect(() => parseRegistry(csv, '18.72')).toThrow(/duplicate code 18\.72\.01\.1001 \(first on line 5\)/);
  });

  it('throws on an unknown region, a bad region code, an orphan desa and a wrong level', () => {
    expect(() => parseRegistry(list2025, '35.99')).toThrow(/35\.99 is not in the area list/);
    expect(() => parseRegistry(list2025, '3510')).toThrow(/not a province code such as 35 or a kab\/kota code/);
    const orphan = 'kode,nama,level\n18,Lampung,1\n18.72,KOTA METRO,2\n18.72.09.1001,X,4\n';
    expect(() => parseRegistry(orphan, '18.72')).toThrow(/18\.72\.09\.1001 X has no parent 18\.72\.09/);
    const wrongLevel = 'kode,nama,level\n18,Lampung,1\n18.72,KOTA METRO,2\n18.72.01,Metro Pusat,4\n';
    expect(() => parseRegistry(wrongLevel, '18.72')).toThrow(/18\.72\.01 has level 4, expected 3/);
  });

  it('reads quoted names and derives kind from the code when there is no jenis column', () => {
    expect(splitCsvLine('12.07.28.1007,"Lubuk Pakam I,II",4')).toEqual(['12.07.28.1007', 'Lubuk Pakam I,II', '4']);
    expect(splitCsvLine('a,"say ""hi""",c')).toEqual(['a', 'say "hi"', 'c']);
    const r = parseRegistry(list2025, '12.07');
    expect(r.byCode.get('12.07.28.1007')?.name).toBe('Lubuk Pakam I,II');
    const csv = 'kode,nama,level\r\n18,LAMPUNG,1\r\n18.72,KOTA METRO,2\r\n18.72.01,Metro,3\r\n18.72.01.1001,A,4\r\n18.72.01.2002,B,4\r\n';
    const r2 = parseRegistry(csv, '18.72');
    expect(r2.region.kind).toBe('kota');
    expect(r2.desa.map((d) => d.kind)).toEqual(['kelurahan', 'desa']);
  });
});

describe('code helpers', () => {
  it('levels, parents and provinces follow the code shape', () => {
    expect(levelOfCode('35')).toBe('provinsi');
    expect(levelOfCode('35.10')).toBe('kabupaten');
    expect(levelOfCode('35.10.01')).toBe('kecamatan');
    expect(levelOfCode('35.10.01.2001')).toBe('desa');
    expect(levelOfCode('3510')).toBeNull();
    expect(parentOf('35.10.01.2001')).toBe('35.10.01');
    expect(parentOf('35')).toBeNull();
    expect(provinceOf('35.10.01.2001')).toBe('35');
    expect(normaliseAreaName('KAB. BANYUWANGI')).toBe(normaliseAreaName('Kabupaten Banyuwangi'));
  });
});

describe('crosswalkEdition 2022 → 2025', () => {
  it('keeps every Banyuwangi code and reports the renamed desa', () => {
    const r = parseRegistry(list2025, '35.10');
    const cw = crosswalkEdition(r, readAreaListText(AREAS_2022));
    expect(cw.toCurrent.size).toBe(243);
    expect(cw.toCurrent.get('35.10.09.2002')).toBe('35.10.09.2002');
    expect(cw.removed).toEqual([]);
    expect(cw.added).toEqual([]);
    const renamed = Object.fromEntries(cw.renamed.map((x) => [x.code, x]));
    expect(renamed['35.10.09.2002']).toMatchObject({ oldName: 'Gentengwetan', newName: 'Genteng Wetan', spellingOnly: true });
    expect(renamed['35.10.03.2002']).toMatchObject({ oldName: 'Sumbersari', newName: 'Sumberasri', spellingOnly: false });
    expect(renamed['35.10']).toMatchObject({ oldName: 'KAB. BANYUWANGI', spellingOnly: true });
    expect(cw.renamed.filter((x) => x.level === 'desa')).toHaveLength(8);
  });

  it('reports removed and added codes', () => {
    const now = parseRegistry('kode,nama,level\n18,L,1\n18.72,Kota Metro,2\n18.72.01,A,3\n18.72.02,C,3\n', '18.72');
    const cw = crosswalkEdition(now, 'kode,nama,level\n18,L,1\n18.72,KOTA METRO,2\n18.72.01,A,3\n18.72.03,B,3\n');
    expect(cw.removed).toEqual([{ code: '18.72.03', name: 'B' }]);
    expect(cw.added.map((a) => a.code)).toEqual(['18.72.02']);
    expect(cw.toCurrent.has('18.72.03')).toBe(false);
  });
});
