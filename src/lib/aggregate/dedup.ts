/**
 * Counting a child once per period: among the records of one child (same hashed key) in one period, the latest
 * measurement wins (DESIGN.md section 2); ties on the date go to the later row of the later file, so the result
 * does not depend on thread scheduling. Works on packed records (see record.ts) without unpacking.
 */
import { RECORD_INTS, recordSlots as S } from './record.ts';

/** Result of deduplicating a set of packed records. */
export interface DedupResult {
  /** Record indexes of the winners, in ascending key order (deterministic). */
  winners: Uint32Array;
  /** For each winner (same position), how many other records of the child were dropped in that period. */
  dropped: Uint32Array;
  /** Of those, how many had the same measurement date as the winner (double entry rather than a re-measurement). */
  sameDay: Uint32Array;
}

/** Keeps the latest record per (period, child key) among `count` records of `buf`. */
export function dedupRecords(buf: Int32Array, count: number): DedupResult {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const cmp = (a: number, b: number): number => {
    const ba = a * RECORD_INTS;
    const bb = b * RECORD_INTS;
    return (
      buf[ba + S.PERIOD] - buf[bb + S.PERIOD] ||
      buf[ba + S.K_HI] - buf[bb + S.K_HI] ||
      buf[ba + S.K_LO] - buf[bb + S.K_LO] ||
      buf[ba + S.DAY] - buf[bb + S.DAY] ||
      buf[ba + S.FILE] - buf[bb + S.FILE] ||
      buf[ba + S.LINE] - buf[bb + S.LINE]
    );
  };
  order.sort(cmp);
  const winners: number[] = [];
  const dropped: number[] = [];
  const sameDay: number[] = [];
  let i = 0;
  while (i < count) {
    const first = order[i] * RECORD_INTS;
    let j = i + 1;
    while (j < count) {
      const o = order[j] * RECORD_INTS;
      if (buf[o + S.PERIOD] !== buf[first + S.PERIOD] || buf[o + S.K_HI] !== buf[first + S.K_HI] || buf[o + S.K_LO] !== buf[first + S.K_LO]) break;
      j++;
    }
    // Sorted ascending, so the last of the run is the latest measurement.
    const win = order[j - 1];
    const winDay = buf[win * RECORD_INTS + S.DAY];
    let same = 0;
    for (let k = i; k < j - 1; k++) if (buf[order[k] * RECORD_INTS + S.DAY] === winDay) same++;
    winners.push(win);
    dropped.push(j - i - 1);
    sameDay.push(same);
    i = j;
  }
  return { winners: Uint32Array.from(winners), dropped: Uint32Array.from(dropped), sameDay: Uint32Array.from(sameDay) };
}
