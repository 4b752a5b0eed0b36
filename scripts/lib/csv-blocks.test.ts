import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readBlocks, type BlockReadOptions, type CsvFileInfo } from './csv-blocks.ts';
import { GzipBombError } from './byte-source.ts';
import { CsvBlockError } from '../../src/lib/csv/block-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a file: its header facts and the text of every block with its first line. */
async function read(name: string, body: string | Buffer, extra: Partial<BlockReadOptions> = {}) {
  const file = join(dir, name);
  writeFileSync(file, body);
  let info: CsvFileInfo | undefined;
  const blocks: { text: string; firstLine: number }[] = [];
  const opts: BlockReadOptions = { blockSize: 64, chunkSize: 16, onInfo: (i) => (info = i), reuse: () => undefined, ...extra };
  for await (const b of readBlocks(file, opts)) blocks.push({ text: b.buf.toString('utf8', b.offset, b.offset + b.length), firstLine: b.firstLine });
  return { info: info!, blocks, text: blocks.map((b) => b.text).join('') };
}

describe('readBlocks', () => {
  it('skips the lines above the header (sep= line, title rows) and keeps physical line numbers', async () => {
    const r = await read('skip.csv', '\ufeffsep=,\nLaporan "Agustus\n\nh1,h2\n1,2\n3,4\n', { skipLines: 3 });
    expect(r.info.header).toEqual(['h1', 'h2']);
    expect(r.info.firstDataLine).toBe(5);
    expect(r.blocks[0].firstLine).toBe(5);
    expect(r.text).toBe('1,2\n3,4\n');
  });

  it('drops a DOS end-of-file mark (0x1A) after the last record', async () => {
    expect((await read('sub1.csv', 'h\n1\n2\n\x1a')).text).toBe('1\n2\n');
    expect((await read('sub2.csv', 'h\n1\n2\x1a')).text).toBe('1\n2');
  });

  it('stops at the line of a record longer than the limit, with bounded memory', async () => {
    const long = 'x'.repeat(5000);
    const err = await read('long.csv', `h\n1\n2\n${long}\n3\n`, { maxRecordBytes: 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvBlockError);
    expect((err as CsvBlockError).code).toBe('RECORD_TOO_LONG');
    expect((err as CsvBlockError).line).toBe(4);
    // the same in the header of a gzip file
    const gz = await read('long.csv.gz', gzipSync(long), { maxRecordBytes: 1024 }).catch((e: unknown) => e);
    expect((gz as CsvBlockError).line).toBe(1);
  });

  it('fails a gzip file that decompresses far beyond a CSV ratio', async () => {
    const { openSource } = await import('./byte-source.ts');
    const file = join(dir, 'bomb.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(8 << 20, 0x41)));
    const src = await openSource(file, 1 << 16, { checkAfter: 1 << 20, maxRatio: 100 });
    const buf = Buffer.alloc(1 << 16);
    const err = await (async () => {
      for (;;) if ((await src.read(buf, 0, buf.length)) === 0) return null;
    })().catch((e: unknown) => e);
    await src.close();
    expect(err).toBeInstanceOf(GzipBombError);
    expect((err as Error).message).toContain('compression bomb');
  });
});
