/**
 * The counting phase of the build: the workers deduplicate the spill partitions and count (see spill.ts); the main
 * thread adds their sums, the row problems kept per area, and the pre-aggregated counts, then rolls up.
 */
import { addAggregate, createCountTable, rollUp, type CountTable } from '../../src/lib/aggregate/counts.ts';
import * as Q from '../../src/lib/quality/accumulator.ts';
import type { CsvPool } from './parallel-csv.ts';
import type { BuildWorkerData } from './build-worker.ts';
import { Spill, addCounts, type CountShape, type PartitionCounts } from './spill.ts';

/** Counts of every area and period, with the quality accumulators and dedup tallies. */
export interface Counted {
  table: CountTable;
  quality: Q.QualityAccumulator[][];
  children: number;
  duplicatesRemoved: number;
  duplicatesSameDay: number;
}

/** Pre-aggregated counts by area index and period index (`periodIndex`). */
export interface AggregateCounts {
  area: number;
  period: number;
  measured: number;
  cases: Parameters<typeof addAggregate>[4];
}

/** Runs the partitions through the pool and returns the summed counts (before roll-up). */
export async function countPartitions(pool: CsvPool<BuildWorkerData>, spill: Spill, nAreas: number, periodList: number[]): Promise<Counted> {
  const table = createCountTable(nAreas, periodList.length);
  const quality = Array.from({ length: nAreas }, () => periodList.map(() => Q.createQualityAccumulator()));
  const out: Counted = { table, quality, children: 0, duplicatesRemoved: 0, duplicatesSameDay: 0 };
  const shape: CountShape = { nAreas, periods: periodList };
  await pool.callEach('countBegin', shape);
  // at most two partitions queued per worker: a faster worker takes more
  let next = 0;
  const paths = spill.paths;
  await Promise.all(
    Array.from({ length: pool.size * 2 }, async () => {
      while (next < paths.length) await pool.call('countPartition', paths[next++]);
    }),
  );
  for (const part of await pool.callEach<PartitionCounts>('countResult')) {
    addCounts({ table, quality }, part);
    out.children += part.children;
    out.duplicatesRemoved += part.duplicatesRemoved;
    out.duplicatesSameDay += part.duplicatesSameDay;
  }
  return out;
}

/** Adds the per-area row rejects (`area|period|reason` → n) and the aggregates, then rolls counts and quality up. */
export function addAndRollUp(c: Counted, areaRejects: Map<string, number>, aggregates: AggregateCounts[], slotOf: Map<number, number>, parentOf: Int32Array): void {
  for (const [key, n] of areaRejects) {
    const [a, p, reason] = key.split('|');
    Q.addRejected(c.quality[Number(a)][slotOf.get(Number(p))!], reason, n);
  }
  for (const ag of aggregates) addAggregate(c.table, ag.area, slotOf.get(ag.period)!, ag.measured, ag.cases);
  rollUp(c.table, parentOf);
  const nPeriods = c.quality[0]?.length ?? 0;
  for (let a = c.quality.length - 1; a >= 0; a--) {
    const p = parentOf[a];
    if (p >= 0) for (let s = 0; s < nPeriods; s++) Q.mergeQuality(c.quality[p][s], c.quality[a][s]);
  }
}
