/**
 * One round of the demo export: who is measured, when, their length and weight (the WHO LMS tables inverted at
 * each child's drawn z-scores), what was typed (rounding, position, LiLA, oedema) and the injected data-entry
 * faults and duplicates. Seeded per round and desa; the truth behind each row is kept for tests.
 */
import type { Sex } from '../types.ts';
import type { WhoTables } from '../who/tables.ts';
import type { DemoCohort } from './cohort.ts';
import { civilFromDay, dmy, formatDayDmy, periodLength, periodStart, tenthsComma } from './dates.ts';
import { emptyFaults, type FaultKind } from './faults.ts';
import { lengthForZ, weightForAgeZ, weightForZ } from './lms.ts';
import {
  DUPLICATE_IDENTICAL_SHARE,
  DUPLICATE_REMEASURED_SHARE,
  ERROR_KINDS,
  ERROR_SHARES,
  HAZ_AGE_DROP,
  INFANT_STANDING_SHARE,
  LENGTH_ERROR_SD,
  LILA_FILLED_SHARE,
  MAX_AGE_DAYS,
  MISSPELLED_ROW_SHARE,
  OEDEMA_SHARE,
  ON_POSYANDU_DAY_SHARE,
  POSITION_OTHER_WAY_SHARE,
  WEIGHT_ERROR_SD,
  type ErrorKind,
} from './params.ts';
import type { DemoDesa, DemoPlan } from './plan.ts';
import { createRng, type Rng } from './prng.ts';

/** One output row before numbering, with the truth behind it (for tests; never written out). */
export interface DemoRow {
  /** Index of the desa the child lives in (plan.desa), whatever name the row shows. */
  desa: number;
  posyandu: number;
  child: number;
  measureDay: number;
  /** The 17 cells after "No", in DEMO_HEADERS order. */
  cells: string[];
  /** The fault that makes this row invalid (or a duplicate), null for a valid first row. */
  fault: ErrorKind | 'unknown_village' | 'duplicate_identical' | 'duplicate_remeasured' | null;
  /** True age, HAZ and WHZ drawn for the child at this measurement. */
  ageDays: number;
  haz: number;
  whz: number;
}

/** Per-desa counts of one round. */
export interface DemoDesaRoundCounts {
  rows: number;
  /** Distinct children measured (a duplicate does not count twice). */
  children: number;
  /** Of them, children whose drawn (true) HAZ is below -2. */
  stunted: number;
  faults: Record<FaultKind, number>;
}

/** One generated round. */
export interface DemoRound {
  period: string;
  /** Rows in file order (desa by code, posyandu, date, child). */
  rows: DemoRow[];
  /** Counts per desa, index as plan.desa. */
  counts: DemoDesaRoundCounts[];
}

/** Upper-case "KAB. NAME" / "KOTA NAME" as e-PPGBM writes the kab/kota. */
function exportKabName(name: string): string {
  return name.toUpperCase().replace(/^KABUPATEN\s+/, 'KAB. ');
}

const THIRTY_DAY_MONTHS = [2, 4, 6, 9, 11];

/** What measuring the children of one desa in one round needs. */
interface DesaRound {
  cohort: DemoCohort;
  tables: WhoTables;
  d: DemoDesa;
  cnt: DemoDesaRoundCounts;
  /** Round index, number of rounds, year and month of the round, its first day and its length in days. */
  r: number;
  R: number;
  Y: number;
  M: number;
  start: number;
  dim: number;
  /** Province, kab/kota and kecamatan as the export writes them. */
  prov: string;
  kab: string;
  kec: string;
}

/** A measurement as typed: the 17 cells and the typed height and weight in tenths. */
interface Typed {
  cells: string[];
  hT: number;
  wT: number;
}

/** The position a child was measured in and the value that gives: the natural one for the age, sometimes the other
 * way (0.7 cm apart) or, for an infant, recorded standing by a typing slip. Counts the oddity. */
function measuredPosition(x: DesaRound, age: number, lenTrue: number, rng: Rng): { pos: 'L' | 'H'; len: number } {
  const natural = age < 731 ? 'L' : 'H';
  if (rng.chance(POSITION_OTHER_WAY_SHARE)) {
    // Standing height is 0.7 cm less than lying length (WHO); anthro adds it back, so z is unchanged.
    x.cnt.faults.position_other_way++;
    return { pos: natural === 'L' ? 'H' : 'L', len: natural === 'L' ? lenTrue - 0.7 : lenTrue + 0.7 };
  }
  if (age < 274 && rng.chance(INFANT_STANDING_SHARE)) {
    x.cnt.faults.infant_standing++;
    return { pos: 'H', len: lenTrue }; // a typing slip: the value is still the lying length
  }
  return { pos: natural, len: lenTrue };
}

/** One measurement of child i at posyandu pi on a day: measured values, recorded position and the typed cells. */
function measure(x: DesaRound, i: number, pi: number, day: number, haz: number, whz: number, rng: Rng): Typed {
  const { cohort, tables, d } = x;
  const sex = cohort.sex[i] as Sex;
  const age = day - cohort.birthDay[i];
  const lenTrue = lengthForZ(tables, sex, age, haz)!;
  const { pos, len } = measuredPosition(x, age, lenTrue, rng);
  const tenthsTrue = Math.round(lenTrue * 10);
  let wTrue = weightForZ(tables, sex, age, tenthsTrue, whz);
  // Outside the weight-for-length/height tables (very short newborns, very tall 5-year-olds): weight-for-age
  // with a WAZ that follows HAZ and WHZ as it does inside them.
  if (wTrue === null) wTrue = weightForAgeZ(tables, sex, age, 0.55 * haz + 0.75 * whz)!;
  let hT = Math.round((len + rng.normal() * LENGTH_ERROR_SD) * 10);
  let wT = Math.max(5, Math.round((wTrue + rng.normal() * WEIGHT_ERROR_SD) * 10));
  if (rng.chance(d.posyandu[pi].digitPreferenceRate)) {
    hT = Math.round(hT / 5) * 5;
    wT = Math.max(5, Math.round(wT / 5) * 5);
    x.cnt.faults.digit_preference++;
  }
  let lila = '';
  if (age >= 183 && rng.chance(LILA_FILLED_SHARE)) {
    lila = tenthsComma(Math.round((13.6 + 0.04 * (age / 30.4375) + 0.8 * whz + rng.normal() * 0.5) * 10));
  }
  const oedema = rng.chance(OEDEMA_SHARE);
  if (oedema) x.cnt.faults.oedema++;
  const cells = [
    cohort.nik[i], cohort.name[i], sex === 1 ? 'L' : 'P', formatDayDmy(cohort.birthDay[i]), cohort.parentName[i],
    cohort.address[i], x.prov, x.kab, x.kec, d.exportName, `Posyandu ${d.posyandu[pi].name}`, formatDayDmy(day),
    tenthsComma(wT), tenthsComma(hT), pos === 'L' ? 'Terlentang' : 'Berdiri', lila, oedema ? 'Ya' : 'Tidak',
  ];
  return { cells, hT, wT };
}

/** The error kind a uniform draw u falls on (the shares of ERROR_SHARES laid end to end), or null. */
function errorKindOf(u: number): ErrorKind | null {
  let acc = 0;
  for (const k of ERROR_KINDS) {
    acc += ERROR_SHARES[k];
    if (u < acc) return k;
  }
  return null;
}

/** Writes an error of `kind` into the typed cells of child i measured on `day`; returns the kind, or null where
 * the kind does not apply to this row (a weight too small to shift, a height too small to swap). */
function applyError(x: DesaRound, kind: ErrorKind | null, m: Typed, i: number, day: number, detail: number): ErrorKind | null {
  const bc = civilFromDay(x.cohort.birthDay[i]);
  switch (kind) {
    case 'missing_weight':
      m.cells[12] = '';
      return kind;
    case 'missing_height':
      m.cells[13] = '';
      return kind;
    case 'weight_decimal_shift':
      if (m.wT < 65) return null;
      m.cells[12] = String(m.wT);
      return kind;
    case 'height_decimal_shift':
      m.cells[13] = String(m.hT);
      return kind;
    case 'swapped_weight_height':
      if (m.hT < 620) return null;
      [m.cells[12], m.cells[13]] = [m.cells[13], m.cells[12]];
      return kind;
    case 'impossible_date':
      if (x.M === 2 && detail < 0.5) m.cells[11] = dmy(detail < 0.25 ? 30 : 31, 2, x.Y);
      else {
        // The nearest month without a 31st, written with day 31 (30 for February).
        const bm = THIRTY_DAY_MONTHS.reduce((a, b) => (Math.abs(b - bc.m) < Math.abs(a - bc.m) ? b : a));
        m.cells[3] = dmy(bm === 2 ? 30 : 31, bm, bc.y);
      }
      return kind;
    case 'future_date': {
      const mc = civilFromDay(day);
      m.cells[11] = dmy(mc.d, mc.m, mc.y + 10);
      return kind;
    }
    case 'measured_before_birth':
      m.cells[3] = formatDayDmy(day + 1 + Math.floor(detail * 30));
      return kind;
    default:
      return null;
  }
}

/** At most one fault per row; a misspelled desa name takes precedence in desa that have one. */
function injectFault(x: DesaRound, m: Typed, i: number, day: number, rng: Rng): DemoRow['fault'] {
  const u = rng.next();
  if (x.d.misspelling !== null && rng.chance(MISSPELLED_ROW_SHARE)) {
    m.cells[9] = x.d.misspelling;
    return 'unknown_village';
  }
  const detail = rng.next();
  return applyError(x, errorKindOf(u), m, i, day, detail);
}

/** Sometimes a duplicate of a clean row: typed twice, or measured again on another day of the month. */
function addDuplicate(x: DesaRound, row: DemoRow, out: DemoRow[], pi: number, haz: number, whz: number, rng: Rng): void {
  const { cohort, start, dim } = x;
  const i = row.child;
  const day = row.measureDay;
  if (rng.chance(DUPLICATE_IDENTICAL_SHARE)) {
    out.push({ ...row, cells: [...row.cells], fault: 'duplicate_identical' });
    x.cnt.faults.duplicate_identical++;
  } else if (rng.chance(DUPLICATE_REMEASURED_SHARE)) {
    const dom = day - start + 1;
    const dom2 = dom < dim ? dom + 1 + rng.int(Math.min(7, dim - dom)) : dom - 1 - rng.int(7);
    const day2 = start + dom2 - 1;
    const age2 = day2 - cohort.birthDay[i];
    if (age2 >= 0 && age2 <= MAX_AGE_DAYS) {
      const m2 = measure(x, i, pi, day2, haz, whz, rng);
      out.push({ ...row, measureDay: day2, cells: m2.cells, fault: 'duplicate_remeasured', ageDays: age2 });
      x.cnt.faults.duplicate_remeasured++;
    }
  }
}

/** The rows of one desa in one round for its resident children (in child order), in file order. */
function desaRows(x: DesaRound, di: number, residents: number[], years: number, rng: Rng): DemoRow[] {
  const { cohort, d, cnt, start, dim, r, R } = x;
  const out: DemoRow[] = [];
  const muHaz = d.hazMean + d.hazTrend * years;
  for (const i of residents) {
    // Draws are consumed in the same order for every child, so one child's fate does not shift another's.
    const measured = rng.chance(d.coverage);
    const moved = cohort.moveDesa[i] === di && cohort.desa[i] !== di;
    const pi = moved ? cohort.movePosyandu[i] : cohort.posyandu[i];
    const dayOfMonth = rng.chance(ON_POSYANDU_DAY_SHARE) ? Math.min(d.posyandu[pi].day, dim) : 1 + rng.int(dim);
    if (!measured) continue;
    const day = start + dayOfMonth - 1;
    const age = day - cohort.birthDay[i];
    if (age < 0 || age > MAX_AGE_DAYS) continue;
    const months = age / 30.4375;
    // Age pattern centred over 0-59 months: mean of min(months, 24) / 24 over 0-60 months is 0.8.
    const haz = muHaz + HAZ_AGE_DROP * (0.8 - Math.min(months, 24) / 24) + cohort.hazDev[i * R + r];
    const whz = d.whzMean + cohort.whzDev[i * R + r];
    const m = measure(x, i, pi, day, haz, whz, rng);
    cnt.children++;
    if (haz < -2) cnt.stunted++;
    const row: DemoRow = { desa: di, posyandu: pi, child: i, measureDay: day, cells: m.cells, fault: null, ageDays: age, haz, whz };
    out.push(row);
    row.fault = injectFault(x, m, i, day, rng);
    if (row.fault) cnt.faults[row.fault]++;
    // Duplicates of clean rows only, so that each row has one explanation.
    if (row.fault === null) addDuplicate(x, row, out, pi, haz, whz, rng);
  }
  // File order: posyandu, date, child; a duplicate keeps its place after the original (stable sort).
  out.sort((a, b) => a.posyandu - b.posyandu || a.measureDay - b.measureDay || a.child - b.child);
  cnt.rows = out.length;
  return out;
}

/** What every desa of one round shares: the period, its first day and length, years since the first round. */
export interface RoundContext {
  period: string;
  r: number;
  R: number;
  Y: number;
  M: number;
  start: number;
  dim: number;
  years: number;
  prov: string;
}

/** The context of round `r` of the plan. */
export function roundContext(plan: DemoPlan, r: number): RoundContext {
  const period = plan.periods[r];
  const Y = Number(period.slice(0, 4));
  const M = Number(period.slice(5, 7));
  const years = (Y * 12 + M - (Number(plan.periods[0].slice(0, 4)) * 12 + Number(plan.periods[0].slice(5, 7)))) / 12;
  return { period, r, R: plan.periods.length, Y, M, start: periodStart(period), dim: periodLength(period), years, prov: plan.province.name.toUpperCase() };
}

/** The desa index child i lives in at mid-month of the round, or -1 when it is not an under-five resident then. */
export function residentDesa(cohort: DemoCohort, i: number, rc: RoundContext): number {
  const mid = rc.start + 14;
  const b = cohort.birthDay[i];
  if (b > rc.start + rc.dim - 1 || b + MAX_AGE_DAYS < rc.start) return -1;
  if (cohort.enterDay[i] > mid || cohort.leaveDay[i] <= mid) return -1;
  return cohort.moveDesa[i] >= 0 && mid >= cohort.moveDay[i] ? cohort.moveDesa[i] : cohort.desa[i];
}

/** The rows and counts of desa di in a round, for its residents (indexes into `cohort`, in child order). */
export function desaRoundRows(
  plan: DemoPlan,
  cohort: DemoCohort,
  tables: WhoTables,
  rc: RoundContext,
  di: number,
  residents: number[],
): { rows: DemoRow[]; counts: DemoDesaRoundCounts } {
  const d = plan.desa[di];
  const rng = createRng(plan.seed, 'round', rc.period, d.code);
  const cnt: DemoDesaRoundCounts = { rows: 0, children: 0, stunted: 0, faults: emptyFaults() };
  const x: DesaRound = { ...rc, cohort, tables, d, cnt, kab: exportKabName(d.kabName), kec: d.kecamatanName.toUpperCase() };
  return { rows: desaRows(x, di, residents, rc.years, rng), counts: cnt };
}

/** Builds round `r` of the plan: who is measured, when, what was measured and what was typed. */
export function buildRound(plan: DemoPlan, cohort: DemoCohort, tables: WhoTables, r: number): DemoRound {
  const rc = roundContext(plan, r);
  const buckets: number[][] = plan.desa.map(() => []);
  for (let i = 0; i < cohort.size; i++) {
    const di = residentDesa(cohort, i, rc);
    if (di >= 0) buckets[di].push(i);
  }
  const rows: DemoRow[] = [];
  const counts: DemoDesaRoundCounts[] = [];
  plan.desa.forEach((_, di) => {
    const out = desaRoundRows(plan, cohort, tables, rc, di, buckets[di]);
    counts.push(out.counts);
    for (const row of out.rows) rows.push(row);
  });
  return { period: rc.period, rows, counts };
}
