/**
 * The published CSV tables of the stunting figures (data contract v1): the tidy CSV (stunting.csv), its Excel
 * variant, and one CSV per area in each dialect.
 */
import type { PublishedValues } from '../aggregate/values.ts';
import type { SmoothedValues } from '../aggregate/smooth-values.ts';
import { INDICATORS, type IndicatorValue } from '../types.ts';
import { DelimitedText, EXCEL_DIALECT, TIDY_DIALECT, toCsv, type CsvDialect } from './csv.ts';
import { EXCEL_COLUMNS, excelCsv, excelCsvPath, excelRow } from './excel.ts';
import type { PutFile } from './files.ts';

/** Path of an area's own CSV under the contract folder. */
export function areaCsvPath(code: string): string {
  return `csv/${code}.csv`;
}

/** Columns of the tidy CSV, in order. */
export const TIDY_COLUMNS = [
  'area_code', 'area_name', 'level', 'period', 'indicator', 'measured', 'cases', 'prevalence', 'ci_low', 'ci_high', 'status',
  'smoothed_prevalence', 'smoothed_ci_low', 'smoothed_ci_high',
] as const;

type Smoothed = SmoothedValues['values'];
type Cell = string | number | null;

/** The published CSV tables: the tidy CSV, its Excel variant, and one CSV per area in each dialect (path, text).
 * An area's CSV (csv/<kode>.csv) holds exactly that area's rows of the tidy CSV, so area files concatenate or filter
 * to the same bytes; the Excel variants (stunting-excel.csv, csv-excel/<kode>.csv) hold the same rows plus the
 * suppression kind and the synthetic flag, in the dialect of Excel under an Indonesian locale (excel.ts).
 * Each is made when asked for, so that a caller holds one at a time. */
export function tidyTables(values: PublishedValues, smoothed: Smoothed, synthetic: boolean): { tidy: () => string[]; excel: () => string[]; perArea: (put: PutFile) => void } {
  const whole = (columns: readonly string[], dialect: CsvDialect, cells: (r: TidyRow) => Cell[]) => () => {
    const out = new DelimitedText(columns, dialect);
    values.areas.forEach((_, a) => {
      for (const r of areaTidyRows(values, a, smoothed)) out.add(cells(r));
      out.flush();
    });
    return out.parts();
  };
  const excelCells = (r: TidyRow) => excelRow(r.cells, r.suppression, synthetic);
  // The per-area files, one area at a time.
  const perArea = (put: PutFile) =>
    values.areas.forEach((area, a) => {
      const own = areaTidyRows(values, a, smoothed);
      put(areaCsvPath(area.code), toCsv(TIDY_COLUMNS, own.map((r) => r.cells)));
      put(excelCsvPath(area.code), excelCsv(own.map(excelCells)));
    });
  return { tidy: whole(TIDY_COLUMNS, TIDY_DIALECT, (r) => r.cells), excel: whole(EXCEL_COLUMNS, EXCEL_DIALECT, excelCells), perArea };
}

/** One row of the tidy table (TIDY_COLUMNS order) with its suppression kind. */
type TidyRow = { cells: Cell[]; suppression: IndicatorValue['suppression'] };

/** One area's tidy rows (TIDY_COLUMNS order), by period then indicator, each with its suppression kind. */
function areaTidyRows(values: PublishedValues, a: number, smoothed: Smoothed): TidyRow[] {
  const area = values.areas[a];
  return values.periods.flatMap((period, p) =>
    INDICATORS.map((id) => {
      const x = values.values[a][p].indicators[id];
      const sm = smoothed[a][p]?.[id] ?? null;
      const cells = [area.code, area.name, area.level, period, id, x.n, x.cases, x.prevalence, x.ciLow, x.ciHigh, x.status, sm?.prevalence ?? null, sm?.ciLow ?? null, sm?.ciHigh ?? null];
      return { cells, suppression: x.suppression };
    }),
  );
}

