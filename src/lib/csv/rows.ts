/**
 * Row validation: turns the string fields of one export row into a Measurement, or into the list of every problem
 * found in it. Problems carry file, line, column and the raw cell, except for identity columns whose raw value is
 * replaced by a description, so that the validation report never holds personal data.
 */
import type { CanonicalColumn } from '../config.ts';
import type { Measurement, Position, RowProblem, Sex } from '../types.ts';
import type { Columns } from './headers.ts';
import type { AreaMatcher } from './names.ts';
import { childKeyer, fnv1a64 } from './child-key.ts';
import { isNA, isoDayNumber, maskLongNumbers, parseDate, parseDecimal, parseOedema, parsePosition, parseSex } from './values.ts';
import type { DateOrderOption, DecimalOption, ParsedDate } from './values.ts';

/** Oldest accepted age: 59 completed months. WHO's standards end at 1826 days (anthro's age_days limit). */
export const MAX_AGE_DAYS = 1826;
/**
 * Plausible weight of a child under five, in kg. Wider than any WHO z-score cut-off (WAZ -6 at birth is about
 * 1.2 kg, +5 at 59 months about 37 kg): the limits reject only what cannot be a child under five, such as grams,
 * a lost decimal point (105 for 10.5) or a swapped weight/height, and leave extreme values to the WHO flags.
 */
export const WEIGHT_MIN_KG = 0.5;
export const WEIGHT_MAX_KG = 60;
/** Plausible length/height of a child under five, in cm (HAZ -6 at birth is about 38 cm; +6 at 59 months about
 * 136 cm). Millimetres (875) and metres (0.87) fall outside. */
export const HEIGHT_MIN_CM = 38;
export const HEIGHT_MAX_CM = 150;

/** What the validator needs besides the row: resolved columns, locale options, the area matcher, the build's
 * reference day ("today", ISO date or day number; later dates are future dates) and the file name for problems. */
export interface RowValidatorContext {
  columns: Columns;
  options: { decimal: DecimalOption; dateOrder: DateOrderOption };
  matcher: AreaMatcher;
  referenceDay: string | number;
  file: string;
  /** Optional secret mixed into child keys, so a key cannot be checked against a guessed NIK outside the build. */
  keySalt?: string;
}

/** Validation result of one row. */
export type RowResult = { ok: true; m: Measurement } | { ok: false; problems: RowProblem[] };

// Identity columns: their raw value never appears in a problem.
const REDACTED: Partial<Record<CanonicalColumn, string>> = {
  child_id: '(NIK disembunyikan / NIK hidden)',
  name: '(nama disembunyikan / name hidden)',
  birth_date: '(tanggal lahir disembunyikan / birth date hidden)',
  address: '(alamat disembunyikan / address hidden)',
  parent_name: '(nama orang tua disembunyikan / parent name hidden)',
};

/** The raw value of a cell as it may appear in a problem: redacted for identity columns, else the cell text with
 * long digit runs (an identity number in the wrong column) hidden. */
export function redactCell(column: CanonicalColumn, raw: string): string {
  return REDACTED[column] ?? maskLongNumbers(raw);
}

/** Creates the validator of one file's rows (columns and options are fixed per file). */
export function createRowValidator(ctx: RowValidatorContext): { validate(fields: string[], line: number): RowResult } {
  return new RowValidator(ctx);
}

/**
 * The validator of one file: per-file settings, plus the row being validated held in fields shared by the checks
 * below (one instance per file; the checks allocate nothing beyond the parsers' results and the problems found).
 * The checks run in a fixed order, so that a row's problems are always listed in the same order.
 */
class RowValidator {
  private readonly file: string;
  private readonly ix: Columns['index'];
  private readonly headers: string[];
  private readonly width: number;
  private readonly refDay: number;
  private readonly decimal: DecimalOption;
  private readonly dateOrder: DateOrderOption;
  private readonly matcher: AreaMatcher;
  private readonly salt: string;
  private readonly keyer: ReturnType<typeof childKeyer>;
  private fields: string[] = [];
  private line = 0;
  private problems: RowProblem[] = [];

  constructor(ctx: RowValidatorContext) {
    this.file = ctx.file;
    this.ix = ctx.columns.index;
    this.headers = ctx.columns.headers;
    this.width = this.headers.length;
    this.refDay = typeof ctx.referenceDay === 'number' ? ctx.referenceDay : isoDayNumber(ctx.referenceDay);
    this.decimal = ctx.options.decimal;
    this.dateOrder = ctx.options.dateOrder;
    this.matcher = ctx.matcher;
    this.salt = ctx.keySalt ?? '';
    this.keyer = childKeyer(this.salt);
  }

  // A rejected row holding invisible characters (a zero-width space or BOM pasted into a code, a DOS 0x1A) is
  // validated again without them: they never carry meaning in a code, date or number. A row still rejected names
  // them in its problems (<U+200B>), so that a valid-looking code is not shown as the culprit. Clean rows pay
  // nothing: the check runs on rejected rows only.
  validate(rowFields: string[], rowLine: number): RowResult {
    const first = this.once(rowFields, rowLine);
    if (first.ok || !rowFields.some((f) => INVISIBLE.test(f))) return first;
    const again = this.once(rowFields.map((f) => f.replace(INVISIBLE_ALL, '')), rowLine);
    if (again.ok) return again;
    return { ok: false, problems: first.problems.map((p) => (p.raw !== undefined ? { ...p, raw: showInvisible(p.raw) } : p)) };
  }

  /** One pass over the row: every check, then the measurement when none found a problem. */
  private once(rowFields: string[], rowLine: number): RowResult {
    this.fields = rowFields;
    this.line = rowLine;
    this.problems = [];
    if (!this.widthFits()) return { ok: false, problems: this.problems };
    const sex = this.sex();
    const birth = this.date('birth_date', 'Tanggal lahir kosong / Birth date is empty', 'Tanggal lahir di masa depan / Birth date in the future');
    const measured = this.date(
      'measure_date',
      'Tanggal pengukuran kosong / Measurement date is empty',
      'Tanggal pengukuran di masa depan / Measurement date in the future',
    );
    const ageDays = birth !== null && measured !== null ? this.age(birth.day, measured.day) : -1;
    const rawWeight = this.cell('weight').trim();
    const rawHeight = this.cell('height').trim();
    const weightKg = this.ix.weight === undefined ? null : this.measure('weight', rawWeight, WEIGHT_MIN_KG, WEIGHT_MAX_KG);
    const heightCm = this.ix.height === undefined ? null : this.measure('height', rawHeight, HEIGHT_MIN_CM, HEIGHT_MAX_CM);
    if (isNA(rawWeight) && isNA(rawHeight)) {
      this.problem(this.ix.weight !== undefined ? 'weight' : 'height', 'missing_value', 'Berat dan tinggi kosong / Weight and height are both empty');
    }
    const position = this.position();
    const oedema = this.oedema();
    const areaCode = this.areaCode();
    if (this.problems.length > 0 || sex === null || birth === null || measured === null || areaCode === null) {
      return { ok: false, problems: this.problems };
    }
    const m: Measurement = {
      file: this.file,
      line: rowLine,
      childKey: this.childKey(birth.iso, areaCode),
      areaCode,
      sex,
      birthDate: birth.iso,
      measureDate: measured.iso,
      ageDays,
      weightKg,
      lengthHeightCm: heightCm,
      position,
      oedema,
    };
    if (rawWeight !== '') m.rawWeight = rawWeight;
    if (rawHeight !== '') m.rawHeight = rawHeight;
    return { ok: true, m };
  }

  /** The row's cell of a canonical column ('' when the file has no such column or the row is short). */
  private cell(c: CanonicalColumn): string {
    const i = this.ix[c];
    return i === undefined ? '' : (this.fields[i] ?? '');
  }

  /** Records a problem of the row's cell in column `c`, showing `raw` (default: the cell) redacted. */
  private problem(c: CanonicalColumn, reason: RowProblem['reason'], message: string, raw?: string): void {
    const i = this.ix[c]!;
    this.problems.push({
      file: this.file,
      line: this.line,
      column: this.headers[i],
      columnIndex: i + 1,
      raw: redactCell(c, raw ?? this.fields[i] ?? ''),
      reason,
      message,
    });
  }

  // Field count: more non-empty fields than headers means a delimiter inside an unquoted value (often a decimal
  // comma in a comma-separated file); fewer means a truncated row. Trailing empty fields are tolerated.
  private widthFits(): boolean {
    const fields = this.fields;
    const width = this.width;
    if (fields.length === width) return true;
    let n = fields.length;
    while (n > width && fields[n - 1].trim() === '') n--;
    if (n === width) return true;
    this.problems.push({
      file: this.file,
      line: this.line,
      reason: 'malformed_row',
      raw: `${fields.length}`,
      message: `Jumlah kolom ${fields.length}, seharusnya ${width} / ${fields.length} fields, expected ${width}`,
    });
    return false;
  }

  /** The child's sex, or null after recording why not. */
  private sex(): Sex | null {
    const r = parseSex(this.cell('sex'));
    if (!r.ok) this.problem('sex', r.reason, r.message);
    else if (r.value === null) this.problem('sex', 'missing_value', 'Jenis kelamin kosong / Sex is empty');
    else return r.value;
    return null;
  }

  /** A date that is present and not after the reference day, or null after recording why not. */
  private date(c: 'birth_date' | 'measure_date', empty: string, future: string): ParsedDate | null {
    const r = parseDate(this.cell(c), this.dateOrder);
    if (!r.ok) this.problem(c, r.reason, r.message);
    else if (r.value === null) this.problem(c, 'missing_value', empty);
    else if (r.value.day > this.refDay) this.problem(c, 'future_date', future);
    else return r.value;
    return null;
  }

  /** Age in days at measurement, recording a measurement before birth or a child over 59 months. */
  private age(birthDay: number, measureDay: number): number {
    const ageDays = measureDay - birthDay;
    if (ageDays < 0) this.problem('measure_date', 'measured_before_birth', 'Diukur sebelum lahir / Measured before birth');
    else if (ageDays > MAX_AGE_DAYS) this.problem('birth_date', 'too_old', 'Umur lebih dari 59 bulan / Older than 59 months');
    return ageDays;
  }

  /** A weight or height within its plausible limits, or null (empty, or after recording the problem). */
  private measure(c: 'weight' | 'height', raw: string, min: number, max: number): number | null {
    const r = parseDecimal(raw, this.decimal);
    if (!r.ok) this.problem(c, r.reason, r.message);
    else if (r.value !== null) {
      if (r.value >= min && r.value <= max) return r.value;
      if (c === 'weight') this.problem(c, 'implausible_weight', weightHint(r.value));
      else this.problem(c, 'implausible_height', heightHint(r.value));
    }
    return null;
  }

  /** The measuring position (null when absent or unknown), recording an unreadable one. */
  private position(): Position | null {
    if (this.ix.position === undefined) return null;
    const r = parsePosition(this.cell('position'));
    if (r.ok) return r.value;
    this.problem('position', r.reason, r.message);
    return null;
  }

  /** True when oedema is recorded, recording an unreadable cell. */
  private oedema(): boolean {
    if (this.ix.oedema === undefined) return false;
    const r = parseOedema(this.cell('oedema'));
    if (r.ok) return r.value === true;
    this.problem('oedema', r.reason, r.message);
    return false;
  }

  /** The row's desa code, or null after recording the unknown area on its code or desa name column. */
  private areaCode(): string | null {
    const ix = this.ix;
    const area = this.matcher.match(
      {
        desaCode: this.cell('desa_code'),
        desaName: this.cell('desa_name'),
        kecamatanCode: this.cell('kecamatan_code'),
        kecamatanName: this.cell('kecamatan_name'),
      },
      this.file,
      this.line,
    );
    if (area.ok) return area.code;
    const c: CanonicalColumn = ix.desa_code !== undefined && !isNA(this.cell('desa_code')) ? 'desa_code' : ix.desa_name !== undefined ? 'desa_name' : 'desa_code';
    const raw = c === 'desa_code' ? this.cell('desa_code') : `${this.cell('kecamatan_name').trim()} / ${this.cell('desa_name').trim()}`;
    this.problem(c, 'unknown_area', area.message, raw);
    return null;
  }

  /** The child key of a valid row; a row without NIK or name is keyed by its own place in the file. */
  private childKey(birthIso: string, areaCode: string): string {
    return this.keyer.of(this.cell('child_id'), this.cell('name'), birthIso, areaCode) ?? fnv1a64(`${this.salt}r:${this.file}:${this.line}`);
  }
}

/** Invisible characters stripped from a rejected row before it is validated again: zero-width space, non-joiner and
 * joiner, word joiner, BOM (zero-width no-break space), soft hyphen, and the DOS end-of-file mark SUB (0x1A). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u001A]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** A raw cell with its invisible characters written out (`<U+200B>`). */
export function showInvisible(raw: string): string {
  return raw.replace(INVISIBLE_ALL, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

function weightHint(v: number): string {
  const base = `Berat ${v} kg tidak mungkin untuk balita / Weight ${v} kg is implausible for a child under five`;
  if (v >= 500 && v <= 60000) return `${base} (gram?)`;
  if (v > WEIGHT_MAX_KG && v <= 600) return `${base} (koma desimal hilang? / missing decimal point?)`;
  return base;
}

function heightHint(v: number): string {
  const base = `Tinggi ${v} cm tidak mungkin untuk balita / Height ${v} cm is implausible for a child under five`;
  if (v >= HEIGHT_MIN_CM * 10 && v <= HEIGHT_MAX_CM * 10) return `${base} (mm?)`;
  if (v >= HEIGHT_MIN_CM / 100 && v <= HEIGHT_MAX_CM / 100) return `${base} (meter?)`;
  return base;
}
