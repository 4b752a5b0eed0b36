/** Writing CSV cells safely: RFC 4180 quoting and neutralised spreadsheet formulas. */

/** Returns a CSV cell for a value: empty for null, numbers as-is, text quoted when needed and prefixed with `'`
 * when it starts like a formula (`= + - @`, tab or carriage return; OWASP CSV injection guidance). */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Joins rows into a CSV text with a header and LF line endings. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  let out = header.map(csvCell).join(',') + '\n';
  for (const r of rows) out += r.map(csvCell).join(',') + '\n';
  return out;
}
