import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvStructuralFailure, openCsv, type CsvRow } from './open-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'open-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: Buffer | string, ext = '.csv'): string {
  const p = join(dir, `f${n++}${ext}`);
  writeFileSync(p, content);
  return p;
}
async function all(stream: AsyncIterable<CsvRow>): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const r of stream) out.push(r);
  return out;
}
async function read(path: string) {
  const r = await openCsv(path, {}, 'x.csv');
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.csv, rows: await all(r.csv.stream) };
}

const TEXT = 'NIK;Nama;Berat\r\n1;José;10,5\r\n2;"Ani\r\nPutri";9,8\r\n\r\n;;\r\n3;Budi;11\r\n\r\n\r\n';
const EXPECTED_ROWS = [
  { fields: ['1', 'José', '10,5'], line: 2 },
  { fields: ['2', 'Ani\nPutri', '9,8'], line: 3 },
  { fields: ['3', 'Budi', '11'], line: 7 },
];

describe('openCsv', () => {
  it.each<[string, () => string, string]>([
    ['UTF-8, semicolon, CRLF, quoted newline, blank and empty rows', () => file(TEXT), 'utf-8'],
    ['UTF-8 with BOM', () => file('\uFEFF' + TEXT), 'utf-8-bom'],
    ['gzip', () => file(gzipSync(Buffer.from(TEXT)), '.csv.gz'), 'utf-8'],
    ['windows-1252 (latin1)', () => file(Buffer.from(TEXT, 'latin1')), 'latin1'],
    ['UTF-16LE with BOM', () => file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])), 'utf-16le'],
    ['CR-only line ends', () => file(TEXT.replace(/\r\n/g, '\r')), 'utf-8'],
    ['LF line ends', () => file(TEXT.replace(/\r\n/g, '\n')), 'utf-8'],
  ])('reads %s with the right line numbers', async (_, make, encoding) => {
    const r = await read(make());
    expect(r.encoding).toBe(encoding);
    expect(r.delimiter).toBe(';');
    expect(r.headerFields).toEqual(['NIK', 'Nama', 'Berat']);
    expect(r.rows).toEqual(EXPECTED_ROWS);
  });

  it('detects commas and tabs, and honours a declared delimiter', async () => {
    expect((await read(file('a,b\n1,2\n'))).delimiter).toBe(',');
    expect((await read(file('a\tb\n1\t2\n'))).rows).toEqual([{ fields: ['1', '2'], line: 2 }]);
    const r = await openCsv(file('a;b,c\n1;2,3\n'), { delimiter: ',' });
    expect(r.ok && r.csv.headerFields).toEqual(['a;b', 'c']);
  });

  it('keeps rows with a different field count for the validator', async () => {
    expect((await read(file('a,b\n1,2,3\n4\n'))).rows).toEqual([
      { fields: ['1', '2', '3'], line: 2 },
      { fields: ['4'], line: 3 },
    ]);
  });

  it('reads a large gzip file across chunk boundaries with exact line numbers', async () => {
    const lines = ['id,x'];
    for (let i = 1; i <= 20000; i++) lines.push(i % 1000 === 0 ? `${i},"multi\r\nline"` : `${i},${'v'.repeat(i % 7)}`);
    const r = await read(file(gzipSync(Buffer.from(lines.join('\r\n') + '\r\n')), '.csv.gz'));
    expect(r.rows).toHaveLength(20000);
    let expectLine = 2;
    for (const row of r.rows) {
      expect(row.line).toBe(expectLine);
      expectLine += row.fields[1].includes('\n') ? 2 : 1;
    }
  });

  it.each<[string, () => string, RegExp, number | undefined]>([
    ['a missing file', () => join(dir, 'nope.csv'), /tidak dapat dibaca .*ENOENT/, undefined],
    ['an empty file', () => file(''), /File kosong \/ Empty file/, 1],
    ['a file of blank lines and a BOM', () => file('\uFEFF\r\n\r\n'), /Empty file/, 1],
    ['an Excel workbook', () => file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), /xlsx/, 1],
    ['binary content', () => file(Buffer.from([0x41, 0x2c, 0x00, 0x01, 0x0a])), /binary/, 1],
    ['a damaged .gz', () => file('not gzip at all', '.csv.gz'), /damaged or not gzip/, undefined],
  ])('reports %s as a structural error', async (_, make, msg, line) => {
    const r = await openCsv(make(), {}, 'x.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.file).toBe('x.csv');
    expect(r.error.message).toMatch(msg);
    expect(r.error.line).toBe(line);
  });

  it.each<[string, string, RegExp, number, number]>([
    ['an unclosed quote', 'a,b\n1,2\n\n3,"abc\n4,5\n6,7\n', /tidak ditutup \/ A double quote \(\"\) is opened but never closed/, 4, 2],
    [
      'an unclosed quote that swallows more than MAX_RECORD_CHARS',
      'a,b\n1,2\n3,"abc\n' + '4,5\n'.repeat(300_000),
      /Baris terlalu panjang.* \/ Record too long, probably an unclosed double quote/,
      3,
      2,
    ],
  ])('stops at %s with file:line:column', async (_, text, msg, line, column) => {
    const r = await openCsv(file(text), {}, 'x.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const err = await all(r.csv.stream).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CsvStructuralFailure);
    const se = (err as CsvStructuralFailure).error;
    expect(se).toMatchObject({ file: 'x.csv', line, column });
    expect(se.message).toMatch(msg);
  });

  it('keeps a quote inside an unquoted value, or after a closing quote, as text (relax_quotes)', async () => {
    expect((await read(file('a,b\n1,Ucok "Si Kecil"\n2,"ab"c\n'))).rows.map((r) => r.fields)).toEqual([
      ['1', 'Ucok "Si Kecil"'],
      ['2', '"ab"c'],
    ]);
  });

  it('delivers the rows before a structural error, then throws', async () => {
    const r = await openCsv(file('a,b\n1,2\n3,4\n5,"6\n'), {}, 'x.csv');
    if (!r.ok) throw new Error(r.error.message);
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const row of r.csv.stream) got.push(row.line);
      })(),
    ).rejects.toBeInstanceOf(CsvStructuralFailure);
    expect(got).toEqual([2, 3]);
  });

  it('reports an unclosed quote in the header', async () => {
    const r = await openCsv(file('a,"b\n1,2\n'), {}, 'x.csv');
    expect(r.ok === false && r.error).toMatchObject({ line: 1, column: 2 });
  });
});
