/**
 * The built site never publishes a guessed address: no file of dist/ mentions example.org (the placeholder the site
 * once fell back to), and a build without SITE_URL (the default `npm run build`) writes no absolute URL of its own
 * site anywhere: no canonical, og:url, og:image or oEmbed. The 404 page is in both languages with working links.
 * The SITE_URL branch is checked by base-path.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, openPage, useSite } from './helpers.ts';

const TEXT = new Set(['.html', '.json', '.js', '.mjs', '.css', '.csv', '.svg', '.xml', '.txt', '.webmanifest']);

/** Every text file under dir (recursively). */
function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? textFiles(p) : TEXT.has(extname(name)) ? [p] : [];
  });
}

const files = textFiles(DIST);
const siteKnown = /<link rel="canonical"/.test(readFileSync(join(DIST, 'index.html'), 'utf8'));
const site = useSite();

describe('the site address', () => {
  it('no file of the built site mentions example.org', () => {
    expect(files.length).toBeGreaterThan(100);
    const hits = files.filter((f) => readFileSync(f, 'utf8').includes('example.org')).map((f) => relative(DIST, f));
    expect(hits).toEqual([]);
  });

  it.skipIf(siteKnown)('built without SITE_URL: no page carries canonical, og:url, og:image, twitter:image or an oEmbed link, and no oEmbed file exists', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    const absolute = /<link rel="canonical"|property="og:url"|property="og:image"|name="twitter:image"|application\/json\+oembed/;
    expect(pages.filter((f) => absolute.test(readFileSync(f, 'utf8'))).map((f) => relative(DIST, f))).toEqual([]);
    expect(files.some((f) => relative(DIST, f).startsWith('oembed'))).toBe(false);
    // Links and alternates are root-relative instead; the embed code starts root-relative (the browser completes it).
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="alternate" hreflang="en" href="\/[^"]*en\/"/);
  });

  it.skipIf(siteKnown)('built without SITE_URL: the embed code and share link get the page\'s own address in the browser', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const code = JSON.parse(readFileSync(join(DIST, 'data/v1/meta.json'), 'utf8')).region.code as string;
      await page.goto(`${site.server.url}wilayah/${code}/`, { waitUntil: 'load' });
      const box = page.locator('embed-box').first();
      await box.locator('summary').first().click();
      expect(await box.locator('[data-embed-code]').inputValue()).toContain(`<iframe src="${site.server.origin}/embed/tren/${code}/"`);
      expect(await box.locator('[data-host-script]').inputValue()).toContain(`var ORIGIN = "${site.server.origin}"`);
      expect(await page.locator('[data-share-url]').first().inputValue()).toBe(`${site.server.url}wilayah/${code}/`);
      await page.goto(`${site.server.url}data/`, { waitUntil: 'load' });
      await expect(page.locator('.cite').textContent()).resolves.toContain(`${site.server.origin}/data/v1/stunting.csv`);
    } finally {
      await rec.close();
    }
  });
});

describe('404 page', () => {
  it('a missing address answers 404 with the page in Bahasa Indonesia and English, linking home and the A–Z list', async () => {
    const res = await fetch(`${site.server.url}wilayah/00.00/`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="id"');
    expect(html).toContain('Halaman tidak ditemukan');
    expect(html).toContain('Page not found');
    expect(html).toContain('<meta name="robots" content="noindex"');
    for (const href of ['/', '/wilayah/', '/en/', '/en/wilayah/']) expect(html).toContain(`href="${href}"`);
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}tidak/ada/sama/sekali/`, { waitUntil: 'load' });
      // Every local link on the page exists (at any depth the links are root-relative); the skip link is the page itself.
      const links = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href).filter((h) => h.startsWith(location.origin) && !h.startsWith(`${location.href}#`)));
      for (const l of new Set(links.map((h) => h.split('#')[0]))) expect((await fetch(l, { method: 'HEAD' })).status, l).toBe(200);
      expect(await page.locator('main area-search').count()).toBe(2);
      expect(rec.externalRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
