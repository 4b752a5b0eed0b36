/**
 * The synthetic e-PPGBM-style export: a cohort of children followed across rounds, measured at their posyandu,
 * written as a semicolon-separated spreadsheet export with Indonesian headers and realistic data-entry faults.
 *
 * Three steps, all pure and seeded: `planDemo` (per-desa character, see plan.ts), `simulateCohort` (every child
 * born in or moving into the region over the window, with stable fake identity and its own persistent z-score
 * deviations), `buildRound` (who is measured in one round, their length and weight by inverting the WHO LMS
 * tables, and the injected faults). `formatRound` writes the CSV text; `DemoManifest` counts what was injected per
 * desa and round, so that tests of the validation and quality reports can check they find it.
 */
import type { ProblemReason, Sex } from '../types.ts';
import type { WhoTables } from '../who/tables.ts';
import { dayNumber, daysInMonth } from '../csv/values.ts';
import { createRng, type Rng } from './prng.ts';
import { fakeAddress, fakeChildName, fakeNik, fakeParentName } from './names.ts';
import { lengthForZ, weightForAgeZ, weightForZ } from './lms.ts';
import {
  DIGIT_PREFERENCE_RATE,
  DUPLICATE_IDENTICAL_SHARE,
  DUPLICATE_REMEASURED_SHARE,
  ERROR_KINDS,
  ERROR_SHARES,
  HAZ_AGE_DROP,
  HAZ_PERSISTENCE,
  INFANT_STANDING_SHARE,
  LENGTH_ERROR_SD,
  LILA_FILLED_SHARE,
  MAX_AGE_DAYS,
  MISSPELLED_ROW_SHARE,
  MOVE_IN_SHARE,
  MOVE_OUT_SHARE,
  MOVE_WITHIN_SHARE,
  OEDEMA_SHARE,
  ON_POSYANDU_DAY_SHARE,
  POSITION_OTHER_WAY_SHARE,
  WEIGHT_ERROR_SD,
  WHZ_PERSISTENCE,
  planDemo,
  type DemoOptions,
  type DemoPlan,
  type DemoRegistry,
  type ErrorKind,
} from './plan.ts';

/** The export's header, in order: e-PPGBM's "data balita" export columns that the pipeline reads or that make the
 * file look real (No, Alamat, Prov, Kab/Kota, Posyandu and LiLA are read or ignored by the reader). */
export const DEMO_HEADERS = [
  'No', 'NIK', 'Nama Anak', 'JK', 'Tgl Lahir', 'Nama Ortu', 'Alamat', 'Prov', 'Kab/Kota', 'Kec', 'Desa/Kel',
  'Posyandu', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur', 'LiLA', 'Edema',
] as const;
/** Field delimiter and line ending of a spreadsheet export saved in an Indonesian locale. */
export const DEMO_DELIMITER = ';';
export const DEMO_EOL = '\r\n';

/** Everything counted per desa and round: the injected faults plus the accepted oddities the quality report
 * measures (digit preference, position, oedema) and the duplicates. */
export type FaultKind =
  | ErrorKind
  | 'unknown_village'
  | 'duplicate_identical'
  | 'duplicate_remeasured'
  | 'digit_preference'
  | 'position_other_way'
  | 'infant_standing'
  | 'oedema';

/** All counted kinds, in manifest order. */
export const FAULT_KINDS: readonly FaultKind[] = [
  ...ERROR_KINDS,
  'unknown_village',
  'duplicate_identical',
  'duplicate_remeasured',
  'digit_preference',
  'position_other_way',
  'infant_standing',
  'oedema',
];

/** The reasons the row validator should give each kind of row; [] where the row is valid (it still shows in
 * dedup or quality metrics). swapped_weight_height gives both weight and height reasons. */
export const EXPECTED_REASONS: Record<FaultKind, ProblemReason[]> = {
  missing_weight: [],
  missing_height: [],
  weight_decimal_shift: ['implausible_weight'],
  height_decimal_shift: ['implausible_height'],
  swapped_weight_height: ['implausible_weight', 'implausible_height'],
  impossible_date: ['bad_date'],
  future_date: ['future_date'],
  measured_before_birth: ['measured_before_birth'],
  unknown_village: ['unknown_area'],
  duplicate_identical: ['duplicate_row'],
  duplicate_remeasured: [],
  digit_preference: [],
  position_other_way: [],
  infant_standing: [],
  oedema: [],
};

// ---- Dates -------------------------------------------------------------------------------------------------------

/** Civil date of a day number (days since 1970-01-01), H. Hinnant's civil_from_days. */
export function civilFromDay(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const p2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
/** DD/MM/YYYY of day/month/year numbers (no validation: faults write impossible dates on purpose). */
function dmy(d: number, m: number, y: number): string {
  return `${p2(d)}/${p2(m)}/${y}`;
}
/** DD/MM/YYYY of a day number. */
export function formatDayDmy(day: number): string {
  const c = civilFromDay(day);
  return dmy(c.d, c.m, c.y);
}
/** A value in tenths written with a decimal comma and one decimal: 105 → "10,5". */
export function tenthsComma(t: number): string {
  return `${Math.floor(t / 10)},${t % 10}`;
}

// ---- Cohort -------------------------------------------------------------------------------------------------------

/** Every child that lives in the region at some point of the window, as parallel arrays (about 2 × children per
 * round entries; compact so a province-sized demo still fits). */
export interface DemoCohort {
  size: number;
  sex: Uint8Array;
  birthDay: Int32Array;
  /** First day in the region (birth, or the day it moved in). */
  enterDay: Int32Array;
  /** First day no longer in the region (moved out), or 2^31-1. */
  leaveDay: Int32Array;
  /** Desa index (in plan.desa) before any move, the day of a move within the region and the desa after it. */
  desa: Int32Array;
  moveDay: Int32Array;
  moveDesa: Int32Array;
  /** Posyandu index in the first desa and in the desa after a move. */
  posyandu: Int32Array;
  movePosyandu: Int32Array;
  /** The child's own HAZ and WHZ deviations per round (index child × rounds + round), AR(1) over rounds. */
  hazDev: Float64Array;
  whzDev: Float64Array;
  nik: string[];
  name: string[];
  parentName: string[];
  address: string[];
}

const NEVER = 2147483647;

/** First day of a period `YYYY-MM` as a day number. */
function periodStart(period: string): number {
  return dayNumber(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1);
}
function periodLength(period: string): number {
  return daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
}

/**
 * Simulates the cohort: for every desa, children born at a constant rate over the window (from 60 months before
 * the first round to the end of the last), each with sex, fake identity (NIK built from the birth date, like a
 * real one), a posyandu, an optional move (out, in, or to another desa) and persistent z-score deviations.
 */
export function simulateCohort(plan: DemoPlan): DemoCohort {
  const R = plan.periods.length;
  const windowStart = periodStart(plan.periods[0]) - MAX_AGE_DAYS;
  const last = plan.periods[R - 1];
  const windowEnd = periodStart(last) + periodLength(last) - 1;
  const windowDays = windowEnd - windowStart + 1;
  // A child who moves in (or out) on a uniform day of its under-five life is absent for part of it: on average a
  // share (MOVE_IN_SHARE + MOVE_OUT_SHARE) / 2 of the births is away at any time, so births are scaled up to keep the
  // resident under-five population at plan.desa[].under5.
  const present = 1 - (MOVE_IN_SHARE + MOVE_OUT_SHARE) / 2;
  const births = plan.desa.map((d) => Math.round((d.under5 * windowDays) / (MAX_AGE_DAYS + 0.25) / present));
  const size = births.reduce((s, b) => s + b, 0);
  const c: DemoCohort = {
    size,
    sex: new Uint8Array(size),
    birthDay: new Int32Array(size),
    enterDay: new Int32Array(size),
    leaveDay: new Int32Array(size),
    desa: new Int32Array(size),
    moveDay: new Int32Array(size),
    moveDesa: new Int32Array(size),
    posyandu: new Int32Array(size),
    movePosyandu: new Int32Array(size),
    hazDev: new Float64Array(size * R),
    whzDev: new Float64Array(size * R),
    nik: new Array<string>(size),
    name: new Array<string>(size),
    parentName: new Array<string>(size),
    address: new Array<string>(size),
  };
  const kab2 = plan.region.code.slice(3, 5);
  const byKec = new Map<string, number[]>();
  plan.desa.forEach((d, i) => {
    const a = byKec.get(d.kecamatanCode);
    if (a) a.push(i);
    else byKec.set(d.kecamatanCode, [i]);
  });
  // Movers within the region pick a destination in proportion to its population (else tiny desa would fill up).
  const cum = new Float64Array(plan.desa.length);
  plan.desa.reduce((acc, d, k) => (cum[k] = acc + d.under5), 0);
  const pickDesa = (rng: Rng, among: number[] | null): number => {
    if (among) {
      let t = rng.next() * among.reduce((s, k) => s + plan.desa[k].under5, 0);
      for (const k of among) if ((t -= plan.desa[k].under5) < 0) return k;
      return among[among.length - 1];
    }
    const t = rng.next() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (cum[m] > t) hi = m;
      else lo = m + 1;
    }
    return lo;
  };
  const serials = new Map<string, number>();
  const hk = Math.sqrt(1 - HAZ_PERSISTENCE * HAZ_PERSISTENCE);
  const wk = Math.sqrt(1 - WHZ_PERSISTENCE * WHZ_PERSISTENCE);

  let i = 0;
  plan.desa.forEach((d, di) => {
    const rng = createRng(plan.seed, 'cohort', d.code);
    // Birth days first, sorted, so that NIK serials and child order follow birth order as in a register.
    const days = new Int32Array(births[di]);
    for (let k = 0; k < days.length; k++) days[k] = windowStart + rng.int(windowDays);
    days.sort();
    for (let k = 0; k < days.length; k++, i++) {
      const birth = days[k];
      const sex: Sex = rng.chance(0.512) ? 1 : 2; // 105 boys per 100 girls at birth
      c.sex[i] = sex;
      c.birthDay[i] = birth;
      c.enterDay[i] = birth;
      c.leaveDay[i] = NEVER;
      c.desa[i] = di;
      c.moveDay[i] = NEVER;
      c.moveDesa[i] = -1;
      c.posyandu[i] = rng.int(d.posyandu.length);
      c.movePosyandu[i] = 0;
      let nikKab = kab2;
      let nikKec = d.kecamatanCode.slice(6, 8);
      const u = rng.next();
      const when = birth + rng.int(MAX_AGE_DAYS + 1);
      if (u < MOVE_OUT_SHARE) c.leaveDay[i] = when;
      else if (u < MOVE_OUT_SHARE + MOVE_IN_SHARE) {
        // Born elsewhere: the NIK carries another kabupaten's digits.
        c.enterDay[i] = when;
        const other = 1 + rng.int(98);
        nikKab = p2(other === Number(kab2) ? 99 : other);
        nikKec = p2(1 + rng.int(30));
      } else if (u < MOVE_OUT_SHARE + MOVE_IN_SHARE + MOVE_WITHIN_SHARE && plan.desa.length > 1) {
        const sib = (byKec.get(d.kecamatanCode) ?? []).filter((x) => x !== di);
        let to = pickDesa(rng, sib.length > 0 && rng.chance(0.7) ? sib : null);
        if (to === di) to = (di + 1) % plan.desa.length;
        c.moveDay[i] = when;
        c.moveDesa[i] = to;
        c.movePosyandu[i] = rng.int(plan.desa[to].posyandu.length);
      }
      const bc = civilFromDay(birth);
      const key = `${nikKab}${nikKec}${bc.y}-${bc.m}-${bc.d}-${sex}`;
      const serial = (serials.get(key) ?? 0) + 1;
      serials.set(key, serial);
      c.nik[i] = fakeNik(nikKab, nikKec, bc.d, bc.m, bc.y, sex, serial);
      c.name[i] = fakeChildName(sex, rng.int(1000), rng.int(1000));
      c.parentName[i] = fakeParentName(rng.int(1000), rng.int(1000));
      c.address[i] = fakeAddress(1 + rng.int(150), 1 + rng.int(12), 1 + rng.int(8));
      let h = rng.normal();
      let w = rng.normal();
      for (let r = 0; r < plan.periods.length; r++) {
        if (r > 0) {
          h = HAZ_PERSISTENCE * h + hk * rng.normal();
          w = WHZ_PERSISTENCE * w + wk * rng.normal();
        }
        c.hazDev[i * R + r] = h;
        c.whzDev[i * R + r] = w;
      }
    }
  });
  return c;
}

// ---- One round ----------------------------------------------------------------------------------------------------

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

function emptyFaults(): Record<FaultKind, number> {
  const o = {} as Record<FaultKind, number>;
  for (const k of FAULT_KINDS) o[k] = 0;
  return o;
}

/** Upper-case "KAB. NAME" / "KOTA NAME" as e-PPGBM writes the kab/kota. */
function exportRegionName(plan: DemoPlan): string {
  return plan.region.name.toUpperCase().replace(/^KABUPATEN\s+/, 'KAB. ');
}

const THIRTY_DAY_MONTHS = [2, 4, 6, 9, 11];

/** Builds round `r` of the plan: who is measured, when, what was measured and what was typed. */
export function buildRound(plan: DemoPlan, cohort: DemoCohort, tables: WhoTables, r: number): DemoRound {
  const period = plan.periods[r];
  const R = plan.periods.length;
  const Y = Number(period.slice(0, 4));
  const M = Number(period.slice(5, 7));
  const start = periodStart(period);
  const dim = periodLength(period);
  const mid = start + 14;
  const years = (Y * 12 + M - (Number(plan.periods[0].slice(0, 4)) * 12 + Number(plan.periods[0].slice(5, 7)))) / 12;
  const prov = plan.province.name.toUpperCase();
  const kab = exportRegionName(plan);

  // Residents at mid-month, by desa, in child order.
  const buckets: number[][] = plan.desa.map(() => []);
  for (let i = 0; i < cohort.size; i++) {
    const b = cohort.birthDay[i];
    if (b > start + dim - 1 || b + MAX_AGE_DAYS < start) continue;
    if (cohort.enterDay[i] > mid || cohort.leaveDay[i] <= mid) continue;
    buckets[cohort.moveDesa[i] >= 0 && mid >= cohort.moveDay[i] ? cohort.moveDesa[i] : cohort.desa[i]].push(i);
  }

  const rows: DemoRow[] = [];
  const counts: DemoDesaRoundCounts[] = [];
  plan.desa.forEach((d, di) => {
    const rng = createRng(plan.seed, 'round', period, d.code);
    const cnt: DemoDesaRoundCounts = { rows: 0, children: 0, stunted: 0, faults: emptyFaults() };
    counts.push(cnt);
    const desaRows: DemoRow[] = [];
    const muHaz = d.hazMean + d.hazTrend * years;
    const kec = d.kecamatanName.toUpperCase();

    /** One measurement of child i on a day: measured values, recorded position and the typed cells. */
    const measure = (i: number, pi: number, day: number, haz: number, whz: number, rng: Rng) => {
      const sex = cohort.sex[i] as Sex;
      const age = day - cohort.birthDay[i];
      const lenTrue = lengthForZ(tables, sex, age, haz)!;
      const natural = age < 731 ? 'L' : 'H';
      let pos: 'L' | 'H' = natural;
      let len = lenTrue;
      let otherWay = false;
      let infantStanding = false;
      if (rng.chance(POSITION_OTHER_WAY_SHARE)) {
        // Standing height is 0.7 cm less than lying length (WHO); anthro adds it back, so z is unchanged.
        pos = natural === 'L' ? 'H' : 'L';
        len = natural === 'L' ? lenTrue - 0.7 : lenTrue + 0.7;
        otherWay = true;
      } else if (age < 274 && rng.chance(INFANT_STANDING_SHARE)) {
        pos = 'H'; // a typing slip: the value is still the lying length
        infantStanding = true;
      }
      const tenthsTrue = Math.round(lenTrue * 10);
      let wTrue = weightForZ(tables, sex, age, tenthsTrue, whz);
      // Outside the weight-for-length/height tables (very short newborns, very tall 5-year-olds): weight-for-age
      // with a WAZ that follows HAZ and WHZ as it does inside them.
      if (wTrue === null) wTrue = weightForAgeZ(tables, sex, age, 0.55 * haz + 0.75 * whz)!;
      let hT = Math.round((len + rng.normal() * LENGTH_ERROR_SD) * 10);
      let wT = Math.max(5, Math.round((wTrue + rng.normal() * WEIGHT_ERROR_SD) * 10));
      const rounded = rng.chance(d.posyandu[pi].digitPreferenceRate);
      if (rounded) {
        hT = Math.round(hT / 5) * 5;
        wT = Math.max(5, Math.round(wT / 5) * 5);
      }
      const months = age / 30.4375;
      let lila = '';
      if (age >= 183 && rng.chance(LILA_FILLED_SHARE)) {
        lila = tenthsComma(Math.round((13.6 + 0.04 * months + 0.8 * whz + rng.normal() * 0.5) * 10));
      }
      const oedema = rng.chance(OEDEMA_SHARE);
      const cells = [
        cohort.nik[i],
        cohort.name[i],
        sex === 1 ? 'L' : 'P',
        formatDayDmy(cohort.birthDay[i]),
        cohort.parentName[i],
        cohort.address[i],
        prov,
        kab,
        kec,
        d.exportName,
        `Posyandu ${d.posyandu[pi].name}`,
        formatDayDmy(day),
        tenthsComma(wT),
        tenthsComma(hT),
        pos === 'L' ? 'Terlentang' : 'Berdiri',
        lila,
        oedema ? 'Ya' : 'Tidak',
      ];
      if (rounded) cnt.faults.digit_preference++;
      if (otherWay) cnt.faults.position_other_way++;
      if (infantStanding) cnt.faults.infant_standing++;
      if (oedema) cnt.faults.oedema++;
      return { cells, hT, wT, age };
    };

    for (const i of buckets[di]) {
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
      const m = measure(i, pi, day, haz, whz, rng);
      cnt.children++;
      if (haz < -2) cnt.stunted++;
      const row: DemoRow = { desa: di, posyandu: pi, child: i, measureDay: day, cells: m.cells, fault: null, ageDays: age, haz, whz };
      desaRows.push(row);

      // At most one fault per row; a misspelled desa name takes precedence in desa that have one.
      let fault: DemoRow['fault'] = null;
      const u = rng.next();
      if (d.misspelling !== null && rng.chance(MISSPELLED_ROW_SHARE)) {
        m.cells[9] = d.misspelling;
        fault = 'unknown_village';
      } else {
        let acc = 0;
        let kind: ErrorKind | null = null;
        for (const k of ERROR_KINDS) {
          acc += ERROR_SHARES[k];
          if (u < acc) {
            kind = k;
            break;
          }
        }
        const bc = civilFromDay(cohort.birthDay[i]);
        const detail = rng.next();
        switch (kind) {
          case 'missing_weight':
            m.cells[12] = '';
            fault = kind;
            break;
          case 'missing_height':
            m.cells[13] = '';
            fault = kind;
            break;
          case 'weight_decimal_shift':
            if (m.wT >= 65) (m.cells[12] = String(m.wT)), (fault = kind);
            break;
          case 'height_decimal_shift':
            m.cells[13] = String(m.hT);
            fault = kind;
            break;
          case 'swapped_weight_height':
            if (m.hT >= 620) ([m.cells[12], m.cells[13]] = [m.cells[13], m.cells[12]]), (fault = kind);
            break;
          case 'impossible_date':
            if (M === 2 && detail < 0.5) m.cells[11] = dmy(detail < 0.25 ? 30 : 31, 2, Y);
            else {
              // The nearest month without a 31st, written with day 31 (30 for February).
              const bm = THIRTY_DAY_MONTHS.reduce((a, b) => (Math.abs(b - bc.m) < Math.abs(a - bc.m) ? b : a));
              m.cells[3] = dmy(bm === 2 ? 30 : 31, bm, bc.y);
            }
            fault = kind;
            break;
          case 'future_date': {
            const mc = civilFromDay(day);
            m.cells[11] = dmy(mc.d, mc.m, mc.y + 10);
            fault = kind;
            break;
          }
          case 'measured_before_birth':
            m.cells[3] = formatDayDmy(day + 1 + Math.floor(detail * 30));
            fault = kind;
            break;
          default:
            break;
        }
      }
      row.fault = fault;
      if (fault) cnt.faults[fault]++;
      if (fault !== null) continue;

      // Duplicates of clean rows only, so that each row has one explanation.
      if (rng.chance(DUPLICATE_IDENTICAL_SHARE)) {
        desaRows.push({ ...row, cells: [...row.cells], fault: 'duplicate_identical' });
        cnt.faults.duplicate_identical++;
      } else if (rng.chance(DUPLICATE_REMEASURED_SHARE)) {
        const dom = day - start + 1;
        const dom2 = dom < dim ? dom + 1 + rng.int(Math.min(7, dim - dom)) : dom - 1 - rng.int(7);
        const day2 = start + dom2 - 1;
        const age2 = day2 - cohort.birthDay[i];
        if (age2 >= 0 && age2 <= MAX_AGE_DAYS) {
          const m2 = measure(i, pi, day2, haz, whz, rng);
          desaRows.push({ ...row, measureDay: day2, cells: m2.cells, fault: 'duplicate_remeasured', ageDays: age2 });
          cnt.faults.duplicate_remeasured++;
        }
      }
    }
    // File order: posyandu, date, child; a duplicate keeps its place after the original (stable sort).
    desaRows.sort((a, b) => a.posyandu - b.posyandu || a.measureDay - b.measureDay || a.child - b.child);
    cnt.rows = desaRows.length;
    for (const x of desaRows) rows.push(x);
  });
  return { period, rows, counts };
}

/** Quotes a cell when it holds the delimiter, a quote or a line break (none of the generated cells do today). */
function csvCell(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of a round: header, then numbered rows; ';' delimited, CRLF line ends, no BOM. */
export function formatRound(round: DemoRound): string {
  const parts: string[] = [DEMO_HEADERS.join(DEMO_DELIMITER)];
  let no = 0;
  for (const row of round.rows) {
    no++;
    parts.push(`${no}${DEMO_DELIMITER}${row.cells.map(csvCell).join(DEMO_DELIMITER)}`);
  }
  return parts.join(DEMO_EOL) + DEMO_EOL;
}

/** File name of a round: `demo-YYYY-MM.csv.gz`. */
export function demoFileName(period: string): string {
  return `demo-${period}.csv.gz`;
}

// ---- Manifest -------------------------------------------------------------------------------------------------------

/** Counts of one desa (or the whole region) in one round. Faults with a zero count are omitted per desa. */
export interface ManifestCounts {
  rows: number;
  children: number;
  stunted: number;
  faults: Partial<Record<FaultKind, number>>;
}

/** What the demo injected, without any personal data: the plan per desa and the counts per desa and round. */
export interface DemoManifest {
  generator: 'aksi7-demo';
  version: 1;
  synthetic: true;
  seed: number;
  region: { code: string; name: string };
  periods: string[];
  files: Record<string, string>;
  format: { headers: string[]; delimiter: string; lineEnding: 'CRLF'; decimal: ','; dateFormat: 'DD/MM/YYYY'; encoding: 'utf-8' };
  shares: Record<string, number>;
  expectedReasons: Record<FaultKind, ProblemReason[]>;
  totals: Record<string, ManifestCounts>;
  desa: Record<
    string,
    {
      name: string;
      kecamatan: string;
      kind: string;
      small: boolean;
      hotspot: boolean;
      brightSpot: boolean;
      digitPreference: 'heavy' | 'some' | 'none';
      misspelling: string | null;
      periods: Record<string, ManifestCounts>;
    }
  >;
}

/** An empty manifest for a plan; fill it with `addRoundToManifest`. */
export function createManifest(plan: DemoPlan): DemoManifest {
  const desa: DemoManifest['desa'] = {};
  for (const d of plan.desa) {
    desa[d.code] = {
      name: d.name,
      kecamatan: d.kecamatanName,
      kind: d.kind,
      small: d.small,
      hotspot: d.hotspot,
      brightSpot: d.brightSpot,
      digitPreference: d.digitPreference,
      misspelling: d.misspelling,
      periods: {},
    };
  }
  const shares: Record<string, number> = { ...ERROR_SHARES };
  Object.assign(shares, {
    duplicate_identical: DUPLICATE_IDENTICAL_SHARE,
    duplicate_remeasured: DUPLICATE_REMEASURED_SHARE,
    misspelled_row_in_misspelled_desa: MISSPELLED_ROW_SHARE,
    digit_preference_heavy: DIGIT_PREFERENCE_RATE.heavy,
    digit_preference_moderate: DIGIT_PREFERENCE_RATE.moderate,
    digit_preference_baseline: DIGIT_PREFERENCE_RATE.none,
    position_other_way: POSITION_OTHER_WAY_SHARE,
    infant_standing: INFANT_STANDING_SHARE,
    oedema: OEDEMA_SHARE,
  });
  return {
    generator: 'aksi7-demo',
    version: 1,
    synthetic: true,
    seed: plan.seed,
    region: { code: plan.region.code, name: plan.region.name },
    periods: plan.periods,
    files: Object.fromEntries(plan.periods.map((p) => [p, demoFileName(p)])),
    format: { headers: [...DEMO_HEADERS], delimiter: DEMO_DELIMITER, lineEnding: 'CRLF', decimal: ',', dateFormat: 'DD/MM/YYYY', encoding: 'utf-8' },
    shares,
    expectedReasons: EXPECTED_REASONS,
    totals: {},
    desa,
  };
}

/** Adds one round's counts to the manifest (per desa and the region total). */
export function addRoundToManifest(manifest: DemoManifest, plan: DemoPlan, round: DemoRound): void {
  const total: ManifestCounts = { rows: 0, children: 0, stunted: 0, faults: {} };
  for (const k of FAULT_KINDS) total.faults[k] = 0;
  round.counts.forEach((c, di) => {
    const faults: Partial<Record<FaultKind, number>> = {};
    for (const k of FAULT_KINDS) {
      if (c.faults[k] > 0) faults[k] = c.faults[k];
      total.faults[k]! += c.faults[k];
    }
    manifest.desa[plan.desa[di].code].periods[round.period] = { rows: c.rows, children: c.children, stunted: c.stunted, faults };
    total.rows += c.rows;
    total.children += c.children;
    total.stunted += c.stunted;
  });
  manifest.totals[round.period] = total;
}

// ---- Entry points ---------------------------------------------------------------------------------------------------

/** One round ready to write. */
export interface DemoFile {
  period: string;
  fileName: string;
  text: string;
  round: DemoRound;
}

/** Generates the rounds one at a time (memory stays at one round), filling `manifest` as it goes. */
export function* generateDemoRounds(plan: DemoPlan, tables: WhoTables, manifest?: DemoManifest): Generator<DemoFile> {
  const cohort = simulateCohort(plan);
  for (let r = 0; r < plan.periods.length; r++) {
    const round = buildRound(plan, cohort, tables, r);
    if (manifest) addRoundToManifest(manifest, plan, round);
    yield { period: round.period, fileName: demoFileName(round.period), text: formatRound(round), round };
  }
}

/** The injection manifest for a registry and options, without writing any CSV text: the deterministic answer key
 * a test of the validation or quality report compares against. */
export function demoManifest(registry: DemoRegistry, tables: WhoTables, options: DemoOptions): DemoManifest {
  const plan = planDemo(registry, options);
  const manifest = createManifest(plan);
  const cohort = simulateCohort(plan);
  for (let r = 0; r < plan.periods.length; r++) addRoundToManifest(manifest, plan, buildRound(plan, cohort, tables, r));
  return manifest;
}

/** Generates every round in memory: the plan, the files and the manifest (convenient for tests and small regions). */
export function generateDemo(
  registry: DemoRegistry,
  tables: WhoTables,
  options: DemoOptions,
): { plan: DemoPlan; files: DemoFile[]; manifest: DemoManifest } {
  const plan = planDemo(registry, options);
  const manifest = createManifest(plan);
  const files = [...generateDemoRounds(plan, tables, manifest)];
  return { plan, files, manifest };
}
