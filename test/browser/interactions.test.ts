/**
 * Interactions around the map: the language switch keeps the page and its state (query string, hash), the trend
 * chart's tooltips on hover and keyboard focus (an enhancement over the caption and table), and the area search.
 */
import { describe, expect, it } from 'vitest';
import { openPage, readAreas, sampleAreas, waitForMap, useSite } from './helpers.ts';

const areas = readAreas();
const { kabupaten } = sampleAreas();
const site = useSite();

describe('language switch', () => {
  it.each([
    { from: `wilayah/${kabupaten.code}/`, to: `en/wilayah/${kabupaten.code}/` },
    { from: `en/wilayah/${kabupaten.code}/`, to: `wilayah/${kabupaten.code}/` },
    { from: '', to: 'en/' },
    { from: 'en/metodologi/', to: 'metodologi/' },
  ])('/$from ⇄ /$to keeps the page, query string and hash', async ({ from, to }) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}${from}?periode=2024-08#tren`);
      const link = page.locator('a[data-lang-switch]');
      expect(await link.count(), 'language switch link (a[data-lang-switch])').toBeGreaterThan(0);
      await Promise.all([page.waitForURL(`${site.server.url}${to}**`), link.first().click()]);
      const u = new URL(page.url());
      expect(u.pathname).toBe(`${site.server.base}${to}`);
      expect(u.search).toBe('?periode=2024-08');
      expect(u.hash).toBe('#tren');
      expect(await page.getAttribute('html', 'lang')).toBe(to.startsWith('en/') ? 'en' : 'id');
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('carries the map explorer state chosen on /peta/ to /en/peta/', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/`);
      await waitForMap(page, { trigger: true });
      const periods = await page.locator('select[name="periode"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const period = periods[periods.length - 1];
      await page.selectOption('select[name="indikator"]', 'wasting');
      await page.selectOption('select[name="periode"]', period);
      await expect.poll(() => new URL(page.url()).searchParams.get('indikator'), { timeout: 10_000, message: 'explorer writes the indicator to the URL' }).toBe('wasting');
      await expect.poll(() => new URL(page.url()).searchParams.get('periode'), { timeout: 10_000 }).toBe(period);
      const query = new URL(page.url()).search;
      await Promise.all([page.waitForURL(`${site.server.url}en/peta/**`), page.locator('a[data-lang-switch]').first().click()]);
      expect(new URL(page.url()).search).toBe(query);
      await waitForMap(page, { trigger: false });
      expect(await page.inputValue('select[name="indikator"]'), 'English explorer shows the same indicator').toBe('wasting');
      expect(await page.inputValue('select[name="periode"]'), 'English explorer shows the same period').toBe(period);
      expect(await page.locator('[data-map-caption]').first().innerText()).toMatch(/wasting/i);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.externalRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('trend chart tooltip (enhancement)', () => {
  const path = `wilayah/${kabupaten.code}/`;

  it('without JavaScript the values are in the caption and table, and no tooltip shows', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(site.server.url + path);
      const chart = page.locator('trend-chart').first();
      expect(await chart.count(), '<trend-chart> on the kabupaten page').toBe(1);
      expect((await chart.locator('figcaption').innerText()).length).toBeGreaterThan(20);
      expect(await chart.locator('table tbody tr').count()).toBeGreaterThan(1);
      expect(await chart.locator('.tc-tip').isVisible()).toBe(false);
      expect(await chart.locator('.tc-pt[tabindex]').count(), 'points are not focusable without JS').toBe(0);
    } finally {
      await rec.close();
    }
  });

  it('hover on a point shows its value; keyboard focus and arrows move the tooltip', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url + path);
      const chart = page.locator('trend-chart').first();
      const pts = chart.locator('svg.tc-svg:visible .tc-dot');
      expect(await pts.count(), 'visible routine points in the trend chart').toBeGreaterThan(1);
      const tip = chart.locator('.tc-tip');
      const last = pts.last();
      await last.scrollIntoViewIfNeeded();
      await last.hover();
      await expect.poll(() => tip.isVisible(), { timeout: 10_000, message: 'tooltip on hover' }).toBe(true);
      const want = (await last.getAttribute('data-tip'))!;
      expect(want).toMatch(/\d/);
      expect(await tip.innerText()).toBe(want);
      await page.mouse.move(1, 1);
      await expect.poll(() => tip.isVisible(), { timeout: 10_000, message: 'tooltip hidden on mouse leave' }).toBe(false);

      // Keyboard: Tab reaches the chart's one tab stop, arrows move between points.
      const allPts = chart.locator('svg.tc-svg:visible .tc-pt');
      const first = allPts.first();
      expect(await first.getAttribute('tabindex')).toBe('0');
      await first.focus();
      await expect.poll(() => tip.isVisible(), { timeout: 10_000, message: 'tooltip on focus' }).toBe(true);
      expect(await tip.innerText()).toBe(await first.getAttribute('data-tip'));
      await page.keyboard.press('ArrowRight');
      const second = allPts.nth(1);
      await expect.poll(() => second.evaluate((e) => e === document.activeElement), { timeout: 10_000, message: 'ArrowRight focuses the next point' }).toBe(true);
      expect(await tip.innerText()).toBe(await second.getAttribute('data-tip'));
      expect(await second.getAttribute('aria-label')).toBe(await second.getAttribute('data-tip'));
      await page.keyboard.press('Escape');
      await expect.poll(() => tip.isVisible(), { timeout: 10_000, message: 'Escape hides the tooltip' }).toBe(false);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('area search', () => {
  // A desa whose name no other area has, so the first result is unambiguous.
  const counts = new Map<string, number>();
  for (const a of areas) counts.set(a.name.toLowerCase(), (counts.get(a.name.toLowerCase()) ?? 0) + 1);
  const desa = areas.find((a) => a.level === 'desa' && counts.get(a.name.toLowerCase()) === 1);

  it.each([
    { lang: 'id', path: '' },
    { lang: 'en', path: 'en/' },
    { lang: 'id', path: `wilayah/${kabupaten.code}/` },
  ])('typing a desa name on /$path lists it and Enter opens its page', async ({ lang, path }) => {
    expect(desa, 'a desa with a unique name in areas.json').toBeDefined();
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url + path);
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await expect.poll(() => input.count(), { timeout: 10_000, message: 'visible search combobox (area-search upgraded)' }).toBeGreaterThan(0);
      await input.click();
      await input.pressSequentially(desa!.name.slice(0, Math.max(4, desa!.name.length - 1)), { delay: 20 });
      const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`);
      await expect.poll(() => listbox.isVisible(), { timeout: 10_000, message: 'result list opens' }).toBe(true);
      const option = listbox.locator('[role="option"]', { hasText: desa!.name }).first();
      await expect.poll(() => option.count(), { timeout: 10_000, message: `"${desa!.name}" among the results` }).toBeGreaterThan(0);
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      // Arrow down to the desa's option, then Enter.
      const options = await listbox.locator('[role="option"]').allInnerTexts();
      const idx = options.findIndex((t) => t.startsWith(desa!.name));
      for (let i = 0; i <= idx; i++) await page.keyboard.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBeTruthy();
      const target = `${site.server.url}${lang === 'en' ? 'en/' : ''}wilayah/${desa!.code}/`;
      await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').innerText()).toContain(desa!.name);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.externalRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('a click on a result opens the page too', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url);
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await input.click();
      await input.pressSequentially(desa!.name, { delay: 20 });
      const option = page.locator('[role="option"]:visible', { hasText: desa!.name }).first();
      await option.waitFor({ timeout: 5000 });
      await Promise.all([page.waitForURL(`**/wilayah/${desa!.code}/`), option.click()]);
    } finally {
      await rec.close();
    }
  });
});
