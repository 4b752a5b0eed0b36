import { describe, expect, it } from 'vitest';
import { parseCsv, validateCsvAgainstSchema } from '../../../test/helpers/datapackage.ts';
import { EXCEL_CODEBOOK, TIDY_CODEBOOK } from './codebook.ts';
import { csvCell, dialectCell, EXCEL_DIALECT, toCsv } from './csv.ts';
import { codebookCsv, EXCEL_COLUMNS, excelCsv, excelRow } from './excel.ts';
import { TIDY_COLUMNS } from './publish.ts';

const rows = [
  ['35.10.01', 'Pesanggaran', 'kecamatan', '2025-08', 'stunting', 2175, 201, 9.2, 8.1, 10.5, 'ok', 9.4, 8.3, 10.6],
  ['35.10.01.2001', 'Sarongan; "Lama"', 'desa', '2025-08', 'stunting', null, null, null, null, null, 'suppressed', null, null, null],
  ['35.10.01.2002', '=HYPERLINK("x")', 'desa', '2025-08', 'stunting', 40, 0, 0, 0, 8.8, 'ok', 3.1, 0.9, 7.4],
] as const;
const sup = [undefined, 'primary', undefined] as const;

describe('Excel variant of the tidy CSV', () => {
  const text = excelCsv(rows.map((r, i) => excelRow(r, sup[i], true)));

  it('starts with a UTF-8 BOM, separates with ";", ends lines with CRLF and writes decimal commas', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(EXCEL_COLUMNS.join(';'));
    expect(lines[1]).toBe('35.10.01;Pesanggaran;kecamatan;2025-08;stunting;2175;201;9,2;8,1;10,5;ok;9,4;8,3;10,6;;yes');
    expect(lines.at(-1)).toBe('');
    expect(text.slice(1).replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('quotes text holding ";" or quotes, and neutralises formulas', () => {
    expect(text).toContain(';"Sarongan; ""Lama""";');
    expect(text).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(dialectCell('a,b', EXCEL_DIALECT)).toBe('a,b');
    expect(csvCell('a;b')).toBe('a;b');
  });

  it('marks the kind of suppression and synthetic data on every row', () => {
    const parsed = parseCsv(text.slice(1), ';');
    expect(parsed[2].slice(-6)).toEqual(['suppressed', '', '', '', 'primary', 'yes']);
    expect(parsed.slice(1).every((r) => r.at(-1) === 'yes')).toBe(true);
    expect(parseCsv(excelCsv([excelRow(rows[0], undefined, false)]).slice(1), ';')[1].at(-1)).toBe('no');
  });

  it('holds the same values as the tidy CSV, read back with its own dialect', () => {
    const tidy = parseCsv(toCsv(TIDY_COLUMNS, rows));
    const excel = parseCsv(text.slice(1), ';');
    expect(excel.map((r) => r.slice(0, TIDY_COLUMNS.length).map((c) => (/^\d+,\d+$/.test(c) ? c.replace(',', '.') : c)))).toEqual(tidy);
  });

  it('passes the schema check with its dialect and decimal comma, and fails it with a decimal point', () => {
    const fields = EXCEL_COLUMNS.map((name) => ({ name, type: ['prevalence', 'ci_low', 'ci_high', 'smoothed_prevalence', 'smoothed_ci_low', 'smoothed_ci_high'].includes(name) ? 'number' : 'string', decimalChar: ',' }));
    expect(validateCsvAgainstSchema(text, { fields }, 'x.csv', { delimiter: ';' })).toEqual([]);
    expect(validateCsvAgainstSchema(text.replace('9,2', '9.2'), { fields }, 'x.csv', { delimiter: ';' })).toEqual(['x.csv:2: prevalence = "9.2" is not a number']);
    expect(validateCsvAgainstSchema(text, { fields }, 'x.csv').length).toBeGreaterThan(0);
  });
});

describe('codebook kamus-data.csv', () => {
  const book = parseCsv(codebookCsv({ suppressionMin: 10, synthetic: true }).slice(1), ';');

  it('explains every column of the Excel variant (and so of the tidy CSV) in both languages', () => {
    expect(book[0]).toEqual(['kolom', 'tipe', 'keterangan', 'description']);
    const cols = book.slice(1).map((r) => r[0]);
    for (const c of EXCEL_COLUMNS) expect(cols, c).toContain(c);
    for (const r of book.slice(1)) {
      expect(r[2].length, r[0]).toBeGreaterThan(5);
      expect(r[3].length, r[0]).toBeGreaterThan(5);
    }
    expect(EXCEL_CODEBOOK.map((r) => r.column)).toEqual([...EXCEL_COLUMNS]);
    expect(TIDY_CODEBOOK.map((r) => r.column)).toEqual([...TIDY_COLUMNS]);
  });

  it('fills in the suppression minimum and says when the data are synthetic', () => {
    const supRow = book.find((r) => r[0] === 'suppression')!;
    expect(supRow[2]).toContain('kurang dari 10 balita');
    expect(supRow[3]).toContain('fewer than 10 children');
    expect(book.some((r) => r[0].includes('SINTETIS'))).toBe(true);
    const real = parseCsv(codebookCsv({ suppressionMin: 5, synthetic: false }).slice(1), ';');
    expect(real.some((r) => r[0].includes('SINTETIS'))).toBe(false);
  });
});
