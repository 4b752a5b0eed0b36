/**
 * The map: the static SVG choropleth is complete without JavaScript; MapLibre, loaded on demand, draws the areas in
 * the palette of the one colour source (src/lib/site/thresholds.ts); hover and keyboard focus show a tooltip with the
 * area's name and value; Enter opens the area's page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASS_COLORS } from '../../src/lib/site/thresholds.ts';
import { lighterTone } from '../../src/lib/site/map-html.ts';
import { formatPercent } from '../../src/lib/site/format.ts';
import {
  countPaletteColours,
  DIST,
  openPage,
  readAreas,
  useSite,
  waitForMap,
} from './helpers.ts';

interface Cell { prevalence: number | null; status: string; n: number | null }
const meta = JSON.parse(readFileSync(join(DIST, 'data/v1/meta.json'), 'utf8')) as { latest_period: string };
const areas = readAreas();
const nameOf = new Map(areas.map((a) => [a.code, a.name]));
/** Default explorer state: desa, stunting, latest period. */
const desaValues = (JSON.parse(readFileSync(join(DIST, `data/v1/map/desa/${meta.latest_period}.json`), 'utf8')) as { values: Record<string, Record<string, Cell>> }).values;

const site = useSite();

/** Pixels per class, counting both the full colour and the lighter tone of areas whose interval spans classes. */
async function classPixels(png: Buffer, tolerance: number): Promise<{ counts: number[]; total: number }> {
  const { counts, total } = await countPaletteColours(png, [...CLASS_COLORS, ...CLASS_COLORS.map(lighterTone)], tolerance);
  return { counts: CLASS_COLORS.map((_, i) => counts[i] + counts[i + CLASS_COLORS.length]), total };
}

describe('static SVG map without JavaScript', () => {
  it.each(['peta/', 'en/peta/'])('/%s has a complete choropleth in the HTML', async (path) => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      const res = await page.goto(site.server.url + path);
      expect(res?.status()).toBe(200);
      const svg = page.locator('svg[data-map-svg]').first();
      expect(await svg.count(), 'static map SVG (svg[data-map-svg]) missing').toBe(1);
      expect(await svg.isVisible(), 'static SVG map is visible').toBe(true);
      const fills = await svg.evaluate((el) => [...el.querySelectorAll('a path')].map((p) => getComputedStyle(p).fill));
      expect(fills.length, 'area paths in the static map').toBeGreaterThanOrEqual(200);
      const palette = CLASS_COLORS.map((h) => {
        const n = parseInt(h.slice(1), 16);
        return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
      });
      const used = new Set(fills.filter((f) => palette.includes(f)));
      expect(used.size, `distinct class colours used by the static map: ${[...used].join(', ')}`).toBeGreaterThan(1);
      // Each area is a link to its page.
      const hrefs = await svg.evaluate((el) => [...el.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
      expect(hrefs.length).toBe(fills.length);
      expect(hrefs.every((h) => /\/wilayah\/\d{2}\.\d{2}\.\d{2}\.\d{4}\/$/.test(h ?? ''))).toBe(true);
      // What the reader sees: the class colours really are painted (hatched, i.e. suppressed, desa and the frame
      // around the kabupaten are not palette colours).
      const { counts, total } = await classPixels(await svg.screenshot(), 4);
      const coloured = counts.reduce((a, b) => a + b, 0);
      expect(coloured / total, `share of palette pixels in the static map (${counts.join('/')} of ${total})`).toBeGreaterThan(0.15);
      expect(counts.filter((c) => c > 200).length, `classes visibly painted: ${counts.join('/')}`).toBeGreaterThan(1);
      expect(await page.locator('canvas').count(), 'no canvas without JS').toBe(0);
      expect(rec.externalRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('interactive MapLibre map', () => {
  it('draws the areas in the class colours after it is triggered', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/`);
      await waitForMap(page, { trigger: true });
      const canvas = page.locator('stunting-map .chm-gl canvas').first();
      expect(await canvas.count(), 'MapLibre canvas inside <stunting-map>').toBe(1);
      const box = await canvas.boundingBox();
      expect(box && box.width > 200 && box.height > 200, `canvas size ${JSON.stringify(box)}`).toBe(true);
      expect(await page.locator('svg[data-map-svg]').first().evaluate((e) => getComputedStyle(e).visibility), 'static SVG hidden under the live map').toBe('hidden');
      const png = await canvas.screenshot();
      const { counts, total } = await classPixels(png, 6);
      const coloured = counts.reduce((a, b) => a + b, 0);
      expect(coloured / total, `share of canvas pixels in the class palette (${counts.join('/')} of ${total})`).toBeGreaterThan(0.1);
      expect(counts.filter((c) => c > 500).length, `classes drawn: ${counts.join('/')}`).toBeGreaterThan(1);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.externalRequests, rec.report()).toEqual([]);
      expect(rec.failedRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('loads on its own when idle and in view (no interaction), on the overview too', async () => {
    for (const path of ['peta/', '']) {
      const rec = await openPage(site.browser);
      try {
        const { page } = rec;
        await page.goto(site.server.url + path);
        await page.locator('stunting-map').first().scrollIntoViewIfNeeded();
        await waitForMap(page, { trigger: false, timeout: 30_000 });
        expect(rec.consoleErrors, rec.report()).toEqual([]);
        expect(rec.externalRequests, rec.report()).toEqual([]);
      } finally {
        await rec.close();
      }
    }
  });

  it('hover shows a tooltip with the area name and value', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/`);
      await waitForMap(page, { trigger: true });
      // The largest-n desa with a published value: big enough on screen to hover its label point.
      const [code, cell] = Object.entries(desaValues)
        .filter(([, v]) => v.stunting?.status === 'ok' && v.stunting.prevalence !== null)
        .sort((a, b) => (b[1].stunting.n ?? 0) - (a[1].stunting.n ?? 0))[0];
      const pt = await page.locator('stunting-map').first().evaluate((el, c) => {
        const im = (el as unknown as { stuntingMap?: { pointOf?: (c: string) => { x: number; y: number } | null } }).stuntingMap;
        return im?.pointOf ? im.pointOf(c) : 'no test hook stuntingMap.pointOf()';
      }, code);
      expect(typeof pt, `label point of ${code}: ${JSON.stringify(pt)}`).toBe('object');
      const box = (await page.locator('stunting-map .chm-gl canvas').first().boundingBox())!;
      const { x, y } = pt as { x: number; y: number };
      await page.mouse.move(box.x + x - 20, box.y + y - 20);
      await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
      const tip = page.locator('stunting-map .chm-tip');
      await expect.poll(() => tip.isVisible(), { timeout: 10_000, message: 'tooltip visible on hover' }).toBe(true);
      const text = await tip.innerText();
      expect(text).toContain(nameOf.get(code)!);
      expect(text).toContain(formatPercent(cell.stunting.prevalence, 'id'));
      // Moving off the map hides it again.
      await page.mouse.move(2, 2);
      await expect.poll(() => tip.isVisible(), { timeout: 10_000, message: 'tooltip hidden after leaving the map' }).toBe(false);
    } finally {
      await rec.close();
    }
  });

  it('keyboard focus: arrows select an area with a tooltip (name and value), Enter opens its page', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}en/peta/`);
      await waitForMap(page, { trigger: true });
      const canvas = page.locator('stunting-map .chm-gl canvas').first();
      expect(await canvas.getAttribute('tabindex'), 'map canvas is focusable').not.toBeNull();
      await canvas.focus();
      await page.keyboard.press('ArrowRight');
      const tip = page.locator('stunting-map .chm-tip');
      await expect.poll(() => tip.isVisible(), { timeout: 10_000, message: 'tooltip visible after ArrowRight' }).toBe(true);
      await expect.poll(() => new URL(page.url()).searchParams.get('wilayah'), { timeout: 10_000, message: 'selected area written to the URL (?wilayah=)' }).not.toBeNull();
      let code = new URL(page.url()).searchParams.get('wilayah')!;
      let text = await tip.innerText();
      expect(text).toContain(nameOf.get(code)!);
      const cell = desaValues[code]?.stunting;
      if (cell?.prevalence != null) expect(text).toContain(formatPercent(cell.prevalence, 'en'));
      // The next area.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => new URL(page.url()).searchParams.get('wilayah'), { timeout: 10_000 }).not.toBe(code);
      code = new URL(page.url()).searchParams.get('wilayah')!;
      await expect.poll(() => tip.innerText(), { timeout: 10_000 }).toContain(nameOf.get(code)!);
      text = await tip.innerText();
      const cell2 = desaValues[code]?.stunting;
      if (cell2?.prevalence != null) expect(text).toContain(formatPercent(cell2.prevalence, 'en'));
      // A screen reader hears the same.
      const live = await page.locator('stunting-map [data-map-live]').first().innerText();
      expect(live).toContain(nameOf.get(code)!);
      await Promise.all([page.waitForURL(`**/en/wilayah/${code}/`), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').innerText()).toContain(nameOf.get(code)!);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
