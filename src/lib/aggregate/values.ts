/**
 * From the count table to published values: prevalence with its Wilson interval per area, period, indicator and
 * breakdown category, with primary and complementary suppression applied across every linked total.
 */
import { INDICATORS, type Area, type CellStatus, type IndicatorId, type IndicatorValue } from '../types.ts';
import { CATEGORIES, HEAD_SLOTS, blockOf, slotOf, type CountTable } from './counts.ts';
import { COMPLEMENTARY, KIND_MEASURED, KIND_N, KIND_OTHER, PRIMARY, PUBLISHED, protectTable, sumRelation, type LinkedTable, type Relation, type SumGroup } from './suppress.ts';
import { INDICATOR_RULES } from './counts.ts';
import { disjointPairs, nestedPairs, ZSCORE_DEFINITIONS } from '../indicators/zscore-defs.ts';
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
  const cells = cellLayout(areas);
  const groups = sumGroups(parentOf, cells);
  const linked = linkedLayout(cells.nA, cells.nCells, groups.geo, groups.all);
  const ever = everMeasured(t, cells.nA, periods.length);
  const values: AreaPeriodValues[][] = areas.map(() => []);
  for (let p = 0; p < periods.length; p++) {
    const pt: PeriodTable = { t, p, cells, linked, status: protectPeriod(t, p, cells, linked, minimum), minimum };
    for (let a = 0; a < cells.nA; a++) values[a].push(areaPeriodValues(pt, a, ever[a] === 1));
  }
  return { areas, periods, values };
}

/** Where the cells of the linked table are: cell `a` is area a's total, then each area above desa level has one
 * cell per breakdown category (CATEGORIES without the total). */
export interface CellLayout {
  nA: number;
  /** Breakdown categories per area. */
  nCat: number;
  nCells: number;
  /** Breakdown index of each area, -1 for a desa (no breakdowns). */
  bIndex: Int32Array;
  /** Area of each breakdown index. */
  areaOfBreakdown: Int32Array;
  /** Cell of area `a`'s category `cat` (0 = the area's total). */
  cellOf: (a: number, cat: number) => number;
}

/** The cell layout of a list of areas: breakdown cells exist for areas above desa level. */
export function cellLayout(areas: readonly Area[]): CellLayout {
  const nA = areas.length;
  const bIndex = new Int32Array(nA).fill(-1);
  let nB = 0;
  for (let a = 0; a < nA; a++) if (areas[a].level !== 'desa') bIndex[a] = nB++;
  const areaOfBreakdown = new Int32Array(nB);
  for (let a = 0; a < nA; a++) if (bIndex[a] >= 0) areaOfBreakdown[bIndex[a]] = a;
  const nCat = CATEGORIES.length - 1;
  const cellOf = (a: number, cat: number) => (cat === 0 ? a : nA + bIndex[a] * nCat + (cat - 1));
  return { nA, nCat, nCells: nA + nB * nCat, bIndex, areaOfBreakdown, cellOf };
}

/** The linked totals: `geo`, each area the sum of its children; `all`, for each breakdown area its sex cells and its
 * age cells each summing to its total, each category the sum of that category across its breakdown children, then
 * the geographic groups. */
export function sumGroups(parentOf: Int32Array, cells: CellLayout): { geo: SumGroup[]; all: SumGroup[] } {
  const { nA, nCat, bIndex, cellOf } = cells;
  const children: number[][] = Array.from({ length: nA }, () => []);
  for (let a = 0; a < nA; a++) if (parentOf[a] >= 0) children[parentOf[a]].push(a);
  const geo: SumGroup[] = [];
  const all: SumGroup[] = [];
  for (let a = 0; a < nA; a++) {
    if (children[a].length > 0) geo.push({ parent: a, children: children[a] });
    if (bIndex[a] < 0) continue;
    all.push({ parent: a, children: [cellOf(a, 1), cellOf(a, 2)] });
    all.push({ parent: a, children: [3, 4, 5, 6, 7, 8].map((c) => cellOf(a, c)) });
    const kids = children[a].filter((k) => bIndex[k] >= 0);
    if (kids.length > 0) for (let c = 1; c <= nCat; c++) all.push({ parent: cellOf(a, c), children: kids.map((k) => cellOf(k, c)) });
  }
  all.push(...geo);
  return { geo, all };
}

/** Per area, 1 when it has a measurement in any period (distinguishes not_measured from no_data). */
function everMeasured(t: CountTable, nA: number, nPeriods: number): Uint8Array {
  const ever = new Uint8Array(nA);
  for (let a = 0; a < nA; a++) for (let p = 0; p < nPeriods; p++) if (t.data[blockOf(t, a, p) + HEAD_SLOTS.measured] > 0) ever[a] = 1;
  return ever;
}

type LinkedLayout = ReturnType<typeof linkedLayout>;

/** The suppression status of every unit in period `p`: one linked table per period (measured, every family's n and
 * every indicator's cases and non-cases), protected. */
function protectPeriod(t: CountTable, p: number, cells: CellLayout, linked: LinkedLayout, minimum: number): Uint8Array {
  const d = t.data;
  const { nA, nCat, areaOfBreakdown } = cells;
  // Slot of indicator k's n in a cell (cases is the next slot).
  const slot = (cell: number, k: number): number => {
    if (cell < nA) return blockOf(t, cell, p) + slotOf(0, k);
    const bi = cell - nA;
    return blockOf(t, areaOfBreakdown[Math.floor(bi / nCat)], p) + slotOf((bi % nCat) + 1, k);
  };
  const nOf = (cell: number, k: number) => d[slot(cell, k)];
  const casesOf = (cell: number, k: number) => d[slot(cell, k) + 1];
  const table = linked.table((cell) => (cell < nA ? d[blockOf(t, cell, p) + HEAD_SLOTS.measured] : 0), nOf, casesOf);
  return protectTable(table.table, linked.nUnits, table.primary(minimum), table.size, minimum);
}

/** One period's protected table and what reading it needs. */
interface PeriodTable {
  t: CountTable;
  p: number;
  cells: CellLayout;
  linked: LinkedLayout;
  /** Suppression status per unit. */
  status: Uint8Array;
  minimum: number;
}

/** The suppression of a count in a hidden unit: primary under the minimum, else complementary. */
const hiddenAs = (n: number, minimum: number) => (n < minimum ? PRIMARY : COMPLEMENTARY);

/** The published figures of area `a` in the table's period. The area's row is one unit: its measured children and
 * every indicator are shown or hidden together. */
function areaPeriodValues(pt: PeriodTable, a: number, everMeasured: boolean): AreaPeriodValues {
  const { t, p, status, minimum } = pt;
  const d = t.data;
  const b = blockOf(t, a, p);
  const measured = d[b + HEAD_SLOTS.measured];
  const base: CellStatus = measured > 0 ? 'ok' : everMeasured ? 'not_measured' : 'no_data';
  const hidden = status[a] !== PUBLISHED;
  const indicators = {} as Record<IndicatorId, IndicatorValue>;
  INDICATORS.forEach((id, k) => {
    const n = d[b + slotOf(0, k)];
    indicators[id] = indicatorValue(n, d[b + slotOf(0, k) + 1], hidden ? hiddenAs(n, minimum) : PUBLISHED, base);
  });
  return {
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
    breakdowns: pt.cells.bIndex[a] >= 0 ? areaBreakdowns(pt, a, base) : null,
  };
}

/** Area `a`'s breakdown values per category; each category's families are units of their own. */
function areaBreakdowns(pt: PeriodTable, a: number, base: CellStatus): NonNullable<AreaPeriodValues['breakdowns']> {
  const { t, p, cells, linked, status, minimum } = pt;
  const d = t.data;
  const b = blockOf(t, a, p);
  const breakdowns: NonNullable<AreaPeriodValues['breakdowns']> = {};
  for (let c = 1; c <= cells.nCat; c++) {
    const row = {} as Record<IndicatorId, IndicatorValue>;
    INDICATORS.forEach((id, k) => {
      const n = d[b + slotOf(c, k)];
      const s = status[linked.unitOf(cells.cellOf(a, c), FAMILY[k])] !== PUBLISHED ? hiddenAs(n, minimum) : PUBLISHED;
      row[id] = indicatorValue(n, d[b + slotOf(c, k) + 1], s, base === 'ok' ? 'no_data' : base);
    });
    breakdowns[CATEGORIES[c]] = row;
  }
  return breakdowns;
}

/** Family of each indicator (INDICATORS order): indicators on the same z-score share one denominator. */
const FAMILY_Z = ['zlen', 'zwfl', 'zwei'] as const;
const FAMILY: number[] = INDICATORS.map((id) => FAMILY_Z.indexOf(INDICATOR_RULES[id].z));
const N_FAMILIES = FAMILY_Z.length;
/** Variables per cell: measured, one n per family, cases and non-cases per indicator. */
const V_MEASURED = 0;
const vN = (f: number) => 1 + f;
const vCases = (k: number) => 1 + N_FAMILIES + 2 * k;
const vNon = (k: number) => 2 + N_FAMILIES + 2 * k;
const VARS = 1 + N_FAMILIES + 2 * INDICATORS.length;
/** From the definitions: severe ≤ moderate (same z-score, stricter cut-off) and overweight ≤ non-wasted. */
const NESTED = nestedPairs(ZSCORE_DEFINITIONS);
const DISJOINT = disjointPairs(ZSCORE_DEFINITIONS);

/**
 * The layout of the linked table, the same for every period: variables per cell (cells are area totals, then the
 * breakdown cells), the unit of each (an area's row for its totals; one unit per family and breakdown cell) and the
 * relations: every sum group for every variable (measured only in the geographic groups), n = cases + non-cases,
 * severe ≤ moderate, overweight ≤ non-wasted, and n ≤ measured for an area's totals.
 */
function linkedLayout(nA: number, nCells: number, geoGroups: readonly SumGroup[], allGroups: readonly SumGroup[]) {
  const nUnits = nA + N_FAMILIES * (nCells - nA);
  const unitOf = (cell: number, f: number) => (cell < nA ? cell : nA + f * (nCells - nA) + (cell - nA));
  const nv = nCells * VARS;
  const unit = new Int32Array(nv).fill(-1);
  const kind = new Uint8Array(nv);
  for (let cell = 0; cell < nCells; cell++) {
    const b = cell * VARS;
    if (cell < nA) {
      unit[b + V_MEASURED] = cell;
      kind[b + V_MEASURED] = KIND_MEASURED;
    }
    for (let f = 0; f < N_FAMILIES; f++) {
      unit[b + vN(f)] = unitOf(cell, f);
      kind[b + vN(f)] = KIND_N;
    }
    INDICATORS.forEach((_, k) => {
      unit[b + vCases(k)] = unit[b + vNon(k)] = unitOf(cell, FAMILY[k]);
      kind[b + vCases(k)] = kind[b + vNon(k)] = KIND_OTHER;
    });
  }
  const relations: Relation[] = [];
  const at = (cell: number, v: number) => cell * VARS + v;
  const cellVars = [...Array.from({ length: N_FAMILIES }, (_, f) => vN(f)), ...INDICATORS.flatMap((_, k) => [vCases(k), vNon(k)])];
  for (const g of geoGroups) relations.push(sumRelation(at(g.parent, V_MEASURED), g.children.map((c) => at(c, V_MEASURED))));
  for (const g of allGroups) for (const v of cellVars) relations.push(sumRelation(at(g.parent, v), g.children.map((c) => at(c, v))));
  const le = (x: number, y: number): Relation => ({ vars: [x, y], coefs: [1, -1], eq: false });
  for (let cell = 0; cell < nCells; cell++) {
    INDICATORS.forEach((_, k) => relations.push({ vars: [at(cell, vN(FAMILY[k])), at(cell, vCases(k)), at(cell, vNon(k))], coefs: [1, -1, -1], eq: true }));
    for (const [severe, all] of NESTED) relations.push(le(at(cell, vCases(severe)), at(cell, vCases(all))));
    for (const [above, below] of DISJOINT) relations.push(le(at(cell, vCases(above)), at(cell, vNon(below))));
    if (cell < nA) for (let f = 0; f < N_FAMILIES; f++) relations.push(le(at(cell, vN(f)), at(cell, V_MEASURED)));
  }
  // The first indicator of each family gives the family's n (they share it).
  const firstOf = Array.from({ length: N_FAMILIES }, (_, f) => FAMILY.indexOf(f));
  return {
    nUnits,
    unitOf,
    /** The table of one period from its counts; `primary` and `size` per unit. */
    table(measuredOf: (cell: number) => number, nOf: (cell: number, k: number) => number, casesOf: (cell: number, k: number) => number) {
      const value = new Float64Array(nv);
      const size = new Float64Array(nUnits);
      const smallest = new Float64Array(nUnits).fill(Infinity); // smallest non-zero n in the unit
      for (let cell = 0; cell < nCells; cell++) {
        const b = cell * VARS;
        if (cell < nA) value[b + V_MEASURED] = measuredOf(cell);
        for (let f = 0; f < N_FAMILIES; f++) {
          const n = nOf(cell, firstOf[f]);
          value[b + vN(f)] = n;
          const u = unitOf(cell, f);
          if (n > 0) smallest[u] = Math.min(smallest[u], n);
          size[u] = cell < nA ? value[b + V_MEASURED] : n;
        }
        INDICATORS.forEach((_, k) => {
          const c = casesOf(cell, k);
          value[b + vCases(k)] = c;
          value[b + vNon(k)] = value[b + vN(FAMILY[k])] - c;
        });
      }
      const table: LinkedTable = { value, unit, kind, relations };
      return {
        table,
        size,
        /** Primary units: a row or cell with 0 < n < minimum (measured, or any family's n). */
        primary: (minimum: number) => Array.from({ length: nUnits }, (_, u) => (u < nA && size[u] > 0 && size[u] < minimum) || smallest[u] < minimum),
      };
    },
  };
}
