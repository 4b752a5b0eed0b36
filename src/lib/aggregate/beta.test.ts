import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, binomialCdf, binomialQuantile, logGamma } from './beta.ts';

/** Relative difference, for values that span many orders of magnitude. */
const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);

// Reference values from SciPy 1.17 (scipy.special.gammaln, betainc; scipy.stats.beta.ppf, binom.cdf).
const QUANTILES: [number, number, number, number][] = [
  [0.025, 2, 3, 0.06758598648854294],
  [0.975, 2, 3, 0.8058795503167565],
  [0.5, 0.3, 0.7, 0.15877468697850153],
  [0.025, 0.25, 50, 5.3129661863370005e-9],
  [0.975, 0.25, 50, 0.03399907709751961],
  [0.025, 12.5, 187.5, 0.03338372559113518],
  [0.975, 12.5, 187.5, 0.09986558822884647],
  [0.025, 1500, 3500, 0.28737572827493696],
  [0.975, 1500, 3500, 0.3127758163085916],
  [0.001, 0.05, 2, 3.76889482873003e-61],
  [0.999, 200000, 30, 0.9999206630454021],
  [0.025, 30, 600000, 3.373340581964889e-5],
];

describe('logGamma', () => {
  it('matches SciPy and the factorials', () => {
    for (const [x, want] of [[0.1, 2.252712651734206], [0.5, 0.5723649429247], [3.7, 1.428072326665388], [50.2, 145.34654536468477], [1234.5, 7550.550901077894]]) {
      expect(rel(logGamma(x), want)).toBeLessThan(1e-13);
    }
    let f = 1;
    for (let n = 1; n <= 20; n++) {
      f *= n;
      expect(rel(logGamma(n + 1), Math.log(f))).toBeLessThan(1e-13);
    }
    expect(Number.isNaN(logGamma(0))).toBe(true);
  });
});

describe('betaCdf (regularized incomplete beta)', () => {
  it('matches SciPy betainc', () => {
    for (const [x, a, b, want] of [
      [0.3, 2, 3, 0.34829999999999994],
      [0.01, 0.25, 50, 0.8461367040117147],
      [0.06, 12.5, 187.5, 0.47524940769524815],
      [0.3, 1500, 3500, 0.5016416007603002],
      [0.5, 0.5, 0.5, 0.5],
      [1e-5, 0.05, 2, 0.5904581102792039],
    ]) expect(rel(betaCdf(x, a, b), want)).toBeLessThan(1e-11);
  });
  it('has the closed forms of Beta(a, 1) and Beta(1, b), and symmetry', () => {
    for (const x of [1e-6, 0.013, 0.2, 0.5, 0.77, 0.999]) {
      expect(rel(betaCdf(x, 3.5, 1), x ** 3.5)).toBeLessThan(1e-12);
      expect(rel(betaCdf(x, 1, 7.25), -Math.expm1(7.25 * Math.log1p(-x)))).toBeLessThan(1e-12);
      expect(Math.abs(betaCdf(x, 4.2, 9.1) + betaCdf(1 - x, 9.1, 4.2) - 1)).toBeLessThan(1e-13);
    }
    expect(betaCdf(0, 2, 2)).toBe(0);
    expect(betaCdf(1, 2, 2)).toBe(1);
    expect(Number.isNaN(betaCdf(0.5, 0, 2))).toBe(true);
  });
});

describe('betaQuantile', () => {
  it('matches SciPy beta.ppf, including very skewed and very large shapes', () => {
    for (const [p, a, b, want] of QUANTILES) expect(rel(betaQuantile(p, a, b), want), `${p} ${a} ${b}`).toBeLessThan(1e-9);
  });
  it('inverts betaCdf over a grid of shapes and probabilities', () => {
    for (const a of [0.02, 0.4, 1, 3.3, 40, 900]) {
      for (const b of [0.05, 0.9, 2, 17, 350, 20000]) {
        for (const p of [1e-4, 0.025, 0.3, 0.5, 0.975, 0.9999]) {
          const x = betaQuantile(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          // Where the distribution function is so steep that x is at the limit of double precision, check the
          // bracket instead of the value.
          const close = Math.abs(betaCdf(x, a, b) - p) < 1e-9;
          const bracketed = betaCdf(x * (1 - 1e-13), a, b) <= p && p <= betaCdf(Math.min(1, x * (1 + 1e-13)), a, b);
          expect(close || bracketed, `${p} ${a} ${b}`).toBe(true);
        }
      }
    }
  });
  it('gives the Clopper-Pearson bounds in closed form for 0 of n and n of n', () => {
    // Upper bound for 0 cases of 10: 1 - 0.025^(1/10).
    expect(rel(betaQuantile(0.975, 1, 10), 1 - 0.025 ** (1 / 10))).toBeLessThan(1e-12);
    expect(rel(betaQuantile(0.025, 10, 1), 0.025 ** (1 / 10))).toBeLessThan(1e-12);
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(Math.abs(betaQuantile(0.5, 7, 7) - 0.5)).toBeLessThan(1e-14);
  });
});

describe('binomial distribution', () => {
  it('matches SciPy binom.cdf and a direct sum of the probabilities', () => {
    for (const [k, n, p, want] of [[3, 40, 0.2, 0.028462094459744576], [10, 40, 0.2, 0.8392308520023817], [0, 25, 0.05, 0.27738957312183404], [150, 1000, 0.14, 0.8309649831481077]]) {
      expect(rel(binomialCdf(k, n, p), want)).toBeLessThan(1e-10);
    }
    // Direct sum for n = 30, p = 0.13.
    let term = 0.87 ** 30;
    let sum = 0;
    for (let k = 0; k <= 30; k++) {
      sum += term;
      expect(Math.abs(binomialCdf(k, 30, 0.13) - sum)).toBeLessThan(1e-12);
      term *= ((30 - k) / (k + 1)) * (0.13 / 0.87);
    }
  });
  it('finds the smallest k whose distribution function reaches q', () => {
    for (const [n, p] of [[40, 0.2], [250, 0.03], [7, 0.5]]) {
      for (const q of [0.001, 0.025, 0.5, 0.975, 0.999]) {
        const k = binomialQuantile(q, n, p);
        expect(binomialCdf(k, n, p)).toBeGreaterThanOrEqual(q);
        if (k > 0) expect(binomialCdf(k - 1, n, p)).toBeLessThan(q);
      }
    }
  });
});
