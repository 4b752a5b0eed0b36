/**
 * From the count table to published values: prevalence with its Wilson interval per area, period, indicator and
 * breakdown category, with primary and complementary suppression applied across every linked total.
 */
import { INDICATORS, type Area, type CellStatus, type IndicatorId, type IndicatorValue } from '../types.ts';
import { CATEGORIES, HEAD_SLOTS, blockOf, slotOf, type CountTable } from './counts.ts';
import { PRIMARY, PUBLISHED, suppressCells, type SumGroup } from './suppress.ts';
import { toPercent1, wilson } from './wilson.ts';

/** The published figures of one area in one period. */
export interface AreaPeriodValues {
  measured: number | null;
  valid: number | null;
  flagged: { zlen: number; zwei: number; zwfl: number; zbmi: number } | null;
  measuredStatus: CellStatus;
  indicators: Record<IndicatorId, IndicatorValue>;
  /** Category key ('sex:1', 'age:0-5', ...) → indicator values; only for the kabupaten and kecamatan. */
  breakdowns: Record<string, Record<IndicatorId, IndicatorValue>> | null;
}

/** All published values: `values[areaIndex][periodIndex]`. */
export interface PublishedValues {
  areas: readonly Area[];
  periods: readonly string[];
  values: AreaPeriodValues[][];
}

const EMPTY = (status: CellStatus, suppression?: 'primary' | 'complementary'): IndicatorValue => ({
  n: null,
  cases: null,
  prevalence: null,
  ciLow: null,
  ciHigh: null,
  status,
  ...(suppression ? { suppression } : {}),
});

/** Builds an IndicatorValue from counts and a suppression status; `baseStatus` applies when n is 0. */
export function indicatorValue(n: number, cases: number, supp: number, baseStatus: CellStatus): IndicatorValue {
  if (supp !== PUBLISHED) return EMPTY('suppressed', supp === PRIMARY ? 'primary' : 'complementary');
  if (n === 0) return EMPTY(baseStatus === 'ok' ? 'no_data' : baseStatus);
  const w = wilson(cases, n)!;
  return { n, cases, prevalence: toPercent1(w.p), ciLow: toPercent1(w.low), ciHigh: toPercent1(w.high), status: 'ok' };
}

/** Computes every published value from a rolled-up count table; `parentOf[i]` is the parent area index or -1. */
export function publishedValues(
  t: CountTable,
  areas: readonly Area[],
  parentOf: Int32Array,
  periods: readonly string[],
  minimum: number,
): PublishedValues {
  const nA = areas.length;
  const d = t.data;
  // Breakdown cells exist for areas above desa level.
  const bIndex = new Int32Array(nA).fill(-1);
  let nB = 0;
  for (let a = 0; a < nA; a++) if (areas[a].level !== 'desa') bIndex[a] = nB++;
  const nCat = CATEGORIES.length - 1;
  const cellOf = (a: number, cat: number) => (cat === 0 ? a : nA + bIndex[a] * nCat + (cat - 1));
  const nCells = nA + nB * nCat;

  // Linked totals: geography, and for breakdown areas the categories and each category across kecamatan.
  const children: number[][] = areas.map(() => []);
  for (let a = 0; a < nA; a++) if (parentOf[a] >= 0) children[parentOf[a]].push(a);
  const geoGroups: SumGroup[] = [];
  const allGroups: SumGroup[] = [];
  for (let a = 0; a < nA; a++) {
    if (children[a].length > 0) geoGroups.push({ parent: a, children: children[a] });
    if (bIndex[a] < 0) continue;
    allGroups.push({ parent: a, children: [cellOf(a, 1), cellOf(a, 2)] });
    allGroups.push({ parent: a, children: [3, 4, 5, 6, 7, 8].map((c) => cellOf(a, c)) });
    const kids = children[a].filter((k) => bIndex[k] >= 0);
    if (kids.length > 0) for (let c = 1; c <= nCat; c++) allGroups.push({ parent: cellOf(a, c), children: kids.map((k) => cellOf(k, c)) });
  }
  allGroups.push(...geoGroups);

  // Does an area have any measurement in any period? (distinguishes not_measured from no_data)
  const everMeasured = new Uint8Array(nA);
  for (let a = 0; a < nA; a++) for (let p = 0; p < periods.length; p++) if (d[blockOf(t, a, p) + HEAD_SLOTS.measured] > 0) everMeasured[a] = 1;

  const values: AreaPeriodValues[][] = areas.map(() => []);
  for (let p = 0; p < periods.length; p++) {
    // Measured counts: geographic groups only.
    const nMeasured = new Float64Array(nA);
    for (let a = 0; a < nA; a++) nMeasured[a] = d[blockOf(t, a, p) + HEAD_SLOTS.measured];
    const measuredSupp = suppressCells(nMeasured, minimum, geoGroups);
    const indSupp: Uint8Array[] = [];
    const nCell = new Float64Array(nCells);
    for (let k = 0; k < INDICATORS.length; k++) {
      for (let a = 0; a < nA; a++) {
        const b = blockOf(t, a, p);
        nCell[a] = d[b + slotOf(0, k)];
        if (bIndex[a] >= 0) for (let c = 1; c <= nCat; c++) nCell[cellOf(a, c)] = d[b + slotOf(c, k)];
      }
      indSupp.push(suppressCells(nCell, minimum, allGroups));
    }
    for (let a = 0; a < nA; a++) {
      const b = blockOf(t, a, p);
      const measured = d[b + HEAD_SLOTS.measured];
      const base: CellStatus = measured > 0 ? 'ok' : everMeasured[a] ? 'not_measured' : 'no_data';
      const ms = measuredSupp[a];
      // A hidden total hides its indicators too: never publish cases next to a suppressed denominator.
      const indicators = {} as Record<IndicatorId, IndicatorValue>;
      INDICATORS.forEach((id, k) => {
        const s = ms !== PUBLISHED && measured > 0 ? ms : indSupp[k][a];
        indicators[id] = indicatorValue(d[b + slotOf(0, k)], d[b + slotOf(0, k) + 1], s, base);
      });
      let breakdowns: AreaPeriodValues['breakdowns'] = null;
      if (bIndex[a] >= 0) {
        breakdowns = {};
        for (let c = 1; c <= nCat; c++) {
          const row = {} as Record<IndicatorId, IndicatorValue>;
          INDICATORS.forEach((id, k) => {
            row[id] = indicatorValue(d[b + slotOf(c, k)], d[b + slotOf(c, k) + 1], indSupp[k][cellOf(a, c)], base === 'ok' ? 'no_data' : base);
          });
          breakdowns[CATEGORIES[c]] = row;
        }
      }
      const hidden = ms !== PUBLISHED;
      values[a].push({
        measured: hidden ? null : measured,
        valid: hidden ? null : d[b + HEAD_SLOTS.valid],
        flagged: hidden
          ? null
          : {
              zlen: d[b + HEAD_SLOTS.flagged.zlen],
              zwei: d[b + HEAD_SLOTS.flagged.zwei],
              zwfl: d[b + HEAD_SLOTS.flagged.zwfl],
              zbmi: d[b + HEAD_SLOTS.flagged.zbmi],
            },
        measuredStatus: hidden ? 'suppressed' : base,
        indicators,
        breakdowns,
      });
    }
  }
  return { areas, periods, values };
}
