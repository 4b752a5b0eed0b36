/**
 * The journalist's desk against the built site: embeds with chart/map/table/sources tabs, downloads from inside the
 * embed, the comparison of several areas carried in the address, and the smaller promises (one interval term, a
 * legend entry per target line, the survey year on the axis, survey credit on the image, the tooltip inside the
 * chart, the share field following the map, the host script and blank iframes).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { countPaletteColours, formatViolations, openPage, readAreas, runAxe, sampleAreas, useSite, waitForMap } from './helpers.ts';
import { hostScript } from '../../src/lib/share/embed.ts';

const site = useSite();
const areas = sampleAreas();
const kecs = readAreas().filter((a) => a.level === 'kecamatan');

async function download(page: Page, button: Locator): Promise<{ bytes: Buffer; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  return { bytes: readFileSync((await dl.path())!), name: dl.suggestedFilename() };
}

describe('embed tabs and downloads', () => {
  it('trend embed without JavaScript: chart, table and sources in order, and a link to the map', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}embed/tren/${areas.kecamatan.code}/`);
      for (const sel of ['svg.tc-svg.tc-wide', '.tc-table table', '#ev-sources', 'a[data-ev-csv]']) expect(await page.locator(sel).first().isVisible(), sel).toBe(true);
      expect(await page.locator('[data-ev-tab]:visible').count(), 'tab buttons need JavaScript').toBe(0);
      const map = await page.locator('a[data-ev-link="map"]').getAttribute('href');
      expect(map).toMatch(/\/embed\/peta\/\?/);
      expect(new URL(map!, site.server.url).searchParams.get('wilayah')).toBe(areas.kecamatan.code);
      expect(await page.locator('#ev-sources').innerText()).toMatch(/WHO/);
    } finally {
      await rec.close();
    }
  });

  it('trend embed with JavaScript: tabs switch between chart, table and sources; PNG and CSV download', async () => {
    const rec = await openPage(site.browser, { acceptDownloads: true, viewport: { width: 640, height: 900 } });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}embed/tren/${areas.kecamatan.code}/?indikator=wasting`, { waitUntil: 'load' });
      const tabs = page.locator('[role="tablist"] [role="tab"]');
      expect(await tabs.allInnerTexts()).toEqual(['Grafik', 'Tabel', 'Sumber']);
      expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
      const chart = page.locator('[data-trend-indicator="wasting"] svg.tc-svg:visible');
      expect(await chart.count()).toBe(1);
      expect(await page.locator('[data-trend-indicator="wasting"] .tc-table').isVisible()).toBe(false);
      await tabs.nth(1).click();
      expect(await chart.count()).toBe(0);
      expect(await page.locator('[data-trend-indicator="wasting"] .tc-table').isVisible()).toBe(true);
      await tabs.nth(1).press('ArrowRight');
      expect(await tabs.nth(2).getAttribute('aria-selected')).toBe('true');
      expect(await page.locator('#ev-sources').isVisible()).toBe(true);
      expect(await page.locator('.tc-table').first().isVisible()).toBe(false);
      await tabs.nth(0).click();
      // The map tab opens the same indicator's map with the area selected.
      const mapHref = new URL((await page.locator('a[data-ev-link="map"]').getAttribute('href'))!, site.server.url);
      expect(mapHref.searchParams.get('indikator')).toBe('wasting');
      const png = await download(page, page.locator('figure-download [data-download="png"]'));
      expect(png.name).toBe(`tren-${areas.kecamatan.code}-wasting.png`);
      const { counts, total } = await countPaletteColours(png.bytes, ['#0b57a4'], 8);
      expect(counts[0] / total).toBeGreaterThan(0.001);
      const csvHref = await page.locator('a[data-ev-csv]').getAttribute('href');
      const csv = await (await fetch(new URL(csvHref!, site.server.url))).text();
      expect(csv.split('\n')[0]).toMatch(/^area_code,/);
      expect(csv).toContain(`${areas.kecamatan.code},`);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('map embed: map / table / sources tabs; the chart tab and the image name follow the selected area', async () => {
    const kec = areas.kecamatan;
    const rec = await openPage(site.browser, { acceptDownloads: true, viewport: { width: 640, height: 900 } });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}embed/peta/?tingkat=kecamatan&indikator=wasting&wilayah=${kec.code}`, { waitUntil: 'load' });
      await waitForMap(page);
      expect(await page.locator('[role="tab"]').allInnerTexts()).toEqual(['Peta', 'Tabel', 'Sumber']);
      await expect.poll(async () => new URL((await page.locator('a[data-ev-link="chart"]').getAttribute('href'))!, site.server.url).pathname).toBe(`/embed/tren/${kec.code}/`);
      expect(await page.locator('a[data-ev-link="chart"]').getAttribute('href')).toContain('indikator=wasting');
      await page.locator('[role="tab"]', { hasText: 'Tabel' }).click();
      const row = page.locator(`.chm-table tr[data-code="${kec.code}"]`);
      expect(await row.isVisible()).toBe(true);
      expect(await page.locator('.chm-table tbody tr').count()).toBe(kecs.length);
      expect(await page.locator('.chm-frame').isVisible()).toBe(false);
      await page.locator('[role="tab"]', { hasText: 'Peta' }).click();
      const png = await download(page, page.locator('figure-download [data-download="png"]'));
      expect(png.name).toMatch(new RegExp(`^peta-kecamatan-wasting-\\d{4}-\\d{2}-${kec.code.replace(/\./g, '\\.')}\\.png$`));
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('comparison of several areas', () => {
  const chosen = [kecs[0].code, kecs[1].code, areas.kabupaten.code];

  it('without JavaScript: the area with the areas above it, drawn and tabled', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${areas.desa.code}/`);
      const lines = page.locator('svg.cmp-svg .cmp-line');
      expect(await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([areas.desa.code, areas.desa.parent, areas.kabupaten.code]);
      expect(await page.locator('[data-cmp-table] thead th').count()).toBe(4);
      expect(await page.locator('[data-cmp-form]').isVisible()).toBe(false);
    } finally {
      await rec.close();
    }
  });

  it('the address carries the choice: opening it draws it; adding an area rewrites it and the share field', async () => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${areas.desa.code}/?banding=${chosen.join(',')}&indikator=underweight`, { waitUntil: 'load' });
      const lines = page.locator('svg.cmp-svg .cmp-line');
      await expect.poll(() => lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(chosen);
      expect(await page.locator('[data-cmp-indicator]').inputValue()).toBe('underweight');
      expect(await page.locator('[data-cmp-title]').innerText()).toMatch(/underweight/i);
      expect(await page.locator('[data-cmp-chips] li').count()).toBe(3);
      // Add a fourth area by name.
      await page.locator('[data-cmp-input]').fill(kecs[2].name);
      await page.locator('[data-cmp-form] button[type="submit"]').click();
      await expect.poll(() => lines.count()).toBe(4);
      const url = new URL(page.url());
      expect(url.searchParams.get('banding')).toBe([...chosen, kecs[2].code].join(','));
      expect(url.searchParams.get('indikator')).toBe('underweight');
      // The share field follows without the reader touching it.
      const share = page.locator('share-box [data-share-url]').first();
      if (await share.count()) expect(await share.inputValue()).toBe(page.url());
      // Remove one again.
      await page.locator(`[data-cmp-chips] li[data-code="${kecs[0].code}"] button`).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('banding')).toBe([chosen[1], chosen[2], kecs[2].code].join(','));
      // The image shows the lines in their colours.
      const png = await download(page, page.locator('.cmp-fig figure-download [data-download="png"]'));
      expect(png.name).toContain('underweight');
      const { counts } = await countPaletteColours(png.bytes, ['#0b57a4', '#b34700', '#1d6b5f'], 10);
      expect(counts.every((c) => c > 100), `line colours ${counts.join('/')}`).toBe(true);
      // A bad code is dropped, the rest kept.
      await page.goto(`${site.server.url}wilayah/${areas.desa.code}/?banding=${chosen[0]},99.99.99`, { waitUntil: 'load' });
      await expect.poll(() => lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([chosen[0]]);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('accessibility of the new parts (axe, WCAG 2.2 AA)', () => {
  it.each([
    ['trend embed, table tab', `embed/tren/${areas.desa.code}/#table`, null],
    ['map embed, sources tab', 'embed/peta/#sources', null],
    ['comparison with chosen areas', `wilayah/${areas.kecamatan.code}/?banding=${kecs[0].code},${kecs[1].code}`, '.cmp-sec'],
  ])('%s', async (_, path, include) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url + path, { waitUntil: 'load' });
      if (include) await expect.poll(() => page.locator('[data-cmp-chips] li').count()).toBe(2);
      else await expect.poll(() => page.locator('[role="tab"][aria-selected="true"]').count()).toBe(1);
      const v = await runAxe(page, include ? { include: [include] } : {});
      expect(v, formatViolations(v)).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('smaller promises', () => {
  it('one term for the interval per language; a legend entry per target line; the 2021 survey on the axis', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${areas.kabupaten.code}/`, { waitUntil: 'load' });
      const body = await page.locator('main').innerText();
      expect(body).toContain('SK 95%');
      expect(body).not.toMatch(/95% CI|IK 95%|Selang kepercayaan 95%:/);
      const meta = JSON.parse(readFileSync(new URL('../../dist/data/v1/meta.json', import.meta.url), 'utf8')) as { targets: unknown[] };
      const legend = page.locator('#tren-stunting .tc-legend li');
      expect(await legend.filter({ hasText: /^Target \d{4}/ }).count()).toBe(meta.targets.length);
      const dashes = await page.locator('#tren-stunting svg.tc-wide line.tc-target').evaluateAll((ls) => ls.map((l) => getComputedStyle(l).strokeDasharray));
      expect(new Set(dashes).size).toBe(meta.targets.length);
      const surveyYears = await page.locator('#tren-stunting .tc-survey-table thead th.n').allInnerTexts();
      const axis = (await page.locator('#tren-stunting svg.tc-wide .tc-xaxis text').allTextContents()).map((t) => t.trim());
      for (const y of surveyYears) expect(axis, `survey year ${y} on the axis`).toContain(y);
      await page.goto(`${site.server.url}en/wilayah/${areas.kabupaten.code}/`, { waitUntil: 'load' });
      const en = await page.locator('main').innerText();
      expect(en).toContain('95% CI');
      expect(en).not.toContain('SK 95%');
    } finally {
      await rec.close();
    }
  });

  it('the image of a chart with surveys credits them on its source line', async () => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${areas.kabupaten.code}/`, { waitUntil: 'load' });
      const box = page.locator('embed-box').first();
      await box.locator('summary').first().click();
      const svg = (await download(page, box.locator('[data-download="svg"]'))).bytes.toString('utf8');
      const source = /<text[^>]*>(Sumber: [^<]*)<\/text>/.exec(svg)?.[1] ?? '';
      expect(source).toMatch(/SSGI \d{4}/);
      expect(source).toMatch(/Kemenkes/);
    } finally {
      await rec.close();
    }
  });

  it('the trend tooltip stays inside the chart at both ends', async () => {
    const rec = await openPage(site.browser, { viewport: { width: 420, height: 800 } });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${areas.kabupaten.code}/`, { waitUntil: 'load' });
      const svg = page.locator('#tren-stunting svg.tc-svg:visible');
      for (const pt of [svg.locator('.tc-pt').first(), svg.locator('.tc-dot').last()]) {
        await pt.hover();
        const plot = await page.locator('#tren-stunting .tc-plot').boundingBox();
        const tip = page.locator('#tren-stunting .tc-tip');
        await expect.poll(() => tip.isVisible()).toBe(true);
        const b = (await tip.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(plot!.x - 0.5);
        expect(b.x + b.width).toBeLessThanOrEqual(plot!.x + plot!.width + 0.5);
        expect(b.y).toBeGreaterThanOrEqual(plot!.y - 0.5);
      }
    } finally {
      await rec.close();
    }
  });

  it('the share field follows the map explorer without the reader touching it', async (ctx) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/`, { waitUntil: 'load' });
      if ((await page.locator('share-box').count()) === 0) return ctx.skip();
      await waitForMap(page, { trigger: true });
      await page.locator('select[name="indikator"]').selectOption('wasting');
      await expect.poll(() => new URL(page.url()).searchParams.get('indikator'), { timeout: 30_000 }).toBe('wasting');
      await expect.poll(() => page.locator('share-box [data-share-url]').first().inputValue()).toBe(page.url());
    } finally {
      await rec.close();
    }
  });

  it('the host script asks loaded embeds for their height and leaves not-yet-loaded (blank) iframes alone', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const src = `${site.server.url}embed/tren/${areas.kabupaten.code}/`;
      await page.setContent(
        `<!doctype html><html lang="en"><head><title>host</title></head><body style="margin:0">
         <iframe id="a" src="${src}" title="a" width="600" height="300"></iframe>
         <div style="height:6000px"></div>
         <iframe id="b" src="${src}?indikator=wasting" title="b" loading="lazy" width="600" height="300"></iframe>
         </body></html>`,
        { waitUntil: 'load' },
      );
      expect(await page.evaluate(() => (document.getElementById('b') as HTMLIFrameElement).contentWindow!.location.href)).toBe('about:blank');
      // Record any message posted to the blank window (it is same-origin with this host page while blank).
      await page.evaluate(() => {
        const w = (document.getElementById('b') as HTMLIFrameElement).contentWindow as Window & { __posted?: unknown[] };
        w.__posted = [];
        w.postMessage = ((m: unknown) => void w.__posted!.push(m)) as never;
      });
      // The script runs after the first embed loaded (it reported its height before anyone listened).
      await page.addScriptTag({ content: hostScript(site.server.origin).replace(/^<script>|<\/script>$/g, '') });
      await expect.poll(() => page.evaluate(() => document.getElementById('a')!.getBoundingClientRect().height), { timeout: 10_000 }).toBeGreaterThan(400);
      await page.waitForTimeout(300);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      // Only an embed's own message resizes an iframe: the blank one was not asked and has not answered.
      expect(await page.evaluate(() => document.getElementById('b')!.style.height)).toBe('');
      expect(await page.evaluate(() => ((document.getElementById('b') as HTMLIFrameElement).contentWindow as Window & { __posted?: unknown[] }).__posted)).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
