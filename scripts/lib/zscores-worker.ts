/**
 * parallel-csv handler of the `zscores` CLI: parses a block of the input CSV, computes WHO z-scores for every row
 * and returns the block's output CSV (every input field, then the computed columns) as UTF-8 bytes.
 */
import { computeZScores, isoToDay } from '../../src/lib/who/zscore.ts';
import type { WhoTables } from '../../src/lib/who/tables.ts';
import type { Position, Sex, ZScoreInput } from '../../src/lib/types.ts';
import { CsvBlockError, parseBlock, setFastPathDefault, type BlockContext } from './parallel-csv.ts';
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
  if (data?.fastPath !== undefined) setFastPathDefault(data.fastPath);
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
function fmt15(x: number): string {
  return String(Number(x.toPrecision(15)));
}

/** Computes the output of one block (see ZBlockResult). */
export function processBlock(block: Buffer, firstLine: number, header: string[], ctx: BlockContext): ZBlockResult {
  const { rows, lines, fast } = parseBlock(block, firstLine, ctx);
  const col = indexColumns(header);
  const width = header.length;
  // fields of a quote-free comma-delimited block can need no quoting
  const plain = fast && ctx.delimiter === ',' && (ctx.recordDelimiter === '\r\n' ? onlyCrlf(block) : block.indexOf(0x0d) === -1);
  const bad: BadCells = {};
  const noteBad = (name: string, line: number, raw: string) => {
    const b = (bad[name] ??= { n: 0, line, raw });
    b.n++;
  };
  const out: string[] = new Array(rows.length);
  const input: ZScoreInput = { sex: null, ageDays: null, weightKg: null, lengthHeightCm: null, position: null, oedema: false };
  for (let r = 0; r < rows.length; r++) {
    let row = rows[r];
    const line = lines[r];
    if (row.length !== width) {
      if (row.length < width) row = row.concat(new Array<string>(width - row.length).fill(''));
      else if (row.slice(width).every((c) => c === '')) row = row.slice(0, width);
      else {
        throw new CsvBlockError(ctx.file, line, width + 1, 'TOO_MANY_FIELDS', `expected ${width} fields as in the header, found ${row.length}`);
      }
    }

    const sexRaw = row[col.sex].trim();
    let sex: Sex | null = null;
    if (sexRaw === '1' || sexRaw === 'm' || sexRaw === 'M') sex = 1;
    else if (sexRaw === '2' || sexRaw === 'f' || sexRaw === 'F') sex = 2;
    else if (sexRaw !== '') noteBad('sex', line, sexRaw);

    const dobRaw = row[col.dob].trim();
    const mdRaw = row[col.measure_date].trim();
    const dob = dobRaw === '' ? NaN : isoToDay(dobRaw);
    const md = mdRaw === '' ? NaN : isoToDay(mdRaw);
    if (dobRaw !== '' && dob !== dob) noteBad('dob', line, dobRaw);
    if (mdRaw !== '' && md !== md) noteBad('measure_date', line, mdRaw);
    const age = dob === dob && md === md ? md - dob : null;

    let weight = num(row[col.weight_kg]);
    if (weight !== null && weight !== weight) {
      noteBad('weight_kg', line, row[col.weight_kg]);
      weight = null;
    }
    let lenhei = num(row[col.lenhei_cm]);
    if (lenhei !== null && lenhei !== lenhei) {
      noteBad('lenhei_cm', line, row[col.lenhei_cm]);
      lenhei = null;
    }

    const mRaw = row[col.measure].trim();
    let position: Position | null = null;
    if (mRaw === 'L' || mRaw === 'l') position = 'L';
    else if (mRaw === 'H' || mRaw === 'h') position = 'H';
    else if (mRaw !== '') noteBad('measure', line, mRaw);

    let oedema = false;
    if (col.oedema >= 0) {
      const o = row[col.oedema].trim();
      if (o === 'y' || o === 'Y' || o === '1') oedema = true;
      else if (o !== '' && o !== 'n' && o !== 'N' && o !== '2') noteBad('oedema', line, o);
    }

    input.sex = sex;
    input.ageDays = age;
    input.weightKg = weight;
    input.lengthHeightCm = lenhei;
    input.position = position;
    input.oedema = oedema;
    const z = computeZScores(input, tables);

    let s = '';
    if (plain) s = row.join(',');
    else for (let i = 0; i < width; i++) s += (i === 0 ? '' : ',') + csvField(row[i]);
    s +=
      ',' +
      (z.ageDays === null ? '' : z.ageDays) +
      ',' +
      (z.clenhei === null ? '' : fmt15(z.clenhei)) +
      ',' +
      (z.zlen ?? '') +
      ',' +
      (z.flen ?? '') +
      ',' +
      (z.zwei ?? '') +
      ',' +
      (z.fwei ?? '') +
      ',' +
      (z.zwfl ?? '') +
      ',' +
      (z.fwfl ?? '') +
      ',' +
      (z.zbmi ?? '') +
      ',' +
      (z.fbmi ?? '') +
      '\n';
    out[r] = s;
  }
  const text = out.join('');
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return { bytes, rows: rows.length, bad };
}
