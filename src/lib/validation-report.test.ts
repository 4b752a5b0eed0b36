import { describe, expect, it } from 'vitest';
import { badRowShareProblem, fileLegend, safeFileLabel, safeLabels, summaryLines, validationReport, type ValidationTally } from './validation-report.ts';

const PERSONAL = 'measurements/Budi Santoso NIK 3510015502220001 lahir 15-02-2022.csv';
const tally = (): ValidationTally => ({
  read: 10,
  rejected: { bad_number: 2, unknown_area: 1 },
  examples: [
    { file: PERSONAL, line: 7, column: 'Berat', raw: 'abc', reason: 'bad_number' },
    { file: 'measurements/a.csv', line: 3, column: 'Berat', raw: 'x', reason: 'bad_number' },
  ],
  outsideRounds: 1,
  duplicatesRemoved: 2,
  duplicatesSameDay: 1,
  unmatched: [{ kecamatan: 'K', desa: 'D', count: 1, file: PERSONAL, firstLine: 9, fileIndex: 1 }],
});

describe('validation report', () => {
  it('counts accepted and rejected rows and sorts reasons and examples', () => {
    const r = validationReport(tally());
    expect([r.rows_read, r.rows_accepted, r.rows_rejected]).toEqual([10, 7, 3]);
    expect(Object.keys(r.by_reason)).toEqual(['bad_number', 'unknown_area']);
    expect(r.examples!.bad_number.map((e) => e.file)).toEqual([PERSONAL, 'measurements/a.csv']);
  });

  it('publishes a file only by its number in the listing: no name, NIK or birth date', () => {
    const label = safeLabels(['measurements/a.csv', PERSONAL]);
    const text = JSON.stringify(validationReport(tally(), label));
    for (const s of ['Budi', 'Santoso', '3510015502220001', '15-02-2022']) expect(text).not.toContain(s);
    expect(text).toContain('"file":"measurements/file-2.csv"');
    expect(text).toContain('"file":"measurements/file-1.csv"');
    expect(safeFileLabel('x/Budi.CSV.GZ', 0)).toBe('measurements/file-1.csv.gz');
    expect(label('not listed.csv')).toBe('(file)');
    // A worksheet keeps its number, not the workbook's name.
    expect(safeLabels(['measurements/Budi 3510015502220001.xlsx'])('measurements/Budi 3510015502220001.xlsx (lembar/sheet 2)')).toBe('measurements/file-1.xlsx (lembar/sheet 2)');
  });

  it('the console summary and the legend keep the real names', () => {
    expect(summaryLines(validationReport(tally())).join('\n')).toContain(`${PERSONAL}:7 [Berat="abc"]`);
    expect(fileLegend(['measurements/a.csv', PERSONAL])).toContain(`measurements/file-2.csv = ${PERSONAL}`);
  });

  it('badRowShareProblem stops the build above the configured share only', () => {
    const r = validationReport(tally());
    expect(badRowShareProblem(r, 0.3, 'site.config.json')).toBeNull();
    expect(badRowShareProblem(r, 0.2, 'site.config.json')?.message).toBe('30.0% baris ditolak (3 dari 10) / 30.0% of rows rejected');
  });
});
