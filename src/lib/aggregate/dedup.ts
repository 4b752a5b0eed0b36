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

/** Arrays `dedupRecords` may reuse from call to call (they grow as needed). */
export interface DedupScratch {
  order: Uint32Array;
  winners: Uint32Array;
  dropped: Uint32Array;
  sameDay: Uint32Array;
}

/** Empty scratch arrays for `dedupRecords`. */
export function createDedupScratch(): DedupScratch {
  return { order: new Uint32Array(0), winners: new Uint32Array(0), dropped: new Uint32Array(0), sameDay: new Uint32Array(0) };
}

/** Keeps the latest record per (period, child key) among `count` records of `buf`. With `scratch`, the result's
 * arrays are views into it, valid until the next call with the same scratch (no garbage per call). */
export function dedupRecords(buf: Int32Array, count: number, scratch?: DedupScratch): DedupResult {
  let s: DedupScratch;
  if (scratch) {
    if (scratch.order.length < count) {
      const size = Math.ceil(count * 1.25);
      scratch.order = new Uint32Array(size);
      scratch.winners = new Uint32Array(size);
      scratch.dropped = new Uint32Array(size);
      scratch.sameDay = new Uint32Array(size);
    }
    s = scratch;
  } else s = { order: new Uint32Array(count), winners: new Uint32Array(count), dropped: new Uint32Array(count), sameDay: new Uint32Array(count) };
  const order = s.order.subarray(0, count);
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
  sortIndexes(order, cmp);
  const { winners, dropped, sameDay } = s;
  let n = 0;
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
    winners[n] = win;
    dropped[n] = j - i - 1;
    sameDay[n] = same;
    n++;
    i = j;
  }
  return { winners: winners.subarray(0, n), dropped: dropped.subarray(0, n), sameDay: sameDay.subarray(0, n) };
}

/**
 * Sorts `a` in place by `cmp` (introsort: quicksort with a median-of-three pivot, heapsort below a depth limit,
 * insertion sort on short ranges). The order of elements `cmp` finds equal is unspecified; the records' order is
 * total (file and line are unique), so the result is too. Unlike TypedArray.prototype.sort with a comparator, this
 * allocates nothing: V8's copies the array twice into the heap (megabytes of garbage per partition).
 */
export function sortIndexes(a: Uint32Array, cmp: (x: number, y: number) => number): void {
  if (a.length > 1) quick(a, 0, a.length - 1, 2 * (31 - Math.clz32(a.length)), cmp);
}

function quick(a: Uint32Array, lo: number, hi: number, depth: number, cmp: (x: number, y: number) => number): void {
  while (hi - lo > 16) {
    if (depth-- === 0) {
      heapSort(a, lo, hi, cmp);
      return;
    }
    const mid = (lo + hi) >>> 1;
    if (cmp(a[mid], a[lo]) < 0) swap(a, mid, lo);
    if (cmp(a[hi], a[lo]) < 0) swap(a, hi, lo);
    if (cmp(a[hi], a[mid]) < 0) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (cmp(a[i], pivot) < 0) i++;
      while (cmp(a[j], pivot) > 0) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // recurse into the smaller side, loop on the larger: the stack stays O(log n)
    if (j - lo < hi - i) {
      quick(a, lo, j, depth, cmp);
      lo = i;
    } else {
      quick(a, i, hi, depth, cmp);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && cmp(a[j], v) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function heapSort(a: Uint32Array, lo: number, hi: number, cmp: (x: number, y: number) => number): void {
  const n = hi - lo + 1;
  const sift = (root: number, end: number) => {
    for (;;) {
      let child = 2 * root + 1;
      if (child > end) return;
      if (child < end && cmp(a[lo + child], a[lo + child + 1]) < 0) child++;
      if (cmp(a[lo + root], a[lo + child]) >= 0) return;
      swap(a, lo + root, lo + child);
      root = child;
    }
  };
  for (let s = (n >> 1) - 1; s >= 0; s--) sift(s, n - 1);
  for (let e = n - 1; e > 0; e--) {
    swap(a, lo, lo + e);
    sift(0, e - 1);
  }
}

function swap(a: Uint32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
