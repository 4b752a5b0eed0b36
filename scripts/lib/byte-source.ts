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

/** Bytes of a file, decompressed when it is gzip: `read` fills `into[offset, offset + length)` partly (0 = end). */
export interface ByteSource {
  read(into: Buffer, offset: number, length: number): Promise<number>;
  close(): Promise<void>;
}

/** Opens a plain file (reads of at most `chunkSize` bytes) or a gzip file (chunks of at most 64 KiB, copied). */
export async function openSource(file: string, chunkSize: number): Promise<ByteSource> {
  if (!isGzip(file)) {
    const fh = await openFile(file, 'r');
    return {
      read: async (into, offset, length) => (await fh.read(into, offset, Math.min(length, chunkSize), null)).bytesRead,
      close: () => fh.close(),
    };
  }
  const size = Math.max(64, Math.min(chunkSize, 1 << 16));
  const raw = createReadStream(file, { highWaterMark: size });
  const gunzip = createGunzip({ chunkSize: size });
  const stream = pipeline(raw, gunzip, () => {});
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
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
    close: async () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}
