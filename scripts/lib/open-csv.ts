/**
 * Opens one measurement export (.csv or .csv.gz) for streaming: sniffs encoding and delimiter from the first 64 KB
 * (after gunzip), decodes to UTF-8 text and parses it with csv-parse, yielding each row's fields with the physical
 * line where the row starts. Structural problems become a StructuralError with file:line:column and the raw value.
 */
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse, type CsvError } from 'csv-parse';
import type { StructuralError } from '../../src/lib/types.ts';
import {
  decoderLabel,
  detectBinary,
  detectDelimiter,
  detectEncoding,
  type Delimiter,
  type DetectedEncoding,
} from '../../src/lib/csv/detect.ts';

/** How many decoded bytes are sniffed for encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;
/** Longest record accepted, in characters: beyond it an unclosed quote is swallowing the file. */
export const MAX_RECORD_CHARS = 1_000_000;

/** One data row: its fields and the 1-based physical line where it starts. */
export interface CsvRow {
  fields: string[];
  line: number;
}

/** An opened export: what was detected, the header, and the data rows (read lazily, once). */
export interface OpenedCsv {
  file: string;
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  headerFields: string[];
  /** Yields the rows after the header; throws a CsvStructuralFailure on a structural error. */
  stream: AsyncIterable<CsvRow>;
}

/** Options from the config (`measurements.delimiter`, `measurements.encoding`); 'auto' sniffs. */
export interface OpenCsvOptions {
  delimiter?: 'auto' | Delimiter;
  encoding?: 'auto' | 'utf-8' | 'latin1';
}

/** Error thrown by a row stream when the file turns out structurally broken part-way through. */
export class CsvStructuralFailure extends Error {
  readonly error: StructuralError;
  constructor(error: StructuralError) {
    super(`${error.file}:${error.line ?? ''}:${error.column ?? ''} ${error.message}`);
    this.error = error;
  }
}

const MESSAGES: Record<string, [string, string]> = {
  CSV_QUOTE_NOT_CLOSED: [
    'Tanda kutip (") dibuka tetapi tidak ditutup',
    'A double quote (") is opened but never closed',
  ],
  CSV_INVALID_CLOSING_QUOTE: [
    'Ada teks setelah tanda kutip penutup',
    'Text follows a closing double quote',
  ],
  INVALID_OPENING_QUOTE: ['Tanda kutip di tengah nilai', 'Double quote in the middle of a value'],
  CSV_MAX_RECORD_SIZE: [
    'Baris terlalu panjang, kemungkinan tanda kutip tidak ditutup',
    'Record too long, probably an unclosed double quote',
  ],
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: [
    'Ada teks setelah tanda kutip penutup',
    'Text follows a closing double quote',
  ],
};

function structural(file: string, message: string, expected: string, extra: Partial<StructuralError> = {}): StructuralError {
  return { file, expected, message, ...extra };
}

/** Gives the (gunzipped) byte chunks of a file. */
function byteChunks(path: string): AsyncIterable<Buffer> {
  const raw = createReadStream(path);
  if (!/\.gz$/i.test(path)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** Opens a .csv or .csv.gz export. Returns the detected format and a lazy row stream, or the structural error
 * that makes the file unusable (unreadable, not gzip, binary, empty, no header, broken quoting in the header). */
export async function openCsv(
  path: string,
  options: OpenCsvOptions = {},
  file: string = path,
): Promise<{ ok: true; csv: OpenedCsv } | { ok: false; error: StructuralError }> {
  try {
    const fh = await open(path, 'r');
    await fh.close();
  } catch (e) {
    return {
      ok: false,
      error: structural(file, `File tidak dapat dibaca / File cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 'a readable file'),
    };
  }

  // Sniff: pull chunks until SNIFF_BYTES, keep them to replay before the rest of the stream.
  const iter = byteChunks(path)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  try {
    while (size < SNIFF_BYTES) {
      const r = await iter.next();
      if (r.done) {
        done = true;
        break;
      }
      head.push(r.value);
      size += r.value.length;
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return {
      ok: false,
      error: structural(
        file,
        code.startsWith('Z_')
          ? `File .gz rusak atau bukan gzip / The .gz file is damaged or not gzip (${code})`
          : `File tidak dapat dibaca / File cannot be read (${code || String(e)})`,
        'a readable CSV or gzip-compressed CSV file',
      ),
    };
  }
  const sample = Buffer.concat(head);
  if (sample.length === 0 || /^[\s\uFEFF]*$/.test(sample.toString('latin1').replace(/\xef\xbb\xbf|\xff\xfe|\xfe\xff|\0/g, ''))) {
    return { ok: false, error: structural(file, 'File kosong / Empty file', 'a header row and data rows', { line: 1 }) };
  }

  let encoding: DetectedEncoding = detectEncoding(sample);
  if (options.encoding === 'latin1') encoding = 'latin1';
  else if (options.encoding === 'utf-8' && (encoding === 'latin1' || encoding === 'utf-8')) encoding = 'utf-8';
  const binary = detectBinary(sample, encoding);
  if (binary) return { ok: false, error: structural(file, binary, 'a text CSV file', { line: 1 }) };

  const sampleText = new TextDecoder(decoderLabel(encoding)).decode(sample, { stream: true }).replace(/^\uFEFF/, '');
  const firstLine = sampleText.replace(/^[\r\n]+/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter: Delimiter =
    options.delimiter && options.delimiter !== 'auto' ? options.delimiter : (detectDelimiter(firstLine) ?? ',');

  // Text chunks with line endings normalised to \n: csv-parse counts a quoted \r\n as two lines, and the start line
  // of a record is computed below as its end line minus the line breaks inside its fields.
  async function* text(): AsyncGenerator<string> {
    const dec = new TextDecoder(decoderLabel(encoding));
    let pendingCR = false;
    const norm = (s: string): string => {
      if (pendingCR) s = '\r' + s;
      pendingCR = s.endsWith('\r');
      if (pendingCR) s = s.slice(0, -1);
      return s.replace(/\r\n?/g, '\n');
    };
    for (const b of head) yield norm(dec.decode(b, { stream: true }));
    if (!done) {
      for (;;) {
        const r = await iter.next();
        if (r.done) break;
        yield norm(dec.decode(r.value, { stream: true }));
      }
    }
    let tail = dec.decode();
    if (pendingCR) {
      pendingCR = false;
      tail = '\r' + tail;
    }
    yield tail.replace(/\r\n?/g, '\n');
  }

  // Records are taken from csv-parse's on_record hook, which runs synchronously while a chunk is written, and
  // chunks are written one at a time as rows are pulled. This keeps memory bounded (one chunk of records at a time)
  // and delivers every record before a structural error, which csv-parse reports after the records it completed.
  type Rec = { record: string[]; info: { lines: number; empty_lines: number } };
  const queue: Rec[] = [];
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    // A quote inside an unquoted value (Nama "Ucok") is kept as text rather than failing the whole file.
    relax_quotes: true,
    skip_empty_lines: true,
    // Rows of only delimiters (";;;;") that Excel leaves below the data.
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
    // With `info`, csv-parse hands on_record `{record, info}`: info.lines is the line where the record ends.
    info: true,
    on_record: (r: unknown) => {
      const { record, info } = r as { record: string[]; info: { lines: number; empty_lines: number } };
      queue.push({ record, info: { lines: info.lines, empty_lines: info.empty_lines } });
      return null;
    },
  });
  parser.resume(); // nothing is pushed downstream; keep the readable side flowing so the stream can finish
  let failure: unknown = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  const write = (chunk: string) => new Promise<void>((res) => parser.write(chunk, () => res()));
  const finish = () =>
    new Promise<void>((res) => {
      if (failure) return res();
      parser.once('error', () => res());
      parser.end(() => res());
    });

  let lastEnd = 0;
  let lastEmpty = 0;
  const toFailure = (e: unknown): StructuralError => {
    const err = e as CsvError & { lines?: number; column?: number; field?: string; empty_lines?: number };
    const code = typeof err.code === 'string' ? err.code : '';
    if (code.startsWith('Z_') || code.startsWith('E')) {
      return structural(file, `File tidak dapat dibaca / File cannot be read (${code})`, 'a readable CSV file');
    }
    const [id, en] = MESSAGES[code] ?? ['CSV tidak dapat diurai', `CSV cannot be parsed (${code || String(e)})`];
    // For an unclosed quote csv-parse reports the last line of the file; the record started after the last good one.
    const line =
      code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE'
        ? lastEnd + 1 + Math.max(0, (err.empty_lines ?? lastEmpty) - lastEmpty)
        : (err.lines ?? lastEnd + 1);
    return structural(file, `${id} / ${en}`, 'fields quoted as "..." with inner quotes doubled ("")', {
      line,
      column: typeof err.column === 'number' ? err.column + 1 : undefined,
      raw: typeof err.field === 'string' ? err.field.slice(0, 60) : undefined,
    });
  };
  const startLine = (r: Rec): number => {
    let breaks = 0;
    for (const f of r.record) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) breaks++;
    return r.info.lines - breaks;
  };

  // Pulls records: yields what is queued, else writes the next text chunk; after the text, ends the parser.
  const chunks = text()[Symbol.asyncIterator]();
  let head_ = 0;
  let ended = false;
  async function next(): Promise<Rec | null> {
    for (;;) {
      if (head_ < queue.length) {
        const r = queue[head_++];
        if (head_ === queue.length) {
          queue.length = 0;
          head_ = 0;
        }
        return r;
      }
      if (failure) throw failure;
      if (ended) return null;
      let c: IteratorResult<string>;
      try {
        c = await chunks.next();
      } catch (e) {
        failure = e;
        continue;
      }
      if (c.done) {
        await finish();
        ended = true;
      } else if (c.value !== '') await write(c.value);
    }
  }

  let first: Rec | null;
  try {
    first = await next();
  } catch (e) {
    return { ok: false, error: toFailure(e) };
  }
  if (first === null) {
    return { ok: false, error: structural(file, 'File kosong / Empty file', 'a header row and data rows', { line: 1 }) };
  }
  lastEnd = first.info.lines;
  lastEmpty = first.info.empty_lines;
  const headerFields = first.record.map((h) => h.replace(/^\uFEFF/, ''));

  async function* rows(): AsyncGenerator<CsvRow> {
    for (;;) {
      let r: Rec | null;
      try {
        r = await next();
      } catch (e) {
        throw new CsvStructuralFailure(toFailure(e));
      }
      if (r === null) return;
      const line = startLine(r);
      lastEnd = r.info.lines;
      lastEmpty = r.info.empty_lines;
      yield { fields: r.record, line };
    }
  }

  return { ok: true, csv: { file, encoding, delimiter, headerFields, stream: rows() } };
}
