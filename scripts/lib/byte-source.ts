/**
 * The bytes of a file for the CSV block reader: a plain file is read straight into the caller's buffers, a gzip file
 * (recognised by its magic bytes, whatever its name) through a streaming gunzip.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** True when the file starts with the gzip magic bytes. */
export function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Decompressed bytes after which the compression ratio is checked, and the highest ratio accepted. A CSV export
 * compresses 5 to 20 times; a gzip bomb about 1000 times (one endless line or millions of copies of one row). */
export const GZIP_CHECK_AFTER = 256 << 20;
export const GZIP_MAX_RATIO = 200;

/** An error of a gzip file that decompresses far beyond any CSV export's ratio. */
export class GzipBombError extends Error {
  code = 'GZIP_RATIO';
  constructor(compressed: number, decompressed: number) {
    const ratio = Math.round(decompressed / Math.max(1, compressed));
    super(`Rasio kompresi ${ratio}:1 (${compressed} byte → lebih dari ${decompressed} byte): bukan ekspor CSV, mungkin bom kompresi / Compression ratio ${ratio}:1 (${compressed} bytes → more than ${decompressed} bytes): not a CSV export, possibly a compression bomb`);
    this.name = 'GzipBombError';
  }
}

/** Limits of a gunzip stream (tests lower them). */
export interface GzipLimits {
  checkAfter?: number;
  maxRatio?: number;
}

/**
 * A streaming gunzip of `file` whose decompressed chunks are counted against the compressed bytes read: past
 * `checkAfter` decompressed bytes, a ratio above `maxRatio` fails the stream with a `GzipBombError`. Disk and
 * memory stay bounded whatever the file holds.
 */
export function guardedGunzip(file: string, chunkSize: number, limits: GzipLimits = {}): { stream: AsyncIterable<Buffer>; destroy: () => void } {
  const checkAfter = limits.checkAfter ?? GZIP_CHECK_AFTER;
  const maxRatio = limits.maxRatio ?? GZIP_MAX_RATIO;
  const raw = createReadStream(file, { highWaterMark: chunkSize });
  const gunzip = createGunzip({ chunkSize });
  const piped = pipeline(raw, gunzip, () => {});
  let out = 0;
  async function* guarded(): AsyncGenerator<Buffer> {
    for await (const chunk of piped as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > checkAfter && out > maxRatio * raw.bytesRead) throw new GzipBombError(raw.bytesRead, out);
      yield chunk;
    }
  }
  return {
    stream: guarded(),
    destroy: () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}

/** Bytes of a file, decompressed when it is gzip: `read` fills `into[offset, offset + length)` partly (0 = end). */
export interface ByteSource {
  read(into: Buffer, offset: number, length: number): Promise<number>;
  close(): Promise<void>;
}

/** Opens a plain file (reads of at most `chunkSize` bytes) or a gzip file (chunks of at most 64 KiB, copied). */
export async function openSource(file: string, chunkSize: number, limits: GzipLimits = {}): Promise<ByteSource> {
  if (!isGzip(file)) {
    const fh = await openFile(file, 'r');
    return {
      read: async (into, offset, length) => (await fh.read(into, offset, Math.min(length, chunkSize), null)).bytesRead,
      close: () => fh.close(),
    };
  }
  const size = Math.max(64, Math.min(chunkSize, 1 << 16));
  const { stream, destroy } = guardedGunzip(file, size, limits);
  const chunks = stream[Symbol.asyncIterator]();
  let chunk: Buffer | null = null;
  let pos = 0;
  return {
    read: async (into, offset, length) => {
      while (chunk === null || pos === chunk.length) {
        const r = await chunks.next();
        if (r.done) return 0;
        chunk = r.value;
        pos = 0;
      }
      const n = Math.min(length, chunk.length - pos);
      chunk.copy(into, offset, pos, pos + n);
      pos += n;
      return n;
    },
    close: async () => destroy(),
  };
}
