import { describe, expect, it } from 'vitest';
import { findPreamble, lineDelimiter, lineEndingOf, splitLine } from './preamble.ts';

const H = 'NIK;Nama;JK;Tgl Lahir;Tanggal Pengukuran;Berat;Tinggi;Kec;Desa/Kel';
const ROW = '1872015505220001;Siti Aminah;P;15/05/2022;10/08/2025;13,2;92,1;Metro Pusat;Metro';
const auto = { delimiter: 'auto', mapping: {} };

describe('findPreamble', () => {
  it('takes line 1 as the header of a plain export', () => {
    const r = findPreamble(`${H}\n${ROW}\n`, 'f.csv', auto);
    expect(r.ok && r.preamble).toMatchObject({ delimiter: ';', headerLine: 1, skipLines: 0, sepLine: false, titleRows: 0, lineEnding: 'lf' });
    expect(r.ok && r.preamble.header[4]).toBe('Tanggal Pengukuran');
  });

  it('skips an Excel sep= line and honours its delimiter', () => {
    const r = findPreamble(`sep=,\r\n${H.replace(/;/g, ',')}\r\n`, 'f.csv', auto);
    expect(r.ok && r.preamble).toMatchObject({ delimiter: ',', headerLine: 2, skipLines: 1, sepLine: true, lineEnding: 'crlf' });
    // sep=; with a header that would otherwise split best on commas: the sep line wins
    const s = findPreamble(`sep=;\nNIK;JK,x;Tgl Lahir\n`, 'f.csv', auto);
    expect(s.ok && s.preamble.delimiter).toBe(';');
  });

  it('finds the header below title rows and blank lines, and counts the title rows', () => {
    const r = findPreamble(`Laporan Data Balita;;;\nPuskesmas Metro;;;\n\n${H}\n${ROW}\n`, 'f.csv', auto);
    expect(r.ok && r.preamble).toMatchObject({ headerLine: 4, skipLines: 3, titleRows: 2 });
  });

  it('reads CR-only line endings', () => {
    const r = findPreamble(`${H}\r${ROW}\r`, 'f.csv', auto);
    expect(r.ok && r.preamble).toMatchObject({ headerLine: 1, lineEnding: 'cr' });
    expect(r.ok && r.preamble.header.length).toBe(9);
  });

  it('counts headers named by the config mapping', () => {
    const r = findPreamble(`judul\nid_balita,kelamin_anak,lahir\n`, 'f.csv', { delimiter: 'auto', mapping: { sex: 'kelamin_anak', birth_date: 'lahir' } });
    expect(r.ok && r.preamble.headerLine).toBe(2);
  });

  it('says what it detected for a headerless export, without any cell of it', () => {
    for (const text of [`${ROW}\n${ROW}\n`, `${ROW}\r${ROW}\r`]) {
      const r = findPreamble(text, 'f.csv', auto);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const all = JSON.stringify(r.problem);
      expect(r.problem.message).toContain('No header row recognised');
      expect(r.problem.message).toContain('1 long number (NIK?)');
      expect(r.problem.message).toContain('2 date');
      for (const cell of ROW.split(';').filter((c) => c.length > 3)) expect(all).not.toContain(cell);
      expect(r.problem.raw).toBeUndefined();
    }
    const cr = findPreamble(`${ROW}\r${ROW}\r`, 'f.csv', auto);
    expect(!cr.ok && cr.problem.message).toContain('CR only');
  });

  it('says only blank lines for a file of line breaks', () => {
    const r = findPreamble('\n\n\r\n\n', 'f.csv', auto);
    expect(!r.ok && r.problem.message).toContain('only blank lines');
  });

  it('reports a configured delimiter absent from the header', () => {
    const r = findPreamble(`${H.replace(/;/g, ',')}\n`, 'f.csv', { delimiter: ';', mapping: {} });
    expect(!r.ok && r.problem.message).toContain('The delimiter ";" is not in the header; the file uses ","');
  });
});

describe('line helpers', () => {
  it('splits quoted cells and picks the delimiter giving most cells', () => {
    expect(splitLine('a;"b;c";"say ""hi"""', ';')).toEqual(['a', 'b;c', 'say "hi"']);
    expect(lineDelimiter('a,b;c,d')).toBe(',');
    expect(lineDelimiter('a\tb')).toBe('\t');
    expect(lineDelimiter('a;b,c')).toBe(';');
  });
  it('names line endings', () => {
    expect(['a\nb', 'a\r\nb', 'a\rb', 'ab'].map(lineEndingOf)).toEqual(['lf', 'crlf', 'cr', 'none']);
  });
});
