/**
 * Data-quality metrics computed from a QualityAccumulator. Formulas and sources are in docs/quality.md; in short:
 * - % flagged: WHO flags on the rounded z (HAZ beyond +/-6, WAZ below -6 or above +5, WHZ/BMIZ beyond +/-5), as
 *   WHO anthro sets them; share of the z-scores present.
 * - mean, SD (n - 1), skewness and excess kurtosis of unflagged z-scores (nipnTK `skewKurt()` moment formulas).
 * - digit preference score (DPS) of the tenths digit of height and weight (SMART / nipnTK `digitPreference()`),
 *   raw and bias-corrected for sample size.
 * - age heaping: children measured exactly on a birthday (expected 1/365.25 of those aged 1 year or more) and
 *   children born on the 1st of a month (expected 12/365.25), each as observed/expected with a Poisson p-value.
 * - sex ratio boys/girls against 1.05 with a chi-square (1 df) test, like nipnTK `sexRatioTest()` but with the
 *   under-five sex ratio expected at birth instead of 1:1.
 * - children under 9 months recorded as measured standing; missing weight/height; duplicates removed; coverage
 *   against the target (sasaran); rows rejected by reason.
 */
import {
  AGE_MONTHS,
  HAZ_HIST,
  QUALITY_INDICES,
  type IndexAccumulator,
  type QualityAccumulator,
  type QualityIndex,
} from './accumulator.ts';
import { digitPreferenceScore, poissonUpperTail, twoSidedNormalP } from './stats.ts';

/** Expected sex ratio (boys per girl) among children under five: the usual sex ratio at birth, about 1.05
 * (Indonesia's census and SUPAS figures for ages 0-4 are close to it). */
export const EXPECTED_SEX_RATIO = 1.05;
/** Expected share of children aged >= 1 year measured exactly on a birthday (day and month of birth). */
export const EXPECTED_BIRTHDAY_SHARE = 1 / 365.25;
/** Expected share of children born on the 1st of a month: 12 first days in 365.25. */
export const EXPECTED_FIRST_OF_MONTH_SHARE = 12 / 365.25;
/** Rejection reasons that are not errors and do not count towards the rejected share. */
export const NON_ERROR_REASONS: readonly string[] = ['period_not_published'];

/** Distribution summary of one z-score index. */
export interface IndexMetrics {
  /** z-scores present, flagged or not. */
  valid: number;
  flagged: number;
  /** flagged / valid * 100; null without any z-score. */
  flaggedPct: number | null;
  /** Unflagged z-scores used for the summary. */
  n: number;
  mean: number | null;
  /** Sample SD (n - 1 denominator), as R's sd(); null when n < 2. */
  sd: number | null;
  /** Moment skewness m3 / m2^1.5; null when n < 3. */
  skewness: number | null;
  /** Excess kurtosis m4 / m2^2 - 3; null when n < 4. */
  kurtosis: number | null;
}

/** Terminal-digit distribution of one measurement. */
export interface DigitMetrics {
  /** Values with a known terminal digit. */
  n: number;
  /** Counts per digit 0..9. */
  counts: number[];
  /** Bias-corrected DPS (0-100): 100 * sqrt(max(0, X2 - 9) / (9 n)); used for grading. */
  dps: number | null;
  /** DPS as SMART computes it: 100 * sqrt(X2 / (9 n)). */
  dpsRaw: number | null;
  /** Most frequent digit (lowest on ties) and its share in percent. */
  topDigit: number | null;
  topDigitPct: number | null;
}

/** An observed-vs-expected count check (age heaping). */
export interface HeapingMetrics {
  /** Children in the denominator. */
  eligible: number;
  count: number;
  pct: number | null;
  expectedPct: number;
  /** Observed / expected share; 1 = no heaping. */
  index: number | null;
  /** One-sided Poisson p-value of a count at least this large when there is no heaping. */
  p: number | null;
}

/** All quality metrics of one area and period. */
export interface QualityMetrics {
  children: number;
  indices: Record<QualityIndex, IndexMetrics>;
  sex: { boys: number; girls: number; ratio: number | null; expectedRatio: number; p: number | null };
  heightDigits: DigitMetrics;
  weightDigits: DigitMetrics;
  age: { months: number[]; birthday: HeapingMetrics; firstOfMonth: HeapingMetrics };
  under9m: { withPosition: number; standing: number; pct: number | null };
  missing: { weight: number; height: number; weightPct: number | null; heightPct: number | null };
  duplicatesRemoved: number;
  coverage: { target: number | null; pct: number | null };
  rejected: { total: number; byReason: Record<string, number>; pct: number | null };
  hazHistogram: { from: number; width: number; counts: number[] };
}

function pct(a: number, b: number): number | null {
  return b > 0 ? (100 * a) / b : null;
}

/** Mean, SD, skewness and excess kurtosis from integer-hundredth power sums. */
export function indexMetrics(a: IndexAccumulator): IndexMetrics {
  const n = a.n;
  const out: IndexMetrics = {
    valid: a.valid,
    flagged: a.flagged,
    flaggedPct: pct(a.flagged, a.valid),
    n,
    mean: null,
    sd: null,
    skewness: null,
    kurtosis: null,
  };
  if (n === 0) return out;
  const m = a.s1 / n;
  const e2 = a.s2 / n;
  const e3 = a.s3 / n;
  const e4 = a.s4 / n;
  const m2 = Math.max(0, e2 - m * m);
  out.mean = m / 100;
  if (n >= 2) out.sd = Math.sqrt((m2 * n) / (n - 1)) / 100;
  if (m2 > 0) {
    const m3 = e3 - 3 * m * e2 + 2 * m * m * m;
    const m4 = e4 - 4 * m * e3 + 6 * m * m * e2 - 3 * m * m * m * m;
    if (n >= 3) out.skewness = m3 / Math.pow(m2, 1.5);
    if (n >= 4) out.kurtosis = m4 / (m2 * m2) - 3;
  }
  return out;
}

/** Terminal-digit metrics for 10 digit counts. */
export function digitMetrics(counts: readonly number[]): DigitMetrics {
  let n = 0;
  let top = -1;
  for (let d = 0; d < counts.length; d++) {
    n += counts[d];
    if (top < 0 || counts[d] > counts[top]) top = d;
  }
  return {
    n,
    counts: [...counts],
    dps: digitPreferenceScore(counts, true),
    dpsRaw: digitPreferenceScore(counts, false),
    topDigit: n > 0 ? top : null,
    topDigitPct: n > 0 ? pct(counts[top], n) : null,
  };
}

/** Observed-vs-expected heaping check with a Poisson upper-tail p-value. */
export function heapingMetrics(count: number, eligible: number, expectedShare: number): HeapingMetrics {
  const expectedPct = 100 * expectedShare;
  if (eligible === 0) return { eligible, count, pct: null, expectedPct, index: null, p: null };
  return {
    eligible,
    count,
    pct: pct(count, eligible),
    expectedPct,
    index: count / eligible / expectedShare,
    p: poissonUpperTail(count, eligible * expectedShare),
  };
}

/** Sex ratio boys/girls and the two-sided p-value of the share of boys against EXPECTED_SEX_RATIO (Pearson
 * chi-square with 1 df, no continuity correction). */
export function sexRatio(boys: number, girls: number, expected = EXPECTED_SEX_RATIO): { ratio: number | null; p: number | null } {
  const n = boys + girls;
  if (n === 0) return { ratio: null, p: null };
  const p0 = expected / (1 + expected);
  const z = (boys - n * p0) / Math.sqrt(n * p0 * (1 - p0));
  return { ratio: girls > 0 ? boys / girls : null, p: twoSidedNormalP(z) };
}

/** Computes every quality metric of one accumulator (unrounded; rounding happens in qualityRecords). */
export function qualityMetrics(acc: QualityAccumulator): QualityMetrics {
  const indices = {} as Record<QualityIndex, IndexMetrics>;
  for (const k of QUALITY_INDICES) indices[k] = indexMetrics(acc[k]);
  const sr = sexRatio(acc.boys, acc.girls);
  const byReason: Record<string, number> = {};
  let rejectedErrors = 0;
  for (const k of Object.keys(acc.rejected).sort()) {
    const v = acc.rejected[k] ?? 0;
    if (v === 0) continue;
    byReason[k] = v;
    if (!NON_ERROR_REASONS.includes(k)) rejectedErrors += v;
  }
  const coverageKnown = acc.target !== null && acc.target > 0 && acc.targetGaps === 0;
  return {
    children: acc.children,
    indices,
    sex: { boys: acc.boys, girls: acc.girls, ratio: sr.ratio, expectedRatio: EXPECTED_SEX_RATIO, p: sr.p },
    heightDigits: digitMetrics(acc.heightDigits),
    weightDigits: digitMetrics(acc.weightDigits),
    age: {
      months: acc.ageMonths.slice(0, AGE_MONTHS),
      birthday: heapingMetrics(acc.ageOnBirthday, acc.ageYearEligible, EXPECTED_BIRTHDAY_SHARE),
      firstOfMonth: heapingMetrics(acc.bornOnFirst, acc.birthDayKnown, EXPECTED_FIRST_OF_MONTH_SHARE),
    },
    under9m: { withPosition: acc.under9mWithPosition, standing: acc.under9mStanding, pct: pct(acc.under9mStanding, acc.under9mWithPosition) },
    missing: {
      weight: acc.weightMissing,
      height: acc.heightMissing,
      weightPct: pct(acc.weightMissing, acc.children),
      heightPct: pct(acc.heightMissing, acc.children),
    },
    duplicatesRemoved: acc.duplicatesRemoved,
    coverage: { target: coverageKnown ? acc.target : null, pct: coverageKnown ? pct(acc.children, acc.target as number) : null },
    rejected: {
      total: rejectedErrors,
      byReason,
      pct: pct(rejectedErrors, acc.children + acc.duplicatesRemoved + rejectedErrors),
    },
    hazHistogram: { from: HAZ_HIST.from, width: HAZ_HIST.width, counts: [...acc.hazHist] },
  };
}
