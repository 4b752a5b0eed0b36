import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from '@cj-tech-master/excelts';
import { cellText, xlsxToCsv } from './xlsx-to-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-to-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cellText', () => {
  const f = { decimal: 'auto' as const, dateOrder: 'auto' as const };
  it('turns every kind of cell value into text', () => {
    expect(cellText(13.2, f)).toBe('13.2');
    expect(cellText(13.2, { ...f, decimal: ',' })).toBe('13,2');
    expect(cellText(new Date(Date.UTC(2022, 4, 15)), f)).toBe('2022-05-15');
    expect(cellText(new Date(Date.UTC(2022, 4, 15)), { ...f, dateOrder: 'DMY' })).toBe('15/05/2022');
    expect(cellText({ formula: 'A1-1', result: 11.9 }, f)).toBe('11.9');
    expect(cellText({ richText: [{ text: 'Metro ' }, { text: 'Pusat' }] }, f)).toBe('Metro Pusat');
    expect(cellText({ text: 'Metro', hyperlink: 'http://x' }, f)).toBe('Metro');
    expect(cellText({ error: '#VALUE!' }, f)).toBe('#VALUE!');
    expect(cellText('Siti\nAminah', f)).toBe('Siti Aminah');
    expect(cellText(null, f)).toBe('');
  });
});

describe('xlsxToCsv', () => {
  it('writes each worksheet as CSV with Excel row numbers as line numbers', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getRow(1).values = ['Laporan'];
    ws.getRow(3).values = ['NIK', 'Tgl Lahir', 'Berat'];
    ws.getRow(4).values = ['1872015505220001', new Date(Date.UTC(2022, 4, 15)), 13.2];
    ws.getRow(6).values = ['1872010101230002', '01/01/2023', 'a,"b"'];
    wb.addWorksheet('Kosong');
    const s3 = wb.addWorksheet('Catatan');
    s3.getRow(1).values = ['catatan'];
    const file = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(file);
    const sheets = await xlsxToCsv(file, dir, 'x', { decimal: 'auto', dateOrder: 'auto' });
    expect(sheets.map((s) => [s.sheet, s.rows])).toEqual([[1, 4], [3, 1]]);
    const lines = readFileSync(sheets[0].path, 'utf8').split('\n');
    expect(lines.slice(0, 6)).toEqual(['Laporan', '', 'NIK,Tgl Lahir,Berat', '1872015505220001,2022-05-15,13.2', '', '1872010101230002,01/01/2023,"a,""b"""']);
  });
});
