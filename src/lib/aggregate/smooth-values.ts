/**
 * Smoothed prevalences for the published values: every desa and kecamatan, period and indicator whose raw figure is
 * published gets an empirical Bayes estimate (smooth.ts) pulled towards the rest of its parent area; suppressed,
 * empty and kabupaten cells get none.
 *
 * Suppression: this function reads only published cells (status 'ok': their n and cases are in the tidy CSV), so
 * every smoothed figure is a function of published numbers and anyone can recompute it from stunting.csv; it can
 * reveal nothing that the raw publication does not. The prior of a cell is the parent's published total minus the
 * cell's own published counts, and the spread is estimated from published cells only.
 */
import { INDICATORS, LEVELS, type IndicatorId, type IndicatorValue, type Level } from '../types.ts';
import { smoothLevel, type SmoothCell } from './smooth.ts';
import { toPercent1 } from './wilson.ts';
import type { PublishedValues } from './values.ts';

/** A published smoothed figure in percent with one decimal. */
export interface SmoothedValue {
  prevalence: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * `result[area][period][indicator]`: the smoothed figure, null where the raw figure is not published (or too few
 * areas of the level are published to estimate the prior), undefined for the region itself (not smoothed).
 * `rho[level][period][indicator]` is the estimated intra-area correlation (null when not estimable).
 */
export interface SmoothedValues {
  values: (Record<IndicatorId, SmoothedValue | null> | undefined)[][];
  rho: Partial<Record<Level, (Record<IndicatorId, number | null>)[]>>;
}

const published = (v: IndicatorValue | undefined): v is IndicatorValue & { n: number; cases: number } =>
  !!v && v.status === 'ok' && v.n !== null && v.cases !== null && v.n > 0;

/** Computes the smoothed figures of every area below the region (desa, kecamatan, and kab/kota on a province site) from the published values. */
export function smoothPublished(pv: PublishedValues): SmoothedValues {
  const { areas, periods } = pv;
  const index = new Map(areas.map((a, i) => [a.code, i]));
  const parentIndex = areas.map((a) => (a.parent ? (index.get(a.parent) ?? -1) : -1));
  const values: SmoothedValues['values'] = areas.map((a) =>
    periods.map(() => (a.parent !== null ? ({} as Record<IndicatorId, SmoothedValue | null>) : undefined)),
  );
  const rho: SmoothedValues['rho'] = {};
  // Every level below the region: desa, kecamatan and, on a province site, kab/kota.
  const levels = LEVELS.filter((l) => areas.some((a) => a.level === l && a.parent !== null)).reverse();
  for (const level of levels) {
    rho[level] = [];
    const members = areas.map((a, i) => (a.level === level ? i : -1)).filter((i) => i >= 0);
    periods.forEach((_, p) => {
      const rhoP = {} as Record<IndicatorId, number | null>;
      for (const id of INDICATORS) {
        const cells: SmoothCell[] = [];
        const owners: number[] = [];
        for (const a of members) {
          const v = pv.values[a][p].indicators[id];
          values[a][p]![id] = null;
          if (!published(v)) continue;
          // The nearest published ancestor with other children besides this area.
          let q = parentIndex[a];
          while (q >= 0) {
            const pvq = pv.values[q][p].indicators[id];
            if (published(pvq) && pvq.n > v.n) break;
            q = parentIndex[q];
          }
          if (q < 0) continue;
          const parent = pv.values[q][p].indicators[id] as IndicatorValue & { n: number; cases: number };
          cells.push({ n: v.n, cases: v.cases, parentN: parent.n, parentCases: parent.cases });
          owners.push(a);
        }
        const r = smoothLevel(cells);
        rhoP[id] = r.rho;
        r.values.forEach((s, i) => {
          values[owners[i]][p]![id] = s ? { prevalence: toPercent1(s.mean), ciLow: toPercent1(s.low), ciHigh: toPercent1(s.high) } : null;
        });
      }
      rho[level]!.push(rhoP);
    });
  }
  return { values, rho };
}
