/**
 * Builds the published quality report: `quality.json` (per area code and period: status, grade, reasons and rounded
 * metrics) and `quality.csv` (one wide row per area and period). Deterministic: areas sorted by code, periods
 * sorted, keys in a fixed order, fixed decimals, no timestamps. Structure documented in docs/quality.md.
 */
import type { Level, Period } from '../types.ts';
import { HAZ_HIST, QUALITY_INDICES, type QualityAccumulator } from './accumulator.ts';
import {
  GRADE_LABELS,
  MIN_N_GRADE,
  QUALITY_THRESHOLDS,
  REASON_TEXT,
  gradeQuality,
  type QualityGrade,
  type QualityLevel,
  type QualityReasonCode,
} from './grade.ts';
import { EXPECTED_SEX_RATIO, qualityMetrics, type DigitMetrics, type HeapingMetrics, type IndexMetrics, type QualityMetrics } from './metrics.ts';

/** One area and period to publish. */
export interface QualityEntry {
  code: string;
  name?: string;
  level: Level;
  period: Period;
  acc: QualityAccumulator;
}

/** Options of qualityRecords. */
export interface QualityRecordOptions {
  /** Areas with fewer children are published as suppressed (no metrics): the site's suppression_min. */
  suppressionMin?: number;
  /** Extra suppression decided by the aggregate (e.g. complementary): true hides the area's metrics. */
  isSuppressed?: (code: string, period: Period) => boolean;
  /** Levels whose records carry the full metrics in quality.json (default kabupaten and kecamatan). Records of
   * other levels (desa) carry status, grade, n and reasons only, with `metrics: null` and `detail: false`; their
   * metrics are in quality.csv. Keeps quality.json small at province scale (8,500 desa x periods). */
  detailLevels?: readonly Level[];
  /** Levels that get the HAZ histogram and the months-of-age distribution (default kabupaten and kecamatan). */
  histogramLevels?: readonly Level[];
  /** Minimum children for a grade (default MIN_N_GRADE). */
  minNGrade?: number;
}

/** Status of one quality record. */
export type QualityStatus = 'ok' | 'suppressed' | 'no_data';

/** A reason as published (text in the file's `reason_texts`). */
export interface QualityReasonJson {
  code: QualityReasonCode;
  level: QualityLevel;
  value: number;
  threshold: number;
}

/** Rounded metrics as published (snake_case like the rest of the contract). */
export interface QualityMetricsJson {
  children: number;
  zscores: Record<string, { valid: number; flagged: number; flagged_pct: number | null; n: number; mean: number | null; sd: number | null; skewness: number | null; kurtosis: number | null }>;
  sex: { boys: number; girls: number; ratio: number | null; p: number | null };
  digits: Record<'height' | 'weight', { n: number; counts: number[]; dps: number | null; dps_raw: number | null; top_digit: number | null; top_digit_pct: number | null }>;
  age: {
    birthday: HeapingJson;
    first_of_month: HeapingJson;
    months?: number[];
  };
  under9m: { with_position: number; standing: number; standing_pct: number | null };
  missing: { weight: number; height: number; weight_pct: number | null; height_pct: number | null };
  duplicates_removed: number;
  coverage: { target: number | null; pct: number | null };
  rejected: { total: number; pct: number | null; by_reason: Record<string, number> };
  haz_histogram?: number[];
}

interface HeapingJson {
  eligible: number;
  count: number;
  pct: number | null;
  expected_pct: number;
  index: number | null;
  p: number | null;
}

/** One area and period in quality.json. */
export interface QualityRecordJson {
  status: QualityStatus;
  grade: QualityGrade;
  n: number | null;
  reasons: QualityReasonJson[];
  /** True when `metrics` is given here (detail levels); false when only quality.csv has them. */
  detail: boolean;
  metrics: QualityMetricsJson | null;
}

/** The whole quality.json. */
export interface QualityFileJson {
  schema_version: 1;
  method: {
    documentation: string;
    min_n_grade: number;
    suppression_min: number;
    expected_sex_ratio: number;
    haz_histogram: { from: number; width: number; bins: number };
    detail_levels: Level[];
    histogram_levels: Level[];
    thresholds: typeof QUALITY_THRESHOLDS;
  };
  grade_labels: typeof GRADE_LABELS;
  reason_texts: typeof REASON_TEXT;
  areas: Record<string, Record<Period, QualityRecordJson>>;
}

/** Rounds to d decimals; never returns -0. */
export function round(x: number, d: number): number {
  const f = 10 ** d;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

function r(x: number | null, d: number): number | null {
  return x === null || !Number.isFinite(x) ? null : round(x, d);
}

function indexJson(m: IndexMetrics) {
  return {
    valid: m.valid,
    flagged: m.flagged,
    flagged_pct: r(m.flaggedPct, 1),
    n: m.n,
    mean: r(m.mean, 2),
    sd: r(m.sd, 2),
    skewness: r(m.skewness, 2),
    kurtosis: r(m.kurtosis, 2),
  };
}

function digitJson(m: DigitMetrics) {
  return {
    n: m.n,
    counts: m.counts,
    dps: r(m.dps, 1),
    dps_raw: r(m.dpsRaw, 1),
    top_digit: m.topDigit,
    top_digit_pct: r(m.topDigitPct, 1),
  };
}

function heapJson(m: HeapingMetrics): HeapingJson {
  return { eligible: m.eligible, count: m.count, pct: r(m.pct, 2), expected_pct: round(m.expectedPct, 2), index: r(m.index, 2), p: r(m.p, 4) };
}

/** Rounded, snake_case metrics; histograms only when asked. */
export function metricsJson(m: QualityMetrics, withHistograms: boolean): QualityMetricsJson {
  const zscores: QualityMetricsJson['zscores'] = {};
  for (const k of QUALITY_INDICES) zscores[k] = indexJson(m.indices[k]);
  const age: QualityMetricsJson['age'] = { birthday: heapJson(m.age.birthday), first_of_month: heapJson(m.age.firstOfMonth) };
  if (withHistograms) age.months = m.age.months;
  const out: QualityMetricsJson = {
    children: m.children,
    zscores,
    sex: { boys: m.sex.boys, girls: m.sex.girls, ratio: r(m.sex.ratio, 2), p: r(m.sex.p, 4) },
    digits: { height: digitJson(m.heightDigits), weight: digitJson(m.weightDigits) },
    age,
    under9m: { with_position: m.under9m.withPosition, standing: m.under9m.standing, standing_pct: r(m.under9m.pct, 1) },
    missing: { weight: m.missing.weight, height: m.missing.height, weight_pct: r(m.missing.weightPct, 1), height_pct: r(m.missing.heightPct, 1) },
    duplicates_removed: m.duplicatesRemoved,
    coverage: { target: m.coverage.target, pct: r(m.coverage.pct, 1) },
    rejected: { total: m.rejected.total, pct: r(m.rejected.pct, 1), by_reason: m.rejected.byReason },
  };
  if (withHistograms) out.haz_histogram = m.hazHistogram.counts;
  return out;
}

/** Default detail and histogram levels. */
export const DEFAULT_DETAIL_LEVELS: readonly Level[] = ['kabupaten', 'kecamatan'];

/** Quality record of one area and period with its full metrics (for quality.csv and detail levels). */
function fullRecord(entry: QualityEntry, opts: QualityRecordOptions): QualityRecordJson {
  const suppressionMin = opts.suppressionMin ?? 10;
  const histogramLevels = opts.histogramLevels ?? DEFAULT_DETAIL_LEVELS;
  const acc = entry.acc;
  if (acc.children === 0) return { status: 'no_data', grade: 'tidak_dinilai', n: 0, reasons: [], detail: false, metrics: null };
  if (acc.children < suppressionMin || opts.isSuppressed?.(entry.code, entry.period)) {
    return { status: 'suppressed', grade: 'tidak_dinilai', n: null, reasons: [], detail: false, metrics: null };
  }
  const m = qualityMetrics(acc);
  const g = gradeQuality(m, opts.minNGrade ?? MIN_N_GRADE);
  return {
    status: 'ok',
    grade: g.grade,
    n: g.n,
    reasons: g.reasons.map((x) => ({ code: x.code, level: x.level, value: round(x.value, 2), threshold: x.threshold })),
    detail: true,
    metrics: metricsJson(m, histogramLevels.includes(entry.level)),
  };
}

/** Quality record of one area and period as published in quality.json (status, grade, reasons; rounded metrics
 * at the detail levels). */
export function qualityRecord(entry: QualityEntry, opts: QualityRecordOptions = {}): QualityRecordJson {
  const rec = fullRecord(entry, opts);
  const detailLevels = opts.detailLevels ?? DEFAULT_DETAIL_LEVELS;
  return rec.metrics && !detailLevels.includes(entry.level) ? { ...rec, detail: false, metrics: null } : rec;
}

function sortEntries(entries: Iterable<QualityEntry>): QualityEntry[] {
  return [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** CSV columns of quality.csv, in order. */
export const QUALITY_CSV_COLUMNS = [
  'area_code',
  'area_name',
  'level',
  'period',
  'status',
  'grade',
  'n',
  'haz_flagged_pct',
  'waz_flagged_pct',
  'whz_flagged_pct',
  'bmiz_flagged_pct',
  'haz_mean',
  'haz_sd',
  'waz_mean',
  'waz_sd',
  'whz_mean',
  'whz_sd',
  'bmiz_mean',
  'bmiz_sd',
  'height_dps',
  'weight_dps',
  'sex_ratio',
  'sex_ratio_p',
  'birthday_pct',
  'first_of_month_pct',
  'under9m_standing_pct',
  'weight_missing_pct',
  'height_missing_pct',
  'duplicates_removed',
  'coverage_pct',
  'rejected',
  'rejected_pct',
  'reasons',
] as const;

function cell(v: string | number | null | undefined, d?: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return d === undefined ? String(v) : round(v, d).toFixed(d);
  let s = v;
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(e: QualityEntry, rec: QualityRecordJson): string {
  const m = rec.metrics;
  const z = m?.zscores;
  const vals: string[] = [
    cell(e.code),
    cell(e.name ?? ''),
    cell(e.level),
    cell(e.period),
    cell(rec.status),
    cell(rec.grade),
    cell(rec.n),
    cell(z?.haz.flagged_pct ?? null, 1),
    cell(z?.waz.flagged_pct ?? null, 1),
    cell(z?.whz.flagged_pct ?? null, 1),
    cell(z?.bmiz.flagged_pct ?? null, 1),
    cell(z?.haz.mean ?? null, 2),
    cell(z?.haz.sd ?? null, 2),
    cell(z?.waz.mean ?? null, 2),
    cell(z?.waz.sd ?? null, 2),
    cell(z?.whz.mean ?? null, 2),
    cell(z?.whz.sd ?? null, 2),
    cell(z?.bmiz.mean ?? null, 2),
    cell(z?.bmiz.sd ?? null, 2),
    cell(m?.digits.height.dps ?? null, 1),
    cell(m?.digits.weight.dps ?? null, 1),
    cell(m?.sex.ratio ?? null, 2),
    cell(m?.sex.p ?? null, 4),
    cell(m?.age.birthday.pct ?? null, 2),
    cell(m?.age.first_of_month.pct ?? null, 2),
    cell(m?.under9m.standing_pct ?? null, 1),
    cell(m?.missing.weight_pct ?? null, 1),
    cell(m?.missing.height_pct ?? null, 1),
    cell(m?.duplicates_removed ?? null),
    cell(m?.coverage.pct ?? null, 1),
    cell(m?.rejected.total ?? null),
    cell(m?.rejected.pct ?? null, 1),
    cell(rec.reasons.map((x) => x.code).join(';')),
  ];
  return vals.join(',');
}

/** Builds quality.json (as an object with keys in publication order) and quality.csv (text, LF line ends, header
 * first) from every area and period. Serialize the JSON with JSON.stringify: key order is fixed here. */
export function qualityRecords(entries: Iterable<QualityEntry>, opts: QualityRecordOptions = {}): { json: QualityFileJson; csv: string } {
  const sorted = sortEntries(entries);
  const areas: Record<string, Record<Period, QualityRecordJson>> = {};
  const lines: string[] = [QUALITY_CSV_COLUMNS.join(',')];
  const detailLevels = opts.detailLevels ?? DEFAULT_DETAIL_LEVELS;
  for (const e of sorted) {
    const rec = fullRecord(e, opts);
    (areas[e.code] ??= {})[e.period] = rec.metrics && !detailLevels.includes(e.level) ? { ...rec, detail: false, metrics: null } : rec;
    lines.push(csvRow(e, rec));
  }
  const json: QualityFileJson = {
    schema_version: 1,
    method: {
      documentation: 'docs/quality.md',
      min_n_grade: opts.minNGrade ?? MIN_N_GRADE,
      suppression_min: opts.suppressionMin ?? 10,
      expected_sex_ratio: EXPECTED_SEX_RATIO,
      haz_histogram: { from: HAZ_HIST.from, width: HAZ_HIST.width, bins: HAZ_HIST.bins },
      detail_levels: [...detailLevels],
      histogram_levels: [...(opts.histogramLevels ?? DEFAULT_DETAIL_LEVELS)],
      thresholds: QUALITY_THRESHOLDS,
    },
    grade_labels: GRADE_LABELS,
    reason_texts: REASON_TEXT,
    areas,
  };
  return { json, csv: lines.join('\n') + '\n' };
}
