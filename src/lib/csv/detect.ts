/**
 * Sniffing of an export's encoding and delimiter from its first bytes / line (decimal marks are read per cell by
 * parseDecimal in values.ts). Every rule is deterministic and documented here, so an official can predict it and
 * override it in the config.
 */

/** Encodings the reader distinguishes. 'latin1' is decoded as windows-1252 (what WHATWG calls latin1), the
 * usual encoding of CSV files saved by Excel on Indonesian Windows. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin1';

/** Rule: a BOM decides (EF BB BF, FF FE, FE FF); without one, NUL bytes mostly at odd (even) offsets mean UTF-16LE
 * (BE); else valid UTF-8 (an incomplete sequence cut at the end of the sample is allowed) is 'utf-8', and anything
 * with invalid UTF-8 is 'latin1', since every byte sequence is valid windows-1252 and that is Excel's ANSI default. */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  // ASCII text in UTF-16 has a NUL in every other byte: demand that for at least 40 % of the pairs, on one side only.
  if (n >= 16) {
    if (oddNul >= 0.4 * (n / 2) && evenNul <= 0.05 * (n / 2)) return 'utf-16le';
    if (evenNul >= 0.4 * (n / 2) && oddNul <= 0.05 * (n / 2)) return 'utf-16be';
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'latin1';
  }
}

/** The WHATWG TextDecoder label for a detected encoding. */
export function decoderLabel(e: DetectedEncoding): string {
  return e === 'utf-8-bom' ? 'utf-8' : e === 'latin1' ? 'windows-1252' : e;
}

/** Why the bytes are not a text CSV (a spreadsheet, an archive, binary data), or null when they may be one. Call on
 * the bytes after any gunzip, once the encoding is known (UTF-16 legitimately holds NUL bytes). */
export function detectBinary(bytes: Uint8Array, encoding: DetectedEncoding): string | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'File ini arsip ZIP atau Excel (.xlsx); simpan sebagai CSV / This is a ZIP or Excel (.xlsx) file; save it as CSV';
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return 'File ini Excel lama (.xls); simpan sebagai CSV / This is an old Excel (.xls) file; save it as CSV';
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return 'File ini terkompresi gzip tetapi namanya bukan .gz / This file is gzip-compressed but not named .gz';
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) return 'File berisi data biner (byte NUL) / The file holds binary data (NUL bytes)';
  }
  return null;
}

/** Delimiters the reader accepts. */
export type Delimiter = ',' | ';' | '\t';

/** Rule: count `,`, `;` and tab outside double quotes in the header line; the most frequent wins, ties go to `;`
 * then tab then `,` (a header seldom holds any of them as text, and `;` is what Excel writes in an Indonesian
 * locale). Null when the line has none of them (a single column: nothing to split on). */
export function detectDelimiter(firstLine: string): Delimiter | null {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < firstLine.length; i++) {
    const ch = firstLine.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === 44) comma++;
    else if (ch === 59) semi++;
    else if (ch === 9) tab++;
    else if (ch === 10) break;
  }
  const best = Math.max(comma, semi, tab);
  if (best === 0) return null;
  if (semi === best) return ';';
  if (tab === best) return '\t';
  return ',';
}
