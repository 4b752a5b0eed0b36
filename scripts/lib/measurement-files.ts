/**
 * Measurement files: which entries of the measurements folder are read (measurement-folder.ts), what their first
 * bytes say (encoding, line endings, `sep=` line, title rows, header: src/lib/csv/preamble.ts), and streaming every
 * file (or workbook sheet, converted by xlsx-to-csv.ts) through the worker pool into the spill files, counting row
 * problems. Entries that are not read are named in the log and, by position only, in validation.json.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import type { SiteConfig } from '../../src/lib/config.ts';
import { resolveColumns } from '../../src/lib/csv/headers.ts';
import { detectBinary, detectEncoding, decoderLabel } from '../../src/lib/csv/detect.ts';
import { findPreamble, type Preamble } from '../../src/lib/csv/preamble.ts';
import { MEASUREMENT_EXT, publishedSkip, skippedMessage, type SkippedFile } from '../../src/lib/csv/file-kinds.ts';
import { addUnmatched, type UnmatchedArea } from '../../src/lib/csv/names.ts';
import type { RowProblem, StructuralError } from '../../src/lib/types.ts';
import { CsvPool, CsvBlockError } from './parallel-csv.ts';
import { guardedGunzip, isGzip } from './byte-source.ts';
import type { BuildBlockResult, BuildFileData, BuildWorkerData } from './build-worker.ts';
import type { Spill } from './spill.ts';
import type { FileCache } from './file-cache.ts';
import { BuildError } from './build-error.ts';
import { scanMeasurementFolder } from './measurement-folder.ts';
import { xlsxToCsv } from './xlsx-to-csv.ts';

export { MEASUREMENT_EXT };

/** Row counts and problems of all measurement files. */
export interface MeasurementTally {
  validation: {
    read: number;
    rejected: Record<string, number>;
    examples: RowProblem[];
    outsideRounds: number;
    /** Entries not read, in their published form (position, extension, reason; never the name). */
    filesSkipped: ReturnType<typeof publishedSkip>[];
  };
  unmatched: Map<string, UnmatchedArea & { fileIndex: number }>;
  areaRejects: Map<string, number>;
}

/** What reading the measurement files needs. */
export interface MeasurementInput {
  files: string[];
  dataDir: string;
  config: SiteConfig;
  pool: CsvPool<BuildWorkerData>;
  spill: Spill;
  allowed: number[];
  work: string;
  /** Build log (skipped files, skipped title rows); default none. */
  log?: (line: string) => void;
  /** Readings of earlier builds (file-cache.ts); none: every file is read. */
  cache?: FileCache;
}

/** One CSV to stream: a file, or one sheet of a workbook converted to CSV. */
interface Source {
  path: string;
  display: string;
  /** Worksheet number, for a workbook sheet; a sheet after the first without a header is skipped, not an error. */
  sheet?: number;
  entry: number;
  /** The folder entry's display name (the workbook's, for a sheet). */
  entryName: string;
}

/** Streams every measurement file through the pool: accepted rows go to the spill files, problems are tallied. */
export async function readMeasurementFiles(input: MeasurementInput): Promise<MeasurementTally> {
  const { dataDir, config, work } = input;
  const log = input.log ?? (() => {});
  const tally: MeasurementTally = {
    validation: { read: 0, rejected: {}, examples: [], outsideRounds: 0, filesSkipped: [] },
    unmatched: new Map(),
    areaRejects: new Map(),
  };
  const measureDir = input.files.length ? dirname(input.files[0]) : resolve(dataDir, config.measurements.dir);
  const scan = scanMeasurementFolder(measureDir, dataDir);
  const skipped: SkippedFile[] = [...scan.skipped];
  for (const sk of scan.skipped) log(skippedMessage(sk));
  const sources: Source[] = [];
  for (const f of scan.files.filter((e) => input.files.includes(e.path))) {
    if (f.kind === 'csv') {
      sources.push({ path: f.path, display: f.display, entry: f.entry, entryName: f.display });
      continue;
    }
    const sheets = await readWorkbook(f.path, f.display, work, f.entry, config);
    for (const s of sheets) sources.push({ path: s.path, display: sheets.length > 1 ? `${f.display} (lembar/sheet ${s.sheet})` : f.display, sheet: s.sheet, entry: f.entry, entryName: f.display });
  }
  for (let fi = 0; fi < sources.length; fi++) {
    const src = sources[fi];
    const prepared = await prepareSource(src, fi, input, log);
    if (!prepared) {
      const sk: SkippedFile = { entry: src.entry, name: src.entryName, reason: 'sheet_without_header', sheet: src.sheet };
      skipped.push(sk);
      log(skippedMessage(sk));
      continue;
    }
    await streamSource(src, fi, prepared, input, tally);
  }
  skipped.sort((a, b) => a.entry - b.entry || (a.sheet ?? 0) - (b.sheet ?? 0));
  tally.validation.filesSkipped = skipped.map(publishedSkip);
  return tally;
}

/** The sheets of a workbook as CSV files in the work folder; an empty workbook is an error like an empty file. */
async function readWorkbook(path: string, display: string, work: string, entry: number, config: SiteConfig) {
  let sheets;
  try {
    sheets = await xlsxToCsv(path, work, `xlsx-${entry}`, { decimal: config.measurements.decimal, dateOrder: config.measurements.dateOrder });
  } catch (e) {
    throw new BuildError([{ file: display, expected: 'buku kerja Excel (.xlsx) yang dapat dibaca / a readable Excel workbook (.xlsx)', message: `Tidak dapat dibaca / Cannot be read: ${(e as Error).message}` }]);
  }
  if (sheets.length === 0) throw new BuildError([{ file: display, line: 1, expected: 'baris judul kolom / a header row', message: 'File kosong (tidak ada baris di lembar kerja mana pun) / Empty file (no row on any worksheet)' }]);
  return sheets;
}

/** A source ready to stream: the file the workers read (transcoded when needed), its preamble and columns. */
interface Prepared {
  file: string;
  preamble: Preamble;
  fileData: BuildFileData;
}

/** Sniffs a source, finds its header and columns, transcodes it when needed; null for a later workbook sheet
 * without a header (skipped). Structural problems throw a BuildError. */
async function prepareSource(src: Source, fi: number, input: MeasurementInput, log: (l: string) => void): Promise<Prepared | null> {
  const { config } = input;
  const sniff = sniffFile(src.path, src.display);
  const found = findPreamble(sniff.text, src.display, { delimiter: config.measurements.delimiter ?? 'auto', mapping: config.measurements.columns });
  if (!found.ok) {
    if (src.sheet !== undefined && src.sheet > 1) return null;
    throw new BuildError([found.problem]);
  }
  const preamble = found.preamble;
  const resolved = resolveColumns(preamble.header, config.measurements.columns, src.display, preamble.headerLine);
  if (!resolved.ok) throw new BuildError(resolved.errors);
  if (preamble.sepLine || preamble.titleRows > 0) {
    const what = [preamble.sepLine ? 'baris "sep=" / a "sep=" line' : '', preamble.titleRows > 0 ? `${preamble.titleRows} baris judul di atas baris kolom / ${preamble.titleRows} title row(s) above the header` : ''].filter(Boolean);
    log(`${src.display}: ${what.join('; ')} dilewati / skipped; baris judul kolom / header row: ${preamble.headerLine}`);
  }
  if (preamble.lineEnding === 'cr') log(`${src.display}: akhir baris hanya CR, dibaca sebagai baris / CR-only line endings read as lines`);
  const fileData: BuildFileData = {
    file: src.path,
    displayName: src.display,
    fileIndex: fi,
    columns: resolved.columns,
    options: { decimal: config.measurements.decimal, dateOrder: config.measurements.dateOrder },
    periods: input.allowed,
  };
  const plain = (sniff.encoding === 'utf-8' || sniff.encoding === 'utf-8-bom') && preamble.lineEnding !== 'cr';
  const file = plain ? src.path : await transcode(src.path, sniff.encoding, input.work, fi, preamble.lineEnding === 'cr');
  return { file, preamble, fileData };
}

/** Streams one prepared source through the pool into the spill files and the tally; replayed from the file cache
 * when the same file was read by an earlier build with the same settings (file-cache.ts). */
async function streamSource(src: Source, fi: number, p: Prepared, input: MeasurementInput, tally: MeasurementTally): Promise<void> {
  const cache = input.cache;
  const key = cache?.key(p.file, fi);
  if (cache && key && cache.replay(key, (r) => addBlock(r, fi, input.spill, tally))) return;
  const writer = cache && key ? cache.writer(key) : null;
  try {
    const run = input.pool.run<BuildBlockResult, BuildFileData>({ file: p.file, fileData: p.fileData, delimiter: p.preamble.delimiter, skipLines: p.preamble.skipLines });
    for await (const block of run) {
      const r = block.result;
      writer?.add(r);
      addBlock(r, fi, input.spill, tally);
      // Free the records now: left to the garbage collector, these transferred buffers pile up as external
      // memory until the next full collection (tens of MB).
      (r.records.buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer }).transfer(0); // ES2024
    }
    writer?.commit();
  } catch (e) {
    writer?.abandon();
    throw readError(e, src.display);
  }
}

/** Adds one block's rows to the tally and its records to the spill files. */
function addBlock(r: BuildBlockResult, fi: number, spill: Spill, tally: MeasurementTally): void {
  const { validation, unmatched, areaRejects } = tally;
  validation.read += r.rowsRead;
  validation.outsideRounds += r.outsideRounds;
  for (const [k, v] of Object.entries(r.rejected)) validation.rejected[k] = (validation.rejected[k] ?? 0) + v;
  for (const e of r.examples) if (validation.examples.filter((x) => x.reason === e.reason).length < 5) validation.examples.push(e);
  for (const key of r.areaRejects) areaRejects.set(key, (areaRejects.get(key) ?? 0) + 1);
  for (const u of r.unmatched) addUnmatched(unmatched, u, fi);
  spill.add(r.records, r.count);
}

/** A read error as a BuildError for an official (a CSV syntax error, an overlong line, a damaged or bomb gzip). */
function readError(e: unknown, display: string): unknown {
  if (e instanceof CsvBlockError) {
    return new BuildError([{ file: display, line: e.line, column: e.column, expected: 'CSV yang valid / valid CSV', message: csvErrorMessage(e) }]);
  }
  const code = (e as NodeJS.ErrnoException).code;
  // a gzip file damaged after its first bytes (sniffFile decompresses only those), or one decompressing like a bomb
  if (typeof code === 'string' && (code.startsWith('Z_') || code === 'GZIP_RATIO')) {
    return new BuildError([{ file: display, expected: 'file CSV yang dapat dibaca / a readable CSV file', message: `Tidak dapat dibaca / Cannot be read: ${(e as Error).message}` }]);
  }
  return e;
}

/** A CSV syntax error for an official: bilingual, and without csv-parse's copy of the cell (it may be a name). */
function csvErrorMessage(e: CsvBlockError): string {
  const text = e.message.replace(/^[^:]*:(\d+:)?(\d+:)?\s*/, '').replace(/,? value is ".*$/s, '');
  const hint: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'Tanda kutip dibuka tetapi tidak ditutup / A quote is opened and never closed',
    INVALID_OPENING_QUOTE: 'Tanda kutip di tengah sel tanpa kutip; kutip seluruh sel dan gandakan kutipnya ("") / A quote inside an unquoted cell; quote the whole cell and double its quotes',
    CSV_INVALID_CLOSING_QUOTE: 'Ada teks setelah tanda kutip penutup / Text after a closing quote',
  };
  return hint[e.code] ? `${hint[e.code]} (${text})` : text;
}

/** The measurement files to read in a folder (CSV, TSV, text, gzip, .xlsx), sorted; see scanMeasurementFolder for
 * what is not read and why (`dataDir` bounds where a link may point; default the folder's parent). */
export function listMeasurementFiles(dir: string, dataDir: string = dirname(dir)): string[] {
  return scanMeasurementFolder(dir, dataDir).files.map((f) => f.path);
}

/** Reads the first bytes of a file: encoding, binary check, and the decoded head (BOM removed). */
function sniffFile(file: string, display: string): { encoding: ReturnType<typeof detectEncoding>; text: string } {
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    head = buf.subarray(0, n);
    if (head[0] === 0x1f && head[1] === 0x8b) head = gunzipHead(file, 65536);
  } catch (e) {
    throw new BuildError([{ file: display, expected: 'file CSV yang dapat dibaca / a readable CSV file', message: `Tidak dapat dibaca / Cannot be read: ${(e as Error).message}` }]);
  }
  if (head.length === 0) throw new BuildError([{ file: display, line: 1, expected: 'baris judul kolom / a header row', message: 'File kosong / Empty file' }]);
  const encoding = detectEncoding(head);
  const binary = detectBinary(head, encoding);
  if (binary) {
    // A NUL in an otherwise readable text file: name its line (the first 64 KiB are checked).
    const nul = head.indexOf(0);
    const line = /NUL/.test(binary) && nul >= 0 ? countNewlines(head.subarray(0, nul)) + 1 : 1;
    const problem: StructuralError = { file: display, line, expected: 'teks CSV / CSV text', message: binary };
    throw new BuildError([problem]);
  }
  return { encoding, text: new TextDecoder(decoderLabel(encoding)).decode(head).replace(/^\uFEFF/, '') };
}

/** The first `size` decompressed bytes of a gzip file (fewer if it is shorter), decompressing no more than needed
 * (at most about 16 MB for the first 16 KiB of a gzip bomb). */
function gunzipHead(file: string, size: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    let compressed = Buffer.alloc(0);
    for (let want = 16384; ; want *= 4) {
      const more = Buffer.alloc(want - compressed.length);
      const n = readSync(fd, more, 0, more.length, compressed.length);
      compressed = Buffer.concat([compressed, more.subarray(0, n)]);
      const end = n < more.length;
      // a truncated stream decompresses as far as it goes; a whole one is checked as usual
      const out = end ? gunzipSync(compressed) : gunzipSync(compressed, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
      if (out.length >= size || end) return out.subarray(0, size);
    }
  } finally {
    closeSync(fd);
  }
}

function countNewlines(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) n++;
  return n;
}

/** Re-encodes a Latin-1 or UTF-16 file into UTF-8, and CR-only line endings into LF, in the work folder (workers read
 * UTF-8 with LF or CRLF only), streaming; a gzip input is decompressed with the bomb guard. */
async function transcode(file: string, encoding: ReturnType<typeof detectEncoding>, work: string, index: number, crToLf: boolean): Promise<string> {
  const out = `${work}/transcoded-${index}.csv`;
  const decoder = new TextDecoder(decoderLabel(encoding));
  const gz = isGzip(file) ? guardedGunzip(file, 1 << 16) : null;
  const { createReadStream } = await import('node:fs');
  const raw = gz ? null : createReadStream(file, { highWaterMark: 1 << 16 });
  const src = gz ? gz.stream : (raw as AsyncIterable<Buffer>);
  const fd = openSync(out, 'w');
  try {
    let start = true;
    let heldCr = false;
    const write = (text: string) => {
      if (start && text !== '') {
        text = text.replace(/^\uFEFF/, '');
        start = false;
      }
      if (crToLf) {
        // a lone CR is a line end; a CR at the end of a chunk waits for the next chunk's first character
        text = (heldCr ? '\r' : '') + text;
        heldCr = text.endsWith('\r');
        if (heldCr) text = text.slice(0, -1);
        text = text.replace(/\r(?!\n)/g, '\n');
      }
      if (text !== '') writeSync(fd, text);
    };
    for await (const chunk of src) write(decoder.decode(chunk, { stream: true }));
    write(decoder.decode());
    if (heldCr) writeSync(fd, '\n');
  } finally {
    closeSync(fd);
    raw?.destroy();
    gz?.destroy();
  }
  return out;
}
