import { describe, expect, it } from 'vitest';
import { normaliseHeader, resolveColumns } from './headers.ts';

const EPPGBM = [
  'No', 'NIK', 'Nama', 'JK', 'Tgl Lahir', 'BB Lahir', 'TB Lahir', 'Nama Ortu', 'Prov', 'Kab/Kota', 'Kec', 'Pukesmas',
  'Desa/Kel', 'Posyandu', 'RT', 'RW', 'Alamat', 'Usia Saat Ukur', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur',
  'ZS BB/U', 'BB/U', 'ZS TB/U', 'TB/U',
];
const PLAIN = ['child_id', 'sex', 'birth_date', 'measure_date', 'weight_kg', 'height_cm', 'position', 'oedema', 'desa_code'];

describe('normaliseHeader', () => {
  it.each([
    ['Tgl. Lahir', 'tgllahir'],
    ['\uFEFFNIK', 'nik'],
    ['  Berat (kg) ', 'beratkg'],
    ['Desa/Kel', 'desakel'],
    ['weight_kg', 'weightkg'],
  ])('%j → %j', (h, n) => expect(normaliseHeader(h)).toBe(n));
});

describe('resolveColumns', () => {
  it('recognises an e-PPGBM export and ignores birth weight/length and z-score columns', () => {
    const r = resolveColumns(EPPGBM, {}, 'a.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.columns.index).toEqual({
      child_id: 1, name: 2, sex: 3, birth_date: 4, parent_name: 7, kecamatan_name: 10, desa_name: 12, posyandu: 13,
      address: 16, measure_date: 18, weight: 19, height: 20, position: 21,
    });
  });

  it('recognises the plain documented format', () => {
    const r = resolveColumns(PLAIN, {}, 'p.csv');
    expect(r.ok && r.columns.index).toEqual({
      child_id: 0, sex: 1, birth_date: 2, measure_date: 3, weight: 4, height: 5, position: 6, oedema: 7, desa_code: 8,
    });
  });

  it.each([
    [['Jenis Kelamin', 'Tanggal Lahir', 'Tgl Ukur', 'BB (kg)', 'TB/PB (cm)', 'Desa', 'Kecamatan'], { height: 4, weight: 3 }],
    [['jk', 'TGL_LAHIR', 'tgl_pengukuran', 'Berat (kg)', 'Tinggi (cm)', 'Kelurahan', 'KEC.'], { height: 4, weight: 3 }],
    [['L/P', 'Tgl Lahir', 'Tanggal Penimbangan', 'BB', 'PB', 'Desa / Kelurahan', 'Nama Kecamatan'], { height: 4, weight: 3 }],
    [['sex', 'birth_date', 'measure_date', 'weight', 'Edema', 'desa_code'], { weight: 3, oedema: 4 }],
  ])('recognises header variant %j', (h, expected) => {
    const r = resolveColumns(h, {}, 'v.csv');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.columns.index).toMatchObject(expected);
  });

  it('lets the config mapping win over a recognised header', () => {
    const h = ['JK', 'Tgl Lahir', 'Tgl Ukur', 'Berat', 'Berat Koreksi', 'Kode Desa'];
    const r = resolveColumns(h, { weight: 'Berat Koreksi' }, 'm.csv');
    expect(r.ok && r.columns.index.weight).toBe(4);
  });

  it('accepts a mapping that differs only in case and spacing', () => {
    const h = ['Kelamin Anak', 'Tgl Lahir', 'Tgl Ukur', 'Berat', 'Kode Desa'];
    const r = resolveColumns(h, { sex: 'kelamin anak ' }, 'm.csv');
    expect(r.ok && r.columns.index.sex).toBe(0);
  });

  it('reports a mapping naming a header that is not there', () => {
    const r = resolveColumns(PLAIN, { weight: 'Berat Badan' }, 'm.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'm.csv', line: 1, raw: 'Berat Badan' });
    expect(r.errors[0].message).toContain("tidak ada di file / Column 'Berat Badan' named in the config (measurements.columns.weight)");
    expect(r.errors[0].expected).toContain('headers found: child_id | sex');
  });

  it('reports each missing required column with file, line 1 and the header', () => {
    const r = resolveColumns(['NIK', 'Nama', 'Berat'], {}, 'x.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      'Kolom wajib tidak ditemukan: sex / Required column missing: sex',
      'Kolom wajib tidak ditemukan: birth_date / Required column missing: birth_date',
      'Kolom wajib tidak ditemukan: measure_date / Required column missing: measure_date',
      'Kolom wajib tidak ditemukan: desa_code / Required column missing: desa_code',
    ]);
    expect(r.errors[0]).toMatchObject({ file: 'x.csv', line: 1, raw: 'NIK | Nama | Berat' });
    expect(r.errors[0].expected).toContain("'JK', 'Jenis Kelamin' or 'sex'");
  });

  it('requires weight or height', () => {
    const r = resolveColumns(['sex', 'birth_date', 'measure_date', 'desa_code'], {}, 'x.csv');
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      'Kolom wajib tidak ditemukan: weight/height / Required column missing: weight/height',
    ]);
  });

  it('requires the kecamatan when areas are given by desa name', () => {
    const r = resolveColumns(['sex', 'birth_date', 'measure_date', 'tb', 'Desa'], {}, 'x.csv');
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      'Kolom wajib tidak ditemukan: kecamatan_name / Required column missing: kecamatan_name',
    ]);
  });

  it('reports a duplicate required column with both positions', () => {
    const r = resolveColumns(['JK', 'Tgl Lahir', 'Tanggal Lahir', 'Tgl Ukur', 'BB', 'desa_code'], {}, 'd.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        file: 'd.csv',
        line: 1,
        column: 3,
        raw: 'Tanggal Lahir',
        expected: "one column for birth_date (already at column 2 'Tgl Lahir'); name the right one in measurements.columns.birth_date",
        message: "Kolom ganda untuk birth_date: 'Tgl Lahir' (kolom 2) dan 'Tanggal Lahir' (kolom 3) / Duplicate column for birth_date",
      },
    ]);
  });

  it('resolves a duplicate by mapping one of them', () => {
    const r = resolveColumns(['JK', 'Tgl Lahir', 'Tanggal Lahir', 'Tgl Ukur', 'BB', 'desa_code'], { birth_date: 'Tanggal Lahir' }, 'd.csv');
    expect(r.ok && r.columns.index.birth_date).toBe(2);
  });

  it('tolerates repeated columns it never reads (address)', () => {
    const r = resolveColumns(['JK', 'Tgl Lahir', 'Tgl Ukur', 'BB', 'desa_code', 'Alamat', 'alamat'], {}, 'd.csv');
    expect(r.ok && r.columns.index.address).toBe(5);
  });

  it('reports two mappings naming the same header', () => {
    const r = resolveColumns(PLAIN, { weight: 'weight_kg', height: 'weight_kg' }, 'd.csv');
    expect(!r.ok && r.errors[0]).toMatchObject({ column: 5, raw: 'weight_kg' });
  });
});
