import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RECORD_INTS, recordSlots as S } from './record.ts';
import { createDedupScratch, dedupRecords, sortIndexes } from './dedup.ts';

describe('sortIndexes', () => {
  it('sorts like Array.prototype.sort for any comparator order (property; ties, runs, sorted and reversed input)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 300 }), fc.constantFrom('random', 'sorted', 'reversed'), (vals, shape) => {
        const v = shape === 'sorted' ? [...vals].sort((a, b) => a - b) : shape === 'reversed' ? [...vals].sort((a, b) => b - a) : vals;
        // indexes into v, compared by value then index: a total order, as the records' is
        const cmp = (x: number, y: number) => v[x] - v[y] || x - y;
        const a = Uint32Array.from(v.map((_, i) => i));
        sortIndexes(a, cmp);
        expect([...a]).toEqual(v.map((_, i) => i).sort(cmp));
      }),
      { numRuns: 500 },
    );
  });

  /** McIlroy's adversary ("A killer adversary for quicksort", 1999): values are decided lazily, during the sort, so
   * that every pivot a quicksort picks is as bad as possible. Counts the comparisons. */
  function adversary(n: number) {
    const GAS = n;
    const val = new Int32Array(n).fill(GAS);
    let solid = 0;
    let candidate = -1;
    let calls = 0;
    const cmp = (x: number, y: number) => {
      calls++;
      if (val[x] === GAS && val[y] === GAS) val[x === candidate ? x : y] = solid++;
      if (val[x] === GAS) candidate = x;
      else if (val[y] === GAS) candidate = y;
      return val[x] - val[y];
    };
    return { cmp, val, calls: () => calls };
  }

  /** A median-of-three quicksort without the depth limit, to show that the adversary is a killer. */
  function plainQuicksort(a: Uint32Array, lo: number, hi: number, cmp: (x: number, y: number) => number): void {
    const swap = (i: number, j: number) => ([a[i], a[j]] = [a[j], a[i]]);
    while (hi - lo > 16) {
      const mid = (lo + hi) >>> 1;
      if (cmp(a[mid], a[lo]) < 0) swap(mid, lo);
      if (cmp(a[hi], a[lo]) < 0) swap(hi, lo);
      if (cmp(a[hi], a[mid]) < 0) swap(hi, mid);
      const p = a[mid];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (cmp(a[i], p) < 0) i++;
        while (cmp(a[j], p) > 0) j--;
        if (i <= j) swap(i++, j--);
      }
      if (j - lo < hi - i) (plainQuicksort(a, lo, j, cmp), (lo = i));
      else (plainQuicksort(a, i, hi, cmp), (hi = j));
    }
    for (let i = lo + 1; i <= hi; i++) for (let j = i; j > lo && cmp(a[j - 1], a[j]) > 0; j--) swap(j - 1, j);
  }

  it('stays O(n log n) in comparisons against a quicksort killer (falls back to heapsort)', () => {
    const n = 20_000;
    const nLogN = n * Math.log2(n);
    // The adversary drives a quicksort without the fallback to about n²/4 comparisons ...
    const killer = adversary(2_000);
    plainQuicksort(Uint32Array.from({ length: 2_000 }, (_, i) => i), 0, 1_999, killer.cmp);
    expect(killer.calls()).toBeGreaterThan(20 * 2_000 * Math.log2(2_000));
    // ... while sortIndexes needs a small multiple of n log n (introsort: at most 2 log n partition levels, then
    // heapsort's 2 n log n) and still sorts.
    const adv = adversary(n);
    const a = Uint32Array.from({ length: n }, (_, i) => i);
    sortIndexes(a, adv.cmp);
    expect(adv.calls()).toBeLessThan(6 * nLogN);
    let sorted = true;
    for (let i = 1; i < n; i++) if (adv.val[a[i - 1]] > adv.val[a[i]]) sorted = false;
    expect(sorted).toBe(true);
  });

  it('sorts many equal keys in an organ-pipe shape with O(n log n) comparisons', () => {
    const n = 200_000;
    const v = Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i) % 7);
    const a = Uint32Array.from(v.map((_, i) => i));
    let calls = 0;
    sortIndexes(a, (x, y) => (calls++, v[x] - v[y] || x - y));
    expect(calls).toBeLessThan(3 * n * Math.log2(n));
    let sorted = true;
    for (let i = 1; i < n; i++) if (!(v[a[i - 1]] < v[a[i]] || (v[a[i - 1]] === v[a[i]] && a[i - 1] < a[i]))) sorted = false;
    expect(sorted).toBe(true);
  });

});

describe('dedupRecords', () => {
  it('keeps the latest record per (period, key), ties to the later file and line (property, against a plain reference)', () => {
    const rec = fc.record({
      period: fc.integer({ min: 1480, max: 1483 }),
      key: fc.integer({ min: 0, max: 12 }),
      day: fc.integer({ min: 0, max: 5 }),
      file: fc.integer({ min: 0, max: 2 }),
    });
    const scratch = createDedupScratch();
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 200 }), (recs) => {
        const buf = new Int32Array(recs.length * RECORD_INTS);
        recs.forEach((r, i) => {
          const b = i * RECORD_INTS;
          buf[b + S.PERIOD] = r.period;
          buf[b + S.K_HI] = r.key % 3;
          buf[b + S.K_LO] = -r.key; // negative halves too
          buf[b + S.DAY] = r.day;
          buf[b + S.FILE] = r.file;
          buf[b + S.LINE] = i + 2; // unique, as physical lines are
        });
        const d = dedupRecords(buf, recs.length);
        // the same through scratch arrays that already served a bigger and a smaller call
        scratch.order.fill(7);
        const viaScratch = dedupRecords(buf, recs.length, scratch);
        expect([viaScratch.winners, viaScratch.dropped, viaScratch.sameDay].map((a) => [...a])).toEqual([d.winners, d.dropped, d.sameDay].map((a) => [...a]));
        // reference: group by (period, key), the max of (day, file, line) wins
        const groups = new Map<string, number[]>();
        recs.forEach((r, i) => {
          const k = `${r.period}|${buf[i * RECORD_INTS + S.K_HI]}|${buf[i * RECORD_INTS + S.K_LO]}`;
          groups.set(k, [...(groups.get(k) ?? []), i]);
        });
        const later = (x: number, y: number) => recs[x].day - recs[y].day || recs[x].file - recs[y].file || x - y;
        const expected = new Map<number, { dropped: number; same: number }>();
        for (const idx of groups.values()) {
          const win = idx.reduce((w, i) => (later(i, w) > 0 ? i : w));
          expected.set(win, { dropped: idx.length - 1, same: idx.filter((i) => i !== win && recs[i].day === recs[win].day).length });
        }
        expect(d.winners.length).toBe(expected.size);
        d.winners.forEach((w, i) => expect({ dropped: d.dropped[i], same: d.sameDay[i] }).toEqual(expected.get(w)));
        // winners in ascending (period, key) order
        for (let i = 1; i < d.winners.length; i++) {
          const a = d.winners[i - 1] * RECORD_INTS;
          const b = d.winners[i] * RECORD_INTS;
          expect(buf[a + S.PERIOD] - buf[b + S.PERIOD] || buf[a + S.K_HI] - buf[b + S.K_HI] || buf[a + S.K_LO] - buf[b + S.K_LO]).toBeLessThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
