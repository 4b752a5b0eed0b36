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

/** One child copied out of its birth desa's cohort, kept until the desa it moves to is generated: a plain record
 * (about 0.4 KB), not a one-child cohort of typed arrays (several KB each). */
interface Mover {
  /** Index in the whole-region cohort (simulateCohort): the child order of the rows. */
  id: number;
  ints: Int32Array;
  hazDev: Float64Array;
  whzDev: Float64Array;
  strings: [string, string, string, string];
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

/** Child k of `src` as a mover record. */
function moverOf(src: DemoCohort, k: number, id: number, R: number): Mover {
  return {
    id,
    ints: Int32Array.of(src.sex[k], src.birthDay[k], src.enterDay[k], src.leaveDay[k], src.desa[k], src.moveDay[k], src.moveDesa[k], src.posyandu[k], src.movePosyandu[k]),
    hazDev: src.hazDev.slice(k * R, k * R + R),
    whzDev: src.whzDev.slice(k * R, k * R + R),
    strings: [src.nik[k], src.name[k], src.parentName[k], src.address[k]],
  };
}

/** Writes a mover record to index j of `dst`. */
function placeMover(m: Mover, dst: DemoCohort, j: number, R: number): void {
  const v = m.ints;
  dst.sex[j] = v[0];
  dst.birthDay[j] = v[1];
  dst.enterDay[j] = v[2];
  dst.leaveDay[j] = v[3];
  dst.desa[j] = v[4];
  dst.moveDay[j] = v[5];
  dst.moveDesa[j] = v[6];
  dst.posyandu[j] = v[7];
  dst.movePosyandu[j] = v[8];
  dst.hazDev.set(m.hazDev, j * R);
  dst.whzDev.set(m.whzDev, j * R);
  [dst.nik[j], dst.name[j], dst.parentName[j], dst.address[j]] = m.strings;
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
  const pending: Mover[][] = Array.from({ length: n }, () => []);
  let held = 0;
  let peak = 0;
  const keep = (m: Mover, to: number) => {
    pending[to].push(m);
    peak = Math.max(peak, ++held);
  };

  // Pass 1: movers to an earlier desa (everything else is dropped desa by desa).
  const pass1 = cohortContext(plan, emptyCohort(plan, 0));
  for (let di = 0; di < n; di++) {
    const c = drawDesa(pass1, plan, di, births[di]);
    for (let k = 0; k < c.size; k++) if (c.moveDesa[k] >= 0 && c.moveDesa[k] < di) keep(moverOf(c, k, first[di] + k, R), c.moveDesa[k]);
  }

  // Pass 2: per desa, its own children and the movers into it, in child order; then every round's rows.
  const rounds = plan.periods.map((_, r) => roundContext(plan, r));
  const ctx = cohortContext(plan, emptyCohort(plan, 0));
  for (let di = 0; di < n; di++) {
    const own = drawDesa(ctx, plan, di, births[di]);
    for (let k = 0; k < own.size; k++) if (own.moveDesa[k] > di) keep(moverOf(own, k, first[di] + k, R), own.moveDesa[k]);
    const movers = pending[di].sort((a, b) => a.id - b.id);
    pending[di] = [];
    held -= movers.length;
    // The desa's cohort: own children and movers merged by id (both already sorted).
    const local = emptyCohort(plan, own.size + movers.length);
    const ids = new Int32Array(local.size);
    for (let j = 0, k = 0, m = 0; j < local.size; j++) {
      if (m < movers.length && (k >= own.size || movers[m].id < first[di] + k)) {
        placeMover(movers[m], local, j, R);
        ids[j] = movers[m++].id;
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
