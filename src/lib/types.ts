/**
 * Shared types of the pure core. Everything that crosses a module boundary is declared here, so that the reader,
 * the z-score engine, the aggregator, the quality report and the pages agree on one vocabulary.
 *
 * Personal data lives only in `RawRow` and `Measurement`; neither is ever written to the published output.
 */
import { ZSCORE_DEFINITIONS, type ZScoreIndicatorId } from './indicators/zscore-defs.ts';

/** 1 = male (laki-laki), 2 = female (perempuan), as in WHO anthro. */
export type Sex = 1 | 2;
/** 'L' = recumbent length (terlentang), 'H' = standing height (berdiri), as in WHO anthro. */
export type Position = 'L' | 'H';
/** A measurement period: one calendar month, `YYYY-MM`. */
export type Period = string;
/** The administrative levels, from the top down. A site's area tree is the part of this list from its region's
 * level down: a province site has all four, a kabupaten/kota site the last three. */
export const LEVELS = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
/** Administrative level of an area. */
export type Level = (typeof LEVELS)[number];

/** The levels of a site whose region (its root area) is at `root`, from the root down. */
export function levelsFrom(root: Level): Level[] {
  return LEVELS.slice(LEVELS.indexOf(root));
}

/** The levels of a site from its region's (the area without a parent) down: kabupaten, kecamatan, desa for a
 * kab/kota site; provinsi first for a province site. */
export function siteLevels(areas: readonly { level: Level; parent: string | null }[]): Level[] {
  const root = areas.find((a) => a.parent === null);
  return levelsFrom(root?.level ?? 'kabupaten');
}

/** A province site (its levels start at provinsi): its overview maps kab/kota, its maps and lists are split by
 * kab/kota. */
export function isProvinceSite(levels: readonly Level[]): boolean {
  return levels[0] === 'provinsi';
}

/** A problem with one input row or cell, collected as a value (never thrown). No personal data in `raw` for
 * columns that hold identity (NIK, name, address, birth date): those are replaced by a description. */
export interface RowProblem {
  file: string;
  /** 1-based physical line number in the file where the record starts. */
  line: number;
  /** Header name of the offending column, when the problem is about one cell. */
  column?: string;
  /** 1-based column index, when known. */
  columnIndex?: number;
  /** The raw cell value (redacted for identity columns). */
  raw?: string;
  reason: ProblemReason;
  /** Human-readable detail in Bahasa Indonesia / English. */
  message?: string;
}

/** Reasons a row is rejected. Stable identifiers: they appear in the published validation report. */
export type ProblemReason =
  | 'missing_value' // a required cell is empty
  | 'bad_date' // unparseable or impossible date (31/02/2024)
  | 'future_date' // measurement or birth after the build's reference date
  | 'measured_before_birth'
  | 'too_old' // older than 59 completed months (> 1826 days) at measurement
  | 'bad_sex'
  | 'bad_number' // weight or height not a number
  | 'implausible_weight' // outside the plausible range for a child under five
  | 'implausible_height'
  | 'bad_position'
  | 'unknown_area' // area name or code not found in the registry
  | 'duplicate_row' // exact duplicate record (same child, same date, same values)
  | 'period_not_published' // measured outside the configured rounds (counted, not an error)
  | 'malformed_row'; // wrong number of fields, unclosed quote

/** A structural problem that stops the build. `file:line:column` with the raw value and what was expected. */
export interface StructuralError {
  file: string;
  line?: number;
  column?: number;
  raw?: string;
  expected: string;
  message: string;
}

/** A validated child measurement. Personal: kept in memory only while the row is processed. */
export interface Measurement {
  file: string;
  line: number;
  /** Opaque key identifying the child within the export (hash of NIK, or of name + birth date + area); used only
   * to count a child once per period. Never written out. */
  childKey: string;
  /** Kemendagri desa/kelurahan code, dotted (`35.10.01.2001`). */
  areaCode: string;
  sex: Sex;
  /** ISO date `YYYY-MM-DD`. */
  birthDate: string;
  measureDate: string;
  /** Whole days between birth and measurement (WHO anthro's `age_days`). */
  ageDays: number;
  weightKg: number | null;
  lengthHeightCm: number | null;
  position: Position | null;
  oedema: boolean;
  /** The weight and height exactly as typed, for digit-preference analysis (no personal data). */
  rawWeight?: string;
  rawHeight?: string;
}

/** WHO anthro-compatible z-scores for one measurement; null where an input is missing or out of range.
 * Field names follow anthro's output (`zlen`, `flen`, ...). Flags are 1 when the rounded z is implausible. */
export interface ZScores {
  ageDays: number | null;
  /** Length/height corrected for measuring position (+/-0.7 cm), as used for the scores. */
  clenhei: number | null;
  zlen: number | null;
  flen: 0 | 1 | null;
  zwei: number | null;
  fwei: 0 | 1 | null;
  zwfl: number | null;
  fwfl: 0 | 1 | null;
  zbmi: number | null;
  fbmi: 0 | 1 | null;
}

/** The z-score indicators published for every area and period, in publication order (src/lib/indicators/zscore-defs.ts). */
export type IndicatorId = ZScoreIndicatorId;

export const INDICATORS: readonly IndicatorId[] = ZSCORE_DEFINITIONS.map((d) => d.id as IndicatorId);

/** Status of one published cell. `ok`: a number is published. `suppressed`: fewer measured children than the
 * minimum (primary) or hidden so that a primary cell cannot be recovered (complementary). `no_data`: the area was
 * measured in no period / has no valid z-score for this indicator. `not_measured`: the area had no measurement in
 * this period although it has data in others. */
export type CellStatus = 'ok' | 'suppressed' | 'no_data' | 'not_measured';

/** One published indicator value for an area and period. */
export interface IndicatorValue {
  /** Children with a valid, unflagged z-score for this indicator (the denominator). Null when suppressed. */
  n: number | null;
  cases: number | null;
  /** Percentage, 0-100, rounded to 1 decimal place in the published files. */
  prevalence: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  status: CellStatus;
  /** Why a cell is suppressed: 'primary' (n < minimum) or 'complementary'. */
  suppression?: 'primary' | 'complementary';
}

/** Age groups (completed months) for the breakdowns. */
export const AGE_GROUPS = ['0-5', '6-11', '12-23', '24-35', '36-47', '48-59'] as const;

/** Input of the z-score engine, one child measurement (anthro's arguments). */
export interface ZScoreInput {
  sex: Sex | null;
  /** Age in whole days at measurement (0..1826 for the standards). */
  ageDays: number | null;
  weightKg: number | null;
  lengthHeightCm: number | null;
  /** Measuring position as recorded; null when unknown (then no +/-0.7 cm correction, as in anthro). */
  position: Position | null;
  oedema: boolean;
}

/** One measurement reduced to what aggregation and the quality report need: no identity, no dates of birth.
 * Workers turn rows into observations; the main thread deduplicates and accumulates them. */
export interface Observation {
  period: Period;
  /** Desa/kelurahan code. */
  areaCode: string;
  /** Opaque child key (see Measurement.childKey), used only for deduplication. */
  childKey: string;
  /** Measurement date as days since 1970-01-01, to keep the latest measurement in a period. */
  measureDay: number;
  /** Source position, to break ties deterministically (file order, then line). */
  fileIndex: number;
  line: number;
  sex: Sex;
  ageDays: number;
  position: Position | null;
  /** Rounded z-scores and WHO flags (see ZScores). */
  zlen: number | null;
  flen: 0 | 1 | null;
  zwei: number | null;
  fwei: 0 | 1 | null;
  zwfl: number | null;
  fwfl: 0 | 1 | null;
  zbmi: number | null;
  fbmi: 0 | 1 | null;
  /** Terminal (tenths) digit of weight and height as typed, 0-9, for digit preference; null when missing. */
  weightDigit: number | null;
  heightDigit: number | null;
  weightMissing: boolean;
  heightMissing: boolean;
  /** Bilateral pitting oedema: the weight-based z-scores are null, and prevalence counts the child below −3 SD for
   * weight-for-age and weight-for-length/height (WHO anthro's `anthro_prevalence`). */
  oedema: boolean;
}

/** What an area is, finer than its level: a kab/kota level area is a kabupaten or a kota, a desa level area a desa,
 * kelurahan or desa adat. */
export type AreaKind = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa' | 'kelurahan' | 'desa_adat';

/** One administrative area from the Kemendagri code list. */
export interface Area {
  /** Dotted Kemendagri code. */
  code: string;
  name: string;
  level: Level;
  /** Parent code (kecamatan for a desa, kab/kota for a kecamatan, province for a kab/kota); null for the site's
   * region (its root area). */
  parent: string | null;
  kind: AreaKind;
}
