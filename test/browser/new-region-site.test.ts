/**
 * A new region, all the way to the site: a copy of the shipped data folder (Banyuwangi config and demo leftovers)
 * set up for Kota Metro with `newRegion` (test/fixtures/regions/metro-1872, a copy of the shared boundaries), the data
 * build, then `astro build` into a temporary folder with DATA_DIR (the pages and the copied data) and SITE_CONFIG (the
 * config the site address would come from) and without SITE_URL. No built file may mention Banyuwangi, a Banyuwangi
 * area code or example.org. About a minute; the build goes to node_modules/.cache/stunting-region-test/ (removed
 * afterwards) so it never touches dist/ or generated/.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/lib/build.ts';
import { newRegion } from '../../scripts/lib/new-region.ts';
import { shippedDataCopy } from '../fixtures/shipped-data.ts';
import { ROOT } from './helpers.ts';

let tmp = '';
let dist = '';
let data = '';
let astroLog = '';
let warnedSiteUrl = false;

/** Vitest's own variables removed (Vite would build a dev-mode site from them), SITE_URL unset, the copy's data. */
function buildEnv(generated: string, config: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(generated, 'data/v1'), SITE_CONFIG: config, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const k of Object.keys(env)) if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|BASE_PATH$|SITE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(k)) delete env[k];
  return env;
}

function astroBuild(outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => {
      // Colours stripped: Astro colours its log under CI=true even without a terminal, between the tag and the text.
      astroLog = (astroLog + String(d).replace(/\x1b\[[0-9;]*m/g, '')).slice(-20000);
      if (/\[site-url-warning\]\s*SITE_URL tidak diisi/.test(astroLog)) warnedSiteUrl = true;
    };
    p.stdout.on('data', keep);
    p.stderr.on('data', keep);
    p.on('error', fail);
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`astro build failed (${code}):\n${astroLog.slice(-4000)}`))));
  });
}

const TEXT = new Set(['.html', '.json', '.js', '.css', '.csv', '.svg', '.xml', '.txt']);
function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? textFiles(p) : TEXT.has(extname(n)) ? [p] : [];
  });
}

beforeAll(async () => {
  // Inside the project on purpose (see base-path.test.ts): Astro's prerender chunks must resolve node_modules.
  const cache = join(ROOT, 'node_modules/.cache/stunting-region-test');
  mkdirSync(cache, { recursive: true });
  tmp = mkdtempSync(join(cache, 'build-'));
  data = shippedDataCopy(tmp);
  newRegion({ dataDir: data, region: '18.72', geojson: join(ROOT, 'test/fixtures/regions/metro-1872/desa.geojson'), log: () => {} });
  const generated = join(tmp, 'generated');
  await runBuild({ configPath: join(data, 'site.config.json'), outDir: generated, log: () => {} });
  dist = join(tmp, 'dist');
  await astroBuild(dist, buildEnv(generated, join(data, 'site.config.json')));
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a new region built from the shipped data folder with new-region', () => {
  it('builds the Kota Metro site, pages and published data, without SITE_URL and with the build\'s warning about it', () => {
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(index).toContain('<title>Data Stunting Kota Metro</title>');
    expect(readFileSync(join(dist, 'data/v1/meta.json'), 'utf8')).toContain('"code":"18.72"');
    expect(readdirSync(join(dist, 'wilayah')).filter((d) => d.startsWith('18.72.'))).toHaveLength(5 + 22);
    expect(readFileSync(join(dist, '404.html'), 'utf8')).toContain('Kota Metro');
    expect(warnedSiteUrl).toBe(true);
  });

  it('no built file mentions Banyuwangi, a Banyuwangi area code or example.org', () => {
    const files = textFiles(dist);
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((f) => {
      const m = /Banyuwangi|35\.10\.\d\d|example\.org/i.exec(readFileSync(f, 'utf8'));
      return m ? [`${relative(dist, f)}: ${m[0]}`] : [];
    });
    expect(hits).toEqual([]);
  });
});
