/**
 * CSV variants for spreadsheets under an Indonesian locale: Excel set to id-ID uses `;` as list separator and a
 * decimal comma, and reads a CSV as UTF-8 only when it starts with a byte order mark. The variants carry the tidy
 * columns plus the kind of suppression and whether the data are synthetic, so a reader who only ever opens the
 * spreadsheet still sees both; `kamus-data.csv` explains every column in both languages. Pure.
 */
import { EXCEL_CODEBOOK, type CodebookRow } from './codebook.ts';
import { EXCEL_DIALECT, toDelimited } from './csv.ts';

/** Columns of the Excel variants: the tidy columns, then `suppression` and `synthetic`. */
export const EXCEL_COLUMNS = [
  'area_code', 'area_name', 'level', 'period', 'indicator', 'measured', 'cases', 'prevalence', 'ci_low', 'ci_high', 'status',
  'smoothed_prevalence', 'smoothed_ci_low', 'smoothed_ci_high', 'suppression', 'synthetic',
] as const;

/** The whole table for Excel. */
export const EXCEL_ALL_PATH = 'stunting-excel.csv';
/** The codebook of the published CSVs. */
export const CODEBOOK_PATH = 'kamus-data.csv';

/** Path of an area's Excel variant under the contract folder. */
export function excelCsvPath(code: string): string {
  return `csv-excel/${code}.csv`;
}

type Cell = string | number | null;

/** An Excel row from a tidy row (TIDY_COLUMNS order), the suppression kind and the synthetic flag. */
export function excelRow(tidy: readonly Cell[], suppression: 'primary' | 'complementary' | undefined, synthetic: boolean): Cell[] {
  return [...tidy, suppression ?? null, synthetic ? 'yes' : 'no'];
}

/** The Excel variant of a table of rows made by excelRow(). */
export function excelCsv(rows: readonly (readonly Cell[])[]): string {
  return toDelimited(EXCEL_COLUMNS, rows, EXCEL_DIALECT);
}

/** The codebook file: one row per column of the Excel variants (the tidy CSV has the same first columns), after two
 * rows on the files themselves; `{min}` becomes the suppression minimum. Same dialect as the variants. */
export function codebookCsv(opts: { suppressionMin: number; synthetic: boolean }): string {
  const rows: CodebookRow[] = [
    {
      column: '(berkas / files)',
      type: '',
      meaning: {
        id: 'stunting.csv dan csv/<kode>.csv: UTF-8, pemisah koma, titik desimal. stunting-excel.csv dan csv-excel/<kode>.csv: sama ditambah kolom suppression dan synthetic, untuk Excel berbahasa Indonesia (UTF-8 dengan BOM, pemisah titik koma, koma desimal). Sel kosong berarti tidak ada angka, bukan nol.',
        en: 'stunting.csv and csv/<kode>.csv: UTF-8, comma-separated, decimal point. stunting-excel.csv and csv-excel/<kode>.csv: the same plus the suppression and synthetic columns, for Excel under an Indonesian locale (UTF-8 with BOM, semicolon-separated, decimal comma). An empty cell means no figure, never zero.',
      },
    },
    opts.synthetic
      ? { column: '(DATA SINTETIS / SYNTHETIC DATA)', type: '', meaning: { id: 'Semua angka dalam berkas ini berasal dari data sintetis (demo), bukan dari pengukuran anak yang nyata. Jangan dikutip sebagai fakta.', en: 'Every figure in these files comes from synthetic (demo) data, not from real children. Do not quote them as facts.' } }
      : { column: '(sumber / source)', type: '', meaning: { id: 'Pengukuran rutin balita di posyandu (e-PPGBM), agregat per wilayah; tidak ada data pribadi.', en: 'Routine measurement of under-fives at posyandu (e-PPGBM), aggregated per area; no personal data.' } },
    ...EXCEL_CODEBOOK,
  ];
  const min = String(opts.suppressionMin);
  return toDelimited(
    ['kolom', 'tipe', 'keterangan', 'description'],
    rows.map((r) => [r.column, r.type, r.meaning.id.replace('{min}', min), r.meaning.en.replace('{min}', min)]),
    EXCEL_DIALECT,
  );
}
