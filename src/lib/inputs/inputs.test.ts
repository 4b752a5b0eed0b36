import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../areas.ts';
import { readAreaListText } from '../../../scripts/lib/areas-file.ts';
import { headerDelimiter, parseTable } from './table.ts';
import { parseTargets, targetTotals } from './targets.ts';
import { parseAggregates } from './aggregates.ts';
import { aliasesOf } from './aliases.ts';

const registry = parseRegistry(readAreaListText(), '18.72');
const where = (p: { file: string; line?: number; column?: number; raw?: string; message: string }) => `${p.file}:${p.line}:${p.column} [${p.raw}] ${p.message}`;

describe('parseTable', () => {
  it.each([
    ['a,b;c', ','],
    ['a;b;c,d', ';'],
    ['a\tb', '\t'],
    ['a', ','],
  ])('headerDelimiter(%j) is %j', (line, d) => expect(headerDelimiter(line)).toBe(d));

  it('reads BOM, CRLF, blank lines and quoted newlines with physical line numbers', () => {
    const t = parseTable('\uFEFFA;B\r\n1;2\r\n\r\n"x\ny";3\r\n4;5\r\n', 'f.csv', ['a', 'b']);
    expect(t.problems).toEqual([]);
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([{ line: 2, cells: ['1', '2'] }, { line: 4, cells: ['x\ny', '3'] }, { line: 6, cells: ['4', '5'] }]);
  });

  it('names a missing column and an unclosed quote by file and line instead of throwing', () => {
    expect(parseTable('a,b\n1,2\n', 'f.csv', ['a', 'c']).problems.map(where)).toEqual(['f.csv:1:3 [a,b] Kolom wajib tidak ditemukan / Required column missing: c']);
    expect(parseTable('a,b\n1,"2\n', 'f.csv', ['a']).problems[0]).toMatchObject({ file: 'f.csv', line: 2, message: expect.stringContaining('Quote Not Closed') });
    expect(parseTable('', 'f.csv', ['a']).problems[0].message).toContain('Empty file');
  });
});

describe('parseTargets (sasaran)', () => {
  const H = 'desa_code,year,target\n';
  it.each([
    ['18.72.01.1001,2025,', 'f.csv:2:3 [] Sasaran kosong'],
    ['18.72.01.1001,2025,0x10', 'f.csv:2:3 [0x10] Sasaran bukan bilangan bulat'],
    ['18.72.01.1001,2025,-4', 'f.csv:2:3 [-4] Sasaran bukan bilangan bulat'],
    ['18.72.01.1001,2025,1e20', 'f.csv:2:3 [1e20] Sasaran bukan bilangan bulat'],
    ['18.72.01.1001,2025,12.5', 'f.csv:2:3 [12.5] Sasaran bukan bilangan bulat'],
    ['18.72.01.1001,2025,100000000000000000000', 'f.csv:2:3 [100000000000000000000] Sasaran bukan bilangan bulat'],
    ['18.72.01.1001,25,10', 'f.csv:2:2 [25] Nilai tidak valid'],
    ['35.10.01.2001,2025,10', 'f.csv:2:1 [35.10.01.2001] Kode desa wilayah lain (35.10), bukan Kota Metro (18.72); hapus baris ini'],
    ['18.72.09.1001,2025,10', 'f.csv:2:1 [18.72.09.1001] Kode 18.72.09.1001 tidak ada di daftar wilayah'],
    ['18.72.01,2025,10', 'f.csv:2:1 [18.72.01] 18.72.01 adalah kecamatan, bukan desa'],
  ])('%s is refused: %s', (line, want) => {
    const r = parseTargets(H + line + '\n', 'f.csv', registry);
    expect(r.rows).toEqual([]);
    expect(r.problems.map(where)[0]).toContain(want);
  });

  it('a duplicate desa and year is an error naming the first line, never summed; valid rows are kept', () => {
    const r = parseTargets(H + '18.72.01.1001,2025,10\n18.72.01.1002,2025,7\n18.72.01.1001,2025,5\n', 'f.csv', registry);
    expect(r.problems.map(where)).toEqual(['f.csv:4:1 [18.72.01.1001] Desa 18.72.01.1001 tahun 2025 sudah ada di baris 2; hapus salah satu / already given on line 2; delete one of them']);
    expect(r.rows.map((x) => [x.code, x.target])).toEqual([['18.72.01.1001', 10], ['18.72.01.1002', 7]]);
  });

  it('targetTotals rolls each desa up to its kecamatan and the region', () => {
    const r = parseTargets(H + '18.72.01.1001,2025,10\n18.72.01.1002,2025,7\n18.72.02.1001,2025,3\n18.72.02.1001,2024,1\n', 'f.csv', registry);
    const codes = ['18.72', '18.72.01', '18.72.01.1001', '18.72.01.1002', '18.72.02', '18.72.02.1001'];
    const indexOf = new Map(codes.map((c, i) => [c, i]));
    const parentOf = Int32Array.from([-1, 0, 1, 1, 0, 4]);
    const t = targetTotals(r.rows, indexOf, parentOf);
    expect(t.get('0|2025')).toBe(20);
    expect(t.get('1|2025')).toBe(17);
    expect(t.get('4|2025')).toBe(3);
    expect(t.get('0|2024')).toBe(1);
  });
});

describe('parseAggregates', () => {
  const H = 'area_code;period;measured;stunting;wasting\n';
  it('accepts counts, leaves empty indicator cells out, and keeps valid rows beside bad ones', () => {
    const r = parseAggregates(H + '18.72.01.1001;2025-08;40;9;\n18.72.01.1002;2025-8;40;9;1\n18.72.01.1003;2025-08;10;11;0\n', 'agg/a.csv', registry);
    expect(r.rows).toEqual([{ code: '18.72.01.1001', period: '2025-08', measured: 40, cases: { stunting: 9 }, line: 2 }]);
    expect(r.problems.map(where)).toEqual(['agg/a.csv:3:2 [2025-8] Nilai tidak valid / Invalid value', 'agg/a.csv:4:4 [11] Nilai tidak valid / Invalid value']);
  });
  it('refuses a duplicate desa and period and a missing column', () => {
    expect(parseAggregates(H + '18.72.01.1001;2025-08;4;0;0\n18.72.01.1001;2025-08;4;0;0\n', 'a.csv', registry).problems.map(where)).toEqual(['a.csv:3:1 [18.72.01.1001] Sudah ada di baris 2 / Already given on line 2']);
    expect(parseAggregates('area_code,period\n', 'a.csv', registry).problems[0].message).toContain('measured');
  });
});

describe('aliasesOf', () => {
  it('keeps real renames as aliases and leaves spelling-only changes to the matcher', () => {
    const renamed = [
      { code: '18.72.01.1001', level: 'desa' as const, oldName: 'Metro Lama', newName: 'Metro', spellingOnly: false },
      { code: '18.72.01.1002', level: 'desa' as const, oldName: 'HADIMULYO TIMUR', newName: 'Hadimulyo Timur', spellingOnly: true },
    ];
    expect(aliasesOf({ renamed })).toEqual([{ code: '18.72.01.1001', name: 'Metro Lama' }]);
  });
});
