import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { eachRow, linesFromInfo, parseBlock } from './block-rows.ts';
import { recordStartLines } from './block-cut.ts';

describe('parseBlock fast path', () => {
  const opts = { file: 'x.csv', delimiter: ';', recordDelimiter: '\n' as const };
  it('gives exactly what csv-parse gives for quote-free input (property)', () => {
    for (const recordDelimiter of ['\n', '\r\n'] as const) {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom('a', 'é', ';', '\n', '\r', ' ', '1', ',', '\t', '\u00a0'), { maxLength: 80 }),
          fc.integer({ min: 1, max: 1000 }),
          (chars, firstLine) => {
            const buf = Buffer.from(chars.join(''));
            const o = { ...opts, recordDelimiter };
            const slow = parseBlock(buf, firstLine, { ...o, fastPath: false });
            const fast = parseBlock(buf, firstLine, { ...o, fastPath: true });
            expect(slow.fast).toBe(false);
            expect(fast.rows).toEqual(slow.rows);
            expect(fast.lines).toEqual(slow.lines);
          },
        ),
        { numRuns: 3000 },
      );
    }
  });

  it('is taken for plain blocks and matches csv-parse on a realistic block', () => {
    const text = '1;Budi;12,5;\n2;Siti;;H\n\n3;Ani;9,8;L';
    const fast = parseBlock(Buffer.from(text), 10, opts);
    expect(fast.fast).toBe(true);
    expect(fast.rows).toEqual(parse(text, { delimiter: ';', skip_empty_lines: true, relax_column_count: true }));
    expect(fast.lines).toEqual([10, 11, 13]);
  });

  it('falls back to csv-parse for a lone LF in a CRLF file', () => {
    const r = parseBlock(Buffer.from('a;b\r\nc\nd;e\r\n'), 1, { ...opts, recordDelimiter: '\r\n' });
    expect(r.fast).toBe(false);
    expect(r.rows).toEqual([['a', 'b'], ['c\nd', 'e']]);
  });
});

describe('eachRow', () => {
  /** eachRow's rows and lines, collected. */
  const collect = (buf: Buffer, firstLine: number, o: Parameters<typeof eachRow>[2]) => {
    const rows: string[][] = [];
    const lines: number[] = [];
    const fast = eachRow(buf, firstLine, o, (f, l) => {
      rows.push(f);
      lines.push(l);
    });
    return { rows, lines, fast };
  };

  it('gives exactly what parseBlock gives, line by line on quote-free blocks (property)', () => {
    for (const recordDelimiter of ['\n', '\r\n'] as const) {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom('a', 'é', '€', ';', '\n', '\r', ' ', '1', ',', '"', '\u00a0'), { maxLength: 80 }),
          fc.integer({ min: 1, max: 1000 }),
          (chars, firstLine) => {
            const buf = Buffer.from(chars.join(''));
            const o = { file: 'x.csv', delimiter: ';', recordDelimiter };
            let expected: ReturnType<typeof parseBlock> | Error;
            try {
              expected = parseBlock(buf, firstLine, { ...o, fastPath: false });
            } catch (e) {
              expected = e as Error;
            }
            if (expected instanceof Error) {
              expect(() => collect(buf, firstLine, o)).toThrow(expected.message);
              return;
            }
            const got = collect(buf, firstLine, o);
            expect(got.rows).toEqual(expected.rows);
            expect(got.lines).toEqual(expected.lines);
            if (!chars.includes('"')) expect(got.fast).toBe(parseBlock(buf, firstLine, o).fast);
          },
        ),
        { numRuns: 3000 },
      );
    }
  });

  it('decodes multi-byte characters cut by nothing but line ends, and invalid bytes, as the whole block would', () => {
    const buf = Buffer.concat([Buffer.from('Désa;€\n'), Buffer.from([0xe2, 0x82, 0x0a, 0xff, 0x3b, 0x61, 0x0a])]);
    const o = { file: 'x.csv', delimiter: ';', recordDelimiter: '\n' as const };
    const got = collect(buf, 7, o);
    expect(got.fast).toBe(true);
    expect(got.rows).toEqual(parseBlock(buf, 7, o).rows);
    expect(got.lines).toEqual([7, 8, 9]);
  });
});

describe('record start lines', () => {
  it('quote-parity scan = csv-parse info = where the records were written (property)', () => {
    const cell = fc.array(fc.constantFrom('a', ',', '"', '\n', '\r', ' ', ''), { maxLength: 5 }).map((c) => c.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.nat(2)), { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (recs, crlf, trailing) => {
          const eol = crlf ? '\r\n' : '\n';
          let text = '';
          let line = 5;
          const expected: number[] = [];
          const rows: string[][] = [];
          recs.forEach(([cells, empties], i) => {
            for (let e = 0; e < empties; e++) {
              text += eol;
              line++;
            }
            // quote every cell holding a special character, and a lone empty cell (else the line would be empty)
            const q = (s: string) => (/[",\r\n]/.test(s) || (cells.length === 1 && s === '') ? `"${s.replace(/"/g, '""')}"` : s);
            expected.push(line);
            rows.push(cells);
            text += cells.map(q).join(',') + (i < recs.length - 1 || trailing ? eol : '');
            line += 1 + cells.join(',').split('\n').length - 1;
          });
          const buf = Buffer.from(text);
          const parsed = parse(buf, { record_delimiter: eol, relax_column_count: true, skip_empty_lines: true });
          expect(parsed).toEqual(rows);
          expect(recordStartLines(buf, 5, crlf)).toEqual(expected);
          expect(linesFromInfo(buf, 5, crlf, { record_delimiter: eol, relax_column_count: true, skip_empty_lines: true })).toEqual(expected);
          const pb = parseBlock(buf, 5, { file: 'x', delimiter: ',', recordDelimiter: eol as '\n' | '\r\n' });
          expect(pb.rows).toEqual(rows);
          expect(pb.lines).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});


describe('block-rows on plain bytes and with an injected decoder', () => {
  const o = { file: 'x.csv', delimiter: ';', recordDelimiter: '\n' as const };
  it('a Uint8Array that is not a Buffer parses like a Buffer, on both paths', () => {
    const text = 'a;Désa\n"q;x";b\n\nc;€\n';
    const u8 = new TextEncoder().encode(text);
    expect(parseBlock(u8, 3, o)).toEqual(parseBlock(Buffer.from(text), 3, o));
    const plain = new TextEncoder().encode('a;Désa\nc;€\n');
    expect(parseBlock(plain, 3, o).fast).toBe(true);
    expect(parseBlock(plain, 3, o).rows).toEqual([['a', 'Désa'], ['c', '€']]);
  });

  it('uses the given decoder on the fast path (the pool passes Buffer.toString)', () => {
    const buf = Buffer.from('a;b\nc;d\n');
    const seen: [number, number][] = [];
    const r = parseBlock(buf, 1, { ...o, decode: (b, s, e) => (seen.push([s, e]), (b as Buffer).toString('utf8', s, e)) });
    expect(r.rows).toEqual([['a', 'b'], ['c', 'd']]);
    expect(seen).toEqual([[0, 3], [4, 7]]);
  });
});
