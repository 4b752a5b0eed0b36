/**
 * The zscores CLI end to end on hand-made fixtures. The expected outputs (test/fixtures/zscores/expected*.csv) are
 * checked here against values computed independently of the engine: for every fixture row the test states by hand
 * which WHO table, key (age in days or length in mm) and measurement anthro uses, and computes the z-score from the
 * LMS formula with the tables read straight from data/who/*.txt. Regenerate the expected files with
 * UPDATE_ZSCORES_FIXTURES=1 (they are written from this independent computation, never from the CLI).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { init, processBlock, setBytesDriver, type ZBlockResult } from './zscores-worker.ts';
import type { BlockContext } from './parallel-csv.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIX = join(ROOT, 'test/fixtures/zscores');
const CLI = join(ROOT, 'scripts/zscores.ts');
const OUT = join(ROOT, 'test/.out/zscores');

type Tab = 'len' | 'wei' | 'wfl' | 'wfh' | 'bmi';
const LMS = new Map<string, [number, number, number]>();
for (const t of ['len', 'wei', 'wfl', 'wfh', 'bmi'] as Tab[]) {
  const lines = readFileSync(join(ROOT, `data/who/${t}anthro.txt`), 'utf8').trim().split(/\r?\n/);
  for (const line of lines.slice(1)) {
    const [sex, key, l, m, s] = line.split('\t');
    const k = t === 'wfl' || t === 'wfh' ? Math.round(Number(key) * 10) : Number(key);
    LMS.set(`${t}:${sex}:${k}`, [Number(l), Number(m), Number(s)]);
  }
}

/** WHO 2006 LMS z-score; for weight-based indicators the restricted form beyond +/-3 SD (WHO methods, ch. 7). */
function z(t: Tab, sex: 1 | 2, key: number, y: number): number {
  const lms = LMS.get(`${t}:${sex}:${key}`);
  if (!lms) throw new Error(`no ${t} row for sex ${sex} key ${key}`);
  const [l, m, s] = lms;
  const sd = (k: number) => m * Math.pow(1 + l * s * k, 1 / l);
  let v = (Math.pow(y / m, l) - 1) / (s * l);
  if (t !== 'len' && v > 3) v = 3 + (y - sd(3)) / (sd(3) - sd(2));
  if (t !== 'len' && v < -3) v = -3 + (y - sd(-3)) / (sd(-2) - sd(-3));
  const r = Math.round(v * 100);
  // the fixture values are chosen away from rounding ties, where R's round() and Math.round could differ
  expect(Math.abs(Math.abs(v * 100 - Math.trunc(v * 100)) - 0.5)).toBeGreaterThan(1e-6);
  return r / 100;
}

type Score = [Tab, 1 | 2, number, number] | null;
/** Per fixture id, by hand: age_days, clenhei, and the table/sex/key/measurement of zlen, zwei, zwfl, zbmi. */
const HAND: Record<string, { age: number | ''; clen: number | ''; len?: Score; wei?: Score; wfl?: Score; bmi?: Score }> = {
  // boy, 365 days, lying: no correction under 731 days; length table by age; wfl by length
  '1': { age: 365, clen: 75, len: ['len', 1, 365, 75], wei: ['wei', 1, 365, 9.6], wfl: ['wfl', 1, 750, 9.6], bmi: ['bmi', 1, 365, 9.6 / 0.75 ** 2] },
  // girl, 1096 days (2024 is a leap year), standing from 731 days: no correction; wfh
  '2': { age: 1096, clen: 95.3, len: ['len', 2, 1096, 95.3], wei: ['wei', 2, 1096, 13.1], wfl: ['wfh', 2, 953, 13.1], bmi: ['bmi', 2, 1096, 13.1 / 0.953 ** 2] },
  // boy, 900 days, lying ('l') from 731 days: -0.7 cm -> 85.0; wfh
  '3': { age: 900, clen: 85, len: ['len', 1, 900, 85], wei: ['wei', 1, 900, 11.2], wfl: ['wfh', 1, 850, 11.2], bmi: ['bmi', 1, 900, 11.2 / 0.85 ** 2] },
  // girl, 400 days (over 9 months), standing under 731 days: +0.7 cm -> 75.0; wfl
  '4': { age: 400, clen: 75, len: ['len', 2, 400, 75], wei: ['wei', 2, 400, 8.9], wfl: ['wfl', 2, 750, 8.9], bmi: ['bmi', 2, 400, 8.9 / 0.75 ** 2] },
  // boy ('m'), 100 days, standing under 9 months: position treated as unknown, no correction
  '5': { age: 100, clen: 58, len: ['len', 1, 100, 58], wei: ['wei', 1, 100, 5.9], wfl: ['wfl', 1, 580, 5.9], bmi: ['bmi', 1, 100, 5.9 / 0.58 ** 2] },
  // oedema: only length-for-age
  '6': { age: 500, clen: 76, len: ['len', 1, 500, 76] },
  // girl ('f'), weight missing: only length-for-age
  '7': { age: 700, clen: 80, len: ['len', 2, 700, 80] },
  // sex missing: no score
  '8': { age: 700, clen: 80 },
  // impossible birth date (2023-02-29): no age, so no age-based score; wfl by the recorded position (L), uncorrected
  '9': { age: '', clen: 68, wfl: ['wfl', 1, 680, 7.5] },
  // measured before birth: no score
  '10': { age: -10, clen: 50 },
  // 1900 days: over 59 months, no score (weight-for-height too)
  '11': { age: 1900, clen: 108 },
  // heavy: restricted LMS beyond +3 SD, flags
  '12': { age: 365, clen: 75, len: ['len', 1, 365, 75], wei: ['wei', 1, 365, 17], wfl: ['wfl', 1, 750, 17], bmi: ['bmi', 1, 365, 17 / 0.75 ** 2] },
  // very short: zlen < -6 flagged; restricted LMS below -3 SD for weight
  '13': { age: 365, clen: 55, len: ['len', 1, 365, 55], wei: ['wei', 1, 365, 5], wfl: ['wfl', 1, 550, 5], bmi: ['bmi', 1, 365, 5 / 0.55 ** 2] },
  // unreadable length ('abc') and oedema ('x', read as no oedema): weight-for-age only
  '14': { age: 365, clen: '', wei: ['wei', 2, 365, 9.1] },
  // short row: the missing cells are empty
  '15': { age: 366, clen: '' },
  // long row with empty extra cells (cut)
  '16': { age: 366, clen: 74, len: ['len', 1, 366, 74], wei: ['wei', 1, 366, 9], wfl: ['wfl', 1, 740, 9], bmi: ['bmi', 1, 366, 9 / 0.74 ** 2] },
};

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The expected output of a fixture, from HAND and the formula (the input is read with csv-parse, padded/cut). */
function expectedOutput(input: string, delimiter: string): string {
  const [header, ...rows] = parse(readFileSync(join(FIX, input)), {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const extra = ['age_days', 'clenhei', 'zlen', 'flen', 'zwei', 'fwei', 'zwfl', 'fwfl', 'zbmi', 'fbmi'];
  let out = header.map(csvField).concat(extra).join(',') + '\n';
  const id = header.indexOf('id');
  for (const row of rows) {
    const cells = row.slice(0, header.length);
    while (cells.length < header.length) cells.push('');
    const h = HAND[row[id]];
    const score = (s: Score | undefined, flag: (v: number) => boolean): [string, string] => {
      if (!s) return ['', ''];
      const v = z(...s);
      return [String(v), flag(v) ? '1' : '0'];
    };
    const [zl, fl] = score(h.len, (v) => Math.abs(v) > 6);
    const [zw, fw] = score(h.wei, (v) => v < -6 || v > 5);
    const [zf, ff] = score(h.wfl, (v) => Math.abs(v) > 5);
    const [zb, fb] = score(h.bmi, (v) => Math.abs(v) > 5);
    out += cells.map(csvField).concat([String(h.age), String(h.clen), zl, fl, zw, fw, zf, ff, zb, fb]).join(',') + '\n';
  }
  return out;
}

function runCli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
}

describe('zscores CLI', () => {
  const cases = [
    { input: 'input.csv', expected: 'expected.csv', delimiter: ',' },
    { input: 'input-quoted.csv', expected: 'expected-quoted.csv', delimiter: ';' },
  ];
  for (const c of cases) {
    it(`${c.input}: the expected file matches the independent computation, and the CLI writes exactly it`, () => {
      const exp = expectedOutput(c.input, c.delimiter);
      if (process.env.UPDATE_ZSCORES_FIXTURES) writeFileSync(join(FIX, c.expected), exp);
      expect(readFileSync(join(FIX, c.expected), 'utf8')).toBe(exp);
      for (const flags of [[], ['--no-fast-path'], ['--workers', '1', '--block-size', '0.0001']]) {
        const r = runCli(...flags, join('test/fixtures/zscores', c.input));
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(exp);
      }
    });
  }

  it('reports unreadable cells with their line (quoted newlines counted)', () => {
    const r = runCli('test/fixtures/zscores/input-quoted.csv');
    expect(r.stderr).toContain('1 unreadable dob cell treated as missing (first: test/fixtures/zscores/input-quoted.csv:11: "2023-02-29")');
    expect(r.stderr).toContain('input-quoted.csv:16: "abc"');
  });

  it('reads gzip input', () => {
    mkdirSync(OUT, { recursive: true });
    const gz = join(OUT, 'input.csv.gz');
    writeFileSync(gz, spawnSync('gzip', ['-c', join(FIX, 'input.csv')]).stdout);
    const r = runCli(gz);
    expect(r.stdout).toBe(readFileSync(join(FIX, 'expected.csv'), 'utf8'));
  });

  it('exits 2 naming the missing columns at file:1:col', () => {
    mkdirSync(OUT, { recursive: true });
    const f = join(OUT, 'missing.csv');
    writeFileSync(f, 'id,sex,DOB,measure_date,weight,lenhei_cm\n1,1,2023-01-01,2024-01-01,9,75\n');
    const r = runCli(f);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:1:7: missing columns weight_kg, measure; expected a header with sex, dob, measure_date, weight_kg, lenhei_cm, measure`);
    expect(r.stderr).toContain('found "id", "sex", "DOB", "measure_date", "weight", "lenhei_cm"');
  });

  it('exits 1 with file:line:column on a malformed row or CSV', () => {
    mkdirSync(OUT, { recursive: true });
    const f = join(OUT, 'long.csv');
    writeFileSync(f, 'sex,dob,measure_date,weight_kg,lenhei_cm,measure\n1,2023-01-01,2024-01-01,9,75,L\n1,2023-01-01,2024-01-01,9,75,L,x\n');
    let r = runCli(f);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${f}:3:7: expected 6 fields as in the header, found 7`);
    writeFileSync(f, 'sex,dob,measure_date,weight_kg,lenhei_cm,measure\n1,2023-01-01,2024-01-01,9,75,L\n1,"2023-01-01,2024-01-01,9,75,L\n');
    r = runCli(f);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${f}:3:2: Quote Not Closed`));
  });

  it('prints --help and exits 2 on usage errors', () => {
    const h = runCli('--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('age_days, clenhei, zlen, flen, zwei, fwei, zwfl, fwfl, zbmi, fbmi');
    expect(runCli().status).toBe(2);
    expect(runCli('--bogus', 'x.csv').status).toBe(2);
  });
});

describe('zscores byte driver', () => {
  it('gives the same bytes and problems as the csv-parse driver (property)', () => {
    init(undefined);
    const header = ['id', 'sex', 'dob', 'measure_date', 'weight_kg', 'lenhei_cm', 'measure', 'oedema'];
    const cellArb = fc.oneof(
      fc.constantFrom('', '1', '2', 'm', 'x', ' 1', 'L', 'h', 'y', 'n', '9.5', '75,0', '80', 'abc', 'é', '2023-01-01', '2024-02-29', '2024-13-01'),
      fc.string({ maxLength: 4 }).filter((s) => !/[",\r\n]/.test(s)),
    );
    const rowArb = fc.array(cellArb, { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), fc.boolean(), fc.nat(3), (rows, crlf, empties) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = rows.map((r) => r.join(',')).join(eol) + eol.repeat(empties);
        const ctx: BlockContext = { file: 'f.csv', delimiter: ',', recordDelimiter: crlf ? '\r\n' : '\n', header, index: 0 };
        const run = (bytes: boolean): ZBlockResult | string => {
          setBytesDriver(bytes);
          try {
            return processBlock(Buffer.from(text), 2, header, ctx);
          } catch (e) {
            return (e as Error).message;
          } finally {
            setBytesDriver(true);
          }
        };
        const a = run(true);
        const b = run(false);
        if (typeof a === 'string' || typeof b === 'string') {
          expect(a).toEqual(b);
          return;
        }
        expect(Buffer.from(a.bytes).toString()).toBe(Buffer.from(b.bytes).toString());
        expect(a.rows).toBe(b.rows);
        expect(a.bad).toEqual(b.bad);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('number formatting', () => {
  it('fmt2 prints a 2-decimal z exactly as String() does', async () => {
    const { roundR2 } = await import('../../src/lib/who/zscore.ts');
    const { fmt2 } = await import('./zscores-worker.ts');
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        const z = roundR2(x);
        expect(fmt2(z)).toBe(String(z));
      }),
      { numRuns: 20000 },
    );
    for (const z of [0, -0, 1, -1, 0.1, -0.05, 0.01, 10.1, -12.34, 5, 39.99]) expect(fmt2(z)).toBe(String(z + 0));
  });

  it('fmt15 prints at most 15 significant digits', async () => {
    const { fmt15 } = await import('./zscores-worker.ts');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12000 }), fc.constantFrom(0, 0.7, -0.7, 1e-12, 3e-14), (t, adj) => {
        const x = t / 10 + adj;
        expect(fmt15(x)).toBe(String(Number(x.toPrecision(15))));
      }),
    );
    for (const x of [85.7 - 0.7, 74.3 + 0.7, 75.123456789, 1e-9, 123456789.12, 0.30000000000000004, 85.0000001, 85 + 2e-13, 85 + 3e-14, 9.99999999999999, 999.95]) {
      expect(fmt15(x)).toBe(String(Number(x.toPrecision(15))));
    }
  });
});
