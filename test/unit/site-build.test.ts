/**
 * The site step is atomic: `scripts/build-site.ts` builds into a new sibling of dist/ and swaps it in only when Astro
 * succeeded. Killed with SIGKILL mid-build, or failing (a data file missing), it leaves the previous dist/ byte for
 * byte. Runs the real Astro build on the small golden fixture (Kota Metro).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/lib/build.ts';
import { mergeFolderInto, removeDeadSwapFolders } from '../../scripts/lib/work-folders.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
let work: string;
let dataDir: string;
let dist: string;

/** Every file under `dir` with its bytes, as `path → base64`. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

const countFiles = (dir: string): number =>
  existsSync(dir) ? readdirSync(dir).reduce((n, f) => n + (statSync(join(dir, f)).isDirectory() ? countFiles(join(dir, f)) : 1), 0) : 0;

/** Starts the site build (its own process group, so that Astro dies with it). */
function startSiteBuild(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build-site.ts'), '--skip-data', '--force', '--dist', dist], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => child.on('exit', (code, signal) => done({ code, signal, stderr })));
  return { child, exit };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'site-build-'));
  await runBuild({ configPath: join(ROOT, 'test/fixtures/golden/site.config.json'), outDir: join(work, 'generated'), log: () => {}, workers: 1 });
  dataDir = join(work, 'generated/data/v1');
  // the previous site: what must survive
  dist = join(work, 'site/dist');
  mkdirSync(join(dist, '_astro'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>previous ${Math.random()}</title>`);
  writeFileSync(join(dist, '_astro/app.js'), 'console.log("previous")');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('atomic site build', () => {
  it('SIGKILL in the middle of astro build leaves the previous dist/ byte for byte', async () => {
    const before = snapshot(dist);
    const { child, exit } = startSiteBuild({ DATA_DIR: dataDir });
    const tmp = join(dirname(dist), `.${basename(dist)}.tmp-${child.pid}`);
    // kill as soon as Astro has written some files of the new site
    let seen = 0;
    while (child.exitCode === null && (seen = countFiles(tmp)) < 3) await new Promise((r) => setTimeout(r, 25));
    expect(child.exitCode, 'the build ended before it could be killed').toBeNull();
    process.kill(-child.pid!, 'SIGKILL');
    const r = await exit;
    expect(r.signal).toBe('SIGKILL');
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(snapshot(dist)).toEqual(before);
    // the half-built folder stays beside dist/ until the next build removes it
    expect(existsSync(tmp)).toBe(true);
    removeDeadSwapFolders(dist);
    expect(existsSync(tmp)).toBe(false);
  }, 300_000);

  it('a failing site build (a data file missing) exits non-zero and leaves the previous dist/ whole', async () => {
    const before = snapshot(dist);
    const broken = join(work, 'broken/data/v1');
    cpSync(dataDir, broken, { recursive: true });
    rmSync(join(broken, 'areas.json'));
    const { child, exit } = startSiteBuild({ DATA_DIR: broken });
    const r = await exit;
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('the previous');
    expect(snapshot(dist)).toEqual(before);
    expect(existsSync(join(dirname(dist), `.${basename(dist)}.tmp-${child.pid}`))).toBe(false);
  }, 300_000);

  it('refuses a dist folder that is not an earlier site, deleting nothing', async () => {
    const other = join(work, 'documents');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'letter.txt'), 'keep me');
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build-site.ts'), '--skip-data', '--dist', other], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(1);
    expect(stderr).toContain('not empty and not an earlier output');
    expect(readFileSync(join(other, 'letter.txt'), 'utf8')).toBe('keep me');
  }, 60_000);
});

describe('merging page shards', () => {
  it('moves what the first shard lacks, accepts identical duplicates and refuses a differing one', () => {
    const base = mkdtempSync(join(tmpdir(), 'shards-'));
    const a = join(base, 'a');
    const b = join(base, 'b');
    for (const [dir, files] of [
      [a, { 'index.html': 'same', 'wilayah/35.01/index.html': 'A' }],
      [b, { 'index.html': 'same', 'wilayah/35.02/index.html': 'B', '_astro/x.js': 'js' }],
    ] as const) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    }
    mergeFolderInto(b, a);
    expect(existsSync(b)).toBe(false);
    expect(Object.keys(snapshot(a)).sort()).toEqual(['/_astro/x.js', '/index.html', '/wilayah/35.01/index.html', '/wilayah/35.02/index.html']);
    mkdirSync(b);
    writeFileSync(join(b, 'index.html'), 'different');
    expect(() => mergeFolderInto(b, a)).toThrow(/page shards disagree on .*index\.html/);
    rmSync(base, { recursive: true, force: true });
  });
});
