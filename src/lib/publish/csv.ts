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

/** One line of a delimited text, without its line ending. */
function delimitedLine(r: Row, d: CsvDialect): string {
  return r.map((v) => dialectCell(v, d)).join(d.delimiter);
}

/**
 * A delimited text built row by row without keeping the rows: each row becomes its line at once, and `flush()` joins
 * the lines so far into one chunk. A province's konvergensi.csv has 1.5 million rows; held as cell arrays (twice,
 * with the Excel variant) they were ≈ 1 GB of the data build's peak.
 */
export class DelimitedText {
  private readonly chunks: string[] = [];
  private lines: string[] = [];
  private readonly header: readonly string[];
  private readonly d: CsvDialect;

  constructor(header: readonly string[], d: CsvDialect) {
    this.header = header;
    this.d = d;
  }

  add(row: Row): void {
    this.lines.push(delimitedLine(row, this.d));
  }

  /** Joins the lines added since the last flush into one string (call every area, or every few thousand rows). */
  flush(): void {
    if (this.lines.length === 0) return;
    this.lines.push('');
    this.chunks.push(this.lines.join(this.d.eol));
    this.lines = [];
  }

  /** The whole text in parts (publish/files.ts FileText): the header line (with the byte-order mark), then the rows
   * in the chunks flush() made. */
  parts(): string[] {
    this.flush();
    return [(this.d.bom ? '\uFEFF' : '') + delimitedLine(this.header, this.d) + this.d.eol, ...this.chunks];
  }

  /** The whole text: the header, then every row, each line ended by the dialect's line ending. */
  text(): string {
    // One join, not `+=`: the result is one flat string, not a rope of every chunk kept alive until it is written.
    return this.parts().join('');
  }
}

/** Joins rows into a delimited text with a header, in a dialect. */
export function toDelimited(header: readonly string[], rows: readonly Row[], d: CsvDialect): string {
  const out = new DelimitedText(header, d);
  for (const r of rows) out.add(r);
  return out.text();
}

/** Joins rows into a CSV text with a header and LF line endings. */
export function toCsv(header: readonly string[], rows: readonly Row[]): string {
  return toDelimited(header, rows, TIDY_DIALECT);
}
