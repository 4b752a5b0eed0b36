/**
 * The demo cohort: every child born in or moving into the region over the window, with a stable fake identity,
 * a posyandu, an optional move and its own persistent z-score deviations. Seeded per desa.
 */
import type { Sex } from '../types.ts';
import { civilFromDay, pad2, periodLength, periodStart } from './dates.ts';
import { fakeAddress, fakeChildName, fakeNik, fakeParentName } from './names.ts';
import { HAZ_PERSISTENCE, MAX_AGE_DAYS, MOVE_IN_SHARE, MOVE_OUT_SHARE, MOVE_WITHIN_SHARE, WHZ_PERSISTENCE } from './params.ts';
import type { DemoDesa, DemoPlan } from './plan.ts';
import { createRng, type Rng } from './prng.ts';

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

/** An empty cohort of `size` children over `rounds` rounds. */
function allocateCohort(size: number, rounds: number): DemoCohort {
  return {
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
    hazDev: new Float64Array(size * rounds),
    whzDev: new Float64Array(size * rounds),
    nik: new Array<string>(size),
    name: new Array<string>(size),
    parentName: new Array<string>(size),
    address: new Array<string>(size),
  };
}

/** Picks a mover's destination desa in proportion to its population, among the given desa or the whole region
 * (else tiny desa would fill up). */
function destinationPicker(plan: DemoPlan): (rng: Rng, among: number[] | null) => number {
  const cum = new Float64Array(plan.desa.length);
  plan.desa.reduce((acc, d, k) => (cum[k] = acc + d.under5), 0);
  return (rng, among) => {
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
}

/** NIK serials used so far per (area digits, birth date, sex). A NIK's area digits are either a kecamatan of the
 * region (its own children: only that kecamatan's desa use the key, and they are contiguous in code order, so the
 * counts are dropped when the kecamatan changes) or digits from outside the region (children who moved in: kept
 * for the whole run, about 3% of the children). Memory stays at one kecamatan plus the movers-in. */
interface SerialCounter {
  kecamatan: string;
  own: Map<string, number>;
  foreign: Map<string, number>;
}

/** What drawing one child needs besides its own desa and stream. */
export interface CohortContext {
  plan: DemoPlan;
  /** The cohort children are drawn into. */
  c: DemoCohort;
  /** The kab/kota numbers of the region (one, or every kab/kota of a province): a mover-in's NIK never has them. */
  regionKabs: Set<number>;
  /** Desa indexes per kecamatan code. */
  byKec: Map<string, number[]>;
  pickDesa: (rng: Rng, among: number[] | null) => number;
  serials: SerialCounter;
}

/** A fresh context for drawing the plan's children (into `c`, which the caller may swap per desa). */
export function cohortContext(plan: DemoPlan, c: DemoCohort): CohortContext {
  const byKec = new Map<string, number[]>();
  plan.desa.forEach((d, i) => {
    const a = byKec.get(d.kecamatanCode);
    if (a) a.push(i);
    else byKec.set(d.kecamatanCode, [i]);
  });
  const regionKabs = new Set(plan.desa.map((d) => Number(d.code.slice(3, 5))));
  return { plan, c, regionKabs, byKec, pickDesa: destinationPicker(plan), serials: { kecamatan: '', own: new Map(), foreign: new Map() } };
}

/** Draws child i's move (out, in or within the region) and returns the area digits of its NIK. */
function drawMove(ctx: CohortContext, i: number, d: DemoDesa, di: number, birth: number, rng: Rng): { nikKab: string; nikKec: string; foreign: boolean } {
  const { c, plan } = ctx;
  let nikKab = d.code.slice(3, 5);
  let foreign = false;
  let nikKec = d.kecamatanCode.slice(6, 8);
  const u = rng.next();
  const when = birth + rng.int(MAX_AGE_DAYS + 1);
  if (u < MOVE_OUT_SHARE) c.leaveDay[i] = when;
  else if (u < MOVE_OUT_SHARE + MOVE_IN_SHARE) {
    // Born elsewhere: the NIK carries another kabupaten's digits.
    c.enterDay[i] = when;
    const other = 1 + rng.int(98);
    nikKab = pad2(ctx.regionKabs.has(other) ? 99 : other);
    nikKec = pad2(1 + rng.int(30));
    foreign = true;
  } else if (u < MOVE_OUT_SHARE + MOVE_IN_SHARE + MOVE_WITHIN_SHARE && plan.desa.length > 1) {
    const sib = (ctx.byKec.get(d.kecamatanCode) ?? []).filter((x) => x !== di);
    let to = ctx.pickDesa(rng, sib.length > 0 && rng.chance(0.7) ? sib : null);
    if (to === di) to = (di + 1) % plan.desa.length;
    c.moveDay[i] = when;
    c.moveDesa[i] = to;
    c.movePosyandu[i] = rng.int(plan.desa[to].posyandu.length);
  }
  return { nikKab, nikKec, foreign };
}

/** Draws child i of desa di, born on `birth`: sex, posyandu, move, fake identity and z-score deviations. */
function drawChild(ctx: CohortContext, i: number, d: DemoDesa, di: number, birth: number, rng: Rng): void {
  const { c } = ctx;
  const R = ctx.plan.periods.length;
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
  const { nikKab, nikKec, foreign } = drawMove(ctx, i, d, di, birth, rng);
  const bc = civilFromDay(birth);
  const key = `${nikKab}${nikKec}${bc.y}-${bc.m}-${bc.d}-${sex}`;
  const counts = foreign ? ctx.serials.foreign : ctx.serials.own;
  const serial = (counts.get(key) ?? 0) + 1;
  counts.set(key, serial);
  c.nik[i] = fakeNik(nikKab, nikKec, bc.d, bc.m, bc.y, sex, serial);
  c.name[i] = fakeChildName(sex, rng.int(1000), rng.int(1000));
  c.parentName[i] = fakeParentName(rng.int(1000), rng.int(1000));
  c.address[i] = fakeAddress(1 + rng.int(150), 1 + rng.int(12), 1 + rng.int(8));
  const hk = Math.sqrt(1 - HAZ_PERSISTENCE * HAZ_PERSISTENCE);
  const wk = Math.sqrt(1 - WHZ_PERSISTENCE * WHZ_PERSISTENCE);
  let h = rng.normal();
  let w = rng.normal();
  for (let r = 0; r < R; r++) {
    if (r > 0) {
      h = HAZ_PERSISTENCE * h + hk * rng.normal();
      w = WHZ_PERSISTENCE * w + wk * rng.normal();
    }
    c.hazDev[i * R + r] = h;
    c.whzDev[i * R + r] = w;
  }
}

/** The window children are born over: from 60 months before the first round to the end of the last. */
function birthWindow(plan: DemoPlan): { windowStart: number; windowDays: number } {
  const R = plan.periods.length;
  const windowStart = periodStart(plan.periods[0]) - MAX_AGE_DAYS;
  const last = plan.periods[R - 1];
  const windowEnd = periodStart(last) + periodLength(last) - 1;
  return { windowStart, windowDays: windowEnd - windowStart + 1 };
}

/** Children born per desa over the window (index as plan.desa). A child who moves in (or out) on a uniform day of
 * its under-five life is absent for part of it: on average a share (MOVE_IN_SHARE + MOVE_OUT_SHARE) / 2 of the births
 * is away at any time, so births are scaled up to keep the resident under-five population at plan.desa[].under5. */
export function cohortBirths(plan: DemoPlan): number[] {
  const { windowDays } = birthWindow(plan);
  const present = 1 - (MOVE_IN_SHARE + MOVE_OUT_SHARE) / 2;
  return plan.desa.map((d) => Math.round((d.under5 * windowDays) / (MAX_AGE_DAYS + 0.25) / present));
}

/** Draws the `births` children of desa di into ctx.c from index `first` on, on the desa's own stream. Desa must be
 * drawn in plan order (NIK serials are counted across the desa of a kecamatan). */
export function drawDesaChildren(ctx: CohortContext, di: number, births: number, first: number): void {
  const d = ctx.plan.desa[di];
  if (ctx.serials.kecamatan !== d.kecamatanCode) {
    ctx.serials.kecamatan = d.kecamatanCode;
    ctx.serials.own.clear();
  }
  const { windowStart, windowDays } = birthWindow(ctx.plan);
  const rng = createRng(ctx.plan.seed, 'cohort', d.code);
  // Birth days first, sorted, so that NIK serials and child order follow birth order as in a register.
  const days = new Int32Array(births);
  for (let k = 0; k < days.length; k++) days[k] = windowStart + rng.int(windowDays);
  days.sort();
  for (let k = 0; k < days.length; k++) drawChild(ctx, first + k, d, di, days[k], rng);
}

/** An empty cohort of `size` children for the plan's rounds. */
export function emptyCohort(plan: DemoPlan, size: number): DemoCohort {
  return allocateCohort(size, plan.periods.length);
}

/**
 * Simulates the cohort: for every desa, children born at a constant rate over the window (from 60 months before
 * the first round to the end of the last), each with sex, fake identity (NIK built from the birth date, like a
 * real one), a posyandu, an optional move (out, in, or to another desa) and persistent z-score deviations. The whole
 * region at once (tests and small regions); stream.ts draws the same children one desa at a time.
 */
export function simulateCohort(plan: DemoPlan): DemoCohort {
  const births = cohortBirths(plan);
  const ctx = cohortContext(plan, emptyCohort(plan, births.reduce((s, b) => s + b, 0)));
  let i = 0;
  plan.desa.forEach((_, di) => {
    drawDesaChildren(ctx, di, births[di], i);
    i += births[di];
  });
  return ctx.c;
}
