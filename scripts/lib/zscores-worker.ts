/**
 * parallel-csv handler of the `zscores` CLI: parses a block of the input CSV, computes WHO z-scores for every row
 * and returns the block's output CSV (every input field, then the computed columns) as UTF-8 bytes.
 */
import { computeZScores, isoToDay } from '../../src/lib/who/zscore.ts';
import type { WhoTables } from '../../src/lib/who/tables.ts';
import type { Position, Sex, ZScoreInput } from '../../src/lib/types.ts';
import { CsvBlockError, parseBlock, setFastPathDefault } from '../../src/lib/csv/block-rows.ts';
import type { BlockContext } from './parallel-csv.ts';
import { readWhoTables } from './who-files.ts';

/** Input columns the CLI reads (lower case, trimmed header names); `oedema` may be absent (then "n"). */
export const INPUT_COLUMNS = ['sex', 'dob', 'measure_date', 'weight_kg', 'lenhei_cm', 'measure', 'oedema'] as const;
/** Input columns that must be present in the header. */
export const REQUIRED_COLUMNS = ['sex', 'dob', 'measure_date', 'weight_kg', 'lenhei_cm', 'measure'] as const;
/** Columns appended to every row, in this order. */
export const OUTPUT_COLUMNS = ['age_days', 'clenhei', 'zlen', 'flen', 'zwei', 'fwei', 'zwfl', 'fwfl', 'zbmi', 'fbmi'];

/** Index of each input column in the header (-1 when absent). */
export type ColumnIndex = Record<(typeof INPUT_COLUMNS)[number], number>;

/** Maps header names (trimmed, case-insensitive) to the input columns; the first occurrence wins. */
export function indexColumns(header: string[]): ColumnIndex {
  const norm = header.map((h) => h.trim().toLowerCase());
  const idx = {} as ColumnIndex;
  for (const c of INPUT_COLUMNS) idx[c] = norm.indexOf(c);
  return idx;
}

/** A CSV field as written to the output (comma-delimited, quoted when it holds a comma, quote, CR or LF). */
export function csvField(s: string): string {
  return NEEDS_QUOTE.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const NEEDS_QUOTE = /[",\r\n]/;

/** Cells that were present but unreadable, per input column: count and the first example. */
export type BadCells = Record<string, { n: number; line: number; raw: string }>;

/** One block's output. */
export interface ZBlockResult {
  /** UTF-8 CSV text of the block's rows, each ending in \n. */
  bytes: Uint8Array;
  rows: number;
  bad: BadCells;
}

let tables: WhoTables;

/** Loads the WHO tables once per worker. */
export function init(data: { fastPath?: boolean; whoDir?: string } | undefined): void {
  tables = readWhoTables(data?.whoDir);
  if (data?.fastPath !== undefined) {
    setFastPathDefault(data.fastPath);
    bytesDriverOn = data.fastPath;
  }
}

/** Transfers the output bytes instead of copying them. */
export function transferList(r: ZBlockResult): ArrayBuffer[] {
  return [r.bytes.buffer as ArrayBuffer];
}

/** A number cell: null when empty (or blank), NaN when unreadable; a decimal comma is accepted. */
function num(s: string): number | null {
  if (s === '') return null;
  const v = Number(s.indexOf(',') === -1 ? s : s.replace(',', '.'));
  if (v === 0 && s.trim() === '') return null;
  return Number.isFinite(v) ? v : NaN;
}

/** True when every CR in the block is part of a CRLF (so no parsed field can hold a CR). */
function onlyCrlf(block: Buffer): boolean {
  let i = block.indexOf(0x0d);
  while (i !== -1) {
    if (block[i + 1] !== 0x0a) return false;
    i = block.indexOf(0x0d, i + 2);
  }
  return true;
}

/** `x` with at most 15 significant digits, as R writes a double (86.30000000000001 -> "86.3"). */
export function fmt15(x: number): string {
  // the usual case, a length in cm with one decimal (+/- 0.7 from the correction): when x is within 0.4 units of
  // the 15th significant digit of the one-decimal value t/10, toPrecision(15) would give exactly t/10 (faster)
  if (x >= 1 && x < 1000) {
    const t = Math.round(x * 10) / 10;
    const unit = x < 10 ? 1e-14 : x < 100 ? 1e-13 : 1e-12;
    if (Math.abs(x - t) < 0.4 * unit) return String(t);
  }
  return String(Number(x.toPrecision(15)));
}

/** String(z) for a z already rounded to 2 decimals (a k/100 double), built from the integer k (faster). */
export function fmt2(z: number): string {
  let k = Math.round(z * 100);
  let sign = '';
  if (k < 0) {
    sign = '-';
    k = -k;
  }
  const i = Math.floor(k / 100);
  const f = k - i * 100;
  if (f === 0) return sign + i;
  if (f % 10 === 0) return sign + i + '.' + f / 10;
  return sign + i + '.' + (f < 10 ? '0' : '') + f;
}

/** Output bytes of one block, grown by doubling. */
class Out {
  buf: Buffer;
  pos = 0;
  constructor(size: number) {
    this.buf = Buffer.allocUnsafeSlow(Math.max(1024, size));
  }
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  /** Appends a string as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos);
  }
  /** Appends bytes src[from, to). */
  bytes(src: Buffer, from: number, to: number): void {
    this.room(to - from);
    this.pos += src.copy(this.buf, this.pos, from, to);
  }
  /** The written bytes (a view; its whole ArrayBuffer is transferred). */
  view(): Uint8Array {
    return new Uint8Array(this.buf.buffer, 0, this.pos);
  }
}

/** The z-score input read from one row's cells (the same for both drivers). */
const input: ZScoreInput = { sex: null, ageDays: null, weightKg: null, lengthHeightCm: null, position: null, oedema: false };

/**
 * Reads one row's cells (raw strings, '' when absent), computes the scores and returns what is appended to the
 * row: `,age_days,clenhei,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,fbmi\n`. Unreadable cells are noted in `bad`.
 */
function scoreRow(
  sexCell: string,
  dobCell: string,
  mdCell: string,
  wCell: string,
  hCell: string,
  mCell: string,
  oCell: string,
  line: number,
  bad: BadCells,
): string {
  const sexRaw = sexCell.trim();
  let sex: Sex | null = null;
  if (sexRaw === '1' || sexRaw === 'm' || sexRaw === 'M') sex = 1;
  else if (sexRaw === '2' || sexRaw === 'f' || sexRaw === 'F') sex = 2;
  else if (sexRaw !== '') noteBad(bad, 'sex', line, sexRaw);

  const dobRaw = dobCell.length === 10 ? dobCell : dobCell.trim();
  const mdRaw = mdCell.length === 10 ? mdCell : mdCell.trim();
  const dob = dobRaw === '' ? NaN : isoToDay(dobRaw);
  const md = mdRaw === '' ? NaN : isoToDay(mdRaw);
  if (dobRaw !== '' && dob !== dob) noteBad(bad, 'dob', line, dobRaw);
  if (mdRaw !== '' && md !== md) noteBad(bad, 'measure_date', line, mdRaw);
  const age = dob === dob && md === md ? md - dob : null;

  let weight = num(wCell);
  if (weight !== null && weight !== weight) {
    noteBad(bad, 'weight_kg', line, wCell);
    weight = null;
  }
  let lenhei = num(hCell);
  if (lenhei !== null && lenhei !== lenhei) {
    noteBad(bad, 'lenhei_cm', line, hCell);
    lenhei = null;
  }

  const mRaw = mCell.length === 1 ? mCell : mCell.trim();
  let position: Position | null = null;
  if (mRaw === 'L' || mRaw === 'l') position = 'L';
  else if (mRaw === 'H' || mRaw === 'h') position = 'H';
  else if (mRaw !== '') noteBad(bad, 'measure', line, mRaw);

  let oedema = false;
  const o = oCell.length === 1 ? oCell : oCell.trim();
  if (o === 'y' || o === 'Y' || o === '1') oedema = true;
  else if (o !== '' && o !== 'n' && o !== 'N' && o !== '2') noteBad(bad, 'oedema', line, o);

  input.sex = sex;
  input.ageDays = age;
  input.weightKg = weight;
  input.lengthHeightCm = lenhei;
  input.position = position;
  input.oedema = oedema;
  const z = computeZScores(input, tables);
  return (
    ',' +
    (z.ageDays === null ? '' : z.ageDays) +
    ',' +
    (z.clenhei === null ? '' : fmt15(z.clenhei)) +
    ',' +
    (z.zlen === null ? '' : fmt2(z.zlen)) +
    ',' +
    (z.flen ?? '') +
    ',' +
    (z.zwei === null ? '' : fmt2(z.zwei)) +
    ',' +
    (z.fwei ?? '') +
    ',' +
    (z.zwfl === null ? '' : fmt2(z.zwfl)) +
    ',' +
    (z.fwfl ?? '') +
    ',' +
    (z.zbmi === null ? '' : fmt2(z.zbmi)) +
    ',' +
    (z.fbmi ?? '') +
    '\n'
  );
}

function noteBad(bad: BadCells, name: string, line: number, raw: string): void {
  const b = (bad[name] ??= { n: 0, line, raw });
  b.n++;
}

function tooManyFields(file: string, line: number, width: number, found: number): CsvBlockError {
  return new CsvBlockError(file, line, width + 1, 'TOO_MANY_FIELDS', `expected ${width} fields as in the header, found ${found}`);
}

/**
 * Generic driver: rows from parseBlock (csv-parse, or its proven-equal fast path), every field re-serialised.
 * Short rows are padded with empty cells; long rows whose extra cells are all empty are cut; other long rows throw.
 */
function rowsDriver(block: Buffer, firstLine: number, header: string[], ctx: BlockContext, out: Out, bad: BadCells): number {
  const { rows, lines } = parseBlock(block, firstLine, ctx);
  const col = indexColumns(header);
  const width = header.length;
  for (let r = 0; r < rows.length; r++) {
    let row = rows[r];
    const line = lines[r];
    if (row.length !== width) {
      if (row.length < width) row = row.concat(new Array<string>(width - row.length).fill(''));
      else if (row.slice(width).every((c) => c === '')) row = row.slice(0, width);
      else throw tooManyFields(ctx.file, line, width, row.length);
    }
    let s = '';
    for (let i = 0; i < width; i++) s += (i === 0 ? '' : ',') + csvField(row[i]);
    out.text(s);
    const cell = (i: number) => (i < 0 ? '' : row[i]);
    out.text(scoreRow(cell(col.sex), cell(col.dob), cell(col.measure_date), cell(col.weight_kg), cell(col.lenhei_cm), cell(col.measure), cell(col.oedema), line, bad));
  }
  return rows.length;
}

/**
 * Byte driver for quote-free, comma-delimited blocks whose only CRs end CRLF lines: splits lines and fields on the
 * bytes (the same split as parseBlock's fast path, itself proven equal to csv-parse), decodes only the cells it reads,
 * and copies each line's bytes to the output as they are (no field can need quoting). Returns -1 when the block is
 * not such a block after all (a lone LF in a CRLF file), so that the caller uses the generic driver.
 */
function bytesDriver(block: Buffer, firstLine: number, header: string[], ctx: BlockContext, out: Out, bad: BadCells): number {
  const col = indexColumns(header);
  const width = header.length;
  const crlf = ctx.recordDelimiter === '\r\n';
  const starts = new Int32Array(width + 1);
  const n = block.length;
  let pos = 0;
  let line = firstLine;
  let rows = 0;
  let fields = 0;
  let stop = 0;
  let hi = false;
  const cell = (i: number): string => {
    if (i < 0 || i >= fields) return '';
    const b = starts[i];
    const e = i + 1 < fields ? starts[i + 1] - 1 : stop;
    if (e === b) return '';
    if (e === b + 1 && block[b] < 0x80) return ASCII[block[b]]; // sex, measure, oedema: no decoding call
    return hi ? block.toString('utf8', b, e) : block.toString('latin1', b, e);
  };
  while (pos < n) {
    let end = block.indexOf(0x0a, pos);
    const terminated = end !== -1;
    if (!terminated) end = n;
    stop = end;
    if (crlf && terminated) {
      if (end === pos || block[end - 1] !== 0x0d) return -1;
      stop = end - 1;
    }
    if (stop > pos) {
      starts[0] = pos;
      let k = 0;
      hi = false;
      for (let i = pos; i < stop; i++) {
        const c = block[i];
        if (c === 0x2c) {
          k++;
          if (k <= width) starts[k] = i + 1;
        } else if (c >= 0x80) hi = true;
      }
      fields = k + 1;
      let copyEnd = stop;
      if (fields > width) {
        // extra cells must all be empty: the line ends in `fields - width` commas after field width-1
        copyEnd = starts[width] - 1;
        for (let i = copyEnd; i < stop; i++) if (block[i] !== 0x2c) throw tooManyFields(ctx.file, line, width, fields);
        fields = width;
        stop = copyEnd;
      }
      out.bytes(block, pos, copyEnd);
      if (fields < width) out.text(','.repeat(width - fields));
      out.text(scoreRow(cell(col.sex), cell(col.dob), cell(col.measure_date), cell(col.weight_kg), cell(col.lenhei_cm), cell(col.measure), cell(col.oedema), line, bad));
      rows++;
    }
    line++;
    pos = end + 1;
  }
  return rows;
}

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

let bytesDriverOn = true;

/** Turns the byte driver off (tests compare both drivers; the CLI's --no-fast-path also turns it off). */
export function setBytesDriver(on: boolean): void {
  bytesDriverOn = on;
}

/** Computes the output of one block (see ZBlockResult). */
export function processBlock(block: Buffer, firstLine: number, header: string[], ctx: BlockContext): ZBlockResult {
  let out = new Out(block.length + (block.length >> 1));
  let bad: BadCells = {};
  let rows = -1;
  const plain =
    bytesDriverOn &&
    ctx.delimiter === ',' &&
    block.indexOf(0x22) === -1 &&
    (ctx.recordDelimiter === '\r\n' ? onlyCrlf(block) : block.indexOf(0x0d) === -1);
  if (plain) rows = bytesDriver(block, firstLine, header, ctx, out, bad);
  if (rows === -1) {
    out = new Out(block.length + (block.length >> 1));
    bad = {};
    rows = rowsDriver(block, firstLine, header, ctx, out, bad);
  }
  return { bytes: out.view(), rows, bad };
}
