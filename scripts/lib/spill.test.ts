/**
 * Spill files and partition counting: records spilled by child key and deduplicated partition by partition must
 * count exactly what one plain pass over all observations gives (latest measurement per child and period, ties to
 * the later file and line), whether a partition is read whole or split first, and whichever counter took which
 * partition. The spill files are removed once read.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addObservation, createCountTable } from '../../src/lib/aggregate/counts.ts';
import { RECORD_INTS, packObservation, periodIndex } from '../../src/lib/aggregate/record.ts';
import { uniform32 } from '../../src/lib/demo/prng.ts';
import { createQualityAccumulator } from '../../src/lib/quality/accumulator.ts';
import type { Observation } from '../../src/lib/types.ts';
import { MAX_PARTITION_RECORDS, PARTITION_BITS, PartitionCounter, Spill, addCounts } from './spill.ts';

const PERIODS = ['2025-02', '2025-08'];
const N_AREAS = 4;

interface Row {
  o: Observation;
  area: number;
}

/** Observations of `children` children, each measured 1-3 times per period (some on the same day), with child keys
 * whose low bits are `lowBits` when given (so that all land in one partition). */
function rows(children: number, seed: number, lowBits?: number): Row[] {
  const r = uniform32(seed);
  const out: Row[] = [];
  let line = 2;
  for (let c = 0; c < children; c++) {
    const hi = Math.floor(r() * 2 ** 32);
    let lo = Math.floor(r() * 2 ** 32);
    if (lowBits !== undefined) lo = (lo & ~0x1f) | lowBits;
    const childKey = hi.toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
    const area = Math.floor(r() * N_AREAS);
    for (const period of PERIODS) {
      const times = 1 + Math.floor(r() * 3);
      for (let k = 0; k < times; k++) {
        out.push({
          area,
          o: {
            period, areaCode: `a${area}`, childKey, measureDay: 20_000 + Math.floor(r() * 3), fileIndex: Math.floor(r() * 2),
            line: line++, sex: r() < 0.5 ? 1 : 2, ageDays: Math.floor(r() * 1827), position: 'H',
            zlen: Math.round((r() * 6 - 4) * 100) / 100, flen: 0, zwei: Math.round((r() * 6 - 3) * 100) / 100, fwei: 0,
            zwfl: Math.round((r() * 6 - 3) * 100) / 100, fwfl: 0, zbmi: 0, fbmi: 0, weightDigit: Math.floor(r() * 10),
            heightDigit: Math.floor(r() * 10), weightMissing: false, heightMissing: false, oedema: false,
          },
        });
      }
    }
  }
  return out;
}

/** The count table of a plain pass: per child and period the latest day, then the later file, then the later line. */
function reference(all: Row[]): { table: Int32Array; children: number; dropped: number; boys: number } {
  const best = new Map<string, Row>();
  const later = (a: Observation, b: Observation) => a.measureDay - b.measureDay || a.fileIndex - b.fileIndex || a.line - b.line;
  for (const row of all) {
    const k = `${row.o.period}|${row.o.childKey}`;
    const had = best.get(k);
    if (!had || later(row.o, had.o) > 0) best.set(k, row);
  }
  const t = createCountTable(N_AREAS, PERIODS.length);
  for (const row of best.values()) addObservation(t, row.area, PERIODS.indexOf(row.o.period), row.o);
  const boys = [...best.values()].filter((row) => row.o.sex === 1).length;
  return { table: t.data, children: best.size, dropped: all.length - best.size, boys };
}

/** Spills the rows in blocks (as the main thread does) into `dir`; returns the partition paths. */
function spill(dir: string, all: Row[]): { paths: readonly string[]; periods: Set<number> } {
  const s = new Spill(dir);
  const block = new Int32Array(500 * RECORD_INTS);
  for (let i = 0; i < all.length; i += 500) {
    const part = all.slice(i, i + 500);
    part.forEach((row, j) => packObservation(block, j, row.o, row.area, periodIndex(row.o.period)));
    s.add(block, part.length);
  }
  s.close();
  return { paths: s.paths, periods: s.periods };
}

const shape = { nAreas: N_AREAS, periods: PERIODS.map(periodIndex) };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spill-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Spill and PartitionCounter', () => {
  it('count every child once, its latest measurement, exactly as a plain pass does', () => {
    const all = rows(3000, 1);
    const { paths, periods } = spill(dir, all);
    expect(paths.length).toBe(2 ** PARTITION_BITS);
    expect([...periods].sort()).toEqual(PERIODS.map(periodIndex));
    const counter = new PartitionCounter(shape);
    for (const p of paths) counter.addPartition(p);
    const got = counter.result();
    const want = reference(all);
    expect(got.children).toBe(want.children);
    expect(got.duplicatesRemoved).toBe(want.dropped);
    expect(Array.from(got.table)).toEqual(Array.from(want.table));
    // Quality accumulators see the same children and the duplicates removed.
    const sum = (f: (q: (typeof got.quality)[0][0]) => number) => got.quality.flat().reduce((acc, q) => acc + f(q), 0);
    expect(sum((q) => q.children)).toBe(want.children);
    expect(sum((q) => q.boys)).toBe(want.boys);
    expect(sum((q) => q.duplicatesRemoved)).toBe(want.dropped);
  });

  it('removes each spill file once it is counted', () => {
    const { paths } = spill(dir, rows(200, 2));
    const counter = new PartitionCounter(shape);
    counter.addPartition(paths[0]);
    expect(existsSync(paths[0])).toBe(false);
    for (const p of paths.slice(1)) counter.addPartition(p);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives the same counts when a partition too big to hold is split by more key bits first', () => {
    // Every key has the same low bits: one partition holds all records, more than MAX_PARTITION_RECORDS.
    const all = rows(Math.ceil(MAX_PARTITION_RECORDS / 3.2), 3, 7);
    expect(all.length).toBeGreaterThan(MAX_PARTITION_RECORDS);
    const { paths } = spill(dir, all);
    const counter = new PartitionCounter(shape);
    for (const p of paths) counter.addPartition(p);
    const want = reference(all);
    expect(counter.result().children).toBe(want.children);
    expect(Array.from(counter.result().table)).toEqual(Array.from(want.table));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('adds up to the same totals whichever counter took which partition (addCounts)', () => {
    const all = rows(1500, 4);
    const { paths } = spill(dir, all);
    const a = new PartitionCounter(shape);
    const b = new PartitionCounter(shape);
    paths.forEach((p, i) => (i % 3 === 0 ? a : b).addPartition(p));
    const into = { table: createCountTable(N_AREAS, PERIODS.length), quality: Array.from({ length: N_AREAS }, () => PERIODS.map(() => createQualityAccumulator())) };
    addCounts(into, a.result());
    addCounts(into, b.result());
    expect(Array.from(into.table.data)).toEqual(Array.from(reference(all).table));
    expect(a.result().children + b.result().children).toBe(reference(all).children);
  });
});
