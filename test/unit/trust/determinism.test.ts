/**
 * Determinism and atomicity of the data build. Two builds of the same input give byte-identical output, with one
 * worker or two (the input is large enough to be cut into several blocks). A build that fails midway (a structural
 * error in the second file) or is killed (SIGKILL of the CLI, early or while it writes) leaves the previous output
 * intact, and no half-written folder at the output path; the next build leaves no stale temporary folder behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, basename, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoConfig, writeDemoData } from '../../../scripts/lib/demo-data.ts';
import { REPO, build, cleanup, listFiles, makeDataDir } from './harness.ts';
import { removeDeadWorkFolders } from '../../../scripts/lib/build.ts';

let dir: string;
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

/** path → bytes of a build output. */
function snapshot(out: string): Map<string, Buffer> {
  return new Map(listFiles(out).map((f) => [relative(out, f), readFileSync(f)]));
}
function expectSame(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [k, v] of a) expect(b.get(k)!.equals(v), k).toBe(true);
}
/** Hidden temporary siblings of an output folder (`.out.tmp-<pid>`, `.out.old-<pid>`), and half-written readings in
 * its file cache (`.out.cache`, kept on purpose: scripts/lib/file-cache.ts). */
const leftovers = (out: string) => [
  ...readdirSync(dirname(out)).filter((f) => f.startsWith(`.${basename(out)}.`) && f !== `.${basename(out)}.cache`),
  ...(existsSync(join(dirname(out), `.${basename(out)}.cache`)) ? readdirSync(join(dirname(out), `.${basename(out)}.cache`)).filter((f) => f.includes('.tmp-')) : []),
];

beforeAll(async () => {
  // Two demo rounds of ~16 000 children: each decompressed file is over 2 MiB, so the reader cuts several blocks.
  dir = makeDataDir({ config: { demo: { synthetic: true, seed: 99 }, periods: { from: '2025-02', to: '2025-08' }, maxBadRowShare: 0.5 } });
  dirs.push(dir);
  await writeDemoData(dir, readDemoConfig(dir), { childrenPerRound: 16000, log: () => {} });
  const sizes = readdirSync(join(dir, 'measurements')).filter((f) => f.endsWith('.gz')).map((f) => gunzipSync(readFileSync(join(dir, 'measurements', f))).length);
  expect(Math.min(...sizes)).toBeGreaterThan(2 << 20);
}, 120_000);

describe('determinism', () => {
  it('two builds give byte-identical output, with 1 worker and with 2 (several blocks per file)', async () => {
    const a = await build(dir, { workers: 1, out: join(dir, 'out-a') });
    const b = await build(dir, { workers: 2, out: join(dir, 'out-b') });
    const c = await build(dir, { workers: 2, out: join(dir, 'out-c') });
    if (!a.ok || !b.ok || !c.ok) throw new Error('build failed');
    expect(a.validation.rows_read).toBeGreaterThan(30000);
    const sa = snapshot(a.out);
    expect(sa.size).toBeGreaterThan(20);
    expectSame(sa, snapshot(b.out));
    expectSame(sa, snapshot(c.out));
  }, 120_000);
});

describe('atomicity', () => {
  it('a structural error in the second file leaves the previous output intact and nothing half-written', async () => {
    const d = makeDataDir({ files: { 'a.csv': readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv')) } });
    dirs.push(d);
    const out = join(d, 'out');
    const first = await build(d, { out });
    expect(first.ok).toBe(true);
    const before = snapshot(out);
    writeFileSync(join(d, 'measurements/b.csv'), 'child_id,sex,birth_date,measure_date,weight_kg,height_cm,position,oedema,desa_code\n1,1,2024-01-01,2025-08-10,9.5,"75.0,L,n,18.72.01.1001\n');
    const second = await build(d, { out });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.problems[0]).toMatchObject({ file: 'measurements/b.csv', line: 2 });
    expectSame(before, snapshot(out));
    expect(leftovers(out)).toEqual([]);
  });

  it('a build that throws just before the swap leaves the previous output and cleans its temporary folder', async () => {
    const d = makeDataDir({ files: { 'a.csv': readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv')) } });
    dirs.push(d);
    const out = join(d, 'out');
    await build(d, { out });
    const before = snapshot(out);
    const { runBuild } = await import('../../../scripts/lib/build.ts');
    await expect(runBuild({ configPath: join(d, 'site.config.json'), outDir: out, log: () => {}, workers: 1, beforeCommit: () => { throw new Error('crash'); } })).rejects.toThrow('crash');
    expectSame(before, snapshot(out));
    expect(leftovers(out)).toEqual([]);
  });

  it('a build killed between its two renames (output moved aside, not yet replaced) is repaired by the next build', async () => {
    const d = makeDataDir({ files: { 'a.csv': readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv')) } });
    dirs.push(d);
    const out = join(d, 'out');
    await build(d, { out });
    const before = snapshot(out);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process id that has exited
    renameSync(out, join(d, `.out.old-${dead}`));
    const { runBuild } = await import('../../../scripts/lib/build.ts');
    // Even a build that then fails puts the previous output back first.
    await expect(runBuild({ configPath: join(d, 'site.config.json'), outDir: out, log: () => {}, workers: 1, beforeCommit: () => { throw new Error('crash'); } })).rejects.toThrow('crash');
    expectSame(before, snapshot(out));
    expect(leftovers(out)).toEqual([]);
  });

  /** Runs the CLI on the demo data into `out`; kills it with SIGKILL when `when` says so. Resolves with the exit. */
  function cli(out: string, when: { afterMs?: number; onTmp?: boolean }): Promise<{ code: number | null; signal: string | null; killedAt: string; pid: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(REPO, 'scripts/build-data.ts'), '--config', join(dir, 'site.config.json'), '--out', out, '--workers', '2', '--force'], { stdio: 'ignore' });
      let killedAt = 'not killed';
      const kill = (why: string) => {
        if (child.exitCode === null && child.signalCode === null) {
          killedAt = why;
          child.kill('SIGKILL');
        }
      };
      const timers: NodeJS.Timeout[] = [];
      if (when.afterMs !== undefined) timers.push(setTimeout(() => kill(`after ${when.afterMs} ms`), when.afterMs));
      if (when.onTmp) {
        const poll = setInterval(() => {
          if (leftovers(out).some((f) => f.includes('.tmp-'))) kill('while writing');
        }, 1);
        timers.push(poll);
      }
      child.on('exit', (code, signal) => {
        timers.forEach((t) => clearInterval(t));
        resolve({ code, signal, killedAt, pid: child.pid! });
      });
    });
  }

  it('SIGKILL of the CLI (early, or while writing the output) leaves the previous output intact; the next build cleans up', async () => {
    const out = join(dir, 'out-kill');
    const ok = await cli(out, {});
    expect(ok.code).toBe(0);
    const before = snapshot(out);
    expect(before.size).toBeGreaterThan(20);
    const early = await cli(out, { afterMs: 400 });
    expect(early.signal).toBe('SIGKILL');
    expectSame(before, snapshot(out));
    const writing = await cli(out, { onTmp: true });
    expect(writing.signal, writing.killedAt).toBe('SIGKILL');
    expect(writing.killedAt).toBe('while writing');
    expectSame(before, snapshot(out));
    expect(existsSync(join(out, 'data/v1/meta.json'))).toBe(true);
    // A later build succeeds, gives the same bytes and removes what the killed ones left.
    const again = await cli(out, {});
    expect(again.code).toBe(0);
    expectSame(before, snapshot(out));
    expect(leftovers(out)).toEqual([]);
    // ... including the killed builds' work folders (spill files) in the temporary folder.
    const work = (pid: number) => readdirSync(tmpdir()).filter((f) => f.startsWith(`stunting-build-${pid}-`));
    expect([...work(early.pid), ...work(writing.pid), ...work(again.pid)]).toEqual([]);
  }, 180_000);

  it('a build removes the work folders of killed builds, and only those', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'workdirs-'));
    dirs.push(tmp);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has exited
    for (const name of [`stunting-build-${dead}-aaaaaa`, `stunting-build-${process.pid}-bbbbbb`, 'stunting-build-cccccc', 'other-folder']) {
      mkdirSync(join(tmp, name));
      writeFileSync(join(tmp, name, 'spill-0.bin'), 'x');
    }
    expect(removeDeadWorkFolders(tmp)).toEqual([`stunting-build-${dead}-aaaaaa`]);
    expect(readdirSync(tmp).sort()).toEqual(['other-folder', `stunting-build-${process.pid}-bbbbbb`, 'stunting-build-cccccc'].sort());
  });
});
