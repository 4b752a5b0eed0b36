/**
 * A fixed-width binary form of an Observation: 13 int32 slots. Workers pack observations into Int32Arrays (cheap to
 * transfer between threads and to spill to disk for deduplication); the main thread unpacks only the winners.
 * No identity is kept: the child key is a 64-bit hash, the birth date is reduced to the age in days.
 */
import type { Observation, Position, Sex } from '../types.ts';

/** Number of int32 slots per record. */
export const RECORD_INTS = 13;
/** Sentinel for a missing z-score (z is stored as round(z * 100)). */
export const Z_NULL = -2147483648;

const K_HI = 0;
const K_LO = 1;
const PERIOD = 2;
const AREA = 3;
const DAY = 4;
const FILE = 5;
const LINE = 6;
const BITS = 7;
const AGE = 8;
const ZLEN = 9;
const ZWEI = 10;
const ZWFL = 11;
const ZBMI = 12;

/** Index of a period `YYYY-MM` as months since 1900-01 (compact, sortable, no lookup table). */
export function periodIndex(period: string): number {
  return (Number(period.slice(0, 4)) - 1900) * 12 + Number(period.slice(5, 7)) - 1;
}

/** The period `YYYY-MM` of a period index. */
export function periodOf(index: number): string {
  const y = 1900 + Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** The int32 of the 8 hex digits at hex[from] (what parseInt(..., 16) | 0 gives, without the substring). */
function keyHalf(hex: string, from: number): number {
  let v = 0;
  for (let i = from; i < from + 8; i++) {
    const c = hex.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return parseInt(hex.slice(from, from + 8), 16) | 0; // not a key of fnv1a64: parseInt's reading
    v = v * 16 + d;
  }
  return v | 0;
}

const flagCode = (f: 0 | 1 | null) => (f === null ? 0 : f + 1);
const flagOf = (c: number): 0 | 1 | null => (c === 0 ? null : ((c - 1) as 0 | 1));
const zCode = (z: number | null) => (z === null ? Z_NULL : Math.round(z * 100));
const zOf = (c: number) => (c === Z_NULL ? null : c / 100);

/** Writes an observation at record index `i` of `out`, with the area and period already resolved to indexes. */
export function packObservation(out: Int32Array, i: number, o: Observation, areaIndex: number, periodIdx: number): void {
  const b = i * RECORD_INTS;
  out[b + K_HI] = keyHalf(o.childKey, 0);
  out[b + K_LO] = keyHalf(o.childKey, 8);
  out[b + PERIOD] = periodIdx;
  out[b + AREA] = areaIndex;
  out[b + DAY] = o.measureDay;
  out[b + FILE] = o.fileIndex;
  out[b + LINE] = o.line;
  out[b + BITS] =
    (o.sex - 1) |
    ((o.position === null ? 0 : o.position === 'L' ? 1 : 2) << 1) |
    ((o.weightMissing ? 1 : 0) << 3) |
    ((o.heightMissing ? 1 : 0) << 4) |
    ((o.weightDigit === null ? 0 : o.weightDigit + 1) << 5) |
    ((o.heightDigit === null ? 0 : o.heightDigit + 1) << 9) |
    (flagCode(o.flen) << 13) |
    (flagCode(o.fwei) << 15) |
    (flagCode(o.fwfl) << 17) |
    (flagCode(o.fbmi) << 19) |
    ((o.oedema ? 1 : 0) << 21);
  out[b + AGE] = o.ageDays;
  out[b + ZLEN] = zCode(o.zlen);
  out[b + ZWEI] = zCode(o.zwei);
  out[b + ZWFL] = zCode(o.zwfl);
  out[b + ZBMI] = zCode(o.zbmi);
}

/**
 * Fills `into` with record `i`'s measures: every field but the period, area code and child key, which a caller that
 * works on the slots (PERIOD, AREA) does not need as text. The build fills one object for every winner in turn.
 */
export function unpackMeasures(buf: Int32Array, i: number, into: Observation): Observation {
  const b = i * RECORD_INTS;
  const bits = buf[b + BITS];
  const pos = (bits >> 1) & 3;
  const wd = (bits >> 5) & 15;
  const hd = (bits >> 9) & 15;
  const o = into;
  o.measureDay = buf[b + DAY];
  o.fileIndex = buf[b + FILE];
  o.line = buf[b + LINE];
  o.sex = ((bits & 1) + 1) as Sex;
  o.ageDays = buf[b + AGE];
  o.position = (pos === 0 ? null : pos === 1 ? 'L' : 'H') as Position | null;
  o.weightMissing = ((bits >> 3) & 1) === 1;
  o.heightMissing = ((bits >> 4) & 1) === 1;
  o.weightDigit = wd === 0 ? null : wd - 1;
  o.heightDigit = hd === 0 ? null : hd - 1;
  o.zlen = zOf(buf[b + ZLEN]);
  o.flen = flagOf((bits >> 13) & 3);
  o.zwei = zOf(buf[b + ZWEI]);
  o.fwei = flagOf((bits >> 15) & 3);
  o.zwfl = zOf(buf[b + ZWFL]);
  o.fwfl = flagOf((bits >> 17) & 3);
  o.zbmi = zOf(buf[b + ZBMI]);
  o.fbmi = flagOf((bits >> 19) & 3);
  o.oedema = ((bits >> 21) & 1) === 1;
  return o;
}

/** Slot accessors used by deduplication without unpacking. */
export const recordSlots = { K_HI, K_LO, PERIOD, AREA, DAY, FILE, LINE } as const;
