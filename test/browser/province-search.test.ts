/**
 * The sharded area search on the province site (test/browser/province-build.ts builds it with
 * SEARCH_SHARD_MIN_AREAS=0): the build writes search/keys.json and one file per word initial instead of
 * search-index.json, the search box fetches only the shards a query needs, and a result line says where the area is
 * (a desa's kecamatan and kab/kota: the fixture has a desa Tambakrejo in Waru, Kabupaten Sidoarjo, and one in
 * Simokerto, Kota Surabaya).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, openPage, serveStatic, type StaticServer } from './helpers.ts';
import { provinceSite, type ProvinceSite } from './province-build.ts';

let site: ProvinceSite;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  site = await provinceSite();
  server = await serveStatic({ root: site.dist });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await closeBrowser(browser);
  await server?.close();
});

/** The search files requested since `from` (an index into server.served). */
const searchRequests = (from: number) => server.served.slice(from).filter((p) => /search/.test(p));

describe('sharded search on the province site', () => {
  it('writes the manifest and the shards instead of search-index.json, and the pages point the box at them', () => {
    expect(existsSync(join(site.dist, 'search-index.json'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(site.dist, 'search/keys.json'), 'utf8')) as { rows: Record<string, number>; ind?: unknown[] };
    expect(Object.keys(manifest.rows).length).toBeGreaterThan(5);
    for (const k of Object.keys(manifest.rows)) expect(existsSync(join(site.dist, `search/${k}.json`)), k).toBe(true);
    expect(manifest.ind?.length).toBeGreaterThan(0);
    const html = readFileSync(join(site.dist, 'index.html'), 'utf8');
    expect(html).toContain('data-shards="/search/"');
    expect(html).not.toContain('data-index=');
  });

  it('typing a desa name lists its namesakes with kecamatan and kab/kota, fetching one shard; a click opens the page', async () => {
    const rec = await openPage(browser);
    try {
      const { page } = rec;
      await page.goto(server.url);
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await expect.poll(() => input.count(), { timeout: 10_000, message: 'visible search combobox (area-search upgraded)' }).toBeGreaterThan(0);
      const from = server.served.length;
      await input.click();
      await input.pressSequentially('Tambakrejo', { delay: 20 });
      const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`);
      const options = listbox.locator('[role="option"]', { hasText: 'Tambakrejo' });
      await expect.poll(() => options.count(), { timeout: 10_000, message: 'both desa Tambakrejo listed' }).toBe(2);
      const lines = await options.locator('small').allInnerTexts();
      expect(lines.sort()).toEqual(['Desa/kel. · Simokerto · Kota Surabaya', 'Desa/kel. · Waru · Kabupaten Sidoarjo']);
      expect(searchRequests(from)).toEqual(['/search/keys.json', '/search/t.json']);
      const surabaya = listbox.locator('[role="option"]', { hasText: 'Kota Surabaya' }).first();
      await Promise.all([page.waitForURL(`${server.url}wilayah/35.78.11.1005/`), surabaya.click()]);
      expect(await page.locator('h1').innerText()).toContain('Tambakrejo');
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.failedRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('in English, "desa kab/kota" words pick the one in Kota Surabaya, a kecamatan shows its kab/kota, Enter opens it', async () => {
    const rec = await openPage(browser, { locale: 'en-GB' });
    try {
      const { page } = rec;
      await page.goto(`${server.url}en/`);
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await expect.poll(() => input.count(), { timeout: 10_000, message: 'visible search combobox (area-search upgraded)' }).toBeGreaterThan(0);
      const from = server.served.length;
      await input.click();
      await input.pressSequentially('simokerto', { delay: 20 });
      const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`);
      const first = listbox.locator('[role="option"]').first();
      await expect.poll(() => first.innerText(), { timeout: 10_000, message: 'kecamatan Simokerto first' }).toBe('Simokerto\nDistrict · Kota Surabaya');
      await input.fill('');
      await input.pressSequentially('tambakrejo surabaya', { delay: 20 });
      await expect.poll(() => first.innerText(), { timeout: 10_000, message: 'desa Tambakrejo of Surabaya first' }).toBe('Tambakrejo\nVillage · Simokerto · Kota Surabaya');
      expect(await listbox.locator('[role="option"]', { hasText: 'Sidoarjo' }).count()).toBe(0);
      expect(new Set(searchRequests(from))).toEqual(new Set(['/search/keys.json', '/search/s.json', '/search/t.json']));
      await Promise.all([page.waitForURL(`${server.url}en/wilayah/35.78.11.1005/`), input.press('Enter')]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
