/**
 * Row validation: turns the string fields of one export row into a Measurement, or into the list of every problem
 * found in it. Problems carry file, line, column and the raw cell, except for identity columns whose raw value is
 * replaced by a description, so that the validation report never holds personal data.
 */
import type { CanonicalColumn } from '../config.ts';
import type { Measurement, Position, RowProblem, Sex } from '../types.ts';
import type { Columns } from './headers.ts';
import type { AreaMatcher } from './names.ts';
import { normaliseName } from './names.ts';
import { isNA, isoDayNumber, maskLongNumbers, parseDate, parseDecimal, parseOedema, parsePosition, parseSex } from './values.ts';
import type { DateOrderOption, DecimalOption } from './values.ts';

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

/** 64-bit FNV-1a of a string (UTF-16 code units hashed as little-endian bytes; equal to byte-wise FNV-1a over
 * ASCII), as 16 hex digits. Fast and non-cryptographic: used only to avoid holding identities in keys. */
export function fnv1a64(s: string): string {
  fnvHi = FNV_OFFSET_HI;
  fnvLo = FNV_OFFSET_LO;
  fnvFeed(s);
  return fnvHex();
}

const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
// The 64-bit state in two 32-bit halves, between fnvFeed calls (hashing then allocates nothing but the hex text).
let fnvHi = 0;
let fnvLo = 0;

/** Hashes the code units of `s` into the state. */
function fnvFeed(s: string): void {
  // the prime 2^40 + 0x1b3 multiplies as h*0x1b3 + (lo << 40); every intermediate stays below 2^53
  let hi = fnvHi;
  let lo = fnvLo;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    lo = (lo ^ (c & 0xff)) >>> 0;
    let t = lo * 0x1b3;
    hi = (hi * 0x1b3 + ((t / 0x100000000) | 0) + ((lo << 8) >>> 0)) >>> 0;
    lo = t >>> 0;
    if (c >= 0x80) {
      lo = (lo ^ (c >>> 8)) >>> 0;
      t = lo * 0x1b3;
      hi = (hi * 0x1b3 + ((t / 0x100000000) | 0) + ((lo << 8) >>> 0)) >>> 0;
      lo = t >>> 0;
    }
  }
  fnvHi = hi;
  fnvLo = lo;
}

function fnvHex(): string {
  return fnvHi.toString(16).padStart(8, '0') + fnvLo.toString(16).padStart(8, '0');
}

/** Hashes of texts that all start with the same prefix: `of(rest)` = fnv1a64(prefix + rest), the prefix hashed once. */
function prefixedHash(prefix: string): (rest: string) => string {
  fnvHi = FNV_OFFSET_HI;
  fnvLo = FNV_OFFSET_LO;
  fnvFeed(prefix);
  const hi = fnvHi;
  const lo = fnvLo;
  return (rest) => {
    fnvHi = hi;
    fnvLo = lo;
    fnvFeed(rest);
    return fnvHex();
  };
}

/** Opaque child key: from the NIK when usable (digits only, not all zeros, not mangled by Excel into 3.51E+15),
 * else from normalised name + birth date + desa; null when neither is available (the row then counts alone). */
export function childKeyOf(nik: string, name: string, birthIso: string, areaCode: string, salt = ''): string | null {
  if (keyer === null || keyer.salt !== salt) keyer = childKeyer(salt);
  return keyer.of(nik, name, birthIso, areaCode);
}

let keyer: ReturnType<typeof childKeyer> | null = null;

/** childKeyOf for one salt, with the salted prefixes hashed once. */
function childKeyer(salt: string) {
  const byNik = prefixedHash(`${salt}n:`);
  const byPerson = prefixedHash(`${salt}p:`);
  return {
    salt,
    of(nik: string, name: string, birthIso: string, areaCode: string): string | null {
      // The usual NIK, digits only: the checks below would keep it as it is.
      let digits = nik.length > 0;
      let zeros = true;
      for (let i = 0; digits && i < nik.length; i++) {
        const c = nik.charCodeAt(i);
        if (c < 48 || c > 57) digits = false;
        else if (c !== 48) zeros = false;
      }
      if (digits && !zeros) return byNik(nik);
      if (!digits && !isNA(nik)) {
        const d = nik.replace(/[\s.'-]/g, '');
        // Excel turns 16-digit NIKs into 3.51001E+15, which collide; such a cell is not an identifier. Placeholders
        // of zeros are not identifiers either. Other letters-and-digits ids (the plain format's child_id) are used.
        const excel = /^\d+([.,]\d+)?e\+?\d+$/i.test(nik.trim());
        if (!excel && /^[0-9A-Za-z]+$/.test(d) && !/^0+$/.test(d)) return byNik(d);
      }
      if (!isNA(name)) {
        const n = normaliseName(name);
        if (n !== '') return byPerson(`${n}|${birthIso}|${areaCode}`);
      }
      return null;
    },
  };
}

/** Creates the validator of one file's rows (columns and options are fixed per file). */
export function createRowValidator(ctx: RowValidatorContext): { validate(fields: string[], line: number): RowResult } {
  const { columns, options, matcher, file } = ctx;
  const ix = columns.index;
  const headers = columns.headers;
  const refDay = typeof ctx.referenceDay === 'number' ? ctx.referenceDay : isoDayNumber(ctx.referenceDay);
  const width = headers.length;
  const salt = ctx.keySalt ?? '';
  const keyer = childKeyer(salt);

  // The row being validated, shared by the helpers below (made once, not per row).
  let fields: string[] = [];
  let line = 0;
  let problems: RowProblem[] = [];
  const cell = (c: CanonicalColumn): string => {
    const i = ix[c];
    return i === undefined ? '' : (fields[i] ?? '');
  };
  const problem = (c: CanonicalColumn | null, reason: RowProblem['reason'], message: string, raw?: string) => {
    if (c === null) {
      problems.push({ file, line, reason, message });
      return;
    }
    const i = ix[c]!;
    problems.push({
      file,
      line,
      column: headers[i],
      columnIndex: i + 1,
      raw: redactCell(c, raw ?? fields[i] ?? ''),
      reason,
      message,
    });
  };

  const validateOnce = (rowFields: string[], rowLine: number): RowResult => {
      fields = rowFields;
      line = rowLine;
      problems = [];

      // Field count: more non-empty fields than headers means a delimiter inside an unquoted value (often a decimal
      // comma in a comma-separated file); fewer means a truncated row. Trailing empty fields are tolerated.
      if (fields.length !== width) {
        let n = fields.length;
        while (n > width && fields[n - 1].trim() === '') n--;
        if (n !== width) {
          problems.push({
            file,
            line,
            reason: 'malformed_row',
            raw: `${fields.length}`,
            message: `Jumlah kolom ${fields.length}, seharusnya ${width} / ${fields.length} fields, expected ${width}`,
          });
          return { ok: false, problems };
        }
      }

      const sexR = parseSex(cell('sex'));
      let sex: Sex | null = null;
      if (!sexR.ok) problem('sex', sexR.reason, sexR.message);
      else if (sexR.value === null) problem('sex', 'missing_value', 'Jenis kelamin kosong / Sex is empty');
      else sex = sexR.value;

      const birthR = parseDate(cell('birth_date'), options.dateOrder);
      const measR = parseDate(cell('measure_date'), options.dateOrder);
      let birthOk = false;
      let measOk = false;
      if (!birthR.ok) problem('birth_date', birthR.reason, birthR.message);
      else if (birthR.value === null) problem('birth_date', 'missing_value', 'Tanggal lahir kosong / Birth date is empty');
      else if (birthR.value.day > refDay) {
        problem('birth_date', 'future_date', 'Tanggal lahir di masa depan / Birth date in the future');
      } else birthOk = true;
      if (!measR.ok) problem('measure_date', measR.reason, measR.message);
      else if (measR.value === null) {
        problem('measure_date', 'missing_value', 'Tanggal pengukuran kosong / Measurement date is empty');
      } else if (measR.value.day > refDay) {
        problem('measure_date', 'future_date', 'Tanggal pengukuran di masa depan / Measurement date in the future');
      } else measOk = true;
      let ageDays = -1;
      if (birthOk && measOk && birthR.ok && measR.ok && birthR.value && measR.value) {
        ageDays = measR.value.day - birthR.value.day;
        if (ageDays < 0) {
          problem('measure_date', 'measured_before_birth', 'Diukur sebelum lahir / Measured before birth');
        } else if (ageDays > MAX_AGE_DAYS) {
          problem('birth_date', 'too_old', 'Umur lebih dari 59 bulan / Older than 59 months');
        }
      }

      const rawWeight = cell('weight').trim();
      const rawHeight = cell('height').trim();
      let weightKg: number | null = null;
      let heightCm: number | null = null;
      if (ix.weight !== undefined) {
        const r = parseDecimal(rawWeight, options.decimal);
        if (!r.ok) problem('weight', r.reason, r.message);
        else if (r.value !== null) {
          if (r.value < WEIGHT_MIN_KG || r.value > WEIGHT_MAX_KG) {
            problem('weight', 'implausible_weight', weightHint(r.value));
          } else weightKg = r.value;
        }
      }
      if (ix.height !== undefined) {
        const r = parseDecimal(rawHeight, options.decimal);
        if (!r.ok) problem('height', r.reason, r.message);
        else if (r.value !== null) {
          if (r.value < HEIGHT_MIN_CM || r.value > HEIGHT_MAX_CM) {
            problem('height', 'implausible_height', heightHint(r.value));
          } else heightCm = r.value;
        }
      }
      if (isNA(rawWeight) && isNA(rawHeight)) {
        problem(
          ix.weight !== undefined ? 'weight' : 'height',
          'missing_value',
          'Berat dan tinggi kosong / Weight and height are both empty',
        );
      }

      let position: Position | null = null;
      if (ix.position !== undefined) {
        const r = parsePosition(cell('position'));
        if (!r.ok) problem('position', r.reason, r.message);
        else position = r.value;
      }
      let oedema = false;
      if (ix.oedema !== undefined) {
        const r = parseOedema(cell('oedema'));
        if (!r.ok) problem('oedema', r.reason, r.message);
        else oedema = r.value === true;
      }

      const area = matcher.match(
        {
          desaCode: cell('desa_code'),
          desaName: cell('desa_name'),
          kecamatanCode: cell('kecamatan_code'),
          kecamatanName: cell('kecamatan_name'),
        },
        file,
        line,
      );
      if (!area.ok) {
        const c: CanonicalColumn = ix.desa_code !== undefined && !isNA(cell('desa_code')) ? 'desa_code' : ix.desa_name !== undefined ? 'desa_name' : 'desa_code';
        const raw = c === 'desa_code' ? cell('desa_code') : `${cell('kecamatan_name').trim()} / ${cell('desa_name').trim()}`;
        problem(c, 'unknown_area', area.message, raw);
      }

      if (problems.length > 0 || sex === null || !area.ok || !birthR.ok || !measR.ok || !birthR.value || !measR.value) {
        return { ok: false, problems };
      }
      const birthDate = birthR.value.iso;
      const childKey =
        keyer.of(cell('child_id'), cell('name'), birthDate, area.code) ?? fnv1a64(`${salt}r:${file}:${line}`);
      const m: Measurement = {
        file,
        line,
        childKey,
        areaCode: area.code,
        sex,
        birthDate,
        measureDate: measR.value.iso,
        ageDays,
        weightKg,
        lengthHeightCm: heightCm,
        position,
        oedema,
      };
      if (rawWeight !== '') m.rawWeight = rawWeight;
      if (rawHeight !== '') m.rawHeight = rawHeight;
      return { ok: true, m };
  };

  return {
    // A rejected row holding invisible characters (a zero-width space or BOM pasted into a code, a DOS 0x1A) is
    // validated again without them: they never carry meaning in a code, date or number. A row still rejected names
    // them in its problems (<U+200B>), so that a valid-looking code is not shown as the culprit. Clean rows pay
    // nothing: the check runs on rejected rows only.
    validate(rowFields, rowLine) {
      const first = validateOnce(rowFields, rowLine);
      if (first.ok || !rowFields.some((f) => INVISIBLE.test(f))) return first;
      const again = validateOnce(rowFields.map((f) => f.replace(INVISIBLE_ALL, '')), rowLine);
      if (again.ok) return again;
      return { ok: false, problems: first.problems.map((p) => (p.raw !== undefined ? { ...p, raw: showInvisible(p.raw) } : p)) };
    },
  };
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
