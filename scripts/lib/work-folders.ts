/**
 * Folders a build writes: its work folder for spill files (`<tmp>/stunting-build-<pid>-XXXXXX`), and outputs swapped
 * in whole (`.<name>.tmp-<pid>` renamed into place), each refused first when it is not safe to replace.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { OUTPUT_MANIFEST, outputFolderProblem, outputManifest } from '../../src/lib/output-guard.ts';
import { BuildError } from './build-error.ts';
import type { FileText } from '../../src/lib/publish/files.ts';

/** Work folders (spill files) are `<tmp>/stunting-build-<pid>-XXXXXX`; a build removes its own when it ends. */
const WORK_PREFIX = 'stunting-build-';

/** True when a process with this id exists (it may belong to another user); false for this process. */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates this build's work folder (after removing those of killed builds). */
export function makeWorkFolder(): string {
  removeDeadWorkFolders();
  return mkdtempSync(join(tmpdir(), `${WORK_PREFIX}${process.pid}-`));
}

/** Removes the work folders of builds that were killed (their process no longer exists): a killed 5M-row build leaves
 * hundreds of MB of spill files. A folder whose process is alive (another build running) is left alone. */
export function removeDeadWorkFolders(dir: string = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(WORK_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(WORK_PREFIX.length))?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      /* not ours to remove (permissions): leave it */
    }
  }
  return removed;
}

/** Throws a BuildError when `outDir` may not be replaced by an output (see output-guard.ts). */
export function guardOutputFolder(outDir: string, inputs: readonly string[], project?: string, kind: 'data' | 'site' = 'data'): void {
  const out = resolve(outDir);
  let entries: string[] | null = null;
  let notFolder = false;
  if (existsSync(out)) {
    notFolder = !lstatSync(out).isDirectory();
    entries = notFolder ? [] : readdirSync(out);
  }
  // outputs written before manifests: the data contract alone, or a site with Astro's asset folder
  const legacyOutput = kind === 'data'
    ? entries !== null && entries.length === 1 && entries[0] === 'data' && existsSync(join(out, 'data/v1/meta.json'))
    : entries !== null && entries.includes('_astro') && entries.includes('index.html');
  const problem = outputFolderProblem({ out, entries, notFolder, legacyOutput, inputs: inputs.map((i) => resolve(i)), project: project && resolve(project) });
  if (problem) throw new BuildError([{ file: outDir, raw: outDir, expected: 'folder kosong, baru, atau keluaran build sebelumnya / an empty or new folder, or an earlier output', message: problem }]);
}

/** Errors of a full or read-only disk, turned into a message for an official. */
const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EEXIST', 'ENOTDIR', 'EISDIR']);

/**
 * Writes the files `fill` puts (path → text, under `subdir`) and the output manifest into `.<name>.tmp-<pid>` beside
 * `outDir`, each as soon as it is put, then swaps the folder in with two renames: readers see the old output or the
 * new, never half. Folders left by a killed build (a dead process id in the name) are removed first; if one was killed
 * between the two renames, its previous output (`.old-<pid>`) is put back. A failed write or fill removes its own
 * temporary folder and leaves the old output in place. Returns what `fill` returned.
 */
export function writeAtomically<R>(outDir: string, fill: (put: (path: string, text: FileText) => void) => R, subdir: string, beforeCommit?: () => void): R {
  try {
    let result: R | undefined;
    writeSwap(outDir, (tmp) => {
      const made = new Set<string>();
      result = fill((path, text) => {
        const full = join(tmp, subdir, path);
        const dir = dirname(full);
        if (!made.has(dir)) (mkdirSync(dir, { recursive: true }), made.add(dir));
        writeText(full, text);
      });
      writeFileSync(join(tmp, OUTPUT_MANIFEST), outputManifest('data'));
    }, beforeCommit);
    return result as R;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code || !WRITE_ERRORS.has(code)) throw e;
    throw new BuildError([{ file: outDir, expected: 'folder yang dapat ditulis dan ruang disk yang cukup / a writable folder and enough disk space', message: `Keluaran tidak dapat ditulis (${code}); keluaran sebelumnya tetap utuh / The output cannot be written (${code}); the previous output is untouched` }]);
  }
}

/** Writes a file text, part by part when it comes in parts (never joined into one string). */
function writeText(path: string, text: FileText): void {
  if (typeof text === 'string') return writeFileSync(path, text);
  const fd = openSync(path, 'w');
  try {
    for (const part of text) {
      // A write may be partial: the rest follows until the part is written.
      const bytes = Buffer.from(part, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

/** Fills a fresh sibling folder with `fill(tmp)` and swaps it in for `outDir` (see writeAtomically). */
export function writeSwap(outDir: string, fill: (tmp: string) => void, beforeCommit?: () => void): void {
  const out = resolve(outDir);
  const tmp = prepareSwap(out);
  try {
    fill(tmp);
    beforeCommit?.();
    commitSwap(out, tmp);
  } catch (e) {
    abandonSwap(out, tmp);
    throw e;
  }
}

/** Clears what killed swaps left beside `out` and returns this process's fresh, empty temporary sibling. */
export function prepareSwap(out: string): string {
  mkdirSync(dirname(out), { recursive: true });
  removeDeadSwapFolders(out);
  const { tmp } = swapNames(out);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  return tmp;
}

/** Puts the filled `tmp` in place of `out` with two renames, then removes the previous output. */
export function commitSwap(out: string, tmp: string): void {
  const { old } = swapNames(out);
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
}

/** After a failure: the previous output back in place (if a rename had moved it), the temporary folder removed. */
export function abandonSwap(out: string, tmp: string): void {
  const { old } = swapNames(out);
  if (!existsSync(out) && existsSync(old)) renameSync(old, out);
  rmSync(tmp, { recursive: true, force: true });
}

/** The sibling folders of an output during a swap by this process. */
export function swapNames(out: string, pid = process.pid): { tmp: string; old: string } {
  const parent = dirname(out);
  const base = basename(out);
  return { tmp: join(parent, `.${base}.tmp-${pid}`), old: join(parent, `.${base}.old-${pid}`) };
}

/** Removes the swap folders of killed processes beside `out`; puts back an old output a kill left aside. */
export function removeDeadSwapFolders(out: string): void {
  const parent = dirname(out);
  const base = basename(out);
  // `.<out>.tmp-<pid>-s<k>`: the folder of page shard k of a site build (scripts/build-site.ts)
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)(?:-s\\d+)?$`);
  for (const f of readdirSync(parent)) {
    const m = pattern.exec(f);
    if (!m || isAlive(Number(m[2]))) continue;
    if (m[1] === 'old' && !existsSync(out)) renameSync(join(parent, f), out);
    else rmSync(join(parent, f), { recursive: true, force: true });
  }
}

/**
 * Moves everything in `src` into `dest` (the page shards of a site build into the first shard's folder): a folder or
 * file `dest` lacks is renamed in whole; one both have is compared, byte for byte for files — shards build the pages
 * without parameters and the assets each, and those must come out the same. `src` is removed afterwards.
 */
export function mergeFolderInto(src: string, dest: string): void {
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const from = join(src, e.name);
    const to = join(dest, e.name);
    if (!existsSync(to)) renameSync(from, to);
    else if (e.isDirectory()) mergeFolderInto(from, to);
    else if (!readFileSync(from).equals(readFileSync(to))) throw new Error(`page shards disagree on ${to}: the site build is not deterministic`);
  }
  rmSync(src, { recursive: true, force: true });
}
