/**
 * Splitting one block of whole CSV records (see block-cut.ts) into rows with the physical line where each row
 * starts. A quote-free block takes a split-based fast path that gives exactly csv-parse's rows; any other block goes
 * through csv-parse (sync). Errors are located in the file: `CsvBlockError` with file, line and column.
 */
import { parse as csvParseSync } from 'csv-parse/sync';
import { CR, NL, QUOTE, countByte, recordStartLines } from './block-cut.ts';

/** A CSV or handler error located in the file: `file:line:column`. */
export class CsvBlockError extends Error {
  /** File path. */
  file: string;
  /** 1-based physical line, when known. */
  line: number | undefined;
  /** 1-based field index, when known. */
  column: number | undefined;
  /** csv-parse error code (`CSV_QUOTE_NOT_CLOSED` ...), `HANDLER_ERROR` or a reader code (`RECORD_TOO_LONG` ...). */
  code: string;
  /** Builds the error; the message is prefixed with `file:line:column:`. */
  constructor(file: string, line: number | undefined, column: number | undefined, code: string, message: string) {
    const where = [file, line, line !== undefined ? column : undefined].filter((x) => x !== undefined).join(':');
    super(`${where}: ${message}`);
    this.name = 'CsvBlockError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.code = code;
  }
}

/** Parsed rows of one block: `lines[i]` is the physical line where `rows[i]` starts. */
export interface ParsedBlock {
  rows: string[][];
  lines: number[];
  /** True when the quote-free fast path was used. */
  fast: boolean;
}

/** Decodes UTF-8 bytes buf[start, end) to text. */
export type Utf8Decode = (buf: Uint8Array, start: number, end: number) => string;

/** Options of `parseBlock` (a worker's `BlockContext` fits). */
export interface ParseBlockOptions {
  file: string;
  delimiter: string;
  recordDelimiter: '\n' | '\r\n';
  /** Use the split-based fast path for blocks without any quote character (default: `setFastPathDefault`, true). */
  fastPath?: boolean;
  /** UTF-8 decoder of the fast path; default a TextDecoder (the worker pool passes Buffer's faster one). */
  decode?: Utf8Decode;
}

let fastPathDefault = true;

/** Turns the quote-free fast path on or off for this thread. */
export function setFastPathDefault(on: boolean): void {
  fastPathDefault = on;
}

const textDecoder = new TextDecoder();
const decodeWithTextDecoder: Utf8Decode = (buf, start, end) => textDecoder.decode(buf.subarray(start, end));

/**
 * Parses one block into array rows with the physical start line of each row. Semantics are csv-parse's with
 * `relax_column_count` (rows may differ in length; the handler checks them against the header) and
 * `skip_empty_lines`. Throws `CsvBlockError` with the file, line and column of a csv-parse error.
 */
export function parseBlock(block: Uint8Array, firstLine: number, opts: ParseBlockOptions): ParsedBlock {
  const rows: string[][] = [];
  const lines: number[] = [];
  const fast = eachRow(block, firstLine, opts, (fields, line) => {
    rows.push(fields);
    lines.push(line);
  });
  return { rows, lines, fast };
}

/**
 * Calls `fn(fields, line)` for every row of the block, in order, with the same rows and lines as `parseBlock`. A
 * quote-free block is decoded and split line by line, so that a row is garbage as soon as `fn` returns (no block-wide
 * string or row array lives on; this keeps a worker's heap small); other blocks go through csv-parse. Returns true
 * when the line-by-line path was taken. Throws like `parseBlock`.
 */
export function eachRow(block: Uint8Array, firstLine: number, opts: ParseBlockOptions, fn: (fields: string[], line: number) => void): boolean {
  const crlf = opts.recordDelimiter === '\r\n';
  if ((opts.fastPath ?? fastPathDefault) && block.indexOf(QUOTE) === -1 && (!crlf || everyLfAfterCr(block))) {
    // split on `\n` (and the `\r` before it in CRLF mode) and the delimiter, on bytes: `\n` and `\r` never occur
    // inside a UTF-8 sequence, so decoding each line alone gives the same text as slicing the decoded block
    const decode = opts.decode ?? decodeWithTextDecoder;
    const delimiter = opts.delimiter;
    const n = block.length;
    let line = firstLine;
    let start = 0;
    while (start < n) {
      let end = block.indexOf(NL, start);
      const terminated = end !== -1;
      if (!terminated) end = n;
      const stop = crlf && terminated ? end - 1 : end;
      if (stop > start) fn(decode(block, start, stop).split(delimiter), line);
      line++;
      start = end + 1;
    }
    return true;
  }
  const parsed = csvParseBlock(block, firstLine, opts);
  for (let i = 0; i < parsed.rows.length; i++) fn(parsed.rows[i], parsed.lines[i]);
  return false;
}

/** True when every `\n` of the block follows a `\r` (in CRLF mode, a lone LF is field content for csv-parse). */
function everyLfAfterCr(buf: Uint8Array): boolean {
  for (let i = buf.indexOf(NL); i !== -1; i = buf.indexOf(NL, i + 1)) if (i === 0 || buf[i - 1] !== CR) return false;
  return true;
}

/**
 * csv-parse (sync) on the block, array rows. Start lines are found by a separate quote-parity scan: when csv-parse
 * accepts a block (default quote and escape `"`, strict quotes), a quote occurs only to open or close a quoted field
 * or doubled inside one, so a record delimiter is a record boundary exactly when an even number of quotes precedes it
 * in the block. The scan's record count is checked against csv-parse's; on a mismatch the lines come from csv-parse's
 * `info` instead (slower: it builds an info object per record). csv-parse's own `info.lines` is not used for the line
 * itself: it counts a bare CR, and the CR and LF of a quoted CRLF, as separate lines.
 */
function csvParseBlock(buf: Uint8Array, firstLine: number, opts: ParseBlockOptions): ParsedBlock {
  const parseOpts = {
    delimiter: opts.delimiter,
    record_delimiter: opts.recordDelimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  };
  let rows: string[][];
  try {
    rows = csvParseSync(buf, parseOpts) as string[][];
  } catch (e) {
    throw locateCsvError(e, opts.file, firstLine, buf);
  }
  const crlf = opts.recordDelimiter === '\r\n';
  let lines = recordStartLines(buf, firstLine, crlf);
  if (lines.length !== rows.length) lines = linesFromInfo(buf, firstLine, crlf, parseOpts);
  return { rows, lines, fast: false };
}

/** Start lines from csv-parse's `info.bytes` (where the previous record ended), stepping over skipped empty lines. */
export function linesFromInfo(buf: Uint8Array, firstLine: number, crlf: boolean, parseOpts: object): number[] {
  const recs = csvParseSync(buf, { ...parseOpts, info: true }) as unknown as { info: { bytes: number } }[];
  const lines: number[] = new Array(recs.length);
  let pos = 0;
  let counted = 0;
  let line = firstLine;
  for (let i = 0; i < recs.length; i++) {
    for (;;) {
      if (buf[pos] === NL && !crlf) pos++;
      else if (crlf && buf[pos] === CR && buf[pos + 1] === NL) pos += 2;
      else break;
    }
    line += countByte(buf, NL, counted, pos);
    counted = pos;
    lines[i] = line;
    pos = recs[i].info.bytes;
  }
  return lines;
}

/**
 * Maps a csv-parse error to a `CsvBlockError` located in the file: the line where the offending field starts (from
 * the error's byte offset when the block is given; csv-parse's own line count also counts bare CRs), else its
 * `lines`; the column is the 1-based field index. Line numbers in the message are made file-relative.
 */
export function locateCsvError(e: unknown, file: string, firstLine: number, block?: Uint8Array): Error {
  const err = e as { code?: string; lines?: number; bytes?: number; column?: number | string | null; message?: string };
  if (!err || typeof err.code !== 'string' || typeof err.lines !== 'number') return e as Error;
  let line = firstLine + err.lines - 1;
  if (block && typeof err.bytes === 'number') {
    // bytes = end of the last complete field: the offending field starts on the line holding that offset
    line = firstLine + countByte(block, NL, 0, Math.min(err.bytes, block.length));
  }
  const column = typeof err.column === 'number' ? err.column + 1 : undefined;
  const message = String(err.message).replace(/\bline \d+/g, `line ${line}`);
  return new CsvBlockError(file, line, column, err.code, message);
}
