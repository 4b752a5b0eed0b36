/**
 * The province fixture built end to end, once per test run, for the province browser tests: a copy of
 * test/fixtures/province-35 (region "35": kecamatan Waru of Kab. Sidoarjo, Kota Mojokerto and Kota Surabaya, 187 desa,
 * one desa without a polygon), a small synthetic export for it (`writeDemoData`, 20,000 children per round), the data
 * build and the site build (scripts/build-site.ts, two page shards as for a province). The build goes to node_modules/.cache/stunting-province-test/ (never dist/ or generated/).
 *
 * The browser project runs its files one after another in forked workers of one vitest process, so the build is
 * reused across files of the same run: a marker records the vitest process id (the workers' parent). A new run
 * rebuilds, so the pages always come from the code under test.
 *
 * SEARCH_SHARD_MIN_AREAS=0 makes the build write the sharded search index a province of ≈9,200 areas gets, although
 * the fixture is small.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBuild } from '../../scripts/lib/build.ts';
import { writeDemoData } from '../../scripts/lib/demo-data.ts';
import { ROOT } from './site-files.ts';

export interface ProvinceSite {
  /** The built site (serve it with `serveStatic({ root })`). */
  dist: string;
  /** The data build's output folder (generated/ of this build). */
  generated: string;
  /** The fixture copy the build read (its site.config.json, measurements/...). */
  data: string;
}

const CACHE = join(ROOT, 'node_modules/.cache/stunting-province-test');
const MARKER = join(CACHE, 'built-by');
const FIXTURE = join(ROOT, 'test/fixtures/province-35');

/** Vitest's own variables removed (Vite would build a dev-mode site from them), SITE_URL/BASE_PATH unset. */
export function astroBuildEnv(generated: string, config: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(generated, 'data/v1'), SITE_CONFIG: config, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const k of Object.keys(env)) if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|BASE_PATH$|SITE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(k)) delete env[k];
  return { ...env, ...extra };
}

/** `node scripts/build-site.ts --skip-data --force --jobs <jobs> --dist <outDir>` with env; rejects with the end of
 * the log. */
export function siteBuild(outDir: string, env: NodeJS.ProcessEnv, jobs: number): Promise<string> {
  return new Promise((ok, fail) => {
    let log = '';
    const args = [join(ROOT, 'scripts/build-site.ts'), '--skip-data', '--force', '--jobs', String(jobs), '--dist', outDir];
    const p = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => (log = (log + String(d).replace(/\x1b\[[0-9;]*m/g, '')).slice(-20000));
    p.stdout.on('data', keep);
    p.stderr.on('data', keep);
    p.on('error', fail);
    p.on('exit', (code) => (code === 0 ? ok(log) : fail(new Error(`site build failed (${code}):\n${log.slice(-4000)}`))));
  });
}

/** The province fixture site of this test run: built on first call (≈1–2 min), reused by later files of the run. */
export async function provinceSite(): Promise<ProvinceSite> {
  const site: ProvinceSite = { dist: join(CACHE, 'dist'), generated: join(CACHE, 'generated'), data: join(CACHE, 'data') };
  const runId = String(process.ppid);
  if (existsSync(MARKER) && readFileSync(MARKER, 'utf8') === runId && existsSync(join(site.dist, 'index.html'))) return site;
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  cpSync(FIXTURE, site.data, { recursive: true });
  const config = join(site.data, 'site.config.json');
  await writeDemoData(site.data, undefined, { childrenPerRound: 20_000, log: () => {} });
  await runBuild({ configPath: config, outDir: site.generated, log: () => {} });
  // Through scripts/build-site.ts with two page shards, as a province is built (two Astro processes, merged).
  await siteBuild(site.dist, astroBuildEnv(site.generated, config, { SEARCH_SHARD_MIN_AREAS: '0' }), 2);
  writeFileSync(MARKER, runId);
  return site;
}
