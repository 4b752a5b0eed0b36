/**
 * Downloaded images show what is on screen: the PNG of the static map, of the live MapLibre map (whose static SVG is
 * hidden underneath) and of a trend chart are decoded and their pixels checked (not blank, the choropleth classes or
 * the trend's line colour painted). The file names carry the indicator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CLASS_COLORS } from '../../src/lib/site/thresholds.ts';
import { countPaletteColours, openPage, sampleAreas, useSite, waitForMap } from './helpers.ts';
import { lighterTone } from '../../src/lib/site/map-html.ts';

/** The class colours and their lighter tones (areas whose interval spans more than one class): what the map shows. */
const CLASS_AND_LIGHTER = [...CLASS_COLORS, ...CLASS_COLORS.map(lighterTone)];

const site = useSite();
const areas = sampleAreas();

/** Clicks a download button and returns the file's bytes and suggested name. */
async function download(page: Page, button: Locator): Promise<{ bytes: Buffer; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  return { bytes: readFileSync((await dl.path())!), name: dl.suggestedFilename() };
}

/** Share of pixels that are not (near) white. */
async function inkShare(png: Buffer): Promise<number> {
  const sharp = (await import('sharp')).default;
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
  return ink / (info.width * info.height);
}

/** Opens the map explorer's embed box and returns it. */
async function mapBox(page: Page): Promise<Locator> {
  const box = page.locator('embed-box').first();
  await box.locator('summary').first().click();
  return box;
}

describe('map image downloads', () => {
  it('static map (interactive map not loaded): the PNG shows the choropleth classes', async () => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      // No IntersectionObserver: the map does not load on its own when idle, so the static SVG stays the map.
      await page.addInitScript(() => delete (window as unknown as { IntersectionObserver?: unknown }).IntersectionObserver);
      await page.goto(`${site.server.url}peta/`, { waitUntil: 'load' });
      const box = await mapBox(page);
      const { bytes, name } = await download(page, box.locator('[data-download="png"]'));
      expect(await page.locator('stunting-map.chm-live').count(), 'the live map stayed unloaded').toBe(0);
      expect(name).toMatch(/stunting.*\.png$/);
      const { counts, total } = await countPaletteColours(bytes, CLASS_AND_LIGHTER, 4);
      expect(counts.reduce((a, b) => a + b, 0) / total, `palette pixels ${counts.join('/')} of ${total}`).toBeGreaterThan(0.1);
      expect(counts.filter((c) => c > 500).length, `classes painted: ${counts.join('/')}`).toBeGreaterThan(1);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it.each([
    ['explorer, default view', 'peta/'],
    ['explorer, kecamatan and wasting from the URL', 'peta/?tingkat=kecamatan&indikator=wasting'],
  ])('live MapLibre map (%s): PNG and SVG show the drawn map, not the hidden static one', async (_, path) => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      await page.goto(site.server.url + path, { waitUntil: 'load' });
      await waitForMap(page, { trigger: true });
      await expect.poll(() => page.locator('stunting-map.chm-live').count()).toBe(1);
      expect(await page.locator('svg[data-map-svg]').first().evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
      const box = await mapBox(page);
      const png = await download(page, box.locator('[data-download="png"]'));
      const ind = new URL(page.url()).searchParams.get('indikator') ?? 'stunting';
      expect(png.name).toContain(ind);
      const { counts, total } = await countPaletteColours(png.bytes, CLASS_AND_LIGHTER, 6);
      expect(counts.reduce((a, b) => a + b, 0) / total, `palette pixels ${counts.join('/')} of ${total}`).toBeGreaterThan(0.08);
      expect(counts.filter((c) => c > 500).length, `classes painted: ${counts.join('/')}`).toBeGreaterThan(1);
      const svg = await download(page, box.locator('[data-download="svg"]'));
      expect(svg.name).toMatch(/\.svg$/);
      expect(svg.bytes.toString('utf8'), 'the SVG carries the map canvas').toMatch(/<image href="data:image\/png;base64,[A-Za-z0-9+/]{1000}/);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('chart image downloads', () => {
  it('trend chart of a kecamatan: the PNG shows the line, its band and the axes', async () => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${areas.kecamatan.code}/`, { waitUntil: 'load' });
      const box = page.locator('embed-box').first();
      await box.locator('summary').first().click();
      const { bytes, name } = await download(page, box.locator('[data-download="png"]'));
      expect(name).toMatch(/stunting.*\.png$/);
      const { counts, total } = await countPaletteColours(bytes, ['#0b57a4'], 8);
      expect(counts[0] / total, `line-blue pixels ${counts[0]} of ${total}`).toBeGreaterThan(0.001);
      expect(await inkShare(bytes)).toBeGreaterThan(0.03);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
