/**
 * Spill files of the data build and their deduplication, with memory that does not grow with the rows.
 *
 * The main thread appends the workers' packed records (`src/lib/aggregate/record.ts`) to 32 files partitioned by
 * the low bits of the child key (`Spill`), so every record of a child lands in the same partition. Each partition is
 * then deduplicated alone (`countPartition`, run by the worker pool: the partitions are independent), a partition
 * too big to be held at once being split further by more bits of the key first. The winners are added to count
 * tables and quality accumulators; those are sums of integers, so the partial results of the workers add up to
 * exactly what one pass over every record would give, whichever worker took which partition.
 */
import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_INTS, recordSlots, unpackMeasures } from '../../src/lib/aggregate/record.ts';
import { createDedupScratch, dedupRecords } from '../../src/lib/aggregate/dedup.ts';
import { addObservation, createCountTable, type CountTable } from '../../src/lib/aggregate/counts.ts';
import * as Q from '../../src/lib/quality/accumulator.ts';
import type { Observation } from '../../src/lib/types.ts';

const { K_LO, PERIOD, AREA } = recordSlots;

/** Spill files: 2^PARTITION_BITS partitions by the low bits of the child key. */
export const PARTITION_BITS = 5;
/** Records buffered per partition before a write (52 KiB; 1.6 MiB for all 32). */
const SPILL_RECORDS = 1024;
/** A partition with more records than this (6.8 MB) is split 16 ways by the next bits of the key before it is
 * deduplicated, so that the memory of deduplication does not grow with the rows. */
export const MAX_PARTITION_RECORDS = 1 << 17;
/** Fan-out of such a split: 2^SPLIT_BITS. */
const SPLIT_BITS = 4;

/** Packed records appended to 2^bits files by `bits` bits of the child key (from bit `shift` of its low half). */
class PartitionWriter {
  readonly paths: string[];
  private bufs: Int32Array[] = [];
  private used: number[] = [];
  private fds: number[] = [];
  private shift: number;
  private mask: number;
  /** Opens the files `<prefix>-<p>.bin`; `bufs` are write buffers to use (one per file; made when not given). */
  constructor(prefix: string, bits: number, shift: number, bufs?: Int32Array[]) {
    this.shift = shift;
    this.mask = (1 << bits) - 1;
    this.paths = Array.from({ length: 1 << bits }, (_, p) => `${prefix}-${p}.bin`);
    for (let p = 0; p < this.paths.length; p++) {
      this.bufs.push(bufs?.[p] ?? new Int32Array(SPILL_RECORDS * RECORD_INTS));
      this.used.push(0);
      this.fds.push(openSync(this.paths[p], 'w'));
    }
  }
  /** Routes each record to its partition. */
  add(records: Int32Array, count: number): void {
    for (let i = 0; i < count; i++) {
      const b = i * RECORD_INTS;
      const p = (records[b + K_LO] >>> this.shift) & this.mask;
      if (this.used[p] === this.bufs[p].length) this.flush(p);
      this.bufs[p].set(records.subarray(b, b + RECORD_INTS), this.used[p]);
      this.used[p] += RECORD_INTS;
    }
  }
  private flush(p: number): void {
    if (this.used[p] === 0) return;
    writeSync(this.fds[p], new Uint8Array(this.bufs[p].buffer, 0, this.used[p] * 4));
    this.used[p] = 0;
  }
  /** Flushes and closes every file. */
  close(): void {
    for (let p = 0; p < this.paths.length; p++) {
      this.flush(p);
      closeSync(this.fds[p]);
    }
  }
}

/** The main thread's side: hash-partitioned spill files of packed records. */
export class Spill {
  /** Period indexes of the records added. */
  readonly periods = new Set<number>();
  private out: PartitionWriter;
  /** Opens one spill file per partition in `dir`. */
  constructor(dir: string) {
    this.out = new PartitionWriter(join(dir, 'part'), PARTITION_BITS, 0);
  }
  /** The partition files, in partition order. */
  get paths(): readonly string[] {
    return this.out.paths;
  }
  /** Appends a block's records. */
  add(records: Int32Array, count: number): void {
    let last = -1;
    for (let i = 0; i < count; i++) {
      const p = records[i * RECORD_INTS + PERIOD];
      if (p !== last) this.periods.add((last = p));
    }
    this.out.add(records, count);
  }
  /** Flushes and closes every partition file. */
  close(): void {
    this.out.close();
  }
}

/** Reads spill files into one buffer, reused from file to file (it grows to the largest part read). */
export class PartitionReader {
  private buf = new Int32Array(0);
  /** Write buffers of the splits, made at the first split and reused. */
  private splitBufs: Int32Array[] = [];
  /**
   * Calls `fn` with the records of the partition file at `path` (written with `shift` bits of the key used), or,
   * when it holds more than MAX_PARTITION_RECORDS, with each part of it after a split by the next bits of the key.
   * The array is only valid during the call; the file (and any part) is removed afterwards.
   */
  forEach(path: string, shift: number, fn: (buf: Int32Array, count: number) => void): void {
    const bytes = statSync(path).size;
    const count = bytes / (RECORD_INTS * 4);
    if (count > MAX_PARTITION_RECORDS && shift + SPLIT_BITS <= 32) {
      if (this.splitBufs.length === 0) this.splitBufs = Array.from({ length: 1 << SPLIT_BITS }, () => new Int32Array(SPILL_RECORDS * RECORD_INTS));
      const parts = new PartitionWriter(path.replace(/\.bin$/, ''), SPLIT_BITS, shift, this.splitBufs);
      this.forEachChunk(path, bytes, (chunk, n) => parts.add(chunk, n));
      parts.close();
      rmSync(path);
      for (const p of parts.paths) this.forEach(p, shift + SPLIT_BITS, fn);
      return;
    }
    if (this.buf.length < count * RECORD_INTS) this.buf = new Int32Array(Math.ceil(count * 1.25) * RECORD_INTS);
    readFully(path, new Uint8Array(this.buf.buffer, 0, bytes));
    fn(this.buf.subarray(0, count * RECORD_INTS), count);
    rmSync(path);
  }
  /** Streams a spill file through the buffer, SPILL_RECORDS * 16 records at a time. */
  private forEachChunk(path: string, bytes: number, fn: (chunk: Int32Array, count: number) => void): void {
    const n = SPILL_RECORDS * 16;
    if (this.buf.length < n * RECORD_INTS) this.buf = new Int32Array(n * RECORD_INTS);
    const fd = openSync(path, 'r');
    try {
      const view = new Uint8Array(this.buf.buffer, 0, n * RECORD_INTS * 4);
      for (let pos = 0; pos < bytes; ) {
        const len = Math.min(view.length, bytes - pos);
        let got = 0;
        while (got < len) got += readSync(fd, view, got, len - got, pos + got);
        fn(this.buf, len / (RECORD_INTS * 4));
        pos += len;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/** Reads a whole file into `into` (exactly its size). */
function readFully(path: string, into: Uint8Array): void {
  const fd = openSync(path, 'r');
  try {
    let got = 0;
    while (got < into.length) {
      const n = readSync(fd, into, got, into.length - got, got);
      if (n === 0) throw new Error(`${path}: ${got} of ${into.length} bytes`);
      got += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** What deduplicating and counting partitions adds up to (per area index and period slot). */
export interface PartitionCounts {
  /** The data of a CountTable (areas × periods). */
  table: Int32Array;
  /** Quality accumulators, [area][period slot]. */
  quality: Q.QualityAccumulator[][];
  children: number;
  duplicatesRemoved: number;
  duplicatesSameDay: number;
}

/** Which areas and periods the counts have. */
export interface CountShape {
  nAreas: number;
  /** The published period indexes, ascending (slot = position). */
  periods: number[];
}

/** Counts being summed over partitions (one per worker). */
export class PartitionCounter {
  private table: CountTable;
  private quality: Q.QualityAccumulator[][];
  private children = 0;
  private duplicatesRemoved = 0;
  private duplicatesSameDay = 0;
  private first: number;
  private slotOf: Int32Array;
  private reader = new PartitionReader();
  private scratch = createDedupScratch();
  /** Filled for each winner in turn (the area and period come from the slots; the counts need no key text). */
  private o = { period: '', areaCode: '', childKey: '' } as Observation;

  /** Empty counts of this shape. */
  constructor(shape: CountShape) {
    const { nAreas, periods } = shape;
    this.table = createCountTable(nAreas, periods.length);
    this.quality = Array.from({ length: nAreas }, () => periods.map(() => Q.createQualityAccumulator()));
    this.first = periods[0];
    this.slotOf = new Int32Array(periods[periods.length - 1] - periods[0] + 1);
    periods.forEach((p, i) => (this.slotOf[p - this.first] = i));
  }

  /** Deduplicates one spill partition (latest measurement per child and period) and counts the winners. */
  addPartition(path: string): void {
    this.reader.forEach(path, PARTITION_BITS, (buf, count) => {
      const d = dedupRecords(buf, count, this.scratch);
      const o = this.o;
      for (let w = 0; w < d.winners.length; w++) {
        const i = d.winners[w];
        unpackMeasures(buf, i, o);
        const a = buf[i * RECORD_INTS + AREA];
        const p = this.slotOf[buf[i * RECORD_INTS + PERIOD] - this.first];
        const q = this.quality[a][p];
        addObservation(this.table, a, p, o);
        Q.addObservation(q, o);
        if (d.dropped[w] > 0) {
          Q.addDuplicates(q, d.dropped[w]);
          this.duplicatesRemoved += d.dropped[w];
          this.duplicatesSameDay += d.sameDay[w];
        }
        this.children++;
      }
    });
  }

  /** The sums so far. */
  result(): PartitionCounts {
    const { table, quality, children, duplicatesRemoved, duplicatesSameDay } = this;
    return { table: table.data, quality, children, duplicatesRemoved, duplicatesSameDay };
  }
}

/** Adds partial counts into `into` (a CountTable and accumulators of the same shape, fresh or already summed). */
export function addCounts(into: { table: CountTable; quality: Q.QualityAccumulator[][] }, part: PartitionCounts): void {
  const d = into.table.data;
  for (let i = 0; i < d.length; i++) d[i] += part.table[i];
  for (let a = 0; a < into.quality.length; a++) {
    for (let p = 0; p < into.quality[a].length; p++) {
      Q.addQuality(into.quality[a][p], part.quality[a][p]);
    }
  }
}
