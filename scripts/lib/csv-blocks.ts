/**
 * Reads a CSV file (plain or gzip) as blocks of whole records for the worker pool: the header record is parsed
 * first (in this thread), then the file is read straight into block buffers of `blockSize` bytes, each cut after its
 * last record delimiter outside quotes (block-cut.ts); the rest is carried over to the next block. Newlines are
 * counted so that each block knows the physical line of its first record. A record longer than the buffer doubles it.
 */
import { parse as csvParseSync } from 'csv-parse/sync';
import { CR, NL, countByte, cutPoint, firstRecordEnd, mostFrequentDelimiter } from '../../src/lib/csv/block-cut.ts';
import { CsvBlockError, locateCsvError } from '../../src/lib/csv/block-rows.ts';
import { isGzip, openSource, type ByteSource } from './byte-source.ts';

/** Facts about the file known once its header row is read (given to `onHeader`). */
export interface CsvFileInfo {
  file: string;
  header: string[];
  delimiter: string;
  recordDelimiter: '\n' | '\r\n';
  /** The file started with a UTF-8 byte order mark (dropped). */
  bom: boolean;
  gzip: boolean;
  /** Physical line where the first data record starts (2 unless the header spans lines). */
  firstDataLine: number;
}

/** A block ready to post: `buf` owns its ArrayBuffer; bytes [offset, offset + length) belong to the block. */
export interface RawBlock {
  index: number;
  buf: Buffer;
  offset: number;
  length: number;
  firstLine: number;
  lines: number;
}

/** What `readBlocks` needs besides the file. */
export interface BlockReadOptions {
  blockSize: number;
  /** Largest single read from the file. */
  chunkSize: number;
  /** Field delimiter; default: the most frequent of `,` `;` tab `|` in the header. */
  delimiter?: string;
  /** Called once with the header facts, before the first block. */
  onInfo: (info: CsvFileInfo) => void;
  /** A buffer of `blockSize` bytes handed back by a worker, if any. */
  reuse: () => ArrayBuffer | undefined;
  /** Physical lines before the header (an Excel `sep=` line, title rows) that are skipped; default 0. */
  skipLines?: number;
  /** Longest record, in (decompressed) bytes; default `MAX_RECORD_BYTES`. */
  maxRecordBytes?: number;
}

/** Longest record the reader accepts: far beyond any real row, it bounds memory on a runaway line (a damaged file,
 * or a gzip bomb decompressing into one endless line). */
export const MAX_RECORD_BYTES = 32 << 20;
const SUB = 0x1a;

/** One file's read state: the buffer being filled and the line count. */
class BlockReader {
  buf: Buffer;
  len = 0;
  eof = false;
  line = 1;
  index = 0;

  private file: string;
  private src: ByteSource;
  private opts: BlockReadOptions;
  private gzip: boolean;

  constructor(file: string, src: ByteSource, opts: BlockReadOptions, gzip: boolean) {
    this.file = file;
    this.src = src;
    this.opts = opts;
    this.gzip = gzip;
    this.buf = this.fresh(opts.blockSize);
  }

  /** A buffer of `size` bytes: a reused one when it has the block size. */
  fresh(size: number): Buffer {
    const ab = size === this.opts.blockSize ? this.opts.reuse() : undefined;
    return ab ? Buffer.from(ab) : Buffer.allocUnsafeSlow(size);
  }

  /** Reads until the buffer is full or the file ends. */
  async fill(): Promise<void> {
    while (this.len < this.buf.length) {
      const n = await this.src.read(this.buf, this.len, this.buf.length - this.len);
      if (n === 0) {
        this.eof = true;
        return;
      }
      this.len += n;
    }
  }

  /** Doubles the buffer (one record longer than it); a record past the limit stops the read at its line. */
  grow(): void {
    const max = this.opts.maxRecordBytes ?? MAX_RECORD_BYTES;
    if (this.len >= max) {
      const mib = Math.round(max / (1 << 20));
      throw new CsvBlockError(this.file, this.line, undefined, 'RECORD_TOO_LONG', `Baris lebih panjang dari ${mib} MiB (file rusak atau bom kompresi?) / A line longer than ${mib} MiB (a damaged file or a compression bomb?)`);
    }
    const b = Buffer.allocUnsafeSlow(this.buf.length * 2);
    this.buf.copy(b, 0, 0, this.len);
    this.buf = b;
  }

  /** The first `length` bytes of the buffer as a block. */
  emit(length: number): RawBlock {
    const lines = countByte(this.buf, NL, 0, length);
    const b: RawBlock = { index: this.index++, buf: this.buf, offset: 0, length, firstLine: this.line, lines };
    this.line += lines;
    return b;
  }

  /** Where the header starts: after a BOM and the lines to skip (-1 when they are not all in the buffer yet). */
  headerStart(): number {
    let start = this.len >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf ? 3 : 0;
    for (let i = 0; i < (this.opts.skipLines ?? 0); i++) {
      const nl = this.buf.indexOf(NL, start);
      if (nl === -1 || nl >= this.len) return this.eof ? this.len : -1;
      start = nl + 1;
    }
    return start;
  }

  /** Reads and parses the header record, reports it, and drops it (and the lines above it) from the buffer. */
  async readHeader(): Promise<void> {
    let stop = -1;
    let start = 0;
    for (;;) {
      await this.fill();
      start = this.headerStart();
      if (start !== -1) {
        this.line = 1 + countByte(this.buf, NL, 0, start);
        stop = firstRecordEnd(this.buf.subarray(start, this.len), this.len - start);
        if (stop !== -1 || this.eof) break;
      }
      this.grow();
    }
    stop = stop === -1 ? this.len : start + stop;
    const crlf = stop >= 2 && this.buf[stop - 1] === NL && this.buf[stop - 2] === CR;
    const text = this.buf.toString('utf8', start, stop);
    const delimiter = this.opts.delimiter ?? mostFrequentDelimiter(text.split('\n')[0]);
    let fields: string[] = [];
    if (text.trim() !== '') {
      try {
        fields = (csvParseSync(text, { delimiter, record_delimiter: crlf ? '\r\n' : '\n' }) as string[][])[0] ?? [];
      } catch (e) {
        throw locateCsvError(e, this.file, this.line);
      }
    }
    this.line = 1 + countByte(this.buf, NL, 0, stop);
    const recordDelimiter = crlf ? '\r\n' : '\n';
    this.opts.onInfo({ file: this.file, header: fields, delimiter, recordDelimiter, bom: start === 3, gzip: this.gzip, firstDataLine: this.line });
    this.buf.copyWithin(0, stop, this.len);
    this.len -= stop;
  }

  /** The data blocks, each cut after its last whole record. */
  async *blocks(): AsyncGenerator<RawBlock> {
    const { blockSize } = this.opts;
    for (;;) {
      if (!this.eof) await this.fill();
      if (this.eof) break;
      const cut = cutPoint(this.buf, this.len);
      if (cut === -1) {
        this.grow(); // one record longer than the buffer: keep reading
        continue;
      }
      const tail = this.len - cut;
      const next = this.fresh(tail < blockSize ? blockSize : tail * 2);
      this.buf.copy(next, 0, cut, this.len);
      yield this.emit(cut); // the buffer is detached once posted
      this.buf = next;
      this.len = tail;
    }
    // A DOS end-of-file mark (Ctrl-Z, 0x1A) after the last record is not data.
    while (this.len > 0 && this.buf[this.len - 1] === SUB) this.len--;
    if (this.len > 0) yield this.emit(this.len);
  }
}

/** Reads the file as blocks cut at record boundaries; the header record is parsed first and given to `onInfo`. */
export async function* readBlocks(file: string, opts: BlockReadOptions): AsyncGenerator<RawBlock> {
  const gzip = isGzip(file);
  const src = await openSource(file, opts.chunkSize);
  try {
    const reader = new BlockReader(file, src, opts, gzip);
    await reader.readHeader();
    yield* reader.blocks();
  } finally {
    await src.close();
  }
}
