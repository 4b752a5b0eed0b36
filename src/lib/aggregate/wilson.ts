/**
 * Prevalence with a 95% Wilson score interval. Wilson rather than the normal (Wald) interval because it stays
 * inside 0-100% and keeps its coverage for the small numbers of a desa (Brown, Cai & DasGupta 2001).
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Returns prevalence and its Wilson interval as fractions (0..1) for `cases` out of `n`; null when n is 0. */
export function wilson(cases: number, n: number, z: number = Z95): { p: number; low: number; high: number } | null {
  if (!(n > 0) || cases < 0 || cases > n) return null;
  const p = cases / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp the rounding noise at the edges: for 0 cases the lower bound is exactly 0, for n cases the upper is 1.
  return { p, low: cases === 0 ? 0 : Math.max(0, centre - half), high: cases === n ? 1 : Math.min(1, centre + half) };
}

/** Rounds a fraction to a percentage with one decimal, half away from zero, immune to binary noise (0.0285 → 2.9). */
export function toPercent1(fraction: number): number {
  const x = fraction * 1000;
  const r = Math.round(x + (x >= 0 ? 1e-9 : -1e-9));
  return r / 10;
}

/**
 * The 95% confidence interval of a difference of two independent proportions, `casesB/nB − casesA/nA`, by
 * Newcombe's hybrid score method (Newcombe 1998, method 10: the Wilson intervals of each proportion combined), as
 * fractions; null when either n is 0. Good coverage at small n and near 0% or 100%, where the Wald interval fails.
 * A change whose interval excludes 0 is significant at the 5% level.
 */
export function newcombeDifference(casesA: number, nA: number, casesB: number, nB: number, z: number = Z95): { diff: number; low: number; high: number } | null {
  const a = wilson(casesA, nA, z);
  const b = wilson(casesB, nB, z);
  if (!a || !b) return null;
  const diff = b.p - a.p;
  return {
    diff,
    low: diff - Math.sqrt((b.p - b.low) ** 2 + (a.high - a.p) ** 2),
    high: diff + Math.sqrt((b.high - b.p) ** 2 + (a.p - a.low) ** 2),
  };
}
