/**
 * Data-quality accumulator: one per area and period, fed one deduplicated Observation at a time and mergeable for
 * the roll-up desa -> kecamatan -> kabupaten. Memory is O(1) per area (fixed-size counters and histograms).
 *
 * Z-scores arrive rounded to 2 decimals (anthro), so moments are accumulated on integer hundredths (z100 = z * 100):
 * the sums are integers held exactly in doubles (below 2^53: sum of z100^4 stays exact up to about 7 million
 * children at |z| = 6), which makes merge(a, b) bit-for-bit equal to accumulating every observation at once, in any
 * order. Checks follow the WHO/UNICEF 2019 "Recommendations for data collection, analysis and reporting on
 * anthropometric indicators in children under 5 years old" (data quality assessment: completeness, sex ratio, age
 * distribution and heaping, digit preference for height and weight, % flagged, SD/skewness/kurtosis of z-scores).
 */
import type { Observation, ProblemReason } from '../types.ts';

/** The four z-score indices assessed (WHO anthro names: zlen, zwei, zwfl, zbmi). */
export type QualityIndex = 'haz' | 'waz' | 'whz' | 'bmiz';
/** The indices in report order. */
export const QUALITY_INDICES: readonly QualityIndex[] = ['haz', 'waz', 'whz', 'bmiz'];

/** HAZ histogram layout: bins of 0.25 SD from -6 to +6 (48 bins); the WHO flag limits for HAZ are +/-6. */
export const HAZ_HIST = { from: -6, to: 6, width: 0.25, bins: 48 } as const;

/** Windows for age: completed months 0..59 (age in days / 30.4375, as WHO anthro). */
export const AGE_MONTHS = 60;

/** Per-index counters. Moments are over valid, unflagged z-scores, in integer hundredths of a z. */
export interface IndexAccumulator {
  /** z-scores present (flagged or not). */
  valid: number;
  /** WHO-flagged (implausible) z-scores. */
  flagged: number;
  /** Unflagged z-scores, and sums of z100, z100^2, z100^3, z100^4 over them. */
  n: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
}

/** Quality counters for one area and period. Plain data (structured-clone and JSON safe). */
export interface QualityAccumulator {
  /** Observations (children after deduplication). */
  children: number;
  boys: number;
  girls: number;
  haz: IndexAccumulator;
  waz: IndexAccumulator;
  whz: IndexAccumulator;
  bmiz: IndexAccumulator;
  /** Unflagged HAZ per 0.25-SD bin from -6 (see HAZ_HIST). */
  hazHist: number[];
  /** Children per completed month of age, 0..59. */
  ageMonths: number[];
  /** Children aged >= 365 days (denominator of the birthday check) and those measured exactly on a birthday
   * (same day and month as the birth date), the signature of a birth date computed back from an age in years. */
  ageYearEligible: number;
  ageOnBirthday: number;
  /** Children whose birth date's day of month is known (all), and those born on the 1st, the usual placeholder
   * when only the month and year of birth are known. */
  birthDayKnown: number;
  bornOnFirst: number;
  /** Terminal (tenths) digit counts, index = digit 0..9. */
  heightDigits: number[];
  weightDigits: number[];
  weightMissing: number;
  heightMissing: number;
  /** Children under 9 months (< 274 days) with a recorded position, and those recorded standing. */
  under9mWithPosition: number;
  under9mStanding: number;
  /** Fed from outside the observations. */
  duplicatesRemoved: number;
  rejected: Partial<Record<ProblemReason | string, number>>;
  /** Target children (sasaran): the sum of known targets; null when none is known. */
  target: number | null;
  /** Merged areas that had children but no target; > 0 means coverage is unknown. */
  targetGaps: number;
}

/** Age in days below which a child counts as "under 9 months": 9 * 30.4375 = 273.9 days. */
export const UNDER_9M_DAYS = 274;

function createIndex(): IndexAccumulator {
  return { valid: 0, flagged: 0, n: 0, s1: 0, s2: 0, s3: 0, s4: 0 };
}

/** A fresh, empty accumulator. */
export function createQualityAccumulator(): QualityAccumulator {
  return {
    children: 0,
    boys: 0,
    girls: 0,
    haz: createIndex(),
    waz: createIndex(),
    whz: createIndex(),
    bmiz: createIndex(),
    hazHist: new Array<number>(HAZ_HIST.bins).fill(0),
    ageMonths: new Array<number>(AGE_MONTHS).fill(0),
    ageYearEligible: 0,
    ageOnBirthday: 0,
    birthDayKnown: 0,
    bornOnFirst: 0,
    heightDigits: new Array<number>(10).fill(0),
    weightDigits: new Array<number>(10).fill(0),
    weightMissing: 0,
    heightMissing: 0,
    under9mWithPosition: 0,
    under9mStanding: 0,
    duplicatesRemoved: 0,
    rejected: {},
    target: null,
    targetGaps: 0,
  };
}

function addZ(acc: IndexAccumulator, z: number | null, flag: 0 | 1 | null): boolean {
  if (flag === 1) {
    acc.valid++;
    acc.flagged++;
    return false;
  }
  if (z === null || !Number.isFinite(z)) return false;
  acc.valid++;
  const v = Math.round(z * 100);
  const v2 = v * v;
  acc.n++;
  acc.s1 += v;
  acc.s2 += v2;
  acc.s3 += v2 * v;
  acc.s4 += v2 * v2;
  return true;
}

/** HAZ histogram bin of a rounded z (exact on hundredths: bin = floor((z100 + 600) / 25), clamped to 0..47). */
export function hazBin(z: number): number {
  const b = Math.floor((Math.round(z * 100) + 600) / 25);
  return b < 0 ? 0 : b >= HAZ_HIST.bins ? HAZ_HIST.bins - 1 : b;
}

/** Completed months of age from days, WHO anthro's convention (1 month = 30.4375 days), clamped to 0..59. */
export function ageInMonths(ageDays: number): number {
  const m = Math.floor(ageDays / 30.4375);
  return m < 0 ? 0 : m >= AGE_MONTHS ? AGE_MONTHS - 1 : m;
}

const DAY_MS = 86_400_000;

/** Adds one deduplicated observation. */
export function addObservation(acc: QualityAccumulator, obs: Observation): void {
  acc.children++;
  if (obs.sex === 1) acc.boys++;
  else if (obs.sex === 2) acc.girls++;

  if (addZ(acc.haz, obs.zlen, obs.flen)) acc.hazHist[hazBin(obs.zlen as number)]++;
  addZ(acc.waz, obs.zwei, obs.fwei);
  addZ(acc.whz, obs.zwfl, obs.fwfl);
  addZ(acc.bmiz, obs.zbmi, obs.fbmi);

  if (Number.isFinite(obs.ageDays) && obs.ageDays >= 0) {
    acc.ageMonths[ageInMonths(obs.ageDays)]++;
    if (Number.isFinite(obs.measureDay)) {
      // Birth date is derived in memory only to count it; it is never stored.
      const birth = new Date((obs.measureDay - obs.ageDays) * DAY_MS);
      const measured = new Date(obs.measureDay * DAY_MS);
      acc.birthDayKnown++;
      if (birth.getUTCDate() === 1) acc.bornOnFirst++;
      if (obs.ageDays >= 365) {
        acc.ageYearEligible++;
        if (birth.getUTCDate() === measured.getUTCDate() && birth.getUTCMonth() === measured.getUTCMonth()) acc.ageOnBirthday++;
      }
    }
    if (obs.ageDays < UNDER_9M_DAYS && obs.position !== null) {
      acc.under9mWithPosition++;
      if (obs.position === 'H') acc.under9mStanding++;
    }
  }

  if (obs.weightMissing) acc.weightMissing++;
  else if (obs.weightDigit !== null && obs.weightDigit >= 0 && obs.weightDigit <= 9) acc.weightDigits[obs.weightDigit]++;
  if (obs.heightMissing) acc.heightMissing++;
  else if (obs.heightDigit !== null && obs.heightDigit >= 0 && obs.heightDigit <= 9) acc.heightDigits[obs.heightDigit]++;
}

/** Counts rows rejected by validation for this area and period (reason as in validation.json). */
export function addRejected(acc: QualityAccumulator, reason: ProblemReason | string, count = 1): void {
  acc.rejected[reason] = (acc.rejected[reason] ?? 0) + count;
}

/** Counts measurements dropped because the child was measured again in the same period (latest kept). */
export function addDuplicates(acc: QualityAccumulator, count: number): void {
  acc.duplicatesRemoved += count;
}

/** Sets the target number of children (sasaran) of this area; replaces any target rolled up from below. */
export function setTarget(acc: QualityAccumulator, target: number | null): void {
  acc.target = target;
  acc.targetGaps = 0;
}

function mergeIndex(into: IndexAccumulator, from: IndexAccumulator): void {
  into.valid += from.valid;
  into.flagged += from.flagged;
  into.n += from.n;
  into.s1 += from.s1;
  into.s2 += from.s2;
  into.s3 += from.s3;
  into.s4 += from.s4;
}

function addArray(into: number[], from: readonly number[]): void {
  for (let i = 0; i < into.length; i++) into[i] += from[i];
}

/** Adds `from` into `into` (roll-up of a child area into its parent). Targets add up; a merged area with children but
 * no target makes the parent's coverage unknown (counted in targetGaps) unless the parent gets its own target with
 * setTarget. */
export function mergeQuality(into: QualityAccumulator, from: QualityAccumulator): QualityAccumulator {
  const gap = from.target === null && from.targetGaps === 0 && from.children > 0 ? 1 : 0;
  addQuality(into, from);
  into.targetGaps += gap;
  return into;
}

/** Adds `from` into `into` field by field: two parts of the same area's observations (e.g. counted by two workers)
 * give what one accumulator fed every observation gives. */
export function addQuality(into: QualityAccumulator, from: QualityAccumulator): QualityAccumulator {
  into.children += from.children;
  into.boys += from.boys;
  into.girls += from.girls;
  mergeIndex(into.haz, from.haz);
  mergeIndex(into.waz, from.waz);
  mergeIndex(into.whz, from.whz);
  mergeIndex(into.bmiz, from.bmiz);
  addArray(into.hazHist, from.hazHist);
  addArray(into.ageMonths, from.ageMonths);
  into.ageYearEligible += from.ageYearEligible;
  into.ageOnBirthday += from.ageOnBirthday;
  into.birthDayKnown += from.birthDayKnown;
  into.bornOnFirst += from.bornOnFirst;
  addArray(into.heightDigits, from.heightDigits);
  addArray(into.weightDigits, from.weightDigits);
  into.weightMissing += from.weightMissing;
  into.heightMissing += from.heightMissing;
  into.under9mWithPosition += from.under9mWithPosition;
  into.under9mStanding += from.under9mStanding;
  into.duplicatesRemoved += from.duplicatesRemoved;
  for (const [k, v] of Object.entries(from.rejected)) into.rejected[k] = (into.rejected[k] ?? 0) + (v ?? 0);
  if (from.target !== null) into.target = (into.target ?? 0) + from.target;
  into.targetGaps += from.targetGaps;
  return into;
}
