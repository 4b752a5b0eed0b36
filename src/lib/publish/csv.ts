/** Writing CSV cells safely: RFC 4180 quoting and neutralised spreadsheet formulas; comma or semicolon dialects. */

/** How a delimited text is written: the tidy CSV is `,` / `.` / LF without BOM; the Excel variant for Indonesian
 * locales is `;` / `,` / CRLF with a UTF-8 BOM (Excel's list separator and decimal mark under id-ID). */
export interface CsvDialect {
  delimiter: ',' | ';';
  /** Write numbers with a decimal comma (9,2) instead of a point. */
  decimalComma: boolean;
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8. */
  bom: boolean;
  eol: '\n' | '\r\n';
}

/** The dialect of the tidy CSV (stunting.csv). */
export const TIDY_DIALECT: CsvDialect = { delimiter: ',', decimalComma: false, bom: false, eol: '\n' };
/** The dialect of the Excel variants for Indonesian locales. */
export const EXCEL_DIALECT: CsvDialect = { delimiter: ';', decimalComma: true, bom: true, eol: '\r\n' };

/** Returns a CSV cell for a value: empty for null, numbers as-is, text quoted when needed and prefixed with `'`
 * when it starts like a formula (`= + - @`, tab or carriage return; OWASP CSV injection guidance). */
export function csvCell(v: string | number | null | undefined): string {
  return dialectCell(v, TIDY_DIALECT);
}

/** A cell in a dialect: numbers with the dialect's decimal mark, text quoted when it holds the delimiter, a quote
 * or a line break, and formula-like text prefixed with `'` as in csvCell. */
export function dialectCell(v: string | number | null | undefined, d: CsvDialect): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return d.decimalComma ? String(v).replace('.', ',') : String(v);
  }
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  const special = d.delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

type Row = readonly (string | number | null | undefined)[];

/** Joins rows into a delimited text with a header, in a dialect. */
export function toDelimited(header: readonly string[], rows: readonly Row[], d: CsvDialect): string {
  const line = (r: Row) => r.map((v) => dialectCell(v, d)).join(d.delimiter);
  // One join, not `+=`: the result is one flat string, not a rope of every line kept alive until it is written.
  const lines = [(d.bom ? '\uFEFF' : '') + line(header)];
  for (const r of rows) lines.push(line(r));
  lines.push('');
  return lines.join(d.eol);
}

/** Joins rows into a CSV text with a header and LF line endings. */
export function toCsv(header: readonly string[], rows: readonly Row[]): string {
  return toDelimited(header, rows, TIDY_DIALECT);
}
