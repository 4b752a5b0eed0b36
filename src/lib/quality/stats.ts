/**
 * Small statistical helpers for the data-quality report: normal tail probabilities, chi-square for 1 df, Poisson
 * upper tails and the digit preference score. Pure and dependency-free.
 */

/** Complementary error function, |error| < 1.2e-7 (Numerical Recipes, Chebyshev fit `erfcc`). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal statistic z: P(|Z| >= |z|). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Upper tail P(X >= k) of a Poisson(lambda) variable; exact summation for moderate lambda, normal approximation
 * with continuity correction beyond lambda = 1000. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  if (lambda > 1000) {
    const z = (k - 0.5 - lambda) / Math.sqrt(lambda);
    return 0.5 * erfc(z / Math.SQRT2);
  }
  // P(X <= k-1) by summing terms in log space.
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    cdf += term;
    if (term < 1e-300 && i > lambda) break;
  }
  return Math.max(0, Math.min(1, 1 - cdf));
}

/** Pearson chi-square statistic of observed counts against equal expected counts (uniform). 0 when empty. */
export function chiSquareUniform(counts: readonly number[]): number {
  let n = 0;
  for (const c of counts) n += c;
  if (n === 0) return 0;
  const e = n / counts.length;
  let x2 = 0;
  for (const c of counts) x2 += ((c - e) * (c - e)) / e;
  return x2;
}

/**
 * Digit preference score (DPS) of terminal-digit counts, as SMART / nipnTK `digitPreference()` compute it
 * (definition from the WHO MONICA project, Kuulasmaa et al. 1998): DPS = 100 * sqrt(X2 / (n * df)), df = digits - 1.
 * 0 = perfectly uniform digits, 100 = every value ends in the same digit. If a share f of values is rounded to one
 * digit and the rest are uniform, DPS = 100 * f. Null when there is no value.
 *
 * `biasCorrected` subtracts the chi-square's expectation under uniform digits (df) before scaling, so that small
 * samples of honest measurements are not scored as preferring digits (raw DPS ≈ 100 / sqrt(n) by chance alone).
 */
export function digitPreferenceScore(counts: readonly number[], biasCorrected = false): number | null {
  let n = 0;
  for (const c of counts) n += c;
  if (n === 0) return null;
  const df = counts.length - 1;
  const x2 = chiSquareUniform(counts);
  const num = biasCorrected ? Math.max(0, x2 - df) : x2;
  return 100 * Math.sqrt(num / (n * df));
}
