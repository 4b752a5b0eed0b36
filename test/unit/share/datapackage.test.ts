/**
 * The published datapackage.json against the Frictionless Data Package, Data Resource and Table Schema rules
 * (test/helpers/datapackage.ts, offline): the golden fixture's expected descriptor, and a full data build of the golden
 * fixture folder into a temp folder, checked with every file (presence, sizes, SHA-256, CSV content against the
 * schema). The demo build's package in dist/ is checked by test/browser/datapackage-dist.test.ts after `npm run build`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../scripts/lib/build.ts';
import { castable, packageFilesIn, parseCsv, validateCsvAgainstSchema, validateDescriptor, validatePackage, type PackageFiles } from '../../helpers/datapackage.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'golden');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? listFiles(join(dir, f)) : [join(dir, f)]));
}

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'datapackage-'));
  await runBuild({ configPath: join(FIXTURE, 'site.config.json'), outDir: out, log: () => {}, workers: 1 });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('published datapackage.json', () => {
  it('golden fixture: descriptor valid, and every file the fixture holds matches its size and hash', () => {
    const dir = join(ROOT, 'test', 'golden', 'expected');
    const d = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    expect(validateDescriptor(d)).toEqual([]);
    // The golden folder keeps a selection of the files; the others are checked in the full build below.
    const problems = validatePackage(d, packageFilesIn(dir)).filter((p) => !p.endsWith('file missing'));
    expect(problems).toEqual([]);
  });

  it('a full data build: descriptor, every listed file, and stunting.csv against its schema', () => {
    const v1 = join(out, 'data', 'v1');
    const d = JSON.parse(readFileSync(join(v1, 'datapackage.json'), 'utf8'));
    expect(validatePackage(d, packageFilesIn(v1))).toEqual([]);
    expect(d.licenses?.[0]?.name).toMatch(/^CC-BY/);
    expect(d.resources.find((r: { path: string }) => r.path === 'stunting.csv')?.schema?.fields?.length).toBe(14);
    // Every published file but the descriptor itself is listed as a resource.
    const listed = new Set(d.resources.map((r: { path: string }) => r.path));
    const files = listFiles(v1).map((f) => relative(v1, f)).filter((f) => f !== 'datapackage.json');
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => !listed.has(f))).toEqual([]);
  });
});

describe('validator catches what the specs forbid', () => {
  const good = {
    name: 'x',
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources: [{ name: 'a', path: 'a.csv', format: 'csv', mediatype: 'text/csv', schema: { fields: [{ name: 'k', type: 'string' }, { name: 'v', type: 'integer' }], primaryKey: ['k'] } }],
  };
  it('accepts a minimal valid package', () => expect(validateDescriptor(good)).toEqual([]));
  it.each([
    ['no resources', { name: 'x' }, /resources: required/],
    ['upper-case name', { ...good, name: 'Stunting Data' }, /^name:/],
    ['resource without name', { resources: [{ path: 'a.csv' }] }, /name: required/],
    ['resource with path and data', { resources: [{ name: 'a', path: 'a', data: [] }] }, /exactly one of path or data/],
    ['path traversal', { resources: [{ name: 'a', path: '../secret.csv' }] }, /safe relative POSIX path/],
    ['absolute path', { resources: [{ name: 'a', path: '/etc/passwd' }] }, /safe relative POSIX path/],
    ['duplicate resource names', { resources: [{ name: 'a', path: 'a.csv' }, { name: 'a', path: 'a.json' }] }, /not unique/],
    ['bad hash', { resources: [{ name: 'a', path: 'a', hash: 'sha256:abc' }] }, /wrong length/],
    ['bad media type', { resources: [{ name: 'a', path: 'a', mediatype: 'csv' }] }, /mediatype/],
    ['unknown field type', { resources: [{ name: 'a', path: 'a', schema: { fields: [{ name: 'k', type: 'text' }] } }] }, /unknown type/],
    ['duplicate field', { resources: [{ name: 'a', path: 'a', schema: { fields: [{ name: 'k' }, { name: 'k' }] } }] }, /not unique/],
    ['primary key not a field', { resources: [{ name: 'a', path: 'a', schema: { fields: [{ name: 'k' }], primaryKey: ['id'] } }] }, /primaryKey/],
    ['licence with spaces', { ...good, licenses: [{ name: 'CC BY 4.0' }] }, /licence id/],
    ['source without title', { ...good, sources: [{ path: 'https://x' }] }, /needs a title/],
  ])('%s', (_, d, re) => {
    const ps = validateDescriptor(d);
    expect(ps.some((p) => re.test(p)), ps.join('\n')).toBe(true);
  });

  it('checks files: missing, size, hash, CSV header, types, enum and primary key', () => {
    const csv = 'k,v\na,1\nb,x\na,2\n';
    const enc = new TextEncoder();
    const files: PackageFiles = { read: (p) => (p === 'a.csv' ? enc.encode(csv) : null), sha256 };
    const d = { resources: [
      { ...good.resources[0], bytes: 3, hash: `sha256:${'0'.repeat(64)}` },
      { name: 'b', path: 'b.json', format: 'json' },
    ] };
    const ps = validatePackage(d, files).join('\n');
    expect(ps).toMatch(/bytes 3 ≠ actual/);
    expect(ps).toMatch(/sha256 does not match/);
    expect(ps).toMatch(/a.csv:3: v = "x" is not a integer/);
    expect(ps).toMatch(/a.csv:4: primary key a repeats/);
    expect(ps).toMatch(/b.json\): file missing/);
    expect(validateCsvAgainstSchema('x,y\n', good.resources[0].schema, 'a.csv').join()).toMatch(/header/);
  });

  it('parses RFC 4180 CSV and casts Table Schema types', () => {
    expect(parseCsv('a,"b,""c"""\r\n1,\n')).toEqual([['a', 'b,"c"'], ['1', '']]);
    expect(castable('number', '18.5')).toBe(true);
    expect(castable('number', '18,5')).toBe(false);
    expect(castable('integer', '1.0')).toBe(false);
    expect(castable('yearmonth', '2025-08')).toBe(true);
    expect(castable('yearmonth', '2025-13')).toBe(false);
  });
});
