/**
 * Empirical Bayes smoothing of small-area prevalences (beta-binomial). Each area's true rate θ is given a beta prior
 * centred on the rate of the rest of its parent area, with a spread estimated by the method of moments from the
 * areas of the same level; the smoothed prevalence is the posterior mean and the 95% interval the 2.5% and 97.5%
 * quantiles of the beta posterior. Inputs are published counts only (see docs/methodology.md, "Smoothed figures").
 *
 * Model: θ_i ~ Beta(M μ_i, M (1 − μ_i)), cases_i | θ_i ~ Binomial(n_i, θ_i); ρ = 1 / (M + 1) is the intra-area
 * correlation (the share of a child-level variance that lies between areas). Posterior:
 * θ_i | data ~ Beta(cases_i + M μ_i, n_i − cases_i + M (1 − μ_i)).
 */
import { betaQuantile } from './beta.ts';

/** One area to smooth: its own published counts and those of the parent area it is pulled towards. */
export interface SmoothCell {
  n: number;
  cases: number;
  /** Published denominator and cases of the parent area (which includes this area). */
  parentN: number;
  parentCases: number;
}

/** Smoothed prevalence and its 95% posterior interval, as fractions. */
export interface Smoothed {
  mean: number;
  low: number;
  high: number;
}

/** Fewest usable areas for which the spread of the prior is estimated; with fewer, nothing is smoothed. */
export const MIN_AREAS = 5;
/** Upper bound of ρ (so M ≥ 1: the prior is never worth less than one child). */
export const MAX_RHO = 0.5;

/** The prior mean for a cell: the rate of the parent without the cell itself, half a case away from 0 and 1. */
export function priorMean(c: SmoothCell): number | null {
  const restN = c.parentN - c.n;
  if (!(restN > 0)) return null;
  const rest = (c.parentCases - c.cases) / restN;
  const edge = 0.5 / restN;
  return Math.min(1 - edge, Math.max(edge, rest));
}

/**
 * Method-of-moments estimate of ρ over cells of one level. With μ_i the leave-one-out parent rate,
 * E[(p_i − μ_i)² / (μ_i (1 − μ_i))] ≈ (1 − ρ) / n_i + ρ + 1 / (N_i − n_i), so each cell gives an unbiased term
 * r_i − 1/n_i − 1/(N_i − n_i) for ρ (1 − 1/n_i); the terms are pooled with weights 1 / E[r_i] (iterated to a fixed
 * point) and the result kept in [0, MAX_RHO]. Null when fewer than MIN_AREAS cells are usable (n ≥ 2, a parent
 * with other children).
 */
export function estimateRho(cells: readonly SmoothCell[]): number | null {
  const use: { r: number; n: number; restN: number }[] = [];
  for (const c of cells) {
    const mu = priorMean(c);
    if (mu === null || !(c.n >= 2)) continue;
    const rest = (c.parentCases - c.cases) / (c.parentN - c.n);
    const p = c.cases / c.n;
    use.push({ r: ((p - rest) * (p - rest)) / (mu * (1 - mu)), n: c.n, restN: c.parentN - c.n });
  }
  if (use.length < MIN_AREAS) return null;
  let rho = 0;
  for (let it = 0; it < 50; it++) {
    let num = 0;
    let den = 0;
    for (const u of use) {
      const w = 1 / ((1 - rho) / u.n + rho + 1 / u.restN);
      num += w * (u.r - 1 / u.n - 1 / u.restN);
      den += w * (1 - 1 / u.n);
    }
    const next = Math.min(MAX_RHO, Math.max(0, num / den));
    if (Math.abs(next - rho) < 1e-12) return next;
    rho = next;
  }
  return rho;
}

/** Prior weight M (in children) for a cell: 1/ρ − 1, but never more than the other children of the parent. */
export function priorWeight(rho: number, c: SmoothCell): number {
  const restN = c.parentN - c.n;
  return rho > 0 ? Math.min(1 / rho - 1, restN) : restN;
}

/** The beta posterior of one cell for a given ρ: mean and central interval of the given level (default 95%). */
export function smoothCell(c: SmoothCell, rho: number, level = 0.95): Smoothed | null {
  const mu = priorMean(c);
  if (mu === null || !(c.n > 0) || c.cases < 0 || c.cases > c.n) return null;
  const m = priorWeight(rho, c);
  const a = c.cases + m * mu;
  const b = c.n - c.cases + m * (1 - mu);
  const tail = (1 - level) / 2;
  return { mean: a / (a + b), low: betaQuantile(tail, a, b), high: betaQuantile(1 - tail, a, b) };
}

/** Smooths the cells of one level (one period and indicator): the pooled ρ and each cell's posterior. */
export function smoothLevel(cells: readonly SmoothCell[], level = 0.95): { rho: number | null; values: (Smoothed | null)[] } {
  const rho = estimateRho(cells);
  if (rho === null) return { rho, values: cells.map(() => null) };
  return { rho, values: cells.map((c) => smoothCell(c, rho, level)) };
}
