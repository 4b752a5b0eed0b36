/**
 * Measurement files: which files in the measurements folder are read, what their first bytes say (encoding,
 * delimiter, header), and streaming every file through the worker pool into the spill files, counting row problems.
 */
import { closeSync, createReadStream, existsSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { pipeline } from 'node:stream';
import type { SiteConfig } from '../../src/lib/config.ts';
import { resolveColumns } from '../../src/lib/csv/headers.ts';
import { detectBinary, detectEncoding, decoderLabel } from '../../src/lib/csv/detect.ts';
import type { UnmatchedArea } from '../../src/lib/csv/names.ts';
import type { RowProblem } from '../../src/lib/types.ts';
import { CsvPool, CsvBlockError } from './parallel-csv.ts';
import { isGzip } from './byte-source.ts';
import type { BuildBlockResult, BuildFileData, BuildWorkerData } from './build-worker.ts';
import type { Spill } from './spill.ts';
import { BuildError } from './build-error.ts';

/** File names read as measurement exports. */
export const MEASUREMENT_EXT = /\.(csv|txt)(\.gz)?$/i;

/** Row counts and problems of all measurement files. */
export interface MeasurementTally {
  validation: { read: number; rejected: Record<string, number>; examples: RowProblem[]; outsideRounds: number };
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
}

/** Streams every measurement file through the pool: accepted rows go to the spill files, problems are tallied. */
export async function readMeasurementFiles({ files, dataDir, config, pool, spill, allowed, work }: MeasurementInput): Promise<MeasurementTally> {
  const validation = { read: 0, rejected: {} as Record<string, number>, examples: [] as RowProblem[], outsideRounds: 0 };
  const unmatched = new Map<string, UnmatchedArea & { fileIndex: number }>();
  const areaRejects = new Map<string, number>();
  for (let fi = 0; fi < files.length; fi++) {
    const file = files[fi];
    const display = relative(dataDir, file);
    const sniff = sniffFile(file, display, config.measurements.delimiter);
    const resolved = resolveColumns(sniff.header, config.measurements.columns, display);
    if (!resolved.ok) throw new BuildError(resolved.errors);
    const fileData: BuildFileData = {
      file,
      displayName: display,
      fileIndex: fi,
      columns: resolved.columns,
      options: { decimal: config.measurements.decimal, dateOrder: config.measurements.dateOrder },
      periods: allowed,
    };
    try {
      const source = sniff.encoding === 'utf-8' || sniff.encoding === 'utf-8-bom' ? file : await transcode(file, sniff.encoding, work, fi);
      for await (const block of pool.run<BuildBlockResult, BuildFileData>({ file: source, fileData, delimiter: sniff.delimiter })) {
        const r = block.result;
        validation.read += r.rowsRead;
        validation.outsideRounds += r.outsideRounds;
        for (const [k, v] of Object.entries(r.rejected)) validation.rejected[k] = (validation.rejected[k] ?? 0) + v;
        for (const e of r.examples) if (validation.examples.filter((x) => x.reason === e.reason).length < 5) validation.examples.push(e);
        for (const key of r.areaRejects) areaRejects.set(key, (areaRejects.get(key) ?? 0) + 1);
        for (const u of r.unmatched) {
          const key = `${u.kecamatan}|${u.desa}|${u.code ?? ''}`;
          const prev = unmatched.get(key);
          if (prev) prev.count += u.count;
          else unmatched.set(key, { ...u, fileIndex: fi });
        }
        spill.add(r.records, r.count);
        // Free the records now: left to the garbage collector, these transferred buffers pile up as external
        // memory until the next full collection (tens of MB).
        (r.records.buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer }).transfer(0); // ES2024
      }
    } catch (e) {
      if (e instanceof CsvBlockError) {
        throw new BuildError([{ file: display, line: e.line, column: e.column, expected: 'CSV yang valid / valid CSV', message: csvErrorMessage(e) }]);
      }
      // a gzip file damaged after its first bytes (sniffFile decompresses only those): the reader's or transcode's error
      if (typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code!.startsWith('Z_')) {
        throw new BuildError([{ file: display, expected: 'file CSV yang dapat dibaca / a readable CSV file', message: `Tidak dapat dibaca / Cannot be read: ${(e as Error).message}` }]);
      }
      throw e;
    }
  }  return { validation, unmatched, areaRejects };
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

export function listMeasurementFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => MEASUREMENT_EXT.test(f) && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads the first bytes of a file: encoding, binary check, header row. */
function sniffFile(file: string, display: string, configured: SiteConfig['measurements']['delimiter'] = 'auto'): { encoding: ReturnType<typeof detectEncoding>; header: string[]; delimiter: string } {
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
    throw new BuildError([{ file: display, line, expected: 'teks CSV / CSV text', message: binary }]);
  }
  const text = new TextDecoder(decoderLabel(encoding)).decode(head).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/)[0];
  // The same candidates as the CSV reader's detection (parallel-csv: , ; tab |).
  const detected = [';', ',', '\t', '|'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const delim = configured === 'auto' ? detected : configured;
  if (delim !== detected && firstLine.split(delim).length === 1 && firstLine.split(detected).length > 1) {
    const show = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);
    throw new BuildError([{ file: display, line: 1, raw: firstLine.slice(0, 80), expected: `kolom dipisah ${show(delim)} (measurements.delimiter), atau "auto"`, message: `Pemisah kolom ${show(delim)} tidak ada di baris judul; file memakai ${show(detected)} / The delimiter ${show(delim)} is not in the header; the file uses ${show(detected)}` }]);
  }
  const header = firstLine.split(delim).map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
  return { encoding, header, delimiter: delim };
}

/** The first `size` decompressed bytes of a gzip file (fewer if it is shorter), decompressing no more than needed. */
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

/** Re-encodes a Latin-1 or UTF-16 file into UTF-8 in the work folder (workers read UTF-8 only), streaming. */
async function transcode(file: string, encoding: ReturnType<typeof detectEncoding>, work: string, index: number): Promise<string> {
  const out = join(work, `transcoded-${index}.csv`);
  const decoder = new TextDecoder(decoderLabel(encoding));
  const raw = createReadStream(file, { highWaterMark: 1 << 16 });
  const src = isGzip(file) ? pipeline(raw, createGunzip(), () => {}) : raw;
  const fd = openSync(out, 'w');
  try {
    let start = true;
    const write = (text: string) => {
      if (start && text !== '') {
        text = text.replace(/^\uFEFF/, '');
        start = false;
      }
      if (text !== '') writeSync(fd, text);
    };
    for await (const chunk of src as AsyncIterable<Buffer>) write(decoder.decode(chunk, { stream: true }));
    write(decoder.decode());
  } finally {
    closeSync(fd);
    raw.destroy();
  }
  return out;
}
