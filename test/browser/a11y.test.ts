/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation on any page type in either language, nor on the
 * map explorer once the interactive map is live, nor with the search results open.
 */
import { describe, expect, it } from 'vitest';
import { formatViolations, openPage, pagesBothLanguages, runAxe, waitForMap, useSite } from './helpers.ts';

const site = useSite();

describe('axe: no WCAG 2.2 AA violations', () => {
  it.each(pagesBothLanguages())('$lang $name (/$path)', async ({ path }) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const res = await page.goto(site.server.url + path, { waitUntil: 'load' });
      expect(res?.status(), `/${path} status`).toBe(200);
      await page.waitForLoadState('networkidle');
      const v = await runAxe(page);
      expect(v.map((x) => x.id), `axe violations on /${path}:\n${formatViolations(v)}`).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it.each(['peta/', 'en/peta/'])('/%s with the interactive map live and an area selected', async (path) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url + path);
      await waitForMap(page, { trigger: true });
      await page.locator('stunting-map .chm-gl canvas').first().focus();
      await page.keyboard.press('ArrowRight');
      await page.locator('stunting-map .chm-tip').waitFor({ state: 'visible', timeout: 10_000 });
      const v = await runAxe(page);
      expect(v.map((x) => x.id), `axe violations on live /${path}:\n${formatViolations(v)}`).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('overview with search results open', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url);
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await input.click();
      await input.pressSequentially('sum', { delay: 20 });
      await page.locator('[role="listbox"]:visible').first().waitFor({ timeout: 10_000 });
      const v = await runAxe(page);
      expect(v.map((x) => x.id), `axe violations with search open:\n${formatViolations(v)}`).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
