/**
 * The same site hosted under a sub-path (GitHub Pages style): builds with `BASE_PATH=/stunting/` into a temporary
 * folder (about 30 s; set BASE_DIST_DIR to reuse an existing base-path build), serves it under /stunting/ only (any
 * request outside the base is a 404), and checks that every page type, its assets, the published data, the search
 * index and the interactive map load with no 404 and no link escaping the base. The build shards the search index
 * (SEARCH_SHARD_MIN_AREAS=0, as a province site gets it) so that the shards' URLs are checked under the base; the
 * one-file index is what the tests on dist/ fetch. The build goes to
 * node_modules/.cache/stunting-base-test/build-XXXX (removed afterwards), so it never touches dist/ or .astro/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeBrowser, launchBrowser, openPage, pageTypes, ROOT, serveStatic, waitForMap, type StaticServer } from './helpers.ts';

const BASE = '/stunting/';
/** The public address given to this build (a reserved .test name): absolute URLs must use it, under the base. */
const SITE_URL = 'https://dinkes.stunting.test';
let outDir = process.env.BASE_DIST_DIR ?? '';
let tmp = '';
let server: StaticServer;
let browser: Browser;

/** The environment for a child build: vitest's own variables (NODE_ENV=test, BASE_URL=/, MODE, DEV, SSR ...) removed,
 * since Vite would read them and build a dev-mode site that ignores the base. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: BASE, SITE_URL, SEARCH_SHARD_MIN_AREAS: '0', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const k of Object.keys(env)) if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(k)) delete env[k];
  return env;
}

function build(dir: string): Promise<void> {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir], {
      cwd: ROOT,
      env: buildEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    p.stdout.on('data', (d) => (log = (log + d).slice(-4000)));
    p.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
    p.on('error', fail);
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`astro build with BASE_PATH=${BASE} failed (${code}):\n${log}`))));
  });
}

beforeAll(async () => {
  if (!outDir) {
    if (!existsSync(join(ROOT, 'generated/data/v1/meta.json'))) throw new Error('generated/ missing: run `npm run data` (or `npm run build`) first');
    // Inside the project on purpose: Astro puts its prerender chunks in <outDir>/.prerender only when outDir is under
    // the cwd (else in the shared <root>/.astro/, where a concurrent build would clobber them), and those chunks import
    // packages that must resolve from node_modules.
    const cache = join(ROOT, 'node_modules/.cache/stunting-base-test');
    mkdirSync(cache, { recursive: true });
    tmp = mkdtempSync(join(cache, 'build-'));
    outDir = join(tmp, 'dist');
    await build(outDir);
  }
  server = await serveStatic({ root: outDir, base: BASE });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await closeBrowser(browser);
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe(`site built with BASE_PATH=${BASE}`, () => {
  it('the server refuses paths outside the base (so an escaping link shows up as a 404)', async () => {
    expect((await fetch(`${server.origin}/`)).status).toBe(404);
    expect((await fetch(`${server.url}`)).status).toBe(200);
    server.notFound.length = 0;
  });

  const pages = () => pageTypes(outDir).flatMap((p) => [p.path, `en/${p.path}`]);

  it('every page type loads with its assets, no 404 and no request outside the base', async () => {
    const checked = new Set<string>();
    for (const path of pages()) {
      const rec = await openPage(browser);
      try {
        const { page } = rec;
        const res = await page.goto(server.url + path, { waitUntil: 'load' });
        expect(res?.status(), `${BASE}${path}`).toBe(200);
        await page.waitForLoadState('networkidle');
        // Every local link, script, stylesheet and image in the page resolves under the base and exists.
        const refs = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[href],[src]')]
            .map((e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src)
            .filter((u) => typeof u === 'string' && u.startsWith(location.origin)),
        );
        const uniq = [...new Set(refs.map((u) => u.split('#')[0]))];
        const escaping = uniq.filter((u) => !new URL(u).pathname.startsWith(BASE));
        expect(escaping, `${BASE}${path} links outside ${BASE}`).toEqual([]);
        const missing: string[] = [];
        for (const u of uniq) {
          if (checked.has(u)) continue;
          checked.add(u);
          const r = await fetch(u, { method: 'HEAD' });
          if (r.status !== 200) missing.push(`${r.status} ${u}`);
        }
        expect(missing, `${BASE}${path}: broken local links/assets`).toEqual([]);
        expect(rec.failedRequests, `${BASE}${path}:${rec.report()}`).toEqual([]);
        expect(rec.consoleErrors, `${BASE}${path}:${rec.report()}`).toEqual([]);
        expect(rec.externalRequests, `${BASE}${path}:${rec.report()}`).toEqual([]);
      } finally {
        await rec.close();
      }
    }
    expect(server.notFound, 'paths answered 404 during the crawl').toEqual([]);
  });

  it('the interactive map loads MapLibre, its worker and the data under the base', async () => {
    const rec = await openPage(browser);
    try {
      const { page } = rec;
      await page.goto(`${server.url}peta/`);
      await waitForMap(page, { trigger: true });
      const served = server.served.join('\n');
      expect(served).toContain(`${BASE}data/v1/areas.json`);
      expect(served).toMatch(new RegExp(`${BASE}data/v1/boundaries/\\w+\\.topo\\.json`));
      expect(served).toMatch(new RegExp(`${BASE}data/v1/map/\\w+/[\\d-]+\\.json`));
      expect(served).toMatch(new RegExp(`${BASE}_astro/maplibre-gl[^\\n]*\\.js`));
      expect(rec.failedRequests, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(server.notFound).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('search fetches the manifest and the shard it needs under the base and opens a page under the base', async () => {
    const rec = await openPage(browser);
    try {
      const { page } = rec;
      await page.goto(server.url);
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await input.click();
      await input.pressSequentially('genteng', { delay: 20 });
      const option = page.locator('[role="option"]:visible').first();
      await option.waitFor({ timeout: 10_000 });
      await Promise.all([page.waitForURL(`${server.url}wilayah/**`), option.click()]);
      expect(new URL(page.url()).pathname.startsWith(`${BASE}wilayah/`)).toBe(true);
      expect(server.served).toEqual(expect.arrayContaining([`${BASE}search/keys.json`, `${BASE}search/g.json`]));
      expect(server.served.filter((p) => /search/.test(p) && !/^\/stunting\/search\/(keys|g)\.json$/.test(p))).toEqual([]);
      expect(rec.failedRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('the published data files are there, and the data page links to them', async () => {
    for (const f of ['meta.json', 'areas.json', 'stunting.csv', 'datapackage.json']) {
      const r = await fetch(`${server.url}data/v1/${f}`, { method: 'HEAD' });
      expect(r.status, `${BASE}data/v1/${f}`).toBe(200);
    }
  });

  it('with SITE_URL, canonical, og:url, og:image and oEmbed are absolute on that address, under the base', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const attr = (re: RegExp) => re.exec(html)?.[1] ?? null;
    expect(attr(/<link rel="canonical" href="([^"]+)"/)).toBe(`${SITE_URL}${BASE}`);
    expect(attr(/<meta property="og:url" content="([^"]+)"/)).toBe(`${SITE_URL}${BASE}`);
    const image = attr(/<meta property="og:image" content="([^"]+)"/)!;
    expect(image.startsWith(`${SITE_URL}${BASE}og/id/`)).toBe(true);
    expect(existsSync(join(outDir, new URL(image).pathname.slice(BASE.length)))).toBe(true);
    const oembed = attr(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)!;
    expect(oembed.startsWith(`${SITE_URL}${BASE}oembed/`)).toBe(true);
    const oe = JSON.parse(readFileSync(join(outDir, new URL(oembed).pathname.slice(BASE.length)), 'utf8'));
    expect(oe.html).toMatch(new RegExp(`^<iframe src="${SITE_URL.replace(/\./g, '\\.')}${BASE}embed/`));
    expect(oe.thumbnail_url.startsWith(`${SITE_URL}${BASE}og/`)).toBe(true);
  });

  it('a missing address answers with the 404 page in both languages, whose links, search and assets stay under the base', async () => {
    const missing = `${server.url}wilayah/99.99.99/tidak-ada/`;
    const res = await fetch(missing);
    expect(res.status).toBe(404);
    const rec = await openPage(browser);
    try {
      const { page } = rec;
      await page.goto(missing, { waitUntil: 'load' });
      await expect(page.locator('h1').textContent()).resolves.toBe('Halaman tidak ditemukan');
      await expect(page.locator('[lang="en"] h2').first().textContent()).resolves.toBe('Page not found');
      const links = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].map((a) => a.href));
      for (const want of [BASE, `${BASE}wilayah/`, `${BASE}en/`, `${BASE}en/wilayah/`]) expect(links.map((l) => new URL(l).pathname)).toContain(want);
      for (const l of new Set(links)) expect((await fetch(l, { method: 'HEAD' })).status, l).toBe(200);
      // The search box works from any depth: it fetches the index under the base and opens an area page there.
      const input = page.locator('main area-search input[role="combobox"]').first();
      await input.click();
      await input.pressSequentially('a', { delay: 20 });
      const option = page.locator('[role="option"]:visible').first();
      await option.waitFor({ timeout: 10_000 });
      await Promise.all([page.waitForURL(`${server.url}wilayah/**`), option.click()]);
      expect(rec.consoleErrors.filter((e) => !/404/.test(e)), rec.report()).toEqual([]);
      expect(rec.externalRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
