/**
 * Every page type renders in both languages: status 200, exactly one non-empty h1, the synthetic-data notice in the
 * page's language, the right <html lang>, no console error or page error, no failed local request and no request to
 * another host, including after the interactive map (where the page has one) has loaded and drawn.
 */
import { describe, expect, it } from 'vitest';
import { openPage, pagesBothLanguages, waitForMap, useSite } from './helpers.ts';

const site = useSite();

describe('every page type renders', () => {
  it.each(pagesBothLanguages())('$lang $name (/$path)', async ({ lang, path }) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const res = await page.goto(site.server.url + path, { waitUntil: 'load' });
      expect(res, `no response for /${path}`).not.toBeNull();
      expect(res!.status(), `/${path} status (page missing from the build?)`).toBe(200);
      expect(await page.getAttribute('html', 'lang'), 'html lang').toBe(lang);

      const h1 = page.locator('h1');
      expect(await h1.count(), `/${path} should have exactly one h1`).toBe(1);
      expect((await h1.innerText()).trim().length, 'h1 text').toBeGreaterThan(0);

      const notice = page.locator('.synthetic-notice');
      expect(await notice.count(), `/${path}: synthetic-data notice (.synthetic-notice) missing`).toBe(1);
      await expect.poll(() => notice.isVisible(), { timeout: 10_000, message: 'synthetic notice visible' }).toBe(true);
      expect(await notice.innerText()).toMatch(lang === 'id' ? /sintetis/i : /synthetic/i);

      await page.waitForLoadState('networkidle');
      // Exercise the on-demand map where there is one, so its errors and requests are caught here too.
      if ((await page.locator('stunting-map').count()) > 0) await waitForMap(page, { trigger: true });
      await page.waitForLoadState('networkidle');

      expect(rec.consoleErrors, `console errors on /${path}:${rec.report()}`).toEqual([]);
      expect(rec.pageErrors, `page errors on /${path}:${rec.report()}`).toEqual([]);
      expect(rec.externalRequests, `requests leaving the host on /${path}:${rec.report()}`).toEqual([]);
      expect(rec.failedRequests, `failed local requests on /${path}:${rec.report()}`).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('static server', () => {
  it('answers an unknown path with 404 and an HTML page', async () => {
    const r = await fetch(`${site.server.url}no-such-page/`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
  });
  it('serves data files with JSON and CSV content types', async () => {
    const a = await fetch(`${site.server.url}data/v1/areas.json`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/application\/json/);
    const c = await fetch(`${site.server.url}data/v1/stunting.csv`, { method: 'HEAD' });
    expect(c.status).toBe(200);
    expect(c.headers.get('content-type')).toMatch(/text\/csv/);
  });
  it('never serves files outside the site root', async () => {
    const r = await fetch(`${site.server.url}..%2f..%2fpackage.json`);
    expect(r.status).toBe(404);
  });
});
