import { describe, expect, it } from 'vitest';
import { kindOfName, publishedSkip, safeExtension, skippedMessage } from './file-kinds.ts';

describe('kindOfName', () => {
  it.each([
    ['data.csv', 'csv'],
    ['DATA.CSV.GZ', 'csv'],
    ['export.tsv', 'csv'],
    ['export.txt.gz', 'csv'],
    ['e-PPGBM Agustus.xlsx', 'xlsx'],
    ['lama.xls', 'old_excel'],
    ['kalkulasi.ods', 'old_excel'],
    ['arsip.zip', 'archive'],
    ['data.json', 'unsupported_type'],
    ['catatan.docx', 'unsupported_type'],
    ['.~lock.data.csv#', 'hidden'],
    ['.gitkeep', 'hidden'],
  ])('%s → %s', (name, kind) => expect(kindOfName(name)).toBe(kind));
});

describe('published form of a skipped file', () => {
  it('keeps the entry, a plain extension and the reason, never the name', () => {
    const s = { entry: 3, name: 'measurements/Budi Santoso NIK 3510015502220001.zip', reason: 'archive' as const };
    const p = publishedSkip(s);
    expect(p).toEqual({ entry: 3, extension: '.zip', reason: 'archive' });
    expect(JSON.stringify(p)).not.toContain('Budi');
    expect(skippedMessage(s)).toContain('Budi Santoso'); // the log names it for the official
    expect(skippedMessage(s)).toContain('archives are not opened');
  });
  it('drops an extension that is not plain', () => {
    expect(safeExtension('a.3510015502220001x')).toBe('');
    expect(safeExtension('noext')).toBe('');
    expect(safeExtension('x.CSV')).toBe('.csv');
  });
});
