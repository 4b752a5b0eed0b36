/**
 * Excel workbooks (.xlsx, e-PPGBM's "export to Excel") as CSV: each worksheet is streamed row by row with ExcelTS's
 * WorkbookReader (rows are not held in memory; the workbook's shared strings are) and written as a comma-separated
 * file in the build's work folder, which then goes through the same reader as any CSV export. A CSV line number is
 * the Excel row number (empty rows become empty lines; a line break inside a cell becomes a space), so messages point
 * at the row an official sees in Excel. Dates become text in the configured date order, numbers in the configured
 * decimal separator.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DateOrderOption, DecimalOption } from '../../src/lib/csv/values.ts';

/** One worksheet written as CSV. */
export interface SheetCsv {
  /** 1-based worksheet position in the workbook. */
  sheet: number;
  path: string;
  /** Rows with at least one cell. */
  rows: number;
}

/** How cells become text. */
export interface CellFormat {
  decimal: DecimalOption;
  dateOrder: DateOrderOption;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The text of one cell value as ExcelTS gives it (string, number, boolean, Date, formula, rich text, hyperlink, error). */
export function cellText(v: unknown, f: CellFormat): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\r\n|\r|\n/g, ' ');
  if (typeof v === 'number') return f.decimal === ',' ? String(v).replace('.', ',') : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const y = v.getUTCFullYear();
    const m = pad(v.getUTCMonth() + 1);
    const d = pad(v.getUTCDate());
    return f.dateOrder === 'DMY' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
  }
  const o = v as { result?: unknown; formula?: unknown; sharedFormula?: unknown; richText?: { text?: string }[]; text?: unknown; error?: unknown };
  if ('formula' in o || 'sharedFormula' in o) return cellText(o.result, f);
  if (Array.isArray(o.richText)) return cellText(o.richText.map((r) => r.text ?? '').join(''), f);
  if ('text' in o) return cellText(o.text, f);
  if (typeof o.error === 'string') return o.error;
  return '';
}

/** A CSV field (comma-separated, quoted when needed). */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Streams every worksheet of `file` into `work/<prefix>-<sheet>.csv`; worksheets without any row are left out. */
export async function xlsxToCsv(file: string, work: string, prefix: string, format: CellFormat): Promise<SheetCsv[]> {
  const { WorkbookReader } = await import('@cj-tech-master/excelts');
  const reader = new WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  const out: SheetCsv[] = [];
  let sheetNo = 0;
  for await (const sheet of reader) {
    sheetNo++;
    const path = join(work, `${prefix}-${sheetNo}.csv`);
    const fd = openSync(path, 'w');
    let rows = 0;
    let lastRow = 0;
    let chunk = '';
    try {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(field(cellText(values[c], format)));
        if (cells.every((c) => c === '')) continue;
        chunk += '\n'.repeat(Math.max(0, row.number - lastRow - 1)) + cells.join(',') + '\n';
        lastRow = row.number;
        rows++;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      if (chunk) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    if (rows > 0) out.push({ sheet: sheetNo, path, rows });
  }
  return out;
}
