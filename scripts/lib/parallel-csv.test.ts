import { describe, expect, it, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsvBlockError, CsvPool, parallelCsvAll, type BlockResult } from './parallel-csv.ts';

const OUT = fileURLToPath(new URL('../../test/.out/parallel-csv/', import.meta.url));
const HANDLER = fileURLToPath(new URL('./parallel-csv.test-worker.ts', import.meta.url));

interface TestResult {
  header: string[];
  index: number;
  state?: { name?: string; file: string };
  rows: string[][];
  lines: number[];
  fast: boolean;
}

function write(name: string, content: string | Buffer): string {
  const p = join(OUT, name);
  writeFileSync(p, content);
  return p;
}

async function run(file: string, extra: Record<string, unknown> = {}) {
  const blocks = await parallelCsvAll<TestResult>({
    file,
    handler: HANDLER,
    blockSize: 64,
    readChunkSize: 16,
    workers: 2,
    ...extra,
  });
  return {
    blocks,
    rows: blocks.flatMap((b) => b.result.rows),
    lines: blocks.flatMap((b) => b.result.lines),
  };
}

/** Generates records with quoted fields, embedded newlines, doubled quotes and empty lines, tracking where each
 * record starts (independently of the code under test). */
function sample(n: number, eol: string) {
  const header = ['id', 'name', 'note'];
  let text = header.join(',') + eol;
  let line = 2;
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 7 === 3) {
      text += eol; // an empty line: skipped, but counted
      line++;
    }
    const name = i % 3 === 0 ? `Anak "${i}", ke-${i}` : `anak${i}`;
    const note = i % 5 === 0 ? `baris${eol}dua${eol}tiga` : i % 4 === 0 ? '' : `n${i}`;
    const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    rows.push([String(i), name, note]);
    lines.push(line);
    text += [String(i), q(name), q(note)].join(',') + eol;
    line += 1 + (note.split('\n').length - 1);
  }
  return { text, rows, lines, header };
}

beforeAll(() => mkdirSync(OUT, { recursive: true }));

describe('parallelCsv', () => {
  const expectSame = (got: Awaited<ReturnType<typeof run>>, exp: ReturnType<typeof sample>) => {
    expect(got.rows).toEqual(exp.rows);
    expect(got.lines).toEqual(exp.lines);
    expect(got.blocks.length).toBeGreaterThan(5);
    expect(got.blocks.map((b) => b.index)).toEqual(got.blocks.map((_, i) => i));
    expect(got.blocks.map((b) => b.result.index)).toEqual(got.blocks.map((_, i) => i));
    // each block's firstLine is where its first record starts
    for (const b of got.blocks) if (b.result.lines.length) expect(b.result.lines[0]).toBeGreaterThanOrEqual(b.firstLine);
    for (let i = 1; i < got.blocks.length; i++)
      expect(got.blocks[i].firstLine).toBe(got.blocks[i - 1].firstLine + got.blocks[i - 1].lines);
  };

  it('reads quoted fields spanning block boundaries with correct line numbers, in order', async () => {
    const s = sample(300, '\n');
    const got = await run(write('lf.csv', s.text));
    expectSame(got, s);
    expect(got.blocks[0].result.header).toEqual(s.header);
  });

  it('cuts several blocks out of one big read', async () => {
    const s = sample(300, '\n');
    expectSame(await run(write('bigread.csv', s.text), { readChunkSize: 1 << 16, blockSize: 100 }), s);
  });

  it('handles CRLF', async () => {
    const s = sample(200, '\r\n');
    expectSame(await run(write('crlf.csv', s.text)), s);
  });

  it('drops a BOM and reads gzip input (by magic bytes)', async () => {
    const s = sample(400, '\n');
    const file = write('bom.csv.gz', gzipSync(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s.text)])));
    let info: unknown;
    const got = await run(file, { onHeader: (i: unknown) => (info = i) });
    expectSame(got, s);
    expect(info).toMatchObject({ header: ['id', 'name', 'note'], bom: true, gzip: true, delimiter: ',' });
    const plain = write('bom-plain.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s.text)]));
    expectSame(await run(plain), s);
  });

  it('gives the same with one worker, big blocks and without the fast path', async () => {
    const s = sample(100, '\n');
    const file = write('one.csv', s.text);
    const a = await run(file, { workers: 1, blockSize: 1 << 20, readChunkSize: 1 << 20 });
    expect(a.rows).toEqual(s.rows);
    expect(a.lines).toEqual(s.lines);
    const b = await run(file, { handlerData: { fastPath: false } });
    expect(b.rows).toEqual(s.rows);
    expect(b.lines).toEqual(s.lines);
  });

  it('uses the fast path on quote-free blocks', async () => {
    const text = 'a;b\n' + Array.from({ length: 100 }, (_, i) => `${i};x${i}`).join('\n') + '\n';
    const got = await run(write('plain.csv', text));
    expect(got.blocks.every((b: BlockResult<TestResult>) => b.result.fast)).toBe(true);
    expect(got.lines).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
  });

  it('takes the handler as a path relative to the working directory or as a URL', async () => {
    const file = write('rel.csv', 'a,b\n1,2\n');
    const rel = await parallelCsvAll<TestResult>({ file, handler: 'scripts/lib/parallel-csv.test-worker.ts' });
    expect(rel[0].result.rows).toEqual([['1', '2']]);
    const url = await parallelCsvAll<TestResult>({ file, handler: new URL('./parallel-csv.test-worker.ts', import.meta.url) });
    expect(url[0].result.rows).toEqual([['1', '2']]);
  });

  it('handles a header-only and an empty file', async () => {
    expect((await run(write('header.csv', 'a,b\n'))).rows).toEqual([]);
    let header: string[] | undefined;
    expect((await run(write('empty.csv', ''), { onHeader: (i: { header: string[] }) => (header = i.header) })).rows).toEqual([]);
    expect(header).toEqual([]);
  });

  it('reports a csv-parse error with file, line and column', async () => {
    const s = sample(120, '\n');
    // break the third field of record 101 (one physical line)
    const lines = s.text.split('\n');
    const at = s.lines[101];
    expect(lines[at - 1]).toBe('101,anak101,n101');
    lines[at - 1] = '101,ok,"unclosed';
    const file = write('bad.csv', lines.join('\n'));
    const err = await run(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvBlockError);
    const e = err as CsvBlockError;
    expect(e.file).toBe(file);
    expect(e.code).toMatch(/^(CSV_QUOTE_NOT_CLOSED|CSV_INVALID_CLOSING_QUOTE)$/);
    expect(e.line).toBe(at);
    expect(e.message).toContain(`${file}:${e.line}`);

    const file2 = write('bad2.csv', 'a,b\n1,2\n3,x"y\n');
    const e2 = (await run(file2).catch((x: unknown) => x)) as CsvBlockError;
    expect(e2.code).toBe('INVALID_OPENING_QUOTE');
    expect([e2.line, e2.column]).toEqual([3, 2]);
    expect(e2.message).toMatch(/bad2\.csv:3:2: Invalid Opening Quote: .* at line 3/);
  });

  it('reports a handler error at the block and stops', async () => {
    const s = sample(300, '\n');
    const err = (await run(write('fail.csv', s.text), { handlerData: { failOn: 'n251' } }).catch((e: unknown) => e)) as CsvBlockError;
    expect(err).toBeInstanceOf(CsvBlockError);
    expect(err.message).toMatch(/fail\.csv:\d+: \(block starting here\) found n251/);
    expect(err.line).toBeLessThanOrEqual(s.lines[251]);
  });

  it('one pool reads several files in turn: each with its own state, errors located in their own file', async () => {
    const pool = new CsvPool({ handler: HANDLER, workers: 2 });
    try {
      const read = async (file: string, name: string, extra: Record<string, unknown> = {}) => {
        const blocks: BlockResult<TestResult>[] = [];
        for await (const b of pool.run<TestResult>({ file, fileData: { name }, blockSize: 64, readChunkSize: 16, ...extra })) blocks.push(b);
        return blocks;
      };
      const a = sample(300, '\n');
      const b = sample(200, '\r\n');
      const fa = write('pool-a.csv', a.text);
      const fb = write('pool-b.csv.gz', gzipSync(b.text));
      for (const [file, s, name] of [[fa, a, 'a'], [fb, b, 'b'], [fa, a, 'a2']] as const) {
        const blocks = await read(file, name);
        expect(blocks.length).toBeGreaterThan(5);
        expect(blocks.flatMap((x) => x.result.rows)).toEqual(s.rows);
        expect(blocks.flatMap((x) => x.result.lines)).toEqual(s.lines);
        expect(blocks.map((x) => x.index)).toEqual(blocks.map((_, i) => i));
        for (const x of blocks) expect(x.result.state).toEqual({ name, file });
      }
      // a csv-parse error in the third file names that file and line; the pool goes on
      const lines = a.text.split('\n');
      const at = a.lines[101];
      lines[at - 1] = '101,ok,"unclosed';
      const bad = write('pool-bad.csv', lines.join('\n'));
      const e = (await read(bad, 'bad').catch((x: unknown) => x)) as CsvBlockError;
      expect(e).toBeInstanceOf(CsvBlockError);
      expect([e.file, e.line]).toEqual([bad, at]);
      // a failing openFile is reported at the file's first block
      const e2 = (await read(fa, 'x', { fileData: { name: 'x', failOpen: true } }).catch((x: unknown) => x)) as CsvBlockError;
      expect(e2).toBeInstanceOf(CsvBlockError);
      expect(e2.message).toMatch(/pool-a\.csv:2: \(block starting here\) cannot open x/);
      // breaking out of a run leaves the pool usable
      let n = 0;
      for await (const _x of pool.run({ file: fa, blockSize: 64 })) if (++n === 2) break;
      expect((await read(fb, 'b-again')).flatMap((x) => x.result.rows)).toEqual(b.rows);
    } finally {
      await pool.close();
    }
    await expect(pool.run({ file: write('closed.csv', 'a\n1\n') }).next()).rejects.toThrow(/closed/);
  });

  it('stops cleanly when the caller breaks early', async () => {
    const { parallelCsv } = await import('./parallel-csv.ts');
    const s = sample(300, '\n');
    let n = 0;
    for await (const _b of parallelCsv({ file: write('early.csv', s.text), handler: HANDLER, blockSize: 64, readChunkSize: 16 })) {
      if (++n === 3) break;
    }
    expect(n).toBe(3);
  });
});
