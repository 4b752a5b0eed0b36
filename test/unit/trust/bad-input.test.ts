/**
 * The bad-input corpus (test/fixtures/bad-input/cases.json, written by make-corpus.ts): every malformed or hostile
 * input goes through the real data build. A structural problem must stop the build with file, line, column and the
 * raw value; a bad row must be rejected with its reason, line, column and raw cell, and every valid row of the same
 * file must still be counted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BAD_INPUT, build, cleanup, listFiles, makeDataDir } from './harness.ts';

interface Manifest {
  name: string;
  description: string;
  files: string[];
  /** Files for the data folder itself (cases-small-inputs.json): `<case>/data/<path>`. */
  dataFiles?: string[];
  config?: Record<string, unknown>;
  configText?: string;
  generate?: string;
  expected:
    | { error: { file: string; line?: number; column?: number; raw?: string; message: string; notInMessage?: string[] } }
    | {
        rows: {
          rows_read: number;
          rows_accepted: number;
          by_reason: Record<string, number>;
          rows_outside_rounds?: number;
          children?: number;
          examples?: { reason: string; line: number; column?: string; raw?: string }[];
          absent?: string[];
          files_skipped?: { entry: number; extension: string; reason: string; sheet?: number }[];
        };
      };
}

const cases = [
  ...(JSON.parse(readFileSync(join(BAD_INPUT, 'cases.json'), 'utf8')) as Manifest[]),
  ...(JSON.parse(readFileSync(join(BAD_INPUT, 'cases-small-inputs.json'), 'utf8')) as Manifest[]),
];
const dirs: string[] = [];
// Dozens of build outputs (each with per-area CSVs in two dialects) take a while to remove on a loaded machine.
afterAll(() => dirs.forEach(cleanup), 120_000);

/** Folder entries that cannot be committed: made in the measurements folder after the files are written. */
function special(name: string | undefined, measurements: string): void {
  if (name === 'fifo-in-folder') execFileSync('mkfifo', [join(measurements, 'pipe.csv')]);
  if (name === 'symlink-outside-data') symlinkSync('/etc/passwd', join(measurements, 'passwd.csv'));
}

/** Inputs produced here rather than committed. */
function generated(name: string): Record<string, string | Uint8Array> {
  const valid = () => readFileSync(join(BAD_INPUT, 'tab-delimited/data.csv'), 'utf8').replace(/\t/g, ',');
  if (name === 'fifo-in-folder' || name === 'symlink-outside-data') return { 'data.csv': valid() };
  if (name === 'gzip-bomb-one-line') {
    // 4 valid rows, then one line of 'A's: gzip members of 1 MiB each, concatenated (2 GiB in all, 2 MB on disk)
    const [header, ...rows] = valid().trimEnd().split('\n');
    const head = gzipSync([header, ...rows.slice(0, 4), 'A'].join('\n'));
    const member = gzipSync(Buffer.alloc(1 << 20, 0x41));
    return { 'data.csv.gz': Buffer.concat([head, ...new Array(2048).fill(member)]) };
  }
  if (name === 'ten-mb-line') {
    const golden = readFileSync(join(BAD_INPUT, 'tab-delimited/data.csv'), 'utf8').replace(/\t/g, ',').trimEnd().split('\n');
    const [header, ...valid] = golden;
    // 10 MB on one physical line: a runaway cell of digits and commas, no quote, no newline.
    const huge = '1'.repeat(4 << 20) + ','.repeat(3) + '2'.repeat(6 << 20);
    return { 'data.csv': [header, ...valid.slice(0, 4), huge, ...valid.slice(4)].join('\n') + '\n' };
  }
  throw new Error(`unknown generated input ${name}`);
}

describe('bad-input corpus', () => {
  it('holds at least 40 cases, each with a description and an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      expect(c.description.length, c.name).toBeGreaterThan(10);
      expect('error' in c.expected || 'rows' in c.expected, c.name).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const files: Record<string, string | Uint8Array> = c.generate ? generated(c.generate) : {};
    for (const f of c.files) files[f.slice(c.name.length + 1)] = readFileSync(join(BAD_INPUT, f));
    const dataFiles = Object.fromEntries((c.dataFiles ?? []).map((f) => [f.slice(c.name.length + '/data/'.length), readFileSync(join(BAD_INPUT, f))]));
    const dir = makeDataDir({ files, dataFiles, config: c.config, configText: c.configText });
    dirs.push(dir);
    special(c.generate, join(dir, 'measurements'));
    const r = await build(dir);

    if ('error' in c.expected) {
      const want = c.expected.error;
      expect(r.ok, `${c.name}: the build should have failed`).toBe(false);
      if (r.ok) return;
      const match = r.problems.find(
        (p) =>
          p.file.replace(/\\/g, '/').endsWith(want.file) &&
          (want.line === undefined || p.line === want.line) &&
          (want.column === undefined || p.column === want.column) &&
          (want.raw === undefined || (p.raw ?? '').includes(want.raw)) &&
          `${p.message} ${p.expected}`.includes(want.message),
      );
      expect(match, `${c.name}: no problem like ${JSON.stringify(want)} in\n${r.message}`).toBeDefined();
      // The formatted message starts with file:line(:column) so that an editor can jump to it.
      if (want.line !== undefined) expect(r.message).toContain(`${want.file}:${want.line}`);
      for (const t of want.notInMessage ?? []) expect(r.message, `${c.name}: "${t}" in the message`).not.toContain(t);
      // Never a stack trace or an internal error name in front of an official.
      expect(r.message).not.toMatch(/\n\s+at |TypeError|RangeError|undefined/);
      return;
    }

    const want = c.expected.rows;
    if (!r.ok) throw new Error(`${c.name}: the build failed:\n${r.message}`);
    const v = r.validation;
    expect({ rows_read: v.rows_read, rows_accepted: v.rows_accepted, by_reason: v.by_reason }).toEqual({
      rows_read: want.rows_read,
      rows_accepted: want.rows_accepted,
      by_reason: want.by_reason,
    });
    // Accounting: every row read is accepted or rejected, once.
    expect(v.rows_accepted + v.rows_rejected).toBe(v.rows_read);
    expect(Object.values(v.by_reason).reduce((s, n) => s + n, 0)).toBe(v.rows_rejected);
    expect(v.rows_outside_rounds ?? 0).toBe(want.rows_outside_rounds ?? 0);
    expect(r.summary.rowsAccepted).toBe(want.rows_accepted);
    if (want.children !== undefined) expect(r.summary.children).toBe(want.children);
    for (const ex of want.examples ?? []) {
      const got = (v.examples[ex.reason] ?? []).find((e) => e.line === ex.line && (ex.column === undefined || e.column === ex.column));
      expect(got, `${c.name}: no ${ex.reason} example at line ${ex.line} in ${JSON.stringify(v.examples)}`).toBeDefined();
      expect(got!.file).toMatch(/^measurements\//);
      if (ex.raw !== undefined) expect(got!.raw).toBe(ex.raw);
    }
    // Every example names a file and a line; none repeats a NIK or a birth date of the input.
    for (const list of Object.values(v.examples)) for (const e of list) expect(e.line).toBeGreaterThan(0);
    const published = listFiles(join(r.out, 'data/v1')).map((f) => readFileSync(f, 'utf8'));
    for (const text of published.filter((_, i) => listFiles(join(r.out, 'data/v1'))[i].endsWith('.json'))) expect(() => JSON.parse(text)).not.toThrow();
    const all = published.join('\n');
    for (const s of want.absent ?? []) expect(all.includes(s), `${c.name}: "${s}" published`).toBe(false);
    // Entries not read are named by position and extension only (absent when every entry was read).
    expect((v as { files_skipped?: unknown }).files_skipped).toEqual(want.files_skipped);
  });
});
