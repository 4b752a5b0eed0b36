/**
 * Incremental builds: a fingerprint of everything a build reads (its input files, the code that builds, the options
 * and environment that change the output), stored beside the output when the build succeeds. A later build with the
 * same fingerprint and its output in place has nothing to do and says so; `--force` rebuilds anyway.
 *
 * The fingerprint hashes file contents, not times, so a checkout, a copy or a touched file changes nothing. Hashing is
 * cheap next to a build (the demo's inputs, ~15 MB, take well under a second).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The file beside an output's manifest that records the fingerprint of the build that wrote it. */
export const FINGERPRINT_FILE = '.stunting-inputs.json';

/** Every regular file under `root` (or `root` itself), sorted, skipping dot-entries and node_modules. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  if (!statSync(root).isDirectory()) return [root];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const p = join(root, e.name);
      return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
    });
}

/** Feeds a file to the hash through one reused 1 MiB buffer, so memory stays flat whatever the exports weigh. */
function hashFile(h: ReturnType<typeof createHash>, file: string, buf: Buffer): void {
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** What a fingerprint covers: folders or files (named by path, relative to `base`) and plain values. */
export interface FingerprintInput {
  base: string;
  paths: readonly string[];
  values: Record<string, string | undefined>;
}

/** SHA-256 over every file's relative path and content under `paths`, then the values by key. */
export function fingerprint(input: FingerprintInput): string {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const seen = new Set<string>();
  for (const p of input.paths) {
    for (const f of filesUnder(resolve(input.base, p))) {
      if (seen.has(f)) continue;
      seen.add(f);
      h.update(`file ${relative(input.base, f)}\0`);
      hashFile(h, f, buf);
      h.update('\0');
    }
  }
  for (const k of Object.keys(input.values).sort()) h.update(`value ${k}=${input.values[k] ?? ''}\0`);
  return h.digest('hex');
}

/** The fingerprint recorded in `outDir`, or null when there is none (or the output is not there). */
export function recordedFingerprint(outDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(outDir, FINGERPRINT_FILE), 'utf8')) as { fingerprint?: string }).fingerprint ?? null;
  } catch {
    return null;
  }
}

/** Records `print` in `outDir` (after a successful build). */
export function recordFingerprint(outDir: string, print: string): void {
  writeFileSync(join(outDir, FINGERPRINT_FILE), JSON.stringify({ fingerprint: print, note: 'Sidik masukan build; hapus untuk membangun ulang / Fingerprint of the build inputs; delete to rebuild' }, null, 2) + '\n');
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Every string in the config that names an existing file or folder (relative to the data folder): inputs kept
 * outside the data folder (a measurements folder elsewhere, a shared code list) are watched too. */
export function configPaths(config: unknown, dataDir: string): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length > 0 && v.length < 500 && !/^[a-z]+:\/\//i.test(v) && existsSync(resolve(dataDir, v))) found.push(resolve(dataDir, v));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(config);
  return found;
}

/**
 * The data build's fingerprint: the data folder (config, measurements, boundaries, code lists, targets, convergence
 * counts...), every file or folder the config names outside it, the build's code (src/lib, scripts, the lockfile) and
 * the reference date the build will use (default today, so a build on another day runs again: future-date checks move).
 */
export function dataBuildFingerprint(o: { configPath: string; dataDir: string; config: unknown; referenceDate: string }): string {
  return fingerprint({
    base: ROOT,
    paths: [o.configPath, o.dataDir, ...configPaths(o.config, o.dataDir), 'src/lib', 'scripts', 'package-lock.json'],
    values: { kind: 'data', referenceDate: o.referenceDate },
  });
}

/**
 * The site build's fingerprint: the published data it renders, the site's code and assets, the config the site
 * address comes from, and the environment that changes the pages (BASE_PATH, SITE_URL, SEARCH_SHARD_MIN_AREAS).
 */
export function siteBuildFingerprint(o: { dataDir: string; siteConfig: string; env: NodeJS.ProcessEnv }): string {
  return fingerprint({
    base: ROOT,
    paths: [o.dataDir, o.siteConfig, 'src', 'public', 'astro.config.mjs', 'scripts/lib/astro-publish-data.mjs', 'package-lock.json', 'tsconfig.json'],
    values: { kind: 'site', BASE_PATH: o.env.BASE_PATH, SITE_URL: o.env.SITE_URL, SEARCH_SHARD_MIN_AREAS: o.env.SEARCH_SHARD_MIN_AREAS },
  });
}
