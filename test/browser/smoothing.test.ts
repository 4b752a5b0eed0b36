/**
 * Honest small areas in the built site: the funnel plot and the smoothed column on the kabupaten page and a kecamatan
 * page in both languages, and the map's "colour by smoothed figures" toggle (CSS-only on the static SVG, MapLibre
 * paint and the URL state with JavaScript).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, openPage, readAreas, sampleAreas, useSite, waitForMap } from './helpers.ts';

interface Cell { prevalence: number | null; status: string; n: number | null; smoothed_prevalence?: number | null }
const meta = JSON.parse(readFileSync(join(DIST, 'data/v1/meta.json'), 'utf8')) as { latest_period: string };
const mapOf = (level: string) =>
  (JSON.parse(readFileSync(join(DIST, `data/v1/map/${level}/${meta.latest_period}.json`), 'utf8')) as { values: Record<string, Record<string, Cell>> }).values;
const desa = mapOf('desa');
const areas = readAreas();
const { kabupaten, kecamatan } = sampleAreas();
const site = useSite();

const published = (codes: string[]) => codes.filter((c) => desa[c]?.stunting?.status === 'ok');

describe('funnel plot and smoothed figures on area pages', () => {
  const cases = [
    { name: 'kecamatan', area: kecamatan, desaCodes: areas.filter((a) => a.parent === kecamatan.code).map((a) => a.code) },
    { name: 'kabupaten', area: kabupaten, desaCodes: areas.filter((a) => a.level === 'desa').map((a) => a.code) },
  ].flatMap((c) => (['id', 'en'] as const).map((lang) => ({ ...c, lang })));

  it.each(cases)('$lang $name page has the funnel plot, its table and the smoothed column', async ({ area, desaCodes, lang }) => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      const res = await page.goto(`${site.server.url}${lang === 'en' ? 'en/' : ''}wilayah/${area.code}/`);
      expect(res?.status()).toBe(200);
      const fig = page.locator('figure[data-funnel]');
      expect(await fig.count(), 'one funnel plot').toBe(1);
      expect(await fig.locator('svg.fp-svg').isVisible()).toBe(true);
      // One marker per published desa, four control-limit curves.
      const want = published(desaCodes);
      expect(want.length).toBeGreaterThan(0);
      expect(await fig.locator('.fp-points path').count()).toBe(want.length);
      expect(await fig.locator('path.fp-l95, path.fp-l998').count()).toBe(4);
      expect(await fig.locator('figcaption').innerText()).toMatch(lang === 'id' ? /batas kendali 95%/ : /95% control limits/);
      // The table alternative lists the same desa with a verdict word.
      const rows = fig.locator('table.fp-table tbody tr');
      expect(await rows.count()).toBe(want.length);
      const verdicts = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict')));
      expect(verdicts.every((v) => ['-2', '-1', '0', '1', '2'].includes(v ?? ''))).toBe(true);
      // The table of child areas shows raw and smoothed side by side, with the one-line explanation.
      const head = page.locator('table.area-table thead th.smoothed');
      expect(await head.count()).toBe(1);
      expect(await head.innerText()).toMatch(lang === 'id' ? /Terhaluskan/ : /Smoothed/);
      const cells = await page.locator('table.area-table tbody td.smoothed').allInnerTexts();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.some((c) => /\d/.test(c))).toBe(true);
      expect(await page.locator('.smoothed-note').first().innerText()).toMatch(lang === 'id' ? /terhaluskan/i : /smoothed/i);
    } finally {
      await rec.close();
    }
  });

  it.each(['id', 'en'] as const)('%s kecamatan page states its standing against the kabupaten instead of a bare rank', async (lang) => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}${lang === 'en' ? 'en/' : ''}wilayah/${kecamatan.code}/`);
      const p = page.locator('p.standing');
      expect(await p.innerText()).toMatch(lang === 'id' ? /Dibanding .*(bermakna|batas kendali)/ : /Compared with .*(significantly|control limits)/);
      // The kecamatan's own smoothed figure is in the indicator table.
      const own = mapOf('kecamatan')[kecamatan.code].stunting;
      if (own.smoothed_prevalence != null) {
        const txt = await page.locator('section:has(#h-other) td.smoothed').first().innerText();
        expect(txt.replace(',', '.')).toContain(own.smoothed_prevalence.toFixed(1));
      }
    } finally {
      await rec.close();
    }
  });
});

describe('map coloured by smoothed figures', () => {
  it('switches the static SVG colouring with the checkbox, without JavaScript', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/`);
      const box = page.locator('input[data-map-smooth]');
      expect(await box.count()).toBe(1);
      expect(await box.isChecked()).toBe(false);
      const code = await page.evaluate(() => {
        for (const p of document.querySelectorAll('svg[data-map-svg] a path')) {
          const cls = [...p.classList];
          const raw = cls.find((c) => /^c\d$/.test(c));
          const sm = cls.find((c) => /^s\d$/.test(c));
          if (raw && sm && raw.slice(1) !== sm.slice(1)) return p.parentElement!.getAttribute('data-code');
        }
        return null;
      });
      // A desa whose raw and smoothed classes differ, so the toggle visibly changes its colour.
      expect(code, 'a desa whose smoothed class differs from its raw class').not.toBeNull();
      const fill = () => page.locator(`svg[data-map-svg] a[data-code="${code}"] path`).evaluate((p) => getComputedStyle(p).fill);
      const before = await fill();
      const rawLegend = page.locator('[data-map-legend-raw]');
      const smoothLegend = page.locator('[data-map-legend-smooth]');
      expect(await rawLegend.isVisible()).toBe(true);
      expect(await smoothLegend.isVisible()).toBe(false);
      await box.check();
      expect(await fill()).not.toBe(before);
      expect(await rawLegend.isVisible()).toBe(false);
      expect(await smoothLegend.isVisible()).toBe(true);
      expect(await smoothLegend.innerText()).toMatch(/selang 95% mencakup lebih dari satu kelas/);
      await box.uncheck();
      expect(await fill()).toBe(before);
    } finally {
      await rec.close();
    }
  });

  it('reads ?nilai=terhaluskan, paints MapLibre by the smoothed value and writes the toggle to the URL', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}en/peta/?nilai=terhaluskan`);
      const box = page.locator('input[data-map-smooth]');
      await expect.poll(() => box.isChecked()).toBe(true);
      await waitForMap(page, { trigger: true });
      const paint = () =>
        page.evaluate(() => {
          const el = document.querySelector('stunting-map') as unknown as { stuntingMap: { map: { getPaintProperty(l: string, p: string): unknown } } };
          return JSON.stringify(el.stuntingMap.map.getPaintProperty('area-fill', 'fill-color'));
        });
      expect(await paint()).toContain('"smoothed"');
      await box.uncheck();
      await expect.poll(() => page.url()).not.toContain('nilai=');
      expect(await paint()).not.toContain('"smoothed"');
      await box.check();
      await expect.poll(() => page.url()).toContain('nilai=terhaluskan');
      expect(await paint()).toContain('"smoothed"');
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
