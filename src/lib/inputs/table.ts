/**
 * The one strict CSV path for the small inputs (sasaran, pre-aggregated counts, surveys): csv-parse, a header row,
 * the delimiter of the header (`,`, `;` or tab: the one it holds most, so `a;b,c` is `;`), physical line numbers,
 * and every problem as a value naming file, line and column instead of an exception.
 */
import { parse } from 'csv-parse/sync';
import type { StructuralError } from '../types.ts';

/** One record: its 1-based physical line (where it starts) and its cells, trimmed. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A parsed small CSV: lower-case trimmed header, data rows (blank lines skipped), and what went wrong. */
export interface Table {
  header: string[];
  rows: TableRow[];
  problems: StructuralError[];
}

/** Rows and problems of one small input: the shape every small-input parser returns. */
export interface Parsed<T> {
  rows: T[];
  problems: StructuralError[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The header's delimiter: the candidate it contains most often (`,` when none). */
export function headerDelimiter(firstLine: string): string {
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > most) (best = d), (most = n);
  }
  return best;
}

/** Parses `text` (file `file`): checks the `required` columns of the header; a CSV syntax error is one problem. */
export function parseTable(text: string, file: string, required: readonly string[]): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const problems: StructuralError[] = [];
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(body, { delimiter: headerDelimiter(firstLine), info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number; column?: number };
    const text = err.message.replace(/,? value is ".*$/s, '');
    problems.push({ file, line: err.lines, column: typeof err.column === 'number' ? err.column + 1 : undefined, expected: 'CSV yang valid / valid CSV', message: `CSV tidak valid / invalid CSV: ${text}` });
    return { header: [], rows: [], problems };
  }
  if (records.length === 0) {
    problems.push({ file, line: 1, expected: `baris judul kolom / a header row: ${required.join(', ')}`, message: 'File kosong / Empty file' });
    return { header: [], rows: [], problems };
  }
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  for (const need of required) {
    if (!header.includes(need)) {
      problems.push({ file, line: 1, column: header.length + 1, raw: firstLine.slice(0, 120), expected: `kolom / column ${need}`, message: `Kolom wajib tidak ditemukan / Required column missing: ${need}` });
    }
  }
  const rows = records.slice(1).flatMap(({ record, info, raw }) => {
    if (record.every((c) => c.trim() === '')) return [];
    // info.lines is the record's last line; a quoted cell may span lines
    const trailing = raw.endsWith('\n') ? 1 : 0;
    const line = info.lines - ((raw.match(/\n/g)?.length ?? 0) - trailing);
    return [{ line, cells: record.map((c) => c.trim()) }];
  });
  return { header, rows, problems };
}

/** A problem about one cell: file:line:column with the raw value, what is wrong (`message`) and what to do. */
export function cellProblem(file: string, row: TableRow, column: number, expected: string, message = 'Nilai tidak valid / Invalid value'): StructuralError {
  return { file, line: row.line, column: column + 1, raw: row.cells[column] ?? '', expected, message };
}

/** A strict count: digits only (no sign, exponent, hex, decimal or thousands separator); null otherwise. */
export function parseCount(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}
