/**
 * The preamble of a measurement export: what comes before its first data row. Finds, in the first lines of the
 * decoded text, an Excel `sep=;` line (skipped, and its delimiter honoured), title rows above the header (skipped and
 * counted), the header row itself and its delimiter, and the line endings. When no header row is recognised it says
 * what it expected and what it detected (cell kinds, line endings), never the cells themselves: a headerless export
 * starts with a child's record.
 */
import type { CanonicalColumn } from '../config.ts';
import type { StructuralError } from '../types.ts';
import { recognisedColumns } from './headers.ts';

/** Lines searched for the header row (after a `sep=` line). */
export const HEADER_SEARCH_LINES = 10;

/** Line endings of the text: LF, CRLF, CR only (old Mac / some exports), or none (one line). */
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'none';

/** Where the header row is and how to split the file. */
export interface Preamble {
  /** Field delimiter: the configured one, else the `sep=` line's, else detected on the header line. */
  delimiter: string;
  /** Header cells (trimmed, surrounding quotes removed, doubled quotes undone). */
  header: string[];
  /** 1-based physical line of the header row. */
  headerLine: number;
  /** Lines before the header (the `sep=` line and title rows) that the reader skips. */
  skipLines: number;
  /** A `sep=` line was found (line 1). */
  sepLine: boolean;
  /** Non-blank title rows above the header. */
  titleRows: number;
  lineEnding: LineEnding;
}

/** Line endings of a text sample: CR only when it has CRs and no LF at all. */
export function lineEndingOf(text: string): LineEnding {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf === -1) return cr === -1 ? 'none' : 'cr';
  return text[lf - 1] === '\r' ? 'crlf' : 'lf';
}

/** The delimiter (`;` `,` tab `|`) splitting a line into the most cells; ties go to that order. */
export function lineDelimiter(line: string): string {
  let best = ';';
  let bestN = -1;
  for (const d of [';', ',', '\t', '|']) {
    const n = splitLine(line, d).length;
    if (n > bestN) [best, bestN] = [d, n];
  }
  return best;
}

/** Splits one line into cells on a delimiter outside double quotes; a quoted cell loses its quotes. */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

const SEP_LINE = /^"?sep=(.)"?\s*$/i;

/** What the preamble needs: the configured delimiter ('auto' or one character) and column mapping. */
export interface PreambleOptions {
  delimiter: string;
  mapping: Partial<Record<CanonicalColumn, string>>;
}

/**
 * Finds the header row in the first lines of an export (`text`: decoded, without BOM). Returns the preamble, or the
 * one structural problem to report (file given for messages): no header row recognised, or the configured delimiter
 * absent from the header while another one splits it.
 */
export function findPreamble(text: string, file: string, opts: PreambleOptions): { ok: true; preamble: Preamble } | { ok: false; problem: StructuralError } {
  const lineEnding = lineEndingOf(text);
  const lines = (lineEnding === 'cr' ? text.split('\r') : text.split(/\r?\n/)).slice(0, HEADER_SEARCH_LINES + 1);
  const sep = SEP_LINE.exec(lines[0] ?? '');
  const first = sep ? 1 : 0;
  const fixed = opts.delimiter !== 'auto' ? opts.delimiter : sep ? sep[1] : null;
  let best = -1;
  let bestN = 0;
  for (let i = first; i < lines.length && i < first + HEADER_SEARCH_LINES; i++) {
    const n = recognisedColumns(splitLine(lines[i], fixed ?? lineDelimiter(lines[i])), opts.mapping);
    if (n > bestN) [best, bestN] = [i, n];
  }
  if (fixed !== null && opts.delimiter !== 'auto') {
    // A configured delimiter that does not split the header while another one does: say so, not "no header".
    const i = best >= 0 ? best : first;
    const detected = lineDelimiter(lines[i] ?? '');
    const other = recognisedColumns(splitLine(lines[i] ?? '', detected), opts.mapping);
    if (detected !== fixed && other > bestN && splitLine(lines[i] ?? '', fixed).length === 1) {
      return { ok: false, problem: delimiterProblem(file, i + 1, lines[i], fixed, detected) };
    }
  }
  if (best < 0) return { ok: false, problem: noHeaderProblem(file, lines.slice(first), first, lineEnding, fixed) };
  const delimiter = fixed ?? lineDelimiter(lines[best]);
  const titleRows = lines.slice(first, best).filter((l) => l.trim() !== '').length;
  return {
    ok: true,
    preamble: { delimiter, header: splitLine(lines[best], delimiter), headerLine: best + 1, skipLines: best, sepLine: sep !== null, titleRows, lineEnding },
  };
}

const show = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);

function delimiterProblem(file: string, line: number, header: string, fixed: string, detected: string): StructuralError {
  return {
    file,
    line,
    raw: header.slice(0, 80),
    expected: `kolom dipisah ${show(fixed)} (measurements.delimiter), atau "auto"`,
    message: `Pemisah kolom ${show(fixed)} tidak ada di baris judul; file memakai ${show(detected)} / The delimiter ${show(fixed)} is not in the header; the file uses ${show(detected)}`,
  };
}

/** Kind of a cell for a message that must not show it: [Indonesian, English]. */
function cellKind(cell: string): [string, string] {
  const t = cell.trim();
  if (t === '') return ['kosong', 'empty'];
  if (/^\d{12,}$/.test(t.replace(/[\s.-]/g, ''))) return ['angka panjang (NIK?)', 'long number (NIK?)'];
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(t)) return ['tanggal', 'date'];
  if (/^[+-]?\d+([.,]\d+)?$/.test(t)) return ['angka', 'number'];
  return ['teks', 'text'];
}

/** Counts of cell kinds in a line ("1 long number (NIK?), 2 date, ..."), in one language (0 id, 1 en). */
function describeCells(cells: string[], lang: 0 | 1): string {
  const counts = new Map<string, number>();
  for (const c of cells) {
    const k = cellKind(c)[lang];
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

const ENDINGS: Record<LineEnding, [string, string]> = {
  lf: ['LF', 'LF'],
  crlf: ['CRLF', 'CRLF'],
  cr: ['hanya CR', 'CR only'],
  none: ['tidak ada (satu baris)', 'none (one line)'],
};

function noHeaderProblem(file: string, lines: string[], first: number, ending: LineEnding, fixed: string | null): StructuralError {
  const i = lines.findIndex((l) => l.trim() !== '');
  const line = first + (i < 0 ? 0 : i) + 1;
  const cells = i < 0 ? [] : splitLine(lines[i], fixed ?? lineDelimiter(lines[i]));
  const [endId, endEn] = ENDINGS[ending];
  const id = i < 0 ? 'hanya baris kosong' : `baris ${line} berisi ${cells.length} sel: ${describeCells(cells, 0)}`;
  const en = i < 0 ? 'only blank lines' : `line ${line} holds ${cells.length} cells: ${describeCells(cells, 1)}`;
  return {
    file,
    line,
    expected: `baris judul kolom (mis. NIK;JK;Tgl Lahir;Tanggal Pengukuran;Berat;Tinggi;Kec;Desa/Kel) dalam ${HEADER_SEARCH_LINES} baris pertama / a header row within the first ${HEADER_SEARCH_LINES} lines`,
    message: `Baris judul kolom tidak dikenali; terdeteksi: ${id}; akhir baris: ${endId} / No header row recognised; detected: ${en}; line endings: ${endEn}`,
  };
}
