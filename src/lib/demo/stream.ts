/**
 * The demo export one desa at a time, for every round at once: memory stays at one desa's children and rows plus the
 * children moving between desa, whatever the number of rows (a province: ≈20M rows over 8 rounds). The output is
 * the same as generate.ts's whole-region path (same streams, same draws, same row order): a round file is the
 * concatenation, in desa order, of each desa's rows for that round (numbered on from the previous desa's).
 *
 * Why two passes over the cohort: a child who moves from desa A to desa B is drawn on A's stream but measured in B
 * from the move on, and B's rows come in child order. When A comes after B in code order, B needs the child before A
 * is reached, so a first pass draws every desa's children (cheap: no row is measured) and keeps only those movers;
 * movers to a later desa are kept during the second pass itself. Everything else is drawn again, per desa.
 */
import type { WhoTables } from '../who/tables.ts';
import { cohortBirths, cohortContext, drawDesaChildren, emptyCohort, type CohortContext, type DemoCohort } from './cohort.ts';
import type { DemoPlan } from './plan.ts';
import { desaRoundRows, residentDesa, roundContext, type DemoDesaRoundCounts, type DemoRow } from './round.ts';

/** One desa's part of every round: rows per round (index as plan.periods) and its counts per round. */
export interface DemoDesaRounds {
  /** Index in plan.desa. */
  di: number;
  rows: DemoRow[][];
  counts: DemoDesaRoundCounts[];
}

/** Copies child k of `src` to index j of `dst` (same number of rounds). */
function copyChild(src: DemoCohort, k: number, dst: DemoCohort, j: number, R: number): void {
  dst.sex[j] = src.sex[k];
  dst.birthDay[j] = src.birthDay[k];
  dst.enterDay[j] = src.enterDay[k];
  dst.leaveDay[j] = src.leaveDay[k];
  dst.desa[j] = src.desa[k];
  dst.moveDay[j] = src.moveDay[k];
  dst.moveDesa[j] = src.moveDesa[k];
  dst.posyandu[j] = src.posyandu[k];
  dst.movePosyandu[j] = src.movePosyandu[k];
  dst.hazDev.set(src.hazDev.subarray(k * R, k * R + R), j * R);
  dst.whzDev.set(src.whzDev.subarray(k * R, k * R + R), j * R);
  dst.nik[j] = src.nik[k];
  dst.name[j] = src.name[k];
  dst.parentName[j] = src.parentName[k];
  dst.address[j] = src.address[k];
}

/**
 * The children kept until the desa they move to is generated, in one growing cohort used as a pool (slots reused
 * when freed): about 0.2 KB per child plus its four strings, instead of a record of small typed arrays each (≈1 KB).
 */
class MoverPool {
  private store: DemoCohort;
  private readonly free: number[] = [];
  private used = 0;
  readonly ids: number[] = [];
  private readonly plan: DemoPlan;

  constructor(plan: DemoPlan) {
    this.plan = plan;
    this.store = emptyCohort(plan, 64);
  }

  /** Keeps child k of `src` (whole-region index `id`); returns its slot. */
  keep(src: DemoCohort, k: number, id: number): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.used === this.store.size) {
        const bigger = emptyCohort(this.plan, this.store.size * 2);
        for (let j = 0; j < this.used; j++) copyChild(this.store, j, bigger, j, this.plan.periods.length);
        this.store = bigger;
      }
      slot = this.used++;
    }
    copyChild(src, k, this.store, slot, this.plan.periods.length);
    this.ids[slot] = id;
    return slot;
  }

  /** Writes the child of `slot` to index j of `dst` and frees the slot. */
  place(slot: number, dst: DemoCohort, j: number): void {
    copyChild(this.store, slot, dst, j, this.plan.periods.length);
    for (const a of [this.store.nik, this.store.name, this.store.parentName, this.store.address]) a[slot] = '';
    this.free.push(slot);
  }
}

/** Draws desa di's own children on the context (its cohort replaced by a fresh one of the desa's size). */
function drawDesa(ctx: CohortContext, plan: DemoPlan, di: number, births: number): DemoCohort {
  ctx.c = emptyCohort(plan, births);
  drawDesaChildren(ctx, di, births, 0);
  return ctx.c;
}

/** Statistics of a streaming run, for the log and the benchmark. */
export interface DemoStreamStats {
  /** Children drawn (the whole-region cohort size) and those kept as movers at the peak. */
  children: number;
  peakMovers: number;
}

/**
 * Yields every desa's rows for every round, in plan order. `stats`, when given, is filled as the run goes.
 * Concatenating `rows[r]` over the desa gives exactly `buildRound(plan, simulateCohort(plan), tables, r).rows`.
 */
export function* streamDemoByDesa(plan: DemoPlan, tables: WhoTables, stats?: DemoStreamStats): Generator<DemoDesaRounds> {
  const n = plan.desa.length;
  const R = plan.periods.length;
  const births = cohortBirths(plan);
  const first: number[] = [];
  births.reduce((acc, b, di) => ((first[di] = acc), acc + b), 0);
  const pool = new MoverPool(plan);
  const pending: number[][] = Array.from({ length: n }, () => []);
  let held = 0;
  let peak = 0;
  const keep = (c: DemoCohort, k: number, id: number, to: number) => {
    pending[to].push(pool.keep(c, k, id));
    peak = Math.max(peak, ++held);
  };

  // Pass 1: movers to an earlier desa (everything else is dropped desa by desa).
  const pass1 = cohortContext(plan, emptyCohort(plan, 0));
  for (let di = 0; di < n; di++) {
    const c = drawDesa(pass1, plan, di, births[di]);
    for (let k = 0; k < c.size; k++) if (c.moveDesa[k] >= 0 && c.moveDesa[k] < di) keep(c, k, first[di] + k, c.moveDesa[k]);
  }

  // Pass 2: per desa, its own children and the movers into it, in child order; then every round's rows.
  const rounds = plan.periods.map((_, r) => roundContext(plan, r));
  const ctx = cohortContext(plan, emptyCohort(plan, 0));
  for (let di = 0; di < n; di++) {
    const own = drawDesa(ctx, plan, di, births[di]);
    for (let k = 0; k < own.size; k++) if (own.moveDesa[k] > di) keep(own, k, first[di] + k, own.moveDesa[k]);
    const movers = pending[di].sort((a, b) => pool.ids[a] - pool.ids[b]);
    pending[di] = [];
    held -= movers.length;
    // The desa's cohort: own children and movers merged by id (both already sorted).
    const local = emptyCohort(plan, own.size + movers.length);
    const ids = new Int32Array(local.size);
    for (let j = 0, k = 0, m = 0; j < local.size; j++) {
      if (m < movers.length && (k >= own.size || pool.ids[movers[m]] < first[di] + k)) {
        ids[j] = pool.ids[movers[m]];
        pool.place(movers[m++], local, j);
      } else {
        copyChild(own, k, local, j, R);
        ids[j] = first[di] + k++;
      }
    }
    const out: DemoDesaRounds = { di, rows: [], counts: [] };
    for (const rc of rounds) {
      const residents: number[] = [];
      for (let j = 0; j < local.size; j++) if (residentDesa(local, j, rc) === di) residents.push(j);
      const { rows, counts } = desaRoundRows(plan, local, tables, rc, di, residents);
      for (const row of rows) row.child = ids[row.child];
      out.rows.push(rows);
      out.counts.push(counts);
    }
    yield out;
  }
  if (stats) {
    stats.children = first.length ? first[n - 1] + births[n - 1] : 0;
    stats.peakMovers = peak;
  }
}
