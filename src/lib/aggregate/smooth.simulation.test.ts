/**
 * Simulation check of the empirical Bayes smoothing (docs/methodology.md, "Smoothed figures"): kabupaten with known
 * true rates per desa, binomial counts at realistic desa sizes, desa below the suppression minimum hidden (their
 * children still count in the kecamatan total, as in the published data). The smoothed estimates must have a lower
 * mean squared error than the raw rates, and their 95% intervals near-nominal coverage. The figures are printed so
 * that the ones quoted in the documentation can be checked.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../demo/prng.ts';
import { betaQuantile } from './beta.ts';
import { smoothLevel, type SmoothCell } from './smooth.ts';
import { wilson } from './wilson.ts';

interface Scenario {
  name: string;
  /** Mean true rate of the kabupaten. */
  rate: number;
  /** Prior weights (in children) of the kecamatan rates around the kabupaten and the desa rates around their
   * kecamatan; Infinity for no variation. */
  kecM: number;
  desaM: number;
}

const SUPPRESS_BELOW = 10;
const KABUPATEN = 40;

const drawBeta = (rng: Rng, mean: number, m: number) => (Number.isFinite(m) ? betaQuantile(rng.next(), m * mean, m * (1 - mean)) : mean);
const drawBinomial = (rng: Rng, n: number, p: number) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
};

function simulate(s: Scenario, seed: number) {
  let seRaw = 0;
  let seSmooth = 0;
  let covered = 0;
  let coveredWilson = 0;
  let cells = 0;
  let width = 0;
  let widthWilson = 0;
  for (let k = 0; k < KABUPATEN; k++) {
    const rng = createRng(seed, s.name, k);
    const truth: number[] = [];
    const smoothIn: SmoothCell[] = [];
    // 25 kecamatan of 8 to 20 desa; desa sizes log-normal around 70 children (5 to 600), as in routine data.
    for (let kec = 0; kec < 25; kec++) {
      const mu = drawBeta(rng, s.rate, s.kecM);
      const desa: { n: number; cases: number; theta: number }[] = [];
      const nDesa = 8 + rng.int(13);
      for (let d = 0; d < nDesa; d++) {
        const n = Math.min(600, Math.max(5, Math.round(Math.exp(Math.log(70) + 0.7 * rng.normal()))));
        const theta = drawBeta(rng, mu, s.desaM);
        desa.push({ n, theta, cases: drawBinomial(rng, n, theta) });
      }
      const parentN = desa.reduce((t, d) => t + d.n, 0);
      const parentCases = desa.reduce((t, d) => t + d.cases, 0);
      for (const d of desa) {
        if (d.n < SUPPRESS_BELOW) continue;
        truth.push(d.theta);
        smoothIn.push({ n: d.n, cases: d.cases, parentN, parentCases });
      }
    }
    const { values } = smoothLevel(smoothIn);
    smoothIn.forEach((c, i) => {
      const v = values[i]!;
      const th = truth[i];
      const raw = c.cases / c.n;
      seRaw += (raw - th) ** 2;
      seSmooth += (v.mean - th) ** 2;
      if (v.low <= th && th <= v.high) covered++;
      const w = wilson(c.cases, c.n)!;
      if (w.low <= th && th <= w.high) coveredWilson++;
      width += v.high - v.low;
      widthWilson += w.high - w.low;
      cells++;
    });
  }
  return {
    cells,
    rmseRaw: 100 * Math.sqrt(seRaw / cells),
    rmseSmooth: 100 * Math.sqrt(seSmooth / cells),
    mseRatio: seSmooth / seRaw,
    coverage: covered / cells,
    coverageWilson: coveredWilson / cells,
    width: (100 * width) / cells,
    widthWilson: (100 * widthWilson) / cells,
  };
}

const SCENARIOS: Scenario[] = [
  // Stunting-like: 20% with desa rates varying by about ±5.6 points within a kecamatan.
  { name: 'stunting', rate: 0.2, kecM: 80, desaM: 50 },
  // Wasting-like: 6%, less variation between desa.
  { name: 'wasting', rate: 0.06, kecM: 150, desaM: 120 },
  // Severe wasting-like: rare (1.5%).
  { name: 'rare', rate: 0.015, kecM: 300, desaM: 300 },
  // Strong variation between desa: smoothing must then step aside rather than hide it.
  { name: 'heterogeneous', rate: 0.25, kecM: 40, desaM: 8 },
];

describe('empirical Bayes smoothing on simulated kabupaten', () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: lower mean squared error than the raw rates and near-nominal 95% coverage`, () => {
      const r = simulate(s, 20261205);
      console.log(
        `[smoothing simulation] ${s.name}: ${r.cells} desa; RMSE raw ${r.rmseRaw.toFixed(2)} points, smoothed ${r.rmseSmooth.toFixed(2)} ` +
          `(MSE ratio ${r.mseRatio.toFixed(2)}); 95% coverage smoothed ${(100 * r.coverage).toFixed(1)}% (mean width ${r.width.toFixed(1)} points), ` +
          `Wilson ${(100 * r.coverageWilson).toFixed(1)}% (${r.widthWilson.toFixed(1)} points)`,
      );
      expect(r.cells).toBeGreaterThan(10_000);
      expect(r.mseRatio).toBeLessThan(s.name === 'heterogeneous' ? 0.95 : 0.8);
      expect(r.coverage).toBeGreaterThan(0.93);
      expect(r.coverage).toBeLessThan(0.97);
      // Borrowing strength narrows the intervals.
      expect(r.width).toBeLessThan(r.widthWilson);
    });
  }
});
