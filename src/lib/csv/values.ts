/**
 * Cell parsers for measurement exports. Each returns a result value, never throws:
 * `{ok: true, value}` (value null for an NA token) or `{ok: false, reason, message}`.
 *
 * The rules are declared, not guessed (see docs "Bad data"): a decimal separator that cannot be decided from the
 * cell itself is rejected, a date order that is ambiguous follows the configured order.
 */
import type { Position, ProblemReason, Sex } from '../types.ts';

/** Result of parsing one cell: a value (null for NA / missing) or a reason with a bilingual message. */
export type CellResult<T> = { ok: true; value: T | null } | { ok: false; reason: ProblemReason; message: string };

/** Decimal separator option of the config (`measurements.decimal`). */
export type DecimalOption = 'auto' | '.' | ',';
/** Date order option of the config (`measurements.dateOrder`). */
export type DateOrderOption = 'auto' | 'DMY' | 'YMD';

/** A valid calendar date: ISO text and the day number (days since 1970-01-01). */
export interface ParsedDate {
  iso: string;
  day: number;
}

// Tokens that mean "no value" in Indonesian government exports and spreadsheets. Compared after trim + lower case.
// '#n/a' is what Excel writes for a failed lookup; 'tidak ada' = "none". Dashes of all widths are used as blanks.
const NA_TOKENS = new Set(['', 'na', 'n/a', '#n/a', 'nan', '-', '--', '\u2013', '\u2014', 'null', 'tidak ada']);
/** ASCII characters that can start an NA token (either case); see isNA. */
const NA_FIRST: boolean[] = Array.from({ length: 0x80 }, (_, c) =>
  [...NA_TOKENS].some((t) => t !== '' && (t.charCodeAt(0) === c || t[0].toUpperCase().charCodeAt(0) === c)),
);

/** True when the cell is empty or an NA token (empty, NA, N/A, #N/A, -, null, "tidak ada"), ignoring case. */
export function isNA(cell: string | undefined | null): boolean {
  if (cell == null) return true;
  // Fast answer for the usual cells: a first character that is not blank and cannot start a token (every token
  // starts with n, t, #, - or a dash of another width, in either case) means a value.
  const c0 = cell.charCodeAt(0);
  if (c0 > 0x20 && c0 < 0x80 && !NA_FIRST[c0]) return false;
  const t = cell.trim();
  if (t.length === 0) return true;
  if (t.length > 9) return false;
  return NA_TOKENS.has(t.toLowerCase());
}

const LONG_NUMBER_TEXT = '(angka panjang disembunyikan / long number hidden)';

/** A cell shown in a report, with any run of 12 or more digits (a NIK, KK or phone number that landed in the wrong
 * column: a row with swapped cells, a wrong column mapping) replaced by a description. Spaces, dots and dashes
 * between digits do not break the run; a desa code (10 digits) is kept. */
export function maskLongNumbers(text: string): string {
  return /\d{12,}/.test(text.replace(/(?<=\d)[\s.\-]+(?=\d)/g, '')) ? LONG_NUMBER_TEXT : text;
}

// Leading/trailing whitespace including NBSP (Excel copies), which String.prototype.trim already covers.
const UNICODE_MINUS = /[\u2212\u2012\uFE63\uFF0D]/g;
const NUMBER_DOT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const NUMBER_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;

const BAD_NUMBER = 'Bukan angka / Not a number';

/**
 * Parses a decimal number. `'.'` or `','` accepts only that decimal separator; `'auto'` accepts exactly one `.` or
 * one `,` as the decimal mark (so `12,5` and `12.5` are 12.5). Anything with two separators (`1.234,5`, `1,234.5`,
 * `1.234.567`) is rejected: a thousands separator is never guessed. Unicode minus is accepted; inner spaces are not.
 */
export function parseDecimal(cell: string, decimal: DecimalOption = 'auto'): CellResult<number> {
  // Fast path for the usual cell: digits, optionally one separator allowed by `decimal` and more digits.
  const n = cell.length;
  let sep = -1;
  let i = 0;
  for (; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (sep !== -1 || i === 0 || i === n - 1) break;
    if (c === 46 ? decimal === ',' : c === 44 ? decimal === '.' : true) break;
    sep = i;
  }
  if (i === n && n > 0) {
    const v = Number(sep !== -1 && cell.charCodeAt(sep) === 44 ? cell.replace(',', '.') : cell);
    if (Number.isFinite(v)) return { ok: true, value: v };
  }
  return parseDecimalGeneral(cell, decimal);
}

/** parseDecimal without its fast path (the reference the tests compare the fast path with). */
export function parseDecimalGeneral(cell: string, decimal: DecimalOption = 'auto'): CellResult<number> {
  if (isNA(cell)) return { ok: true, value: null };
  let t = cell.trim();
  if (t.charCodeAt(0) > 0x7f || t.charCodeAt(t.length - 1) > 0x7f) t = t.replace(UNICODE_MINUS, '-');
  let ok: boolean;
  if (decimal === '.') ok = NUMBER_DOT.test(t);
  else if (decimal === ',') ok = NUMBER_COMMA.test(t);
  else ok = NUMBER_DOT.test(t) || NUMBER_COMMA.test(t);
  if (!ok) {
    const both = t.includes('.') && t.includes(',');
    const twice = /[.,].*[.,]/.test(t);
    const wrongSep = (decimal === '.' && t.includes(',')) || (decimal === ',' && t.includes('.'));
    const message = both || twice
      ? 'Pemisah ribuan tidak diterima / Thousands separators are not accepted'
      : wrongSep
        ? `Pemisah desimal harus "${decimal}" / Decimal separator must be "${decimal}"`
        : BAD_NUMBER;
    return { ok: false, reason: 'bad_number', message };
  }
  const v = Number(t.replace(',', '.'));
  if (!Number.isFinite(v)) return { ok: false, reason: 'bad_number', message: BAD_NUMBER };
  return { ok: true, value: v };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (integer arithmetic, no Date objects; H. Hinnant's
 * days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of an ISO date `YYYY-MM-DD` (no validation beyond the shape; use parseDate for user input). */
export function isoDayNumber(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Number of days in a month of the Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Earliest and latest years accepted in a date; outside is a typing error (e.g. 0202, 2204). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// Year first: 2024-02-05, 2024/2/5, optionally followed by a time (Excel writes "2024-02-05 00:00:00", ISO "T").
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Year last: 05/02/2024, 5-2-2024, 05.02.2024, optionally with a time.
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

const BAD_DATE = 'Tanggal tidak dikenali / Unrecognised date';

/**
 * Parses a date into ISO text and day number. Accepted: `YYYY-MM-DD` (also `/` or `.`, optional time such as
 * Excel's `2024-02-05 00:00:00`) and day-first `DD/MM/YYYY`, `DD-MM-YYYY`, `D/M/YYYY`. Order: `'YMD'` accepts only
 * year-first, `'DMY'` only day-first, `'auto'` decides per cell by the rule "a 4-digit first field is the year
 * (ISO), otherwise the date is day-first" (Indonesian usage). Month-first (US) dates, two-digit years, Excel serial
 * numbers and impossible dates (31/02/2024, 29/02/2023) are rejected as bad_date.
 */
export function parseDate(cell: string, order: DateOrderOption = 'auto'): CellResult<ParsedDate> {
  // Fast path for the usual cell, DD/MM/YYYY or YYYY-MM-DD with two-digit day and month (any of - / . as separators,
  // as the patterns allow): a valid date gives the same value as the patterns; anything else takes the general way.
  if (cell.length === 10) {
    const s2 = cell.charCodeAt(2);
    const s4 = cell.charCodeAt(4);
    let y = -1;
    let m = 0;
    let d = 0;
    if (order !== 'YMD' && isSep(s2) && isSep(cell.charCodeAt(5))) {
      d = digits2(cell, 0);
      m = digits2(cell, 3);
      y = digits4(cell, 6);
    } else if (order !== 'DMY' && isSep(s4) && isSep(cell.charCodeAt(7))) {
      y = digits4(cell, 0);
      m = digits2(cell, 5);
      d = digits2(cell, 8);
    }
    if (y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      const iso = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
      return { ok: true, value: { iso, day: dayNumber(y, m, d) } };
    }
  }
  return parseDateGeneral(cell, order);
}

const isSep = (c: number) => c === 45 || c === 47 || c === 46; // - / .
/** The number of two ASCII digits at s[i], or -1000 when they are not digits. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1000;
}
/** The number of four ASCII digits at s[i], or -1 when they are not digits. */
function digits4(s: string, i: number): number {
  const a = digits2(s, i);
  const b = digits2(s, i + 2);
  return a >= 0 && b >= 0 ? a * 100 + b : -1;
}

/** parseDate without its fast path (the reference the tests compare the fast path with). */
export function parseDateGeneral(cell: string, order: DateOrderOption = 'auto'): CellResult<ParsedDate> {
  if (isNA(cell)) return { ok: true, value: null };
  const t = cell.trim();
  let y: number;
  let m: number;
  let d: number;
  let mt = order === 'DMY' ? null : YEAR_FIRST.exec(t);
  if (mt) {
    y = Number(mt[1]);
    m = Number(mt[2]);
    d = Number(mt[3]);
  } else {
    mt = order === 'YMD' ? null : YEAR_LAST.exec(t);
    if (!mt) {
      const message =
        order === 'YMD' && YEAR_LAST.test(t)
          ? 'Tanggal harus YYYY-MM-DD (measurements.dateOrder = YMD) / Date must be YYYY-MM-DD'
          : order === 'DMY' && YEAR_FIRST.test(t)
            ? 'Tanggal harus DD/MM/YYYY (measurements.dateOrder = DMY) / Date must be DD/MM/YYYY'
            : BAD_DATE;
      return { ok: false, reason: 'bad_date', message };
    }
    d = Number(mt[1]);
    m = Number(mt[2]);
    y = Number(mt[3]);
  }
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return { ok: false, reason: 'bad_date', message: `Tahun di luar ${MIN_YEAR}-${MAX_YEAR} / Year outside ${MIN_YEAR}-${MAX_YEAR}` };
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: 'bad_date', message: 'Tanggal tidak ada di kalender / Impossible calendar date' };
  }
  const iso = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  return { ok: true, value: { iso, day: dayNumber(y, m, d) } };
}

/** Lower-cases and keeps only letters and digits: "Laki-laki" → "lakilaki", " P " → "p". */
function key(cell: string): string {
  return cell.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SEX: Record<string, Sex> = {
  l: 1, lk: 1, laki: 1, lakilaki: 1, pria: 1, '1': 1, m: 1, male: 1,
  p: 2, pr: 2, perempuan: 2, wanita: 2, '2': 2, f: 2, female: 2,
};

/**
 * Memoises a parser of cells with few distinct values (sex, position, oedema): the result of a cell text is computed
 * once and shared (frozen: callers only read results), for up to 256 distinct texts.
 */
function memo<T>(parse: (cell: string) => CellResult<T>): (cell: string) => CellResult<T> {
  const seen = new Map<string, CellResult<T>>();
  return (cell) => {
    let r = seen.get(cell);
    if (r === undefined) {
      r = parse(cell);
      if (seen.size < 256) seen.set(cell, Object.freeze(r));
    }
    return r;
  };
}

/** Parses sex: L / Laki-laki / 1 / M / male → 1, P / Perempuan / 2 / F / female → 2 (case-insensitive). */
export const parseSex: (cell: string) => CellResult<Sex> = memo(parseSexCell);
function parseSexCell(cell: string): CellResult<Sex> {
  if (isNA(cell)) return { ok: true, value: null };
  const v = SEX[key(cell)];
  if (v === undefined) {
    return { ok: false, reason: 'bad_sex', message: 'Jenis kelamin harus L/P atau 1/2 / Sex must be L/P or 1/2' };
  }
  return { ok: true, value: v };
}

// e-PPGBM writes "Terlentang"/"Berdiri"; "telentang" is the standard KBBI spelling. PB (panjang badan) is measured
// lying, TB (tinggi badan) standing, so those abbreviations are accepted as well.
const POSITION: Record<string, Position> = {
  l: 'L', terlentang: 'L', telentang: 'L', berbaring: 'L', tidur: 'L', pb: 'L', recumbent: 'L', length: 'L', lying: 'L',
  h: 'H', berdiri: 'H', tb: 'H', standing: 'H', height: 'H', stand: 'H',
};

/** Parses the measuring position: terlentang / telentang / L / recumbent → 'L', berdiri / H / standing → 'H';
 * missing → null (then anthro applies no +/-0.7 cm correction). */
export const parsePosition: (cell: string) => CellResult<Position> = memo(parsePositionCell);
function parsePositionCell(cell: string): CellResult<Position> {
  if (isNA(cell)) return { ok: true, value: null };
  const v = POSITION[key(cell)];
  if (v === undefined) {
    return {
      ok: false,
      reason: 'bad_position',
      message: 'Cara ukur harus Terlentang atau Berdiri / Position must be recumbent (L) or standing (H)',
    };
  }
  return { ok: true, value: v };
}

const OEDEMA: Record<string, boolean> = {
  y: true, ya: true, yes: true, '1': true, true: true, ada: true,
  n: false, t: false, tidak: false, no: false, '0': false, false: false, tidakada: false,
};

/** Parses bilateral pitting oedema: y / ya / yes / 1 → true, n / tidak / no / 0 → false; missing → false (as anthro
 * treats a missing oedema as "no"). Any other text is rejected, because oedema blanks the weight-based scores. */
export const parseOedema: (cell: string) => CellResult<boolean> = memo(parseOedemaCell);
function parseOedemaCell(cell: string): CellResult<boolean> {
  if (isNA(cell)) return { ok: true, value: false };
  const v = OEDEMA[key(cell)];
  if (v === undefined) {
    // ProblemReason has no oedema-specific code; an unreadable cell makes the row unusable, as for a bad field count.
    return { ok: false, reason: 'malformed_row', message: 'Edema harus Ya atau Tidak / Oedema must be yes or no' };
  }
  return { ok: true, value: v };
}
