/**
 * Coverage of the convergence indicators per area, period and indicator, from the validated input rows.
 *
 * An area's figure is the row given for it, else the sum of its children's figures (desa → kecamatan → kabupaten),
 * with the number of desa that reported beside it so that a partial sum is never mistaken for the whole area.
 * Coverage is numerator / denominator with a Wilson 95% interval. Counts of people, households or families follow
 * the same small-area rule as the measurements: a denominator below the minimum is hidden (primary), and further
 * cells are hidden (complementary) until no hidden count can be recovered by subtraction from the published ones
 * (suppress.ts, numerators and denominators alike). Counts of villages (ODF) are not about people and are never hidden.
 */
import type { Area } from '../types.ts';
import type { CoverageIndicator } from '../indicators/coverage-defs.ts';
import type { CoverageRow } from '../inputs/coverage.ts';
import { COMPLEMENTARY, KIND_N, KIND_OTHER, PRIMARY, protectTable, sumRelation, type LinkedTable, type Relation } from './suppress.ts';
import { toPercent1, wilson } from './wilson.ts';

/** One published coverage cell. */
export interface CoverageValue {
  numerator: number | null;
  denominator: number | null;
  coverage: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  status: 'ok' | 'suppressed' | 'no_data';
  suppression?: 'primary' | 'complementary';
  /** `reported`: the row was given for this area; `sum`: the sum of its children's figures. */
  basis: 'reported' | 'sum' | null;
  /** Desa under this area (itself for a desa) whose figure is in the value, and all of them. */
  desaReporting: number;
  desaTotal: number;
}

/** Coverage of every area (in `areas` order) for each period and indicator: `values[area][period][indicator]`. */
export interface CoverageTable {
  periods: string[];
  indicators: string[];
  values: Record<string, CoverageValue>[][];
}

interface Cell {
  num: number;
  den: number;
  basis: 'reported' | 'sum' | null;
  desa: number;
}

const EMPTY_CELL: Cell = { num: 0, den: 0, basis: null, desa: 0 };

/** Children indexes per area and the areas deepest first (desa, then kecamatan, then the region). */
function tree(areas: readonly Area[]): { children: number[][]; bottomUp: number[]; isDesa: boolean[] } {
  const index = new Map(areas.map((a, i) => [a.code, i]));
  const children: number[][] = areas.map(() => []);
  areas.forEach((a, i) => {
    const p = a.parent ? index.get(a.parent) : undefined;
    if (p !== undefined) children[p].push(i);
  });
  const depth = (i: number): number => (areas[i].parent && index.has(areas[i].parent!) ? 1 + depth(index.get(areas[i].parent!)!) : 0);
  const depths = areas.map((_, i) => depth(i));
  const bottomUp = areas.map((_, i) => i).sort((x, y) => depths[y] - depths[x] || x - y);
  return { children, bottomUp, isDesa: areas.map((a) => a.level === 'desa') };
}

/** Figures of one indicator and period for every area: reported rows, else sums of children. */
function cellsOf(rows: ReadonlyMap<number, CoverageRow>, t: ReturnType<typeof tree>): Cell[] {
  const cells: Cell[] = new Array(t.children.length);
  for (const i of t.bottomUp) {
    const r = rows.get(i);
    const kids = t.children[i].map((k) => cells[k]).filter((c) => c.basis !== null);
    const desa = t.isDesa[i] ? (r ? 1 : 0) : kids.reduce((s, c) => s + c.desa, 0);
    if (r) cells[i] = { num: r.numerator, den: r.denominator, basis: 'reported', desa: t.isDesa[i] ? 1 : desa };
    else if (kids.length) cells[i] = { num: kids.reduce((s, c) => s + c.num, 0), den: kids.reduce((s, c) => s + c.den, 0), basis: 'sum', desa };
    else cells[i] = EMPTY_CELL;
  }
  return cells;
}

/** Suppression status per area for one indicator and period (sums are linked to their parts). */
function protect(cells: readonly Cell[], children: readonly number[][], minimum: number): Uint8Array {
  const n = cells.length;
  const value = new Float64Array(2 * n);
  const unit = new Int32Array(2 * n);
  const kind = new Uint8Array(2 * n);
  const relations: Relation[] = [];
  for (let i = 0; i < n; i++) {
    value[2 * i] = cells[i].den;
    value[2 * i + 1] = cells[i].num;
    unit[2 * i] = unit[2 * i + 1] = cells[i].basis ? i : -1;
    kind[2 * i] = KIND_N;
    kind[2 * i + 1] = KIND_OTHER;
    if (!cells[i].basis) continue;
    relations.push({ vars: [2 * i + 1, 2 * i], coefs: [1, -1], eq: false }); // numerator ≤ denominator
    const parts = children[i].filter((k) => cells[k].basis);
    if (cells[i].basis === 'sum' && parts.length) {
      relations.push(sumRelation(2 * i, parts.map((k) => 2 * k)), sumRelation(2 * i + 1, parts.map((k) => 2 * k + 1)));
    }
  }
  const primary = cells.map((c) => c.basis !== null && c.den > 0 && c.den < minimum);
  // Nothing below the minimum: every cell is published (no subtraction can reveal a hidden one).
  if (!primary.includes(true)) return new Uint8Array(n);
  const table: LinkedTable = { value, unit, kind, relations };
  return protectTable(table, n, primary, cells.map((c) => c.den), minimum);
}

/** `census`: the count is of villages, all of them (ODF): an exact figure, no sampling interval. */
function valueOf(c: Cell, status: number, desaTotal: number, census: boolean): CoverageValue {
  const base = { basis: c.basis, desaReporting: c.desa, desaTotal };
  if (!c.basis || c.den === 0) return { numerator: c.basis ? 0 : null, denominator: c.basis ? 0 : null, coverage: null, ciLow: null, ciHigh: null, status: 'no_data', ...base };
  if (status === PRIMARY || status === COMPLEMENTARY) {
    return { numerator: null, denominator: null, coverage: null, ciLow: null, ciHigh: null, status: 'suppressed', suppression: status === PRIMARY ? 'primary' : 'complementary', ...base };
  }
  const w = wilson(c.num, c.den)!;
  return { numerator: c.num, denominator: c.den, coverage: toPercent1(w.p), ciLow: census ? null : toPercent1(w.low), ciHigh: census ? null : toPercent1(w.high), status: 'ok', ...base };
}

/** Coverage of every area, period and indicator that has a row (`defs` order; periods sorted). */
export function coverageTable(rows: readonly CoverageRow[], areas: readonly Area[], defs: readonly CoverageIndicator[], minimum: number): CoverageTable {
  const index = new Map(areas.map((a, i) => [a.code, i]));
  const t = tree(areas);
  const desaTotal = new Array<number>(areas.length).fill(0);
  for (const i of t.bottomUp) desaTotal[i] = t.isDesa[i] ? 1 : t.children[i].reduce((s, k) => s + desaTotal[k], 0);
  const present = new Set(rows.map((r) => r.indicator));
  const indicators = defs.filter((d) => present.has(d.id));
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const byKey = new Map<string, Map<number, CoverageRow>>();
  for (const r of rows) {
    const key = `${r.period}|${r.indicator}`;
    if (!byKey.has(key)) byKey.set(key, new Map());
    byKey.get(key)!.set(index.get(r.code)!, r);
  }
  const values: Record<string, CoverageValue>[][] = areas.map(() => periods.map(() => ({})));
  periods.forEach((period, p) => {
    for (const d of indicators) {
      const cells = cellsOf(byKey.get(`${period}|${d.id}`) ?? new Map(), t);
      const status = d.counts === 'villages' ? new Uint8Array(cells.length) : protect(cells, t.children, minimum);
      cells.forEach((c, a) => (values[a][p][d.id] = valueOf(c, status[a], desaTotal[a], d.counts === 'villages')));
    }
  });
  return { periods, indicators: indicators.map((d) => d.id), values };
}

/** Reported rows of an area that disagree with the sum of its reporting children (for a build warning). */
export function reportedVersusSum(rows: readonly CoverageRow[], areas: readonly Area[]): { code: string; period: string; indicator: string; reported: [number, number]; sum: [number, number] }[] {
  const parentOf = new Map(areas.map((a) => [a.code, a.parent]));
  const byCode = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    const key = `${r.period}|${r.indicator}`;
    const parent = parentOf.get(r.code);
    if (!parent) continue;
    const k = `${parent}|${key}`;
    if (!byCode.has(k)) byCode.set(k, []);
    byCode.get(k)!.push(r);
  }
  const out: ReturnType<typeof reportedVersusSum> = [];
  for (const r of rows) {
    const kids = byCode.get(`${r.code}|${r.period}|${r.indicator}`);
    if (!kids) continue;
    const sum: [number, number] = [kids.reduce((s, k) => s + k.numerator, 0), kids.reduce((s, k) => s + k.denominator, 0)];
    if (sum[0] !== r.numerator || sum[1] !== r.denominator) out.push({ code: r.code, period: r.period, indicator: r.indicator, reported: [r.numerator, r.denominator], sum });
  }
  return out;
}
