/**
 * Property-based fuzzing of the measurement reader (fast-check). Valid exports are mutated (cells dropped,
 * duplicated, swapped, replaced by random Unicode, quotes, delimiters, newlines, re-encoded bytes, truncated rows and
 * files) and the properties are:
 *  - nothing throws except a located CSV syntax error (CsvBlockError / BuildError with file and line);
 *  - rows read = rows accepted + rows rejected (+ rows outside the rounds, which are part of "accepted");
 *  - every untouched valid row is still accepted, with the same measurement;
 *  - a problem names the row's physical line and a known reason, and never carries a NIK.
 * Most cases run the pure pieces (parseBlock + the row validator, exactly what a build worker runs); fewer run the
 * whole build. Seed: FUZZ_SEED (default 20250801); counts: FUZZ_RUNS multiplies them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvBlockError, parseBlock } from '../../../src/lib/csv/block-rows.ts';
import { readRegistry } from '../../../scripts/lib/areas-file.ts';
import { resolveColumns } from '../../../src/lib/csv/headers.ts';
import { createAreaMatcher } from '../../../src/lib/csv/names.ts';
import { createRowValidator, type RowResult } from '../../../src/lib/csv/rows.ts';
import type { Area, ProblemReason } from '../../../src/lib/types.ts';
import { REPO, build, cleanup, makeDataDir } from './harness.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20250801);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
export const RUNS = { cells: 150 * SCALE, raw: 150 * SCALE, build: 12 * SCALE };
let casesRun = 0;
afterAll(() => console.log(`fuzz: ${casesRun} cases run (seed ${SEED})`));

const REASONS = new Set<ProblemReason>([
  'missing_value', 'bad_date', 'future_date', 'measured_before_birth', 'too_old', 'bad_sex', 'bad_number',
  'implausible_weight', 'implausible_height', 'bad_position', 'unknown_area', 'duplicate_row', 'period_not_published', 'malformed_row',
]);

// Valid exports: 30 plain rows of the golden fixture, and 6 e-PPGBM rows of the corpus (`;`, decimal comma, names).
const metro = readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv'), 'utf8').trim().split('\n');
const eppgbm = readFileSync(join(REPO, 'test/fixtures/bad-input/semicolon-decimal-comma/data.csv'), 'utf8').trim().split('\n');
const FORMATS = {
  plain: { delimiter: ',', header: metro[0].split(','), rows: metro.slice(1, 31).map((l) => l.split(',')) },
  eppgbm: { delimiter: ';', header: eppgbm[0].split(';'), rows: eppgbm.slice(1).map((l) => l.split(';')) },
} as const;
type Format = keyof typeof FORMATS;
const NIKS = new Set([...FORMATS.plain.rows.map((r) => r[0]), ...FORMATS.eppgbm.rows.map((r) => r[0])]);

const registry = readRegistry('18.72', join(REPO, 'data/areas/kode_wilayah_2025.csv.gz'));
const AREAS: Area[] = [registry.region, ...registry.kecamatan, ...registry.desa];

function validatorFor(format: Format) {
  const r = resolveColumns(FORMATS[format].header, {}, 'f.csv');
  if (!r.ok) throw new Error('header');
  return createRowValidator({ columns: r.columns, options: { decimal: 'auto', dateOrder: 'auto' }, matcher: createAreaMatcher(AREAS), referenceDay: '2025-12-31', file: 'f.csv' });
}
const VALIDATORS = { plain: validatorFor('plain'), eppgbm: validatorFor('eppgbm') };
const BASELINE = {
  plain: FORMATS.plain.rows.map((r, i) => VALIDATORS.plain.validate(r, i + 2)),
  eppgbm: FORMATS.eppgbm.rows.map((r, i) => VALIDATORS.eppgbm.validate(r, i + 2)),
};
const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

/** RFC 4180 cell: quoted when it holds the delimiter, a quote, CR or LF. */
const cellText = (v: string, d: string) => (v.includes(d) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

// ---- arbitraries ---------------------------------------------------------------------------------------------------
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('"', '""', ';', ',', '\t', '\n', '\r\n', '\r', ' ', '\u00a0', '\u200b', '\ufeff', '\u202e', 'NA', '-', '#N/A', '=1+1', '@SUM(A1)', '<script>alert(1)</script>', 'é', '\u0000', '3.51E+15', '12,5', '1.234,5', '0', '999', '-1', '2025-02-31', '31/12/2099', '9'.repeat(40)),
);
/** Latin-1 round trip of a cell: the UTF-8 bytes read as windows-1252 (mojibake), or the reverse. */
const mojibake = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

type CellOp =
  | { op: 'set'; col: number; value: string }
  | { op: 'drop'; col: number }
  | { op: 'dup'; col: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'truncate'; keep: number }
  | { op: 'mojibake'; col: number }
  | { op: 'pad'; n: number };
const cellOp: fc.Arbitrary<CellOp> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), col: fc.nat(12), value: nasty }),
  fc.record({ op: fc.constant('drop' as const), col: fc.nat(12) }),
  fc.record({ op: fc.constant('dup' as const), col: fc.nat(12) }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(12), b: fc.nat(12) }),
  fc.record({ op: fc.constant('truncate' as const), keep: fc.nat(12) }),
  fc.record({ op: fc.constant('mojibake' as const), col: fc.nat(12) }),
  fc.record({ op: fc.constant('pad' as const), n: fc.integer({ min: 1, max: 3 }) }),
);
function applyOp(fields: string[], o: CellOp): string[] {
  const f = fields.length ? [...fields] : [''];
  const at = (c: number) => c % f.length;
  switch (o.op) {
    case 'set': f[at(o.col)] = o.value; break;
    case 'drop': f.splice(at(o.col), 1); break;
    case 'dup': f.splice(at(o.col), 0, f[at(o.col)]); break;
    case 'swap': { const a = at(o.a), b = at(o.b); [f[a], f[b]] = [f[b], f[a]]; break; }
    case 'truncate': f.length = Math.max(1, o.keep % f.length); break;
    case 'mojibake': f[at(o.col)] = mojibake(f[at(o.col)]); break;
    case 'pad': for (let i = 0; i < o.n; i++) f.push(''); break;
  }
  return f;
}

/** Checks one validation result against the invariants every row must meet, touched or not. */
function checkResult(r: RowResult, line: number, row: string[]): void {
  if (r.ok) {
    const m = r.m;
    expect(m.line).toBe(line);
    expect(m.ageDays).toBeGreaterThanOrEqual(0);
    expect(m.ageDays).toBeLessThanOrEqual(1826);
    expect(m.measureDate <= '2025-12-31' && m.birthDate <= m.measureDate).toBe(true);
    if (m.weightKg !== null) expect(m.weightKg >= 0.5 && m.weightKg <= 60).toBe(true);
    if (m.lengthHeightCm !== null) expect(m.lengthHeightCm >= 38 && m.lengthHeightCm <= 150).toBe(true);
    expect(m.weightKg !== null || m.lengthHeightCm !== null).toBe(true);
    expect(m.childKey).toMatch(/^[0-9a-f]{16}$/);
    expect(AREAS.some((a) => a.code === m.areaCode && a.level === 'desa')).toBe(true);
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(p.line).toBe(line);
    expect(REASONS.has(p.reason), p.reason).toBe(true);
    expect(typeof p.message).toBe('string');
    for (const nik of NIKS) expect(p.raw ?? '', `NIK in a problem of ${JSON.stringify(row)}`).not.toContain(nik);
  }
}

describe('fuzz: the reader and validator (pure)', () => {
  it('cell mutations written as valid CSV: parsed back exactly, untouched rows accepted unchanged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Format>('plain', 'eppgbm'),
        fc.array(fc.tuple(fc.nat(40), fc.array(cellOp, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (format, mutations, crlf) => {
          casesRun++;
          const { delimiter, header, rows } = FORMATS[format];
          const touched = new Map<number, string[]>();
          for (const [r, ops] of mutations) {
            const i = r % rows.length;
            touched.set(i, ops.reduce(applyOp, touched.get(i) ?? rows[i]));
          }
          const written = rows.map((r, i) => touched.get(i) ?? r);
          const eol = crlf ? '\r\n' : '\n';
          const text = written.map((r) => r.map((c) => cellText(c, delimiter)).join(delimiter)).join(eol) + eol;
          // Physical start line of each written row (header = line 1).
          const starts: number[] = [];
          let line = 2;
          for (const r of written) {
            starts.push(line);
            line += (r.map((c) => cellText(c, delimiter)).join(delimiter).match(/\n/g) ?? []).length + 1;
          }
          const parsed = parseBlock(Buffer.from(text), 2, { file: 'f.csv', delimiter, recordDelimiter: crlf ? '\r\n' : '\n' });
          // csv-parse skips empty lines only: a row written as nothing disappears, a row of blank cells stays.
          const kept = written.map((r, i) => [r, starts[i]] as const).filter(([r]) => !(r.length <= 1 && (r[0] ?? '') === ''));
          expect(parsed.rows.length).toBe(kept.length);
          const v = VALIDATORS[format];
          let read = 0, accepted = 0, rejected = 0;
          parsed.rows.forEach((fields, k) => {
            expect(fields).toEqual(kept[k][0]);
            expect(parsed.lines[k]).toBe(kept[k][1]);
            if (isBlank(fields)) return;
            read++;
            const res = v.validate(fields, parsed.lines[k]);
            checkResult(res, parsed.lines[k], fields);
            if (res.ok) accepted++;
            else rejected++;
            const i = written.indexOf(kept[k][0]);
            if (!touched.has(i)) {
              const base = BASELINE[format][i];
              expect(res).toEqual(base.ok ? { ok: true, m: { ...base.m, line: parsed.lines[k] } } : base);
            }
          });
          expect(accepted + rejected).toBe(read);
          expect(accepted).toBeGreaterThanOrEqual(rows.length - touched.size);
        },
      ),
      { seed: SEED, numRuns: RUNS.cells },
    );
  });

  it('raw byte mutations (unescaped quotes, delimiters, newlines, NUL, Latin-1 or UTF-16 bytes, truncation): located error or rows before the damage intact', () => {
    const insertion = fc.oneof(
      fc.constantFrom('"', '""', '"x', ',', ';', '\t', '\n', '\r', '\r\n', '\n\n', '\u0000', '\ufeff'),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(100000), bytes: insertion }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(100000), n: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(100000) }),
      fc.record({ kind: fc.constant('latin1' as const), at: fc.nat(100000) }),
      fc.record({ kind: fc.constant('utf16' as const), at: fc.nat(100000) }),
    );
    fc.assert(
      fc.property(fc.constantFrom<Format>('plain', 'eppgbm'), damage, fc.boolean(), (format, d, fast) => {
        casesRun++;
        const { delimiter, rows } = FORMATS[format];
        const lines = rows.map((r) => r.join(delimiter));
        const clean = Buffer.from(lines.join('\n') + '\n');
        const at = d.at % clean.length;
        let buf: Buffer;
        let damaged = at; // first byte that differs
        if (d.kind === 'insert') buf = Buffer.concat([clean.subarray(0, at), Buffer.from(d.bytes, 'utf8'), clean.subarray(at)]);
        else if (d.kind === 'delete') buf = Buffer.concat([clean.subarray(0, at), clean.subarray(at + d.n)]);
        else if (d.kind === 'truncate') buf = clean.subarray(0, at);
        else {
          // Re-encode the line holding `at`: Latin-1 bytes (é as 0xE9) or UTF-16LE.
          const ls = clean.lastIndexOf(0x0a, at - 1) + 1;
          const le = clean.indexOf(0x0a, at);
          const line = clean.subarray(ls, le).toString('utf8').replace(/a/, 'é');
          buf = Buffer.concat([clean.subarray(0, ls), Buffer.from(line, d.kind === 'latin1' ? 'latin1' : 'utf16le'), clean.subarray(le)]);
          damaged = ls;
        }
        const prefixRows = clean.subarray(0, damaged).toString('utf8').split('\n').length - 1; // rows ending before the damage
        const totalLines = buf.toString('latin1').split('\n').length + 1;
        let parsed;
        try {
          parsed = parseBlock(buf, 2, { file: 'f.csv', delimiter, recordDelimiter: '\n', fastPath: fast });
        } catch (e) {
          expect(e).toBeInstanceOf(CsvBlockError);
          const err = e as CsvBlockError;
          expect(err.line).toBeGreaterThanOrEqual(2 + prefixRows);
          expect(err.line).toBeLessThanOrEqual(totalLines);
          return;
        }
        const v = VALIDATORS[format];
        let read = 0, accepted = 0;
        parsed.rows.forEach((fields, k) => {
          if (isBlank(fields)) return;
          read++;
          const res = v.validate(fields, parsed.lines[k]);
          checkResult(res, parsed.lines[k], fields);
          if (res.ok) accepted++;
          if (k < prefixRows) {
            expect(fields).toEqual(rows[k]);
            expect(parsed.lines[k]).toBe(k + 2);
            expect(res.ok, `untouched row ${k + 2}`).toBe(BASELINE[format][k].ok);
          }
        });
        expect(read).toBeGreaterThanOrEqual(prefixRows);
        expect(accepted).toBeGreaterThanOrEqual(prefixRows);
      }),
      { seed: SEED + 1, numRuns: RUNS.raw },
    );
  });
});

describe('fuzz: the whole build', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(cleanup));
  it('never crashes; accounting holds; valid rows before and after a damaged row are counted', async () => {
    const header = metro[0];
    const valid = metro.slice(1, 41);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(39),
        fc.oneof(
          fc.array(cellOp, { minLength: 1, maxLength: 3 }).map((ops) => ({ kind: 'cells' as const, ops })),
          fc.constantFrom('"', '\u0000', '\n', ',,', 'é', '\r').map((s) => ({ kind: 'raw' as const, s })),
        ),
        fc.integer({ min: 1, max: 2 }),
        async (row, m, workers) => {
          casesRun++;
          let bad: string;
          if (m.kind === 'cells') bad = m.ops.reduce(applyOp, valid[row].split(',')).map((c) => cellText(c, ',')).join(',');
          else bad = valid[row].slice(0, 20) + m.s + valid[row].slice(20);
          const lines = [header, ...valid.slice(0, row), bad, ...valid.slice(row + 1)];
          const dir = makeDataDir({ files: { 'data.csv': lines.join('\n') + '\n' } });
          dirs.push(dir);
          const r = await build(dir, { workers });
          if (!r.ok) {
            // Only a located error may stop the build here: a quote opened in the damaged row, or a NUL byte.
            expect(r.problems.length).toBe(1);
            expect(r.problems[0].file).toBe('measurements/data.csv');
            expect(r.problems[0].line).toBe(row + 2);
            return;
          }
          const v = r.validation;
          expect(v.rows_accepted + v.rows_rejected).toBe(v.rows_read);
          expect(Object.values(v.by_reason).reduce((s, n) => s + n, 0)).toBe(v.rows_rejected);
          // The 39 other rows are valid and every one is counted, whatever happened to the damaged one.
          expect(v.rows_accepted).toBeGreaterThanOrEqual(39);
          expect(v.rows_read).toBeLessThanOrEqual(41);
          const text = JSON.stringify(v);
          for (const nik of NIKS) expect(text).not.toContain(nik);
        },
      ),
      { seed: SEED + 2, numRuns: RUNS.build },
    );
  });
});
