/** Synthetic observations for the quality tests (seeded, no personal data). */
import { uniform32 } from '../../src/lib/demo/prng.ts';
import type { Observation } from '../../src/lib/types.ts';

/** Standard normal deviate by Box-Muller from a uniform generator. */
function normal(r: () => number): number {
  const u = 1 - r();
  const v = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Days since 1970-01-01 of an ISO date. */
function day(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** An observation with sensible defaults, overridden by `o`. */
export function obs(o: Partial<Observation> = {}): Observation {
  return {
    period: '2025-08',
    areaCode: '35.10.01.2001',
    childKey: 'k',
    measureDay: day('2025-08-10'),
    fileIndex: 0,
    line: 1,
    sex: 1,
    ageDays: 500,
    position: 'L',
    zlen: -1,
    flen: 0,
    zwei: -0.5,
    fwei: 0,
    zwfl: 0,
    fwfl: 0,
    zbmi: 0,
    fbmi: 0,
    weightDigit: 3,
    heightDigit: 3,
    weightMissing: false,
    heightMissing: false,
    oedema: false,
    ...o,
  };
}

/** A plausible population: z ~ N(mean, 1) rounded to 2 decimals, uniform terminal digits, ages 0-59 months
 * spread over the days, position by age (lying under 731 days), about 105 boys per 100 girls. */
export function population(n: number, seed = 1, meanHaz = -1): Observation[] {
  const r = uniform32(seed);
  const out: Observation[] = [];
  const z = (m: number) => Math.round((m + normal(r)) * 100) / 100;
  for (let i = 0; i < n; i++) {
    const ageDays = Math.floor(r() * 1826);
    out.push(
      obs({
        childKey: `c${i}`,
        line: i + 2,
        measureDay: day('2025-08-01') + Math.floor(r() * 28),
        sex: r() < 1.05 / 2.05 ? 1 : 2,
        ageDays,
        position: ageDays < 731 ? 'L' : 'H',
        zlen: z(meanHaz),
        zwei: z(-0.8),
        zwfl: z(-0.3),
        zbmi: z(-0.2),
        weightDigit: Math.floor(r() * 10),
        heightDigit: Math.floor(r() * 10),
      }),
    );
  }
  return out;
}
