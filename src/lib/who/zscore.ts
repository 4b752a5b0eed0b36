/**
 * WHO Child Growth Standards z-scores, computed the way WHO's R package `anthro` computes them
 * (`anthro_zscores()`, github.com/WorldHealthOrganization/anthro, version 1.1.0.9000, the version our tables in
 * data/who/ come from). Every rule below cites the anthro source it reproduces:
 *
 * - R/z-score.R            anthro_zscores(): cleaning, the under-9-months rule, clenhei, cbmi
 * - R/z-score-helper.R     compute_zscore (plain LMS), compute_zscore_adjusted (restricted LMS beyond +/-3 SD),
 *                          apply_zscore_and_growthstandards (age lookup), flag_zscore, adjust_lenhei,
 *                          anthro_zscore_adjusted (validity: age 0..1856 days and age in months < 60)
 * - R/z-score-length-for-age.R, R/z-score-weight-for-age.R, R/z-score-bmi-for-age.R   indicator wiring, flags
 * - R/z-score-weight-for-lenhei.R   wfl/wfh table choice, 0.1 cm interpolation, 45-110 / 65-120 cm ranges
 * - R/utils.R              round_up (age rounding, half up), ANTHRO_DAYS_OF_MONTH = 30.4375 (R/anthro-package.R)
 *
 * The arithmetic is written with the same floating-point operations as anthro, in the same order, so that the
 * doubles (and therefore the 2-decimal rounding) agree with R bit for bit in practice.
 */
import type { Position, ZScoreInput, ZScores } from '../types.ts';
import type { LmsTable, WhoTables } from './tables.ts';

/** anthro's ANTHRO_DAYS_OF_MONTH (R/anthro-package.R): days per month used for the "< 60 months" rule. */
export const DAYS_PER_MONTH = 30.4375;

/** Upper bound of anthro's `allowed_age_range = c(0, 1856)` (R/z-score-helper.R, anthro_zscore_adjusted). */
const MAX_AGE_DAYS = 1856;

/** Plain LMS z-score, anthro's compute_zscore (R/z-score-helper.R): ((y / M)^L - 1) / (S * L). */
export function lmsZ(y: number, l: number, m: number, s: number): number {
  return (Math.pow(y / m, l) - 1) / (s * l);
}

/** Restricted LMS z-score, anthro's compute_zscore_adjusted (R/z-score-helper.R): plain LMS within +/-3 SD;
 * beyond, the distance from the 3 SD cut-off measured in units of the 2-3 SD interval (WHO 2006 methods, ch. 7),
 * which keeps the long right tail of weight from compressing extreme z-scores. Unrounded. */
export function restrictedLmsZ(y: number, l: number, m: number, s: number): number {
  const z = (Math.pow(y / m, l) - 1) / (s * l);
  // `z > 3` / `z < -3` on the unrounded z, as anthro (NaN stays NaN: anthro's `not_zscore_na` guard).
  if (z > 3) {
    const sd3pos = m * Math.pow(1 + l * s * 3, 1 / l);
    const sd23pos = sd3pos - m * Math.pow(1 + l * s * 2, 1 / l);
    return 3 + (y - sd3pos) / sd23pos;
  }
  if (z < -3) {
    const sd3neg = m * Math.pow(1 + l * s * -3, 1 / l);
    const sd23neg = m * Math.pow(1 + l * s * -2, 1 / l) - sd3neg;
    return -3 + (y - sd3neg) / sd23neg;
  }
  return z;
}

/** 2^43: from here on R's round(x, 2) returns x unchanged (fround.c: log10(x) estimate + digits > DBL_DIG). */
const ROUND_NOOP = 8796093022208;

/** R's `round(x, 2)` (R >= 4.0.0, src/nmath/fround.c): picks whichever of the two 2-decimal neighbours of the
 * binary value is nearer, ties (exactly representable halves such as 0.125) to the even last digit. This is not
 * `Math.round(x * 100) / 100` (which rounds 1.005 and -0.125 differently). Returns +0 rather than R's -0. */
export function roundR2(x: number): number {
  if (x !== x || x === 0 || x === Infinity || x === -Infinity) return x;
  let sgn = 1;
  if (x < 0) {
    sgn = -1;
    x = -x;
  }
  if (x >= ROUND_NOOP) return sgn * x;
  const x10 = x * 100;
  const i10 = Math.floor(x10);
  const xd = i10 / 100;
  const xu = Math.ceil(x10) / 100;
  const du = xu - x;
  const dd = x - xd;
  return sgn * (du < dd || (i10 % 2 === 1 && du === dd) ? xu : xd) + 0;
}

/** anthro's round_up (R/utils.R): rounds a non-negative age in days half up (730.5 -> 731). */
function roundUp(x: number): number {
  const f = Math.floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}

/** anthro's c9mo_flag (R/z-score.R, anthro_zscores): 1 when a child younger than 9 months (age in days / 30.4375
 * < 9, i.e. up to 273 whole days) was recorded as measured standing. anthro then treats the position as unknown,
 * so no +0.7 cm correction is applied. */
export function positionImplausible(ageDays: number | null, position: Position | null): boolean {
  return position === 'H' && ageDays != null && ageDays === ageDays && ageDays / DAYS_PER_MONTH < 9;
}

/** Length/height as anthro uses it (`clenhei`): the under-9-months rule, then +0.7 cm when measured standing
 * under 731 days and -0.7 cm when lying from 731 days (R/z-score.R + adjust_lenhei in R/z-score-helper.R); no
 * correction when the age or the position is unknown. `ageDays` must be >= 0 (anthro stops otherwise). */
export function adjustLengthHeight(ageDays: number | null, position: Position | null, lengthHeightCm: number): number {
  if (ageDays == null || ageDays !== ageDays || position == null) return lengthHeightCm;
  // anthro_zscores sets cmeasure to NA for "h" under 9 months (age in months, unrounded) before adjust_lenhei.
  if (position === 'H' && ageDays / DAYS_PER_MONTH < 9) return lengthHeightCm;
  // adjust_lenhei compares the age rounded half up (round_up) with 731.
  const a = roundUp(ageDays);
  if (a < 731) return position === 'H' ? lengthHeightCm + 0.7 : lengthHeightCm;
  return position === 'L' ? lengthHeightCm - 0.7 : lengthHeightCm;
}

/** Age-based z-score of anthro_zscore_adjusted (R/z-score-helper.R): measure <= 0 -> NA, table row looked up by
 * the age rounded half up, z rounded to 2 decimals; NaN when no score (the caller already checked the age range). */
function ageZ(table: LmsTable, sex: 1 | 2, day: number, y: number, restricted: boolean): number {
  if (!(y > 0)) return NaN;
  if (day < table.minKey || day > table.maxKey) return NaN;
  const v = table.values;
  const o = ((sex - 1) * table.size + (day - table.minKey)) * 3;
  const l = v[o];
  if (l !== l) return NaN;
  const z = restricted ? restrictedLmsZ(y, l, v[o + 1], v[o + 2]) : lmsZ(y, l, v[o + 1], v[o + 2]);
  return roundR2(z);
}

/** Weight-for-length/height z-score (R/z-score-weight-for-lenhei.R), rounded; NaN when anthro gives NA.
 * `lenhei` is clenhei. The table (wfl or wfh) is chosen by `useLength`; L, M and S are interpolated linearly between
 * the 0.1 cm rows below and above, with exactly anthro's arithmetic (trunc(lenhei * 10) / 10, ...), so that a
 * length whose double is a hair under a grid value interpolates the same way as in R. */
function wflZ(table: LmsTable, sex: 1 | 2, lenhei: number, weight: number): number {
  // anthro: low_lenhei <- trunc(lenhei * 10) / 10; upp_lenhei <- trunc(lenhei * 10 + 1) / 10;
  // diff_lenhei <- (lenhei - low_lenhei) / 0.1. Keys here are the same values times 10 (table keys are
  // round(cm * 10), and k / 10 is the same double as the table's parsed value, so the join matches R's merge).
  const x10 = lenhei * 10;
  const kLow = Math.trunc(x10);
  const diff = (lenhei - kLow / 10) / 0.1;
  const v = table.values;
  const base = (sex - 1) * table.size - table.minKey;
  if (kLow < table.minKey || kLow > table.maxKey) return NaN;
  const o = (base + kLow) * 3;
  let l = v[o];
  let m = v[o + 1];
  let s = v[o + 2];
  if (l !== l) return NaN;
  if (diff > 0) {
    const kUp = Math.trunc(x10 + 1);
    if (kUp < table.minKey || kUp > table.maxKey) return NaN;
    const u = (base + kUp) * 3;
    if (v[u] !== v[u]) return NaN;
    l = l + diff * (v[u] - l);
    m = m + diff * (v[u + 1] - m);
    s = s + diff * (v[u + 2] - s);
  }
  return roundR2(restrictedLmsZ(weight, l, m, s));
}

/** anthro's flag_zscore with one threshold: 1 when |z| > limit on the rounded z, null when there is no z. */
function flagAbs(z: number | null, limit: number): 0 | 1 | null {
  if (z === null) return null;
  return z > limit || z < -limit ? 1 : 0;
}

/** Computes anthro's zlen, zwei, zwfl, zbmi (rounded to 2 decimals) and their WHO flags for one measurement;
 * null wherever anthro returns NA (missing or out-of-range input, oedema for the weight-based scores). */
export function computeZScores(input: ZScoreInput, tables: WhoTables): ZScores {
  const age = numberOrNull(input.ageDays);
  const weight = numberOrNull(input.weightKg);
  const lenhei = numberOrNull(input.lengthHeightCm);
  // anthro stops with an error on negative ages (round_up's stopifnot in adjust_lenhei); we return no scores.
  if (age !== null && age < 0) return scored(age, lenhei, null, null, null, null);

  // clenhei, including anthro's under-9-months rule (R/z-score.R, measure_implausible -> cmeasure NA). The cleaned
  // position matters again only for the wfl/wfh table when the age is missing, where that rule cannot apply.
  const position = input.position;
  const clenhei = lenhei === null ? null : adjustLengthHeight(age, position, lenhei);
  const sex = input.sex;
  if (sex !== 1 && sex !== 2) return scored(age, clenhei, null, null, null, null);

  // Weight-based scores are NA with oedema (zscore_is_valid = !(oedema %in% "y")).
  const weighed = input.oedema ? null : weight;
  // Age-based scores (anthro_zscore_adjusted): valid when the age is known, 0 <= age <= 1856 days and
  // age / 30.4375 < 60 (unrounded), i.e. whole days 0..1826; the table row is the age rounded half up.
  const day = age !== null && ageInRange(age) ? roundUp(age) : -1;
  // Length/height-for-age: plain LMS (compute_zscore, R/z-score-length-for-age.R).
  const zlen = day < 0 || clenhei === null ? null : scoreOf(ageZ(tables.len, sex, day, clenhei, false));
  // Weight-for-age: restricted LMS.
  const zwei = day < 0 || weighed === null ? null : scoreOf(ageZ(tables.wei, sex, day, weighed, true));
  const zbmi = day < 0 || weighed === null || clenhei === null ? null : bmiZ(tables.bmi, sex, day, weighed, clenhei);
  const zwfl = weighed === null || clenhei === null ? null : weightForLenheiZ(tables, sex, age, position, clenhei, weighed);
  return scored(age, clenhei, zlen, zwei, zwfl, zbmi);
}

/** A number input as anthro reads it: NaN is missing (null). */
function numberOrNull(x: number | null): number | null {
  return x !== null && x !== x ? null : x;
}

/** anthro_zscore_adjusted's validity of a known, non-negative age: at most 1856 days and under 60 months. */
function ageInRange(age: number): boolean {
  return age <= MAX_AGE_DAYS && age / DAYS_PER_MONTH < 60;
}

/** A rounded z-score, or null for NaN (anthro's NA). */
function scoreOf(z: number): number | null {
  return z === z ? z : null;
}

/** BMI-for-age: restricted LMS on BMI from weight and clenhei (R/z-score.R: cbmi <- weight / ((clenhei / 100)^2);
 * R's x^2 is x * x). */
function bmiZ(table: LmsTable, sex: 1 | 2, day: number, weight: number, clenhei: number): number | null {
  const h = clenhei / 100;
  return scoreOf(ageZ(table, sex, day, weight / (h * h), true));
}

/** Weight-for-length/height (R/z-score-weight-for-lenhei.R). Table: by age (< 731 days, unrounded -> length); with
 * no age, by the cleaned position; with neither, length when clenhei < 87 cm. Valid range 45-110 cm (wfl) or 65-120
 * cm (wfh) on clenhei; age <= 1856 and age / 30.4375 < 60 when the age is known. A missing age keeps the score:
 * anthro's `valid & NA` is NA, and `zscore[NA] <- NA` assigns nothing. */
function weightForLenheiZ(
  tables: WhoTables,
  sex: 1 | 2,
  age: number | null,
  position: Position | null,
  clenhei: number,
  weight: number,
): number | null {
  let useLength: boolean;
  if (age !== null) useLength = age < 731;
  else if (position !== null) useLength = position === 'L';
  else useLength = clenhei < 87;
  const inRange = useLength ? clenhei >= 45 && clenhei <= 110 : clenhei >= 65 && clenhei <= 120;
  if (!inRange || (age !== null && !ageInRange(age))) return null;
  return scoreOf(wflZ(useLength ? tables.wfl : tables.wfh, sex, clenhei, weight));
}

/** The ZScores of one measurement with the WHO flags of its scores (anthro's flag_zscore on the rounded z). */
function scored(
  ageDays: number | null,
  clenhei: number | null,
  zlen: number | null,
  zwei: number | null,
  zwfl: number | null,
  zbmi: number | null,
): ZScores {
  return {
    ageDays,
    clenhei,
    zlen,
    flen: flagAbs(zlen, 6),
    zwei,
    // fwei: flag_threshold c(-6, 5) -> zwei < -6 | zwei > 5.
    fwei: zwei === null ? null : zwei < -6 || zwei > 5 ? 1 : 0,
    zwfl,
    fwfl: flagAbs(zwfl, 5),
    zbmi,
    fbmi: flagAbs(zbmi, 5),
  };
}

/** Day number (days since 1970-01-01, proleptic Gregorian) of an ISO `YYYY-MM-DD` date; NaN when malformed or
 * impossible (2024-02-30). Allocation-free, for the CSV reader's hot path. */
export function isoToDay(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    y = y * 10 + c;
  }
  const m1 = iso.charCodeAt(5) - 48;
  const m2 = iso.charCodeAt(6) - 48;
  const d1 = iso.charCodeAt(8) - 48;
  const d2 = iso.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d > dim) return NaN;
  // Days from civil (H. Hinnant): years start in March so that the leap day is the last day of the year.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Age in whole days between two ISO dates (measurement minus birth), the date difference WHO Anthro uses as
 * `age` in days; null when either date is invalid. Negative when measured before birth (the caller rejects it). */
export function ageInDays(birthIso: string, measureIso: string): number | null {
  const b = isoToDay(birthIso);
  const m = isoToDay(measureIso);
  if (b !== b || m !== m) return null;
  return m - b;
}
