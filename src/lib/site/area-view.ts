/**
 * View models of the area pages and the overview: latest figures, change since the previous round and since a year
 * before, rank among siblings, the per-round table, breakdowns, child-area rows and the "needs attention" list.
 * Pure: the loader passes in the contract data, components render what comes out.
 */
import type { IndicatorId, Level } from '../types.ts';
import { AGE_GROUPS } from '../types.ts';
import type { AreaJson, IndicatorValueJson, MapValuesJson, SeriesJson } from './contract.ts';
import { parsePeriod } from './format.ts';
import { newcombeDifference } from '../aggregate/wilson.ts';

/** A published value or null: only `status: ok` with a prevalence counts. */
export function okValue(v: IndicatorValueJson | null | undefined): IndicatorValueJson | null {
  return v && v.status === 'ok' && v.prevalence !== null ? v : null;
}

/** A change between two rounds. */
export interface Change {
  fromPeriod: string;
  from: number;
  to: number;
  /** Percentage points, rounded to one decimal. */
  delta: number;
  /** 95% interval of the change in percentage points (Newcombe's hybrid score interval for a difference of two
   * proportions), one decimal. */
  deltaLow: number;
  deltaHigh: number;
  /** True when that interval includes 0: the change may be chance ("within the uncertainty"). */
  withinUncertainty: boolean;
}

/** The change in an indicator from `fromPeriod` to `toPeriod` of a series, or null when either is not published. */
export function changeBetween(series: SeriesJson, indicator: IndicatorId, fromPeriod: string | null, toPeriod: string): Change | null {
  if (!fromPeriod) return null;
  const a = okValue(series.periods[fromPeriod]?.indicators?.[indicator]);
  const b = okValue(series.periods[toPeriod]?.indicators?.[indicator]);
  if (!a || !b) return null;
  // The two rounds are independent samples (a child measured in both counts in each; the overlap is small next to
  // the rounds' sizes), so the change is tested as a difference of two independent proportions.
  const d = a.n !== null && a.cases !== null && b.n !== null && b.cases !== null ? newcombeDifference(a.cases, a.n, b.cases, b.n) : null;
  const r1 = (x: number) => Math.round(x * 1000 + (x >= 0 ? 1e-9 : -1e-9)) / 10;
  return {
    fromPeriod,
    from: a.prevalence!,
    to: b.prevalence!,
    delta: Math.round((b.prevalence! - a.prevalence!) * 10) / 10,
    deltaLow: d ? r1(d.low) : -100,
    deltaHigh: d ? r1(d.high) : 100,
    withinUncertainty: d ? d.low <= 0 && d.high >= 0 : true,
  };
}

/** The period twelve months before `period` when it is in `periods`, else null. */
export function yearBefore(period: string, periods: readonly string[]): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const target = `${p.year - 1}-${String(p.month).padStart(2, '0')}`;
  return periods.includes(target) ? target : null;
}

/** The round before `period` in `periods` (sorted), else null. */
export function previousPeriod(period: string, periods: readonly string[]): string | null {
  const i = periods.indexOf(period);
  return i > 0 ? periods[i - 1] : null;
}

/** Rank of an area among its siblings by prevalence (1 = highest), with ties sharing a rank; null when unpublished. */
export function rankAmong(
  code: string,
  siblings: readonly string[],
  values: MapValuesJson['values'],
  indicator: IndicatorId,
): { rank: number; total: number } | null {
  const ranked = siblings
    .map((c) => ({ c, v: okValue(values[c]?.[indicator])?.prevalence ?? null }))
    .filter((r): r is { c: string; v: number } => r.v !== null);
  const mine = ranked.find((r) => r.c === code);
  if (!mine) return null;
  return { rank: 1 + ranked.filter((r) => r.v > mine.v).length, total: ranked.length };
}

/** How sure a rank is, from the 95% intervals: the best and worst rank the area could have (`lo`..`hi`, 1 =
 * highest), and how many of the `others` ranked siblings have an interval overlapping its own (their order against
 * this area may be chance). Null when the area's value or interval is not published. */
export function rankRange(
  code: string,
  siblings: readonly string[],
  values: MapValuesJson['values'],
  indicator: IndicatorId,
): { lo: number; hi: number; overlapping: number; others: number } | null {
  const mine = okValue(values[code]?.[indicator]);
  if (!mine || mine.ci_low === null || mine.ci_high === null) return null;
  let above = 0;
  let below = 0;
  let others = 0;
  for (const c of siblings) {
    if (c === code) continue;
    const v = okValue(values[c]?.[indicator]);
    if (!v) continue;
    others++;
    if (v.ci_low !== null && v.ci_low > mine.ci_high) above++;
    else if (v.ci_high !== null && v.ci_high < mine.ci_low) below++;
  }
  return { lo: 1 + above, hi: others + 1 - below, overlapping: others - above - below, others };
}

/** The number of neighbouring pairs in a ranked list whose 95% intervals overlap (their order may be chance). */
export function overlappingNeighbours(rows: readonly { value: IndicatorValueJson }[]): number {
  let n = 0;
  for (let i = 1; i < rows.length; i++) {
    const a = okValue(rows[i - 1].value);
    const b = okValue(rows[i].value);
    if (a && b && a.ci_low !== null && a.ci_high !== null && b.ci_low !== null && b.ci_high !== null && a.ci_low <= b.ci_high && b.ci_low <= a.ci_high) n++;
  }
  return n;
}

/** One row of the per-round table of an area. */
export interface RoundRow {
  period: string;
  measured: number | null;
  target: number | null;
  coverage: number | null;
  value: IndicatorValueJson;
}

/** The per-round rows of a series for one indicator, oldest first. */
export function roundRows(series: SeriesJson, periods: readonly string[], indicator: IndicatorId): RoundRow[] {
  return periods.map((p) => {
    const sp = series.periods[p];
    const value: IndicatorValueJson = sp?.indicators?.[indicator] ?? {
      n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'no_data',
    };
    return { period: p, measured: sp?.measured ?? null, target: sp?.target ?? null, coverage: sp?.coverage ?? null, value };
  });
}

/** One breakdown row (a sex or an age group). */
export interface BreakdownRow {
  key: string;
  value: IndicatorValueJson;
}

/** Sex and age rows of a series in one period for one indicator, or null when the series has no breakdown then. */
export function breakdownRows(series: SeriesJson, period: string, indicator: IndicatorId): { sex: BreakdownRow[]; age: BreakdownRow[] } | null {
  const b = series.breakdowns?.[period];
  if (!b) return null;
  const none: IndicatorValueJson = { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'no_data' };
  const sex = (['1', '2'] as const).filter((k) => b.sex?.[k]).map((k) => ({ key: k, value: b.sex[k]?.[indicator] ?? none }));
  const age = AGE_GROUPS.filter((g) => b.age?.[g]).map((g) => ({ key: g, value: b.age[g]?.[indicator] ?? none }));
  if (!sex.length && !age.length) return null;
  return { sex, age };
}

/** One row of a table of areas (children of an area, the attention list). */
export interface AreaRow {
  code: string;
  name: string;
  kind: AreaJson['kind'];
  level: Level;
  lokus: number[];
  /** Parent's name (kecamatan of a desa), when asked for. */
  parentName?: string;
  measured: number | null;
  value: IndicatorValueJson;
  /** Change since the previous round in points, when both are published. */
  delta: number | null;
}

const NONE: IndicatorValueJson = { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'no_data' };

/** Rows for a list of areas from the map values of a period (and optionally the previous period for the change). */
export function areaRows(
  areas: readonly AreaJson[],
  current: MapValuesJson,
  previous: MapValuesJson | null,
  indicator: IndicatorId,
  parentNames?: ReadonlyMap<string, string>,
): AreaRow[] {
  return areas.map((a) => {
    const v = current.values[a.code]?.[indicator] ?? NONE;
    const now = okValue(v);
    const before = previous ? okValue(previous.values[a.code]?.[indicator]) : null;
    return {
      code: a.code,
      name: a.name,
      kind: a.kind,
      level: a.level,
      lokus: a.lokus ?? [],
      parentName: a.parent ? parentNames?.get(a.parent) : undefined,
      measured: current.values[a.code]?.measured ?? null,
      value: v,
      delta: now && before ? Math.round((now.prevalence! - before.prevalence!) * 10) / 10 : null,
    };
  });
}

/** The areas needing attention: published rows with at least `minN` children in the denominator, highest
 * prevalence first (ties: larger n first, then code), at most `limit`. */
export function attentionRows(rows: readonly AreaRow[], minN: number, limit = 10): AreaRow[] {
  return rows
    .filter((r) => okValue(r.value) && (r.value.n ?? 0) >= minN)
    .sort((a, b) => b.value.prevalence! - a.value.prevalence! || (b.value.n ?? 0) - (a.value.n ?? 0) || (a.code < b.code ? -1 : 1))
    .slice(0, limit);
}

/** Sorts area rows by name (Indonesian collation), for A–Z lists. */
export function byName<T extends { name: string; code: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'id') || (a.code < b.code ? -1 : 1));
}

/** The headline of an area: its latest figures and changes for one indicator. */
export interface Headline {
  period: string;
  value: IndicatorValueJson;
  measured: number | null;
  target: number | null;
  coverage: number | null;
  measuredStatus: string;
  sincePrevious: Change | null;
  sinceYear: Change | null;
  previousPeriod: string | null;
  yearPeriod: string | null;
}

/** Latest figures of a series for one indicator in `period`, with the changes since the previous round and a year before. */
export function headline(series: SeriesJson, periods: readonly string[], period: string, indicator: IndicatorId): Headline {
  const sp = series.periods[period];
  const prev = previousPeriod(period, periods);
  const yr = yearBefore(period, periods);
  return {
    period,
    value: sp?.indicators?.[indicator] ?? NONE,
    measured: sp?.measured ?? null,
    target: sp?.target ?? null,
    coverage: sp?.coverage ?? null,
    measuredStatus: sp?.measured_status ?? (sp ? 'ok' : 'no_data'),
    sincePrevious: changeBetween(series, indicator, prev, period),
    sinceYear: changeBetween(series, indicator, yr, period),
    previousPeriod: prev,
    yearPeriod: yr,
  };
}

/** The breadcrumb chain of an area, from the kabupaten down to the area itself. */
export function ancestry(code: string, byCode: (c: string) => AreaJson | undefined): AreaJson[] {
  const out: AreaJson[] = [];
  let cur = byCode(code);
  while (cur) {
    out.unshift(cur);
    cur = cur.parent ? byCode(cur.parent) : undefined;
  }
  return out;
}

/** Areas grouped by the first letter of their name (A–Z, then '#' for anything else), each group sorted by name. */
export function groupByInitial<T extends { name: string; code: string }>(rows: readonly T[]): { letter: string; rows: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const r of byName(rows)) {
    const c = r.name.normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(c) ? c : '#';
    const list = groups.get(letter) ?? [];
    list.push(r);
    groups.set(letter, list);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a < b ? -1 : 1)).map(([letter, rows]) => ({ letter, rows }));
}
