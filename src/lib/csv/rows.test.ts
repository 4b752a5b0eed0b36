import { describe, expect, it } from 'vitest';
import type { Area } from '../types.ts';
import { resolveColumns } from './headers.ts';
import { createAreaMatcher } from './names.ts';
import { childKeyOf } from './child-key.ts';
import { createRowValidator, redactCell, HEIGHT_MAX_CM, MAX_AGE_DAYS, type RowValidatorContext } from './rows.ts';
import type { DateOrderOption, DecimalOption } from './values.ts';

const AREAS: Area[] = [
  { code: '35.10.01', name: 'Genteng', level: 'kecamatan', parent: '35.10', kind: 'kecamatan' },
  { code: '35.10.01.1001', name: 'Genteng Wetan', level: 'desa', parent: '35.10.01', kind: 'kelurahan' },
];
const HEADER = ['NIK', 'Nama', 'JK', 'Tgl Lahir', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur', 'Kec', 'Desa/Kel', 'Alamat'];
const GOOD = ['3510015502220001', 'Siti Aminah', 'P', '15/02/2022', '10/02/2024', '10,5', '84,2', 'Berdiri', 'GENTENG', 'KEL. GENTENG WETAN', 'Jl. Mawar 3'];

function validator(opts: { decimal?: DecimalOption; dateOrder?: DateOrderOption; header?: string[] } = {}) {
  const r = resolveColumns(opts.header ?? HEADER, {}, 'f.csv');
  if (!r.ok) throw new Error(r.errors[0].message);
  const ctx: RowValidatorContext = {
    columns: r.columns,
    options: { decimal: opts.decimal ?? 'auto', dateOrder: opts.dateOrder ?? 'auto' },
    matcher: createAreaMatcher(AREAS),
    referenceDay: '2024-08-31',
    file: 'f.csv',
  };
  return createRowValidator(ctx);
}
const col = (name: string) => HEADER.indexOf(name);
function row(changes: Record<string, string>): string[] {
  const f = [...GOOD];
  for (const [k, v] of Object.entries(changes)) f[col(k)] = v;
  return f;
}

describe('createRowValidator', () => {
  it('turns a good e-PPGBM row into a measurement', () => {
    const r = validator().validate(GOOD, 7);
    expect(r).toEqual({
      ok: true,
      m: {
        file: 'f.csv',
        line: 7,
        childKey: childKeyOf('3510015502220001', '', '', ''),
        areaCode: '35.10.01.1001',
        sex: 2,
        birthDate: '2022-02-15',
        measureDate: '2024-02-10',
        ageDays: 725,
        weightKg: 10.5,
        lengthHeightCm: 84.2,
        position: 'H',
        oedema: false,
        rawWeight: '10,5',
        rawHeight: '84,2',
      },
    });
  });

  it.each<[Record<string, string>, Partial<{ sex: number; birthDate: string; ageDays: number; weightKg: number | null; lengthHeightCm: number | null; position: string | null }>]>([
    [{ JK: 'Laki-laki' }, { sex: 1 }],
    [{ JK: '2' }, { sex: 2 }],
    [{ 'Tgl Lahir': '2022-02-15', 'Tanggal Pengukuran': '2024-02-10 00:00:00' }, { birthDate: '2022-02-15', ageDays: 725 }],
    [{ 'Tgl Lahir': '29/02/2020', 'Tanggal Pengukuran': '1/3/2020' }, { ageDays: 1 }],
    [{ Berat: '\u221210' }, {}], // unicode minus parses, then is implausible: checked below
    [{ Berat: '', Tinggi: '84.2' }, { weightKg: null, lengthHeightCm: 84.2 }],
    [{ Tinggi: 'NA' }, { weightKg: 10.5, lengthHeightCm: null }],
    [{ 'Cara Ukur': '' }, { position: null }],
    [{ 'Cara Ukur': 'terlentang' }, { position: 'L' }],
    [{ 'Tgl Lahir': '10/02/2024', 'Tanggal Pengukuran': '10/02/2024' }, { ageDays: 0 }],
    [{ 'Tgl Lahir': '10/02/2019', 'Tanggal Pengukuran': '09/02/2024' }, { ageDays: 1825 }],
  ])('accepts a row with %j', (changes, expected) => {
    const r = validator().validate(row(changes), 2);
    if (changes.Berat === '\u221210') {
      expect(r.ok === false && r.problems.map((p) => p.reason)).toEqual(['implausible_weight']);
      return;
    }
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.m).toMatchObject(expected);
  });

  it.each<[Record<string, string>, string, string, string]>([
    [{ JK: '' }, 'missing_value', 'JK', ''],
    [{ JK: 'X' }, 'bad_sex', 'JK', 'X'],
    [{ 'Tgl Lahir': '31/02/2022' }, 'bad_date', 'Tgl Lahir', '(tanggal lahir disembunyikan / birth date hidden)'],
    [{ 'Tgl Lahir': '29/02/2023' }, 'bad_date', 'Tgl Lahir', '(tanggal lahir disembunyikan / birth date hidden)'],
    [{ 'Tgl Lahir': '' }, 'missing_value', 'Tgl Lahir', '(tanggal lahir disembunyikan / birth date hidden)'],
    [{ 'Tanggal Pengukuran': '31/02/2024' }, 'bad_date', 'Tanggal Pengukuran', '31/02/2024'],
    [{ 'Tanggal Pengukuran': '01/09/2024' }, 'future_date', 'Tanggal Pengukuran', '01/09/2024'],
    [{ 'Tgl Lahir': '01/09/2024' }, 'future_date', 'Tgl Lahir', '(tanggal lahir disembunyikan / birth date hidden)'],
    [{ 'Tgl Lahir': '11/02/2024' }, 'measured_before_birth', 'Tanggal Pengukuran', '10/02/2024'],
    [{ 'Tgl Lahir': '09/02/2019' }, 'too_old', 'Tgl Lahir', '(tanggal lahir disembunyikan / birth date hidden)'],
    [{ Berat: '105' }, 'implausible_weight', 'Berat', '105'],
    [{ Berat: '10500' }, 'implausible_weight', 'Berat', '10500'],
    [{ Berat: '0,3' }, 'implausible_weight', 'Berat', '0,3'],
    [{ Berat: '1.234,5' }, 'bad_number', 'Berat', '1.234,5'],
    [{ Berat: 'sepuluh' }, 'bad_number', 'Berat', 'sepuluh'],
    [{ Tinggi: '875' }, 'implausible_height', 'Tinggi', '875'],
    [{ Tinggi: '0.87' }, 'implausible_height', 'Tinggi', '0.87'],
    [{ Tinggi: '8,42' }, 'implausible_height', 'Tinggi', '8,42'],
    [{ Berat: '', Tinggi: '' }, 'missing_value', 'Berat', ''],
    [{ Berat: 'NA', Tinggi: '-' }, 'missing_value', 'Berat', 'NA'],
    [{ 'Cara Ukur': 'duduk' }, 'bad_position', 'Cara Ukur', 'duduk'],
    [{ 'Desa/Kel': 'Kembiritan' }, 'unknown_area', 'Desa/Kel', 'GENTENG / Kembiritan'],
  ])('rejects a row with %j as %s in column %s (raw %j)', (changes, reason, column, raw) => {
    const r = validator().validate(row(changes), 12);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'f.csv', line: 12, column, columnIndex: col(column) + 1, raw, reason });
    expect(r.problems[0].message).toMatch(/ \/ /); // Bahasa Indonesia / English
  });

  it('explains units in implausible measurements', () => {
    const v = validator();
    const msg = (c: Record<string, string>) => {
      const r = v.validate(row(c), 2);
      return r.ok ? '' : r.problems[0].message;
    };
    expect(msg({ Tinggi: '875' })).toMatch(/\(mm\?\)/);
    expect(msg({ Tinggi: '0.87' })).toMatch(/\(meter\?\)/);
    expect(msg({ Berat: '105' })).toMatch(/decimal point/);
    expect(msg({ Berat: '10500' })).toMatch(/gram/);
  });

  it('collects every problem of a row, not only the first', () => {
    const r = validator().validate(row({ JK: 'X', Berat: '105', Tinggi: '875', 'Desa/Kel': 'Nowhere' }), 3);
    expect(r.ok === false && r.problems.map((p) => p.reason)).toEqual([
      'bad_sex', 'implausible_weight', 'implausible_height', 'unknown_area',
    ]);
  });

  it('never puts the NIK, name or birth date in a problem', () => {
    const r = validator().validate(row({ JK: 'X', 'Tgl Lahir': '31/02/2022', 'Desa/Kel': 'Nowhere' }), 3);
    const text = JSON.stringify(r);
    expect(text).not.toContain('3510015502220001');
    expect(text).not.toContain('Siti');
    expect(text).not.toContain('31/02/2022');
    expect(text).not.toContain('Mawar');
  });

  it.each([
    ['child_id', '3510015502220001', '(NIK disembunyikan / NIK hidden)'],
    ['name', 'Siti', '(nama disembunyikan / name hidden)'],
    ['birth_date', '15/02/2022', '(tanggal lahir disembunyikan / birth date hidden)'],
    ['address', 'Jl. Mawar 3', '(alamat disembunyikan / address hidden)'],
    ['parent_name', 'Ibu Ani', '(nama orang tua disembunyikan / parent name hidden)'],
    ['weight', '105', '105'],
    ['measure_date', '31/02/2024', '31/02/2024'],
  ] as const)('redactCell(%s) shows %j as %j', (c, raw, shown) => expect(redactCell(c, raw)).toBe(shown));

  it('keeps the measure date of a measured-before-birth problem (not personal)', () => {
    const header = ['child_id', 'name', 'sex', 'birth_date', 'measure_date', 'weight_kg', 'desa_code'];
    const v = validator({ header });
    const r = v.validate(['3510015502220001', 'Siti', 'P', '2022-02-15', '2022-02-14', '9', '3510011001'], 2);
    expect(r.ok === false && r.problems[0]).toMatchObject({ reason: 'measured_before_birth', column: 'measure_date', raw: '2022-02-14' });
  });

  it.each<[DecimalOption, string, number | null]>([
    [',', '10,5', 10.5],
    ['.', '10.5', 10.5],
    ['auto', '10.5', 10.5],
  ])('reads weight with decimal %s', (decimal, cell, v) => {
    const r = validator({ decimal }).validate(row({ Berat: cell, Tinggi: '84' }), 2);
    expect(r.ok && r.m.weightKg).toBe(v);
  });

  it('rejects a decimal point when the config declares a decimal comma', () => {
    const r = validator({ decimal: ',' }).validate(row({ Berat: '10.5' }), 2);
    expect(r.ok === false && r.problems[0].reason).toBe('bad_number');
  });

  it('follows the declared date order', () => {
    const r = validator({ dateOrder: 'YMD' }).validate(row({}), 2);
    expect(r.ok === false && r.problems.map((p) => p.reason)).toEqual(['bad_date', 'bad_date']);
  });

  it.each([
    [[...GOOD, '10', '3']], // unquoted decimal comma splitting values
    [GOOD.slice(0, 8)],
  ])('rejects a row with the wrong number of fields as malformed_row', (fields) => {
    const r = validator().validate(fields, 4);
    expect(r.ok === false && r.problems).toEqual([
      expect.objectContaining({ reason: 'malformed_row', line: 4, raw: String(fields.length) }),
    ]);
  });

  it('tolerates trailing empty fields', () => {
    expect(validator().validate([...GOOD, '', ' '], 4).ok).toBe(true);
  });

  it('uses limits that keep extreme but possible children', () => {
    expect(validator().validate(row({ Tinggi: String(HEIGHT_MAX_CM) }), 2).ok).toBe(true);
    expect(validator().validate(row({ Tinggi: '38' }), 2).ok).toBe(true);
    expect(MAX_AGE_DAYS).toBe(1826);
  });

  it('keys a child without NIK by name, birth date and desa', () => {
    const v = validator();
    const a = v.validate(row({ NIK: '', Nama: 'Siti Aminah' }), 2);
    const b = v.validate(row({ NIK: '0000000000000000', Nama: 'SITI  AMINAH', 'Tanggal Pengukuran': '20/02/2024' }), 3);
    const c = v.validate(row({ NIK: '', Nama: '' }), 4);
    const d = v.validate(row({ NIK: '', Nama: '' }), 5);
    expect(a.ok && b.ok && a.m.childKey === b.m.childKey).toBe(true);
    expect(c.ok && d.ok && c.m.childKey !== d.m.childKey).toBe(true);
  });
});

describe('invisible characters', () => {
  it('accepts a row whose code, name or number holds a zero-width space, BOM or 0x1A', () => {
    const v = validator();
    expect(v.validate(row({ 'Desa/Kel': 'KEL. GENTENG\u200b WETAN' }), 2).ok).toBe(true);
    expect(v.validate(row({ Berat: '10,5\u200b' }), 3).ok).toBe(true);
    expect(v.validate(row({ 'Tanggal Pengukuran': '\ufeff10/02/2024' }), 4).ok).toBe(true);
    expect(v.validate(row({ Alamat: 'Jl. Mawar 3\u001a' }), 5).ok).toBe(true);
  });

  it('names them in the raw value of a row still rejected', () => {
    const r = validator().validate(row({ Berat: '10,5\u200b', JK: 'X' }), 6);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.find((p) => p.column === 'Berat')?.raw).toBe('10,5<U+200B>');
    const r2 = validator().validate(row({ Berat: '1\u200b05' }), 7);
    expect(!r2.ok && r2.problems[0].raw).toBe('1<U+200B>05');
  });
});
