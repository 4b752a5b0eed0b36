/**
 * The journalist and the public (issue 14): search tolerant of typing errors and spacing with the A–Z list when
 * nothing matches; no MapLibre download on a phone or with Save-Data until the reader asks; wide tables that say
 * they scroll; the map legend inside the page width in print, with the page address and print date; the CSV
 * variant for Indonesian Excel beside the normal CSV; the plain-words box and an honest rank on area pages.
 */
import { EXCEL_COLUMNS } from '../../src/lib/publish/excel.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, openPage, readAreas, useSite, waitForMap } from './helpers.ts';

const site = useSite();
const areas = readAreas();
const byName = (name: string) => {
  const a = areas.find((x) => x.name === name);
  if (!a) throw new Error(`${name} not in areas.json (the Banyuwangi demo has it)`);
  return a;
};
const desa = byName('Tampo');
const kecamatan = areas.find((a) => a.code === desa.parent)!;
const readData = (p: string) => readFileSync(join(DIST, 'data/v1', p), 'utf8');

/** Resolves when the page has been idle twice with the map in view: long enough for an idle-time load to start. */
async function settle(page: Page): Promise<void> {
  await page.locator('stunting-map [data-map-frame]').first().scrollIntoViewIfNeeded();
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const idle = (cb: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(cb, { timeout: 5000 }) : setTimeout(cb, 1500));
        idle(() => idle(() => idle(() => done())));
      }),
  );
}
const isMapLibre = (url: string) => /maplibre-gl/.test(url);

describe('search tolerant of typing errors and spacing', () => {
  it.each([
    ['Tmpo', 'Tampo'],
    ['gentengwetan', 'Genteng Wetan'],
    ['macanputih', 'Macan Putih'],
  ])('typing %j lists %j first', async (query, name) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url);
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await input.click();
      await input.pressSequentially(query, { delay: 15 });
      const listbox = page.locator(`#${await input.getAttribute('aria-controls')}`);
      const first = listbox.locator('[role="option"]').first();
      await expect.poll(() => first.textContent(), { timeout: 10_000, message: `first result for ${query}` }).toMatch(new RegExp(`^${name}`));
      await Promise.all([page.waitForURL(`**/wilayah/${byName(name).code}/`), page.keyboard.press('Enter')]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('nothing matches: no empty list, a note with a link to the A–Z list of areas', async () => {
    const rec = await openPage(site.browser, { locale: 'en-GB' });
    try {
      const { page } = rec;
      await page.goto(site.server.url + 'en/');
      const input = page.locator('area-search input[role="combobox"]:visible').first();
      await input.click();
      await input.pressSequentially('qxzqxz', { delay: 15 });
      const box = page.locator('area-search:has(input:visible) [data-empty]').first();
      await expect.poll(() => box.isVisible(), { timeout: 10_000, message: 'no-match note' }).toBe(true);
      expect(await page.locator(`#${await input.getAttribute('aria-controls')}`).isVisible()).toBe(false);
      expect(await input.getAttribute('aria-expanded')).toBe('false');
      const link = box.locator('a');
      expect(await link.getAttribute('href')).toBe('/en/wilayah/');
      await Promise.all([page.waitForURL('**/en/wilayah/'), link.click()]);
      expect(await page.locator('h1').innerText()).toBe('All areas A–Z');
    } finally {
      await rec.close();
    }
  });

  it('without JavaScript the search is a link to the A–Z list, which lists every area', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(site.server.url);
      const link = page.locator('a.search-fallback:visible').first();
      expect(await link.getAttribute('href')).toBe('/wilayah/');
      await Promise.all([page.waitForURL('**/wilayah/'), link.click()]);
      for (const name of ['Tampo', 'Genteng Wetan', 'Macan Putih']) {
        expect(await page.locator('.az-list a', { hasText: new RegExp(`^${name}$`) }).count(), name).toBe(1);
      }
    } finally {
      await rec.close();
    }
  });
});

describe('phones and Save-Data: no MapLibre until the reader asks', () => {
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

  it('on a 360 px phone /peta/ shows the static map and a load button; MapLibre comes only after the click', async () => {
    const rec = await openPage(site.browser, phone);
    try {
      const { page } = rec;
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(site.server.url + 'peta/', { waitUntil: 'load' });
      await settle(page);
      // Taps on the map and changes of view are not a request for the interactive map.
      await page.locator('stunting-map [data-map-frame]').first().dispatchEvent('pointerdown');
      await settle(page);
      expect(requests.filter(isMapLibre), 'no MapLibre chunk before the button').toEqual([]);
      expect(await page.locator('svg[data-map-svg]').first().isVisible()).toBe(true);
      // The explorer's view links (static pages) are offered instead of the form.
      expect(await page.locator('[data-map-links]').isVisible()).toBe(true);
      expect(await page.locator('form[data-map-controls]').isVisible()).toBe(false);
      const button = page.locator('stunting-map [data-map-load]').first();
      expect(await button.isVisible()).toBe(true);
      expect(await button.innerText()).toBe('Muat peta interaktif');
      await button.click();
      await waitForMap(page);
      expect(requests.filter(isMapLibre).length, 'MapLibre loads after the click').toBeGreaterThan(0);
      expect(await button.isVisible()).toBe(false);
      expect(await page.locator('form[data-map-controls]').isVisible()).toBe(true);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('with Save-Data on a desktop no MapLibre either; without it the desktop loads the map by itself', async () => {
    for (const saveData of [true, false]) {
      const rec = await openPage(site.browser);
      try {
        const { page } = rec;
        if (saveData) await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(site.server.url + 'peta/', { waitUntil: 'load' });
        if (saveData) {
          await settle(page);
          expect(requests.filter(isMapLibre), 'Save-Data: no MapLibre').toEqual([]);
          expect(await page.locator('stunting-map [data-map-load]').first().isVisible()).toBe(true);
        } else {
          await settle(page);
          await waitForMap(page);
          expect(requests.filter(isMapLibre).length, 'desktop loads MapLibre when idle').toBeGreaterThan(0);
          expect(await page.locator('stunting-map [data-map-load]').first().isVisible()).toBe(false);
        }
      } finally {
        await rec.close();
      }
    }
  });
});

describe('wide tables on a phone', () => {
  it('the kecamatan page puts the prevalence first and says the tables scroll, only on narrow screens', async () => {
    for (const width of [360, 1280]) {
      const rec = await openPage(site.browser, { viewport: { width, height: 800 } });
      try {
        const { page } = rec;
        await page.goto(`${site.server.url}wilayah/${kecamatan.code}/`);
        for (const section of ['h-rounds', 'h-children']) {
          const s = page.locator(`section[aria-labelledby="${section}"]`);
          const heads = await s.locator('thead th').allInnerTexts();
          expect(heads[1], `${section}: key number right after the label`).toBe('Prevalensi');
          expect(await s.locator('[data-scroll-hint]').isVisible(), `${section} hint at ${width} px`).toBe(width === 360);
          if (width === 360) {
            const wide = await s.locator('.table-scroll').evaluate((el) => el.scrollWidth > el.clientWidth);
            expect(wide, `${section} table is wider than a 360 px screen (else the hint would be a lie)`).toBe(true);
          }
        }
      } finally {
        await rec.close();
      }
    }
  });
});

describe('print', () => {
  // The content width of an A4 page with print.css margins (210 − 2 × 12 mm) in CSS px.
  const A4_CONTENT = Math.floor(((210 - 24) / 25.4) * 96);

  it.each(['peta/', 'en/peta/', '', `wilayah/${desa.code}/`, `en/wilayah/${kecamatan.code}/`])('/%s: the legend fits the A4 width; the address and print date are printed', async (path) => {
    const rec = await openPage(site.browser, { viewport: { width: A4_CONTENT, height: 1100 } });
    try {
      const { page } = rec;
      await page.goto(site.server.url + path, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const m = await page.evaluate(() => {
        const legend = document.querySelector('.chm-legend')!;
        const box = legend.getBoundingClientRect();
        // Boxes and the text inside them (text can overflow a box that shrank).
        const parts = [...legend.querySelectorAll('li, li > *')].map((e) => {
          const r = document.createRange();
          r.selectNodeContents(e);
          return Math.max(e.getBoundingClientRect().right, r.getBoundingClientRect().right);
        });
        return { page: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth, right: box.right, parts: Math.max(...parts), items: legend.querySelectorAll('li').length };
      });
      expect(m.items).toBeGreaterThan(5);
      expect(m.scroll, 'nothing wider than the page').toBeLessThanOrEqual(m.page);
      expect(m.right, 'legend inside the page').toBeLessThanOrEqual(m.page);
      expect(m.parts, 'every swatch, label and count inside the legend').toBeLessThanOrEqual(m.right + 0.5);
      const footer = page.locator('[data-print-meta]');
      expect(await footer.isVisible()).toBe(true);
      const text = await footer.innerText();
      expect(text).toContain(page.url());
      expect(text).toContain(String(new Date().getFullYear()));
      await page.emulateMedia({ media: 'screen' });
      expect(await footer.isVisible(), 'print-only line hidden on screen').toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await rec.close();
    }
  });
});

describe('CSV for Indonesian Excel', () => {
  const bytes = (p: string) => readFileSync(join(DIST, 'data/v1', p));

  it('the data page offers stunting-excel.csv and the codebook beside stunting.csv', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url + 'data/');
      const hrefs = await page.locator('a[href$=".csv"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const f of ['stunting.csv', 'stunting-excel.csv', 'kamus-data.csv']) expect(hrefs, f).toContain(`/data/v1/${f}`);
      const res = await page.request.get(`${site.server.url}data/v1/stunting-excel.csv`);
      expect(res.status()).toBe(200);
      const body = await res.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString('utf8').slice(1).split('\r\n');
      expect(lines[0].split(';')).toEqual([...EXCEL_COLUMNS]);
      expect(EXCEL_COLUMNS.slice(-2)).toEqual(['suppression', 'synthetic']);
      const okRow = lines.find((l) => l.includes(';ok;'))!.split(';');
      expect(okRow[7]).toMatch(/^\d+,\d$/);
      expect(okRow.at(-1)).toBe('yes');
      expect(lines.some((l) => /;suppressed;;;;(primary|complementary);yes$/.test(l))).toBe(true);
      // Same rows as the tidy CSV.
      expect(lines.filter(Boolean).length).toBe(bytes('stunting.csv').toString('utf8').trim().split('\n').length);
    } finally {
      await rec.close();
    }
  });

  it('an area page links its own Excel variant, with the same rows as its CSV', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${desa.code}/`);
      const href = await page.locator('a[data-excel-csv]').getAttribute('href');
      expect(href).toBe(`/data/v1/csv-excel/${desa.code}.csv`);
      const res = await page.request.get(site.server.origin + href);
      expect(res.status()).toBe(200);
      const excel = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      const tidy = bytes(`csv/${desa.code}.csv`).toString('utf8').trim().split('\n');
      expect(excel.length).toBe(tidy.length);
      expect(excel.slice(1).every((l) => l.startsWith(`${desa.code};Tampo;desa;`))).toBe(true);
    } finally {
      await rec.close();
    }
  });
});

describe('plain words for parents and an honest rank', () => {
  it.each([
    ['id', '', 'Apa arti angka ini?', 'Apa itu stunting?'],
    ['en', 'en/', 'What do these numbers mean?', 'What is stunting?'],
  ])('%s desa page: the box explains stunting, the class and the interval, and the rank gives its range', async (_lang, prefix, title, first) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}${prefix}wilayah/${desa.code}/`);
      const box = page.locator('[data-plain-words]');
      expect(await box.locator('h2').innerText()).toBe(title);
      const terms = await box.locator('dt').allInnerTexts();
      expect(terms[0]).toBe(first);
      expect(terms.length).toBeGreaterThanOrEqual(2);
      const series = JSON.parse(readData(`series/${desa.code}.json`)) as { periods: Record<string, { indicators: { stunting: { status: string; ci_low: number } } }> };
      const meta = JSON.parse(readData('meta.json')) as { latest_period: string };
      const v = series.periods[meta.latest_period].indicators.stunting;
      if (v.status === 'ok') {
        expect(terms).toHaveLength(3);
        expect(await box.locator('dd').nth(2).innerText()).toContain(String(Math.floor(v.ci_low)));
        const range = page.locator('[data-rank-range]');
        expect(await range.innerText()).toMatch(prefix ? /could be anywhere from \d+ to \d+|overlaps no other/ : /antara ke-\d+ dan ke-\d+|tidak tumpang tindih/);
      }
      // The box comes before the trend, right under the headline figures.
      const order = await page.evaluate(() => {
        const b = document.querySelector('[data-plain-words]')!;
        const t = document.getElementById('h-trend')!;
        return b.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order).toBeTruthy();
    } finally {
      await rec.close();
    }
  });

  it('the overview says when the attention list ranks areas whose intervals overlap', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url);
      const note = page.locator('[data-rank-overlap]');
      expect(await note.count()).toBe(1);
      expect(await note.innerText()).toMatch(/tumpang tindih/);
    } finally {
      await rec.close();
    }
  });
});
