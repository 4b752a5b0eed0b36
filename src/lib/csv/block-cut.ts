/**
 * Cutting a CSV byte stream into blocks of whole records, by quote parity: a record delimiter ends a record exactly
 * when an even number of `"` precede it (a doubled quote `""` toggles twice, so it keeps the parity). Pure byte
 * scans over a Uint8Array (a Node Buffer passed in uses Buffer's own fast `indexOf`).
 */

/** `\n` */
export const NL = 0x0a;
/** `\r` */
export const CR = 0x0d;
/** `"` */
export const QUOTE = 0x22;

/** Counts occurrences of one byte in buf[from, to). */
export function countByte(buf: Uint8Array, byte: number, from: number, to: number): number {
  let c = 0;
  let i = buf.indexOf(byte, from);
  while (i !== -1 && i < to) {
    c++;
    i = buf.indexOf(byte, i + 1);
  }
  return c;
}

/**
 * Where to cut a block that starts outside quotes: the index just after its last `\n` outside quotes, or -1 when
 * there is none. Parity at a newline = (quotes before it) mod 2, computed backwards from the block's total.
 */
export function cutPoint(buf: Uint8Array, len: number = buf.length): number {
  let p = len > 0 ? buf.lastIndexOf(NL, len - 1) : -1;
  if (p === -1) return -1;
  const first = buf.indexOf(QUOTE);
  if (first === -1 || first >= len) return p + 1;
  let parity = countByte(buf, QUOTE, first, len) & 1;
  let end = len;
  while (p !== -1) {
    parity ^= countByte(buf, QUOTE, p + 1, end) & 1;
    if (parity === 0) return p + 1;
    end = p;
    p = p > 0 ? buf.lastIndexOf(NL, p - 1) : -1;
  }
  return -1;
}

/** Index just after the first `\n` outside quotes in buf[0, len), or -1. */
export function firstRecordEnd(buf: Uint8Array, len: number): number {
  let inQuote = false;
  for (let i = 0; i < len; i++) {
    const c = buf[i];
    if (c === QUOTE) inQuote = !inQuote;
    else if (c === NL && !inQuote) return i + 1;
  }
  return -1;
}

/** Physical start line of every record of a block (whose first record starts on `firstLine`), by quote parity;
 * empty lines are skipped (as csv-parse's `skip_empty_lines` does). */
export function recordStartLines(buf: Uint8Array, firstLine: number, crlf: boolean): number[] {
  const lines: number[] = [];
  const n = buf.length;
  let line = firstLine;
  let inQuote = false;
  let atStart = true;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (atStart) {
      if (!crlf && c === NL) {
        line++;
        continue;
      }
      if (crlf && c === CR && buf[i + 1] === NL) {
        i++;
        line++;
        continue;
      }
      lines.push(line);
      atStart = false;
    }
    if (c === QUOTE) inQuote = !inQuote;
    else if (c === NL) {
      line++;
      if (!inQuote && (!crlf || (i > 0 && buf[i - 1] === CR))) atStart = true;
    }
  }
  return lines;
}

/** The delimiter among `,` `;` tab `|` occurring most often outside quotes in a header line (comma if none; ties go
 * to the earlier in that order). The CSV pool's default when a run names no delimiter. */
export function mostFrequentDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let inQuote = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestN = 0;
  for (const [d, n] of counts) if (n > bestN) [best, bestN] = [d, n];
  return best;
}
