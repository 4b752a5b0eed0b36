import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../areas.ts';
import { readAreaListText } from '../../../scripts/lib/areas-file.ts';
import { COVERAGE_INDICATORS } from '../indicators/coverage-defs.ts';
import { parseCoverage, parseCoverageTargets } from './coverage.ts';

const registry = parseRegistry(readAreaListText(), '18.72');
const where = (p: { file: string; line?: number; column?: number; raw?: string; message: string }) => `${p.file}:${p.line}:${p.column} [${p.raw}] ${p.message}`;
const H = 'kode,period,indicator,numerator,denominator\n';

describe('parseCoverage', () => {
  it('accepts desa, kecamatan and kabupaten rows, Indonesian column names and ; as separator', () => {
    const r = parseCoverage('kode_wilayah;periode;indikator;pembilang;penyebut\n18.72.01.1001;2025-08;mpasi;3;4\n18.72.01;2025-08;mpasi;30;40\n18.72;2025-08;mpasi;300;400\n', 'k.csv', registry, COVERAGE_INDICATORS);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.code, x.numerator, x.denominator, x.line])).toEqual([['18.72.01.1001', 3, 4, 2], ['18.72.01', 30, 40, 3], ['18.72', 300, 400, 4]]);
  });

  it.each([
    ['18.72.01.1001,2025-08,mpasi,5,4', 'k.csv:2:4 [5] Pembilang lebih besar dari penyebut / Numerator larger than the denominator'],
    ['18.72.01.1001,2025-08,mpasi,-1,4', 'k.csv:2:4 [-1] Nilai tidak valid / Invalid value'],
    ['18.72.01.1001,2025-08,mpasi,1.5,4', 'k.csv:2:4 [1.5] Nilai tidak valid / Invalid value'],
    ['18.72.01.1001,2025-08,mpasi,1,', 'k.csv:2:5 [] Nilai tidak valid / Invalid value'],
    ['18.72.01.1001,2025-08,mpasi,1,1e3', 'k.csv:2:5 [1e3] Nilai tidak valid / Invalid value'],
    ['18.72.01.1001,2025-13,mpasi,1,4', 'k.csv:2:2 [2025-13] Nilai tidak valid / Invalid value'],
    ['18.72.01.1001,2025-08,mp_asi,1,4', 'k.csv:2:3 [mp_asi] Indikator tidak dikenal / Unknown indicator'],
    ['18.72.01.9999,2025-08,mpasi,1,4', 'k.csv:2:1 [18.72.01.9999] Kode 18.72.01.9999 tidak ada di daftar wilayah; periksa angkanya / Not in the area list; check the digits'],
    ['35.10.01.2001,2025-08,mpasi,1,4', 'k.csv:2:1 [35.10.01.2001] Wilayah lain (35.10), bukan Kota Metro; hapus baris ini atau periksa "region" di site.config.json / An area of another region; delete the row or check "region"'],
    ['Metro,2025-08,mpasi,1,4', 'k.csv:2:1 [Metro] Bukan kode wilayah bertitik / Not a dotted area code'],
  ])('%s → %s, and the valid row beside it is kept', (line, message) => {
    const r = parseCoverage(`${H}${line}\n18.72.01.1002,2025-08,mpasi,1,2\n`, 'k.csv', registry, COVERAGE_INDICATORS);
    expect(r.problems.map(where)).toEqual([message]);
    expect(r.rows.map((x) => x.code)).toEqual(['18.72.01.1002']);
  });

  it('names the close indicator ids for an unknown one, and a duplicate row by its first line', () => {
    const r = parseCoverage(`${H}18.72.01.1001,2025-08,imunisasi,1,4\n18.72.01.1001,2025-08,mpasi,1,4\n18.72.01.1001,2025-08,mpasi,2,4\n`, 'k.csv', registry, COVERAGE_INDICATORS);
    expect(r.problems[0].expected).toContain('imunisasi_dasar');
    expect(where(r.problems[1])).toBe('k.csv:4:3 [mpasi] Sudah ada di baris 3 / Already given on line 3');
    expect(r.rows).toHaveLength(1);
  });

  it('names a missing column', () => {
    expect(parseCoverage('kode,period,indicator,numerator\n', 'k.csv', registry, COVERAGE_INDICATORS).problems.map((p) => p.message)).toEqual(['Kolom wajib tidak ditemukan / Required column missing: denominator']);
  });
});

describe('parseCoverageTargets', () => {
  it('keeps one target per indicator, year and source, and names bad cells', () => {
    const r = parseCoverageTargets('indicator,year,target,source\nmpasi,2024,80,Perpres 72/2021\nmpasi,2024,85,RPJMD\nmpasi,2024,80,Perpres 72/2021\nmpasi,24,80,x\nmpasi,2024,80%,x\nmpasi,2024,80,\nnope,2024,1,x\n', 't.csv', COVERAGE_INDICATORS);
    expect(r.rows).toEqual([{ indicator: 'mpasi', year: 2024, target: 80, source: 'Perpres 72/2021' }, { indicator: 'mpasi', year: 2024, target: 85, source: 'RPJMD' }]);
    expect(r.problems.map(where)).toEqual([
      't.csv:4:1 [mpasi] Sudah ada di baris 2 / Already given on line 2',
      't.csv:5:2 [24] Nilai tidak valid / Invalid value',
      't.csv:6:3 [80%] Nilai tidak valid / Invalid value',
      't.csv:7:4 [] Nilai tidak valid / Invalid value',
      't.csv:8:1 [nope] Indikator tidak dikenal / Unknown indicator',
    ]);
  });
});
