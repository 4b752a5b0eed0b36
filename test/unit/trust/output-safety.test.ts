/**
 * Output safety of the data build: `--out` never deletes a folder that is not its own output (inputs, the project,
 * someone's documents), a full or read-only disk is a message and leaves the previous output, and bad command-line
 * options are refused with a message instead of a stack trace or a hang.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTPUT_MANIFEST } from '../../../src/lib/output-guard.ts';
import { REPO, build, cleanup, makeDataDir } from './harness.ts';

const metro = readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv'));
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const dataDir = () => {
  const d = makeDataDir({ files: { 'metro.csv': metro } });
  dirs.push(d);
  return d;
};
const refused = (r: Awaited<ReturnType<typeof build>>, why: string) => {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.message).toContain(why);
    expect(r.message).toContain('nothing was deleted');
    expect(r.message).not.toMatch(/\n\s+at /);
  }
};

describe('--out refuses folders that are not its own output', () => {
  it('the measurements folder: refused, every export still there', async () => {
    const d = dataDir();
    refused(await build(d, { out: join(d, 'measurements') }), "holds the build's inputs");
    expect(readdirSync(join(d, 'measurements'))).toEqual(['metro.csv']);
  });

  it('the data folder itself: refused', async () => {
    const d = dataDir();
    refused(await build(d, { out: d }), "holds the build's inputs");
    expect(existsSync(join(d, 'site.config.json'))).toBe(true);
  });

  it('a folder holding a project (.git, package.json): refused, untouched', async () => {
    const d = dataDir();
    const project = join(d, 'project');
    mkdirSync(join(project, '.git'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    refused(await build(d, { out: project }), 'holds a project (.git or package.json)');
    expect(readdirSync(project).sort()).toEqual(['.git', 'package.json']);
  });

  it('a non-empty folder that is not an earlier output: refused, its files kept', async () => {
    const d = dataDir();
    const docs = join(d, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'surat.docx'), 'keep');
    refused(await build(d, { out: docs }), 'not empty and not an earlier output');
    expect(readFileSync(join(docs, 'surat.docx'), 'utf8')).toBe('keep');
  });

  it('an earlier output (with its manifest) and an output from before manifests are replaced', async () => {
    const d = dataDir();
    const out = join(d, 'out');
    const first = await build(d, { out });
    expect(first.ok).toBe(true);
    expect(existsSync(join(out, OUTPUT_MANIFEST))).toBe(true);
    expect((await build(d, { out })).ok).toBe(true);
    const legacy = join(d, 'legacy');
    cpSync(join(out, 'data'), join(legacy, 'data'), { recursive: true });
    expect((await build(d, { out: legacy })).ok).toBe(true);
  });
});

describe('a disk that cannot be written', () => {
  it('a full disk at the last moment is a message, and the previous output stays', async () => {
    const d = dataDir();
    const out = join(d, 'out');
    expect((await build(d, { out })).ok).toBe(true);
    const before = readFileSync(join(out, 'data/v1/meta.json'), 'utf8');
    const { runBuild, BuildError } = await import('../../../scripts/lib/build.ts');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const err = await runBuild({ configPath: join(d, 'site.config.json'), outDir: out, log: () => {}, workers: 1, beforeCommit: () => { throw full; } }).catch((e) => e);
    expect(err).toBeInstanceOf(BuildError);
    expect(err.message).toContain('The output cannot be written (ENOSPC); the previous output is untouched');
    expect(readFileSync(join(out, 'data/v1/meta.json'), 'utf8')).toBe(before);
    expect(readdirSync(d).filter((f) => f.startsWith('.out.'))).toEqual([]);
  });

  it('an output path under a file (not a folder) is a message, not a stack trace', async () => {
    const d = dataDir();
    writeFileSync(join(d, 'a-file'), 'x');
    const r = await build(d, { out: join(d, 'a-file/out') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/The output cannot be written \(E(NOTDIR|EXIST)\)/);
  });
});

describe('the command line', () => {
  const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(REPO, 'scripts/build-data.ts'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

  it('--out . inside a project is refused with exit 1 and nothing deleted', () => {
    // a throw-away project, so that a failure of the guard could never cost the real one
    const d = dataDir();
    const project = mkdtempSync(join(tmpdir(), 'trust-project-'));
    dirs.push(project);
    mkdirSync(join(project, '.git'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    cpSync(d, join(project, 'data'), { recursive: true });
    const r = cli(project, '--config', 'data/site.config.json', '--out', '.');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Folder keluaran');
    expect(r.stderr).toContain('nothing was deleted');
    expect(readdirSync(project).sort()).toEqual(['.git', 'data', 'package.json']);
  });

  it.each([
    [['--workers', 'abc'], '--workers "abc" bukan bilangan bulat ≥ 1 / is not a whole number ≥ 1'],
    [['--workers', '0'], '--workers "0" bukan bilangan bulat'],
    [['--reference-date', '2025-13-45'], 'The reference date "2025-13-45" is not a real YYYY-MM-DD date'],
  ])('%j is refused with a message and exit 1', (args, message) => {
    const d = dataDir();
    const r = cli(d, '--config', 'site.config.json', '--out', join(d, 'out'), ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
