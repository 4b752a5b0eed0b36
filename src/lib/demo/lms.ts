/**
 * Inverse of the WHO LMS method: the measurement that has a given z-score. The demo draws z-scores and converts
 * them to centimetres and kilograms here, so that the z-score engine, run on the generated file, gives back the
 * drawn values (up to the 0.1 cm / 0.1 kg recording precision and the simulated measurement error).
 */
import { lmsAt, type Lms, type LmsTable, type WhoTables } from '../who/tables.ts';

/** Plain LMS inverse: X = M (1 + L S z)^(1/L) for L ≠ 0, M exp(S z) for L = 0. Used for length/height-for-age. */
export function lmsValue(lms: Lms, z: number): number {
  const { l, m, s } = lms;
  if (l === 0) return m * Math.exp(s * z);
  return m * Math.pow(1 + l * s * z, 1 / l);
}

/** Inverse of WHO's restricted LMS (weight-based indicators): plain within +/-3 SD, linear in units of the 2-3 SD
 * interval beyond, exactly undoing `restrictedLmsZ` so that extreme drawn z-scores survive the round trip. */
export function restrictedLmsValue(lms: Lms, z: number): number {
  if (z > 3) {
    const sd3 = lmsValue(lms, 3);
    return sd3 + (z - 3) * (sd3 - lmsValue(lms, 2));
  }
  if (z < -3) {
    const sd3 = lmsValue(lms, -3);
    return sd3 + (z + 3) * (lmsValue(lms, -2) - sd3);
  }
  return lmsValue(lms, z);
}

/** The LMS row of a length-keyed table (wfl/wfh) at a length in whole tenths of a cm, or null outside it. */
function lmsAtTenths(table: LmsTable, sex: 1 | 2, tenths: number): Lms | null {
  return lmsAt(table, sex, tenths);
}

/** Length/height in cm with length/height-for-age z `haz` at an age in whole days (0..1826), or null beyond. The
 * WHO table gives recumbent length before 731 days and standing height from 731 days. */
export function lengthForZ(tables: WhoTables, sex: 1 | 2, ageDays: number, haz: number): number | null {
  const lms = lmsAt(tables.len, sex, ageDays);
  return lms ? lmsValue(lms, haz) : null;
}

/**
 * Weight in kg with weight-for-length/height z `whz` at a length/height in tenths of a cm, choosing the table as
 * WHO anthro does by age (weight-for-length before 731 days, weight-for-height from 731); null when the length is
 * outside that table (wfl 45-110 cm, wfh 65-120 cm), where the caller falls back to weight-for-age.
 */
export function weightForZ(tables: WhoTables, sex: 1 | 2, ageDays: number, tenths: number, whz: number): number | null {
  const lms = lmsAtTenths(ageDays < 731 ? tables.wfl : tables.wfh, sex, tenths);
  return lms ? restrictedLmsValue(lms, whz) : null;
}

/** Weight in kg with weight-for-age z `waz` at an age in days, or null beyond 1826 days. */
export function weightForAgeZ(tables: WhoTables, sex: 1 | 2, ageDays: number, waz: number): number | null {
  const lms = lmsAt(tables.wei, sex, ageDays);
  return lms ? restrictedLmsValue(lms, waz) : null;
}
