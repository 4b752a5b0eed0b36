/**
 * Synthetic convergence data for the demo: per desa, one row per indicator for the August round of each year, in
 * the coverage input format (`kode,period,indicator,numerator,denominator`). Plausible, not real: each indicator
 * has a kabupaten level (roughly where Indonesian routine reports put it), each kecamatan and desa a seeded offset on
 * the logit scale, a small yearly improvement, and denominators scaled from the desa's under-five population. The
 * same seed gives the same bytes; the file name starts with `demo-` and every page built from it says synthetic.
 */
import type { CoverageIndicator } from '../indicators/coverage-defs.ts';
import { createRng } from './prng.ts';

/** The desa the generator needs: code, kecamatan and resident under-fives. */
export interface CoverageDemoDesa {
  code: string;
  kecamatanCode: string;
  under5: number;
}

/** Kabupaten-level share (first year) and denominator per under-five, per indicator id. Unknown ids: 0.6 and 0.2. */
const PROFILE: Record<string, { level: number; perChild: number }> = {
  bumil_kek_pmt: { level: 0.78, perChild: 0.03 },
  bumil_ttd90: { level: 0.62, perChild: 0.2 },
  remaja_ttd: { level: 0.45, perChild: 0.5 },
  asi_eksklusif: { level: 0.68, perChild: 0.1 },
  mpasi: { level: 0.74, perChild: 0.3 },
  gizi_buruk_tatalaksana: { level: 0.85, perChild: 0.012 },
  balita_dipantau: { level: 0.82, perChild: 1 },
  gizi_kurang_pmt: { level: 0.7, perChild: 0.06 },
  imunisasi_dasar: { level: 0.86, perChild: 0.2 },
  kb_pascapersalinan: { level: 0.42, perChild: 0.2 },
  kehamilan_tidak_diinginkan: { level: 0.14, perChild: 0.22 },
  catin_diperiksa: { level: 0.58, perChild: 0.08 },
  air_minum_layak: { level: 0.9, perChild: 3 },
  sanitasi_layak: { level: 0.8, perChild: 3 },
  pbi_jkn: { level: 0.72, perChild: 2 },
  keluarga_berisiko_didampingi: { level: 0.78, perChild: 0.4 },
  bantuan_tunai_bersyarat: { level: 0.6, perChild: 0.25 },
  paham_stunting: { level: 0.55, perChild: 0.3 },
  bansos_pangan: { level: 0.66, perChild: 0.6 },
  desa_odf: { level: 0.72, perChild: 0 },
  konvergensi_ibu_hamil: { level: 0.71, perChild: 0.2 * 8 },
  konvergensi_anak_0_23: { level: 0.74, perChild: 0.4 * 10 },
  konvergensi_paud: { level: 0.63, perChild: 0.6 },
};

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Binomial draw (sum of Bernoullis for small n, normal approximation above 200). */
function binomial(rng: ReturnType<typeof createRng>, n: number, p: number): number {
  if (n <= 200) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) k++;
    return k;
  }
  const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rng.normal());
  return Math.min(n, Math.max(0, k));
}

/** The demo coverage file for `desa` over `years` (period `YYYY-08`), as CSV text. */
export function demoCoverageCsv(desa: readonly CoverageDemoDesa[], defs: readonly CoverageIndicator[], years: readonly number[], seed: number): string {
  const lines = ['kode,period,indicator,numerator,denominator'];
  const scored = defs.filter((d) => d.id !== 'tingkat_konvergensi');
  for (const d of desa) {
    const services: [number, number][] = [];
    for (const def of scored) {
      const prof = PROFILE[def.id] ?? { level: 0.6, perChild: 0.2 };
      const kec = createRng(seed, 'coverage-kec', def.id, d.kecamatanCode).normal() * 0.35;
      const own = createRng(seed, 'coverage-desa', def.id, d.code).normal() * 0.45;
      years.forEach((year, y) => {
        const rng = createRng(seed, 'coverage', def.id, d.code, year);
        const better = def.direction === 'lower_better' ? -0.12 : 0.12; // a small yearly improvement
        const p = expit(logit(prof.level) + kec + own + better * y);
        const den = def.counts === 'villages' ? 1 : Math.max(0, Math.round(d.under5 * prof.perChild * (0.85 + 0.3 * rng.next())));
        const num = binomial(rng, den, p);
        lines.push(`${d.code},${year}-08,${def.id},${num},${den}`);
        if (def.group === 'scorecard') services[y] = [(services[y]?.[0] ?? 0) + num, (services[y]?.[1] ?? 0) + den];
      });
    }
    if (defs.some((x) => x.id === 'tingkat_konvergensi')) {
      years.forEach((year, y) => services[y] && lines.push(`${d.code},${year}-08,tingkat_konvergensi,${services[y][0]},${services[y][1]}`));
    }
  }
  return lines.join('\n') + '\n';
}
