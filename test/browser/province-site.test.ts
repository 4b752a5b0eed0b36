/**
 * The province site (region "35") built from the province fixture (test/browser/province-build.ts): the province
 * page, a kab/kota page, a desa page (with and without a polygon), the map explorer and the page budgets, in
 * chromium. Every page opened must load without console or page errors, failed local requests or requests to
 * another host; what each page loads from data/v1/ is recorded, so that a page carrying another kab/kota's files
 * (or the whole province's desa) fails here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatPercent } from '../../src/lib/site/format.ts';
import { closeBrowser, launchBrowser, openPage, readAreas, ROOT, serveStatic, waitForMap, type AreaRow, type Recorded, type StaticServer } from './helpers.ts';
import { provinceSite, type ProvinceSite } from './province-build.ts';

let site: ProvinceSite;
let server: StaticServer;
let browser: Browser;
let areas: AreaRow[];
let latest = '';

beforeAll(async () => {
  site = await provinceSite();
  server = await serveStatic({ root: site.dist });
  browser = await launchBrowser();
  areas = readAreas(site.dist);
  latest = (JSON.parse(readFileSync(join(site.dist, 'data/v1/meta.json'), 'utf8')) as { latest_period: string }).latest_period;
}, 600_000);

afterAll(async () => {
  await closeBrowser(browser);
  await server?.close();
});

const KABKOTA = { '35.15': 'Kabupaten Sidoarjo', '35.76': 'Kota Mojokerto', '35.78': 'Kota Surabaya' };
const NO_SHAPE = '35.78.12.1006';

/** A recorded page that also lists the data/v1/ files it requested (paths under data/v1/). */
async function open(): Promise<Recorded & { data: string[] }> {
  const rec = await openPage(browser);
  const data: string[] = [];
  rec.page.on('request', (r) => {
    const m = /\/data\/v1\/(.+)$/.exec(new URL(r.url()).pathname);
    if (m) data.push(m[1]);
  });
  return Object.assign(rec, { data });
}

async function go(page: Page, path: string): Promise<void> {
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  expect(res?.status(), `/${path}`).toBe(200);
  await page.waitForLoadState('networkidle');
}

function expectClean(rec: Recorded, where: string): void {
  expect(rec.consoleErrors, `${where}:${rec.report()}`).toEqual([]);
  expect(rec.pageErrors, `${where}:${rec.report()}`).toEqual([]);
  expect(rec.externalRequests, `${where}:${rec.report()}`).toEqual([]);
  expect(rec.failedRequests, `${where}:${rec.report()}`).toEqual([]);
}

/** The area codes the page's static map draws (each area is a link with its code). */
const mapCodes = (page: Page, section = 'section[aria-labelledby="h-map"]') =>
  page.locator(`${section} svg[data-map-svg] a[data-code]`).evaluateAll((as) => as.map((a) => a.getAttribute('data-code')!).sort());

/** The breadcrumb as [text, href or null (the current page)]. */
const crumbs = (page: Page) =>
  page.locator('nav.breadcrumb li').evaluateAll((lis) => lis.map((li) => [li.textContent!.trim(), li.querySelector('a')?.getAttribute('href') ?? null]));

/** The names linked in the child-area table. */
const childNames = (page: Page) => page.locator('section[aria-labelledby="h-children"] table a').allInnerTexts();

const kecamatanOf = (kab: string) => areas.filter((a) => a.level === 'kecamatan' && a.parent === kab);

describe('province site built from the fixture', () => {
  it('publishes the province, its kab/kota, kecamatan and desa pages, including the desa without a polygon', () => {
    expect(readFileSync(join(site.dist, 'data/v1/meta.json'), 'utf8')).toContain('"code":"35"');
    for (const code of ['35.78', '35.76', '35.15.18', NO_SHAPE]) expect(existsSync(join(site.dist, `wilayah/${code}/index.html`)), code).toBe(true);
  });
});

describe('province page', () => {
  it.each([
    { lang: 'id', prefix: '', funnel: /Perbandingan kabupaten\/kota/ },
    { lang: 'en', prefix: 'en/', funnel: /regencies and cities/ },
  ])('$lang: title, breadcrumb, its kab/kota in the table and the funnel, a map of kab/kota (no desa)', async ({ lang, prefix, funnel }) => {
    const rec = await open();
    try {
      const { page } = rec;
      await go(page, `${prefix}wilayah/35/`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.title()).toMatch(/Jawa Timur/);
      expect(await page.locator('h1').innerText()).toMatch(/Jawa Timur/);
      expect(await crumbs(page)).toEqual([[lang === 'id' ? 'Wilayah' : 'Areas', `/${prefix}wilayah/`], ['Jawa Timur', null]]);
      expect((await childNames(page)).sort()).toEqual(Object.values(KABKOTA));
      expect(await page.locator('#h-funnel').innerText()).toMatch(funnel);
      // The funnel's points are the three kab/kota (its table lists them).
      expect(await page.locator('[data-funnel] table tbody tr').count()).toBe(3);
      // Coverage beside stunting: one point and one table row per kab/kota, under a kab/kota heading.
      expect(await page.locator('#h-cov-stunting').innerText()).toMatch(lang === 'id' ? /per kabupaten\/kota/ : /by regency and city/);
      expect(await page.locator('[data-coverage-stunting] .cs-svg circle.cs-pt').count()).toBe(3);
      const csNames = await page.locator('[data-coverage-stunting] tbody th a').allTextContents(); // in a closed <details>
      expect(csNames.sort()).toEqual(Object.values(KABKOTA).sort());
      // The province page's map: its kab/kota, nothing finer.
      expect(await mapCodes(page)).toEqual(Object.keys(KABKOTA));
      expect(rec.data.filter((f) => /desa|kecamatan/.test(f)), 'desa or kecamatan files loaded by the province page').toEqual([]);
      expectClean(rec, `/${prefix}wilayah/35/`);
    } finally {
      await rec.close();
    }
  });

  it.each(['', 'en/'])('overview /%s: the kab/kota listed, the interactive map draws kab/kota from the kab/kota files only', async (prefix) => {
    const rec = await open();
    try {
      const { page } = rec;
      await go(page, prefix);
      expect(await page.title()).toMatch(/Jawa Timur|East Java/);
      const text = await page.locator('main').innerText();
      for (const name of Object.values(KABKOTA)) expect(text).toContain(name);
      expect(await mapCodes(page, 'stunting-map')).toEqual(Object.keys(KABKOTA));
      await page.locator('stunting-map').first().scrollIntoViewIfNeeded();
      await waitForMap(page, { trigger: true });
      await page.waitForLoadState('networkidle');
      expect(rec.data).toContain('boundaries/kabupaten.topo.json');
      expect(rec.data).toContain(`map/kabupaten/${latest}.json`);
      expect(rec.data.filter((f) => /desa|kecamatan/.test(f)), 'desa or kecamatan files loaded by the overview').toEqual([]);
      expectClean(rec, `/${prefix}`);
    } finally {
      await rec.close();
    }
  });
});

describe('kab/kota page (Kota Surabaya 35.78)', () => {
  it.each([
    { lang: 'id', prefix: '' },
    { lang: 'en', prefix: 'en/' },
  ])('$lang: breadcrumb through the province, its kecamatan listed and mapped, nothing of another kab/kota loaded', async ({ lang, prefix }) => {
    const rec = await open();
    try {
      const { page } = rec;
      await go(page, `${prefix}wilayah/35.78/`);
      expect(await page.locator('h1').innerText()).toContain('Kota Surabaya');
      expect(await crumbs(page)).toEqual([
        [lang === 'id' ? 'Wilayah' : 'Areas', `/${prefix}wilayah/`],
        ['Jawa Timur', `/${prefix}wilayah/35/`],
        ['Kota Surabaya', null],
      ]);
      if (lang === 'id') expect(await page.locator('.lede').first().innerText()).toContain('Provinsi Jawa Timur');
      const kec = kecamatanOf('35.78');
      expect(kec.length).toBeGreaterThan(20);
      expect((await childNames(page)).sort()).toEqual(kec.map((k) => k.name).sort());
      // Its static map: its own kecamatan, every one of them, and no area of another kab/kota.
      expect(await mapCodes(page)).toEqual(kec.map((k) => k.code).sort());
      // The funnel plot: the desa of Surabaya only.
      const funnelRows = await page.locator('[data-funnel] table tbody tr').count();
      expect(funnelRows).toBeGreaterThan(0);
      expect(funnelRows).toBeLessThanOrEqual(areas.filter((a) => a.level === 'desa' && a.code.startsWith('35.78.')).length);
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState('networkidle');
      const foreign = rec.data.filter((f) => /35\.(15|76)/.test(f) || /^map\/desa\/\d{4}-\d{2}\.json$/.test(f) || f === 'boundaries/desa.topo.json');
      expect(foreign, 'files of another kab/kota or of the whole province loaded by the Surabaya page').toEqual([]);
      expect(rec.data.filter((f) => f.startsWith('boundaries/') && !f.startsWith('boundaries/35.78/')), 'boundary files other than Surabaya\'s').toEqual([]);
      expectClean(rec, `/${prefix}wilayah/35.78/`);
    } finally {
      await rec.close();
    }
  });
});

describe('desa pages', () => {
  const shapeless = () => areas.find((a) => a.code === NO_SHAPE)!;
  const withShape = () => areas.find((a) => a.level === 'desa' && a.parent === '35.78.12' && a.code !== NO_SHAPE)!;

  it('a desa with a polygon: outlined on the map of its kecamatan\'s desa, no note', async () => {
    const d = withShape();
    const rec = await open();
    try {
      const { page } = rec;
      await go(page, `wilayah/${d.code}/`);
      expect(await page.locator('h1').innerText()).toContain(d.name);
      const codes = await mapCodes(page);
      expect(codes).toContain(d.code);
      expect(codes.every((c) => c.startsWith('35.78.12.'))).toBe(true);
      expect(await page.locator('section[aria-labelledby="h-map"] svg[data-map-svg] path.hl').count()).toBe(1);
      expect(await page.locator('[data-map-no-shape]').count()).toBe(0);
      expectClean(rec, d.code);
    } finally {
      await rec.close();
    }
  });

  it.each([
    { lang: 'id', prefix: '', note: /Batas wilayah Tanjung Perak tidak tersedia/ },
    { lang: 'en', prefix: 'en/', note: /boundary of Tanjung Perak is not available/ },
  ])('$lang: 35.78.12.1006 (no polygon) is published with its figures and a note instead of a shape', async ({ prefix, note }) => {
    const d = shapeless();
    expect(d.name).toBe('Tanjung Perak');
    const rec = await open();
    try {
      const { page } = rec;
      await go(page, `${prefix}wilayah/${d.code}/`);
      expect(await page.locator('h1').innerText()).toContain('Tanjung Perak');
      // Its figure, or the honest reason it is hidden.
      const cells = JSON.parse(readFileSync(join(site.dist, `data/v1/map/desa/35.78/${latest}.json`), 'utf8')).values as Record<string, Record<string, { status: string; prevalence: number | null }>>;
      const cell = cells[d.code]?.stunting;
      expect(cell, 'the desa has a stunting cell in its kab/kota\'s map file').toBeDefined();
      const cards = await page.locator('section[aria-labelledby="h-latest"]').innerText();
      if (cell.status === 'ok' && cell.prevalence !== null) expect(cards).toContain(formatPercent(cell.prevalence, prefix ? 'en' : 'id'));
      else expect(cards).toMatch(/disembunyikan|sedikit|hidden|few/i);
      // The map: its kecamatan's other desa, none outlined, and the note saying why.
      const codes = await mapCodes(page);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes).not.toContain(d.code);
      expect(await page.locator('section[aria-labelledby="h-map"] svg[data-map-svg] path.hl').count()).toBe(0);
      const n = page.locator('[data-map-no-shape]');
      expect(await n.isVisible()).toBe(true);
      expect(await n.innerText()).toMatch(note);
      // No broken image anywhere on the page.
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState('networkidle');
      const broken = await page.locator('img').evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src));
      expect(broken).toEqual([]);
      expectClean(rec, d.code);
    } finally {
      await rec.close();
    }
  });
});

describe('phone width (390 × 844)', () => {
  it.each(['wilayah/35/', 'wilayah/35.78/', `wilayah/${NO_SHAPE}/`, 'peta/'])('/%s does not scroll sideways (wide tables scroll in their own box)', async (path) => {
    const rec = await openPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await go(rec.page, path);
      expect(await rec.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expectClean(rec, path);
    } finally {
      await rec.close();
    }
  });
});

describe('map explorer', () => {
  const selectedOf = (page: Page) => page.locator('stunting-map').first().evaluate((el) => (el as unknown as { stuntingMap?: { selectedId: string | null } }).stuntingMap?.selectedId ?? null);
  const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

  it('offers kab/kota and kecamatan, loads each level\'s files, hover and keyboard select an area, the URL keeps the view, a click opens the page', async () => {
    const rec = await open();
    try {
      const { page } = rec;
      await go(page, 'peta/');
      const form = page.locator('form[data-map-controls]');
      expect(await form.locator('input[name="tingkat"]').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual(['kabupaten', 'kecamatan']);
      expect(await form.locator('input[name="tingkat"]:checked').getAttribute('value')).toBe('kabupaten');
      await waitForMap(page, { trigger: true });
      await page.waitForLoadState('networkidle');
      expect(rec.data).toContain('boundaries/kabupaten.topo.json');
      expect(rec.data).toContain(`map/kabupaten/${latest}.json`);
      expect(rec.data.filter((f) => /desa/.test(f))).toEqual([]);
      const rows = page.locator('[data-map-tbody] tr');
      expect(await rows.count()).toBe(3);

      // Kecamatan: the region-wide kecamatan files, every kecamatan in the table, the level in the URL.
      await form.locator('input[name="tingkat"][value="kecamatan"]').check();
      await expect.poll(() => query(page, 'tingkat'), { timeout: 15_000 }).toBe('kecamatan');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(areas.filter((a) => a.level === 'kecamatan').length);
      expect(rec.data).toContain('boundaries/kecamatan.topo.json');
      expect(rec.data).toContain(`map/kecamatan/${latest}.json`);
      expect(await page.locator('[data-map-caption]').first().innerText()).toMatch(/kecamatan/);
      // Kecamatan names repeat across kab/kota: each row names its kab/kota, under a kab/kota heading.
      const parentTh = page.locator('th[data-col-parent]');
      expect(await parentTh.isVisible()).toBe(true);
      expect(await parentTh.innerText()).toMatch(/Kabupaten\/kota/);
      const kecParents = new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? '')));
      expect([...kecParents].sort()).toEqual(Object.values(KABKOTA).sort());

      // Back to kab/kota: the caption names kab/kota again, the level leaves the URL (the default).
      const toKabKota = async () => {
        await form.locator('input[name="tingkat"][value="kabupaten"]').check();
        await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
        await expect.poll(() => page.locator('[data-map-caption]').first().innerText(), { timeout: 15_000 }).toMatch(/kabupaten\/kota/);
        expect(await page.locator('th[data-col-parent]').isVisible()).toBe(false);
        await expect.poll(() => query(page, 'tingkat'), { timeout: 15_000 }).toBeNull();
        await page.waitForFunction(() => !!(document.querySelector('stunting-map') as unknown as { stuntingMap?: { pointOf?: (c: string) => unknown } }).stuntingMap?.pointOf?.('35.78'), null, { timeout: 15_000 });
        const pt = await page.locator('stunting-map').first().evaluate((el) => (el as unknown as { stuntingMap: { pointOf: (c: string) => { x: number; y: number } } }).stuntingMap.pointOf('35.78'));
        const box = (await page.locator('stunting-map .chm-gl canvas').first().boundingBox())!;
        return { x: box.x + pt.x, y: box.y + pt.y };
      };
      let at = await toKabKota();
      // Hover: the tooltip names Kota Surabaya.
      await page.mouse.move(at.x - 15, at.y - 15);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      const tip = page.locator('stunting-map .chm-tip');
      await expect.poll(() => tip.isVisible(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => tip.innerText(), { timeout: 10_000 }).toContain('Kota Surabaya');
      await page.mouse.move(2, 2);

      // Keyboard at the kecamatan level: an arrow selects a kecamatan, written to the URL with the level.
      await form.locator('input[name="tingkat"][value="kecamatan"]').check();
      await expect.poll(() => query(page, 'tingkat'), { timeout: 15_000 }).toBe('kecamatan');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(3);
      await page.locator('stunting-map .chm-gl canvas').first().focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => query(page, 'wilayah'), { timeout: 15_000 }).toMatch(/^35\.\d\d\.\d\d$/);
      const kec = query(page, 'wilayah')!;
      expect(await selectedOf(page)).toBe(kec);
      const shared = page.url();

      // The link opens the same view: level and selected area.
      const rec2 = await open();
      try {
        await go(rec2.page, shared.slice(server.url.length));
        expect(await rec2.page.locator('form[data-map-controls] input[name="tingkat"]:checked').getAttribute('value')).toBe('kecamatan');
        await waitForMap(rec2.page, { trigger: true });
        await expect.poll(() => selectedOf(rec2.page), { timeout: 15_000 }).toBe(kec);
        expect(new URL(rec2.page.url()).searchParams.get('wilayah')).toBe(kec);
        expect(rec2.data).toContain('boundaries/kecamatan.topo.json');
        expectClean(rec2, shared);
      } finally {
        await rec2.close();
      }

      // A click on an area opens its page.
      at = await toKabKota();
      await Promise.all([page.waitForURL('**/wilayah/35.78/', { timeout: 15_000 }), page.mouse.click(at.x, at.y)]);
      expect(await page.locator('h1').innerText()).toContain('Kota Surabaya');
      expectClean(rec, '/peta/');
    } finally {
      await rec.close();
    }
  });
});

describe('page budgets at province scale', () => {
  interface Row { page: string; path: string; lang: string; html: number; jsBeforeMap: number; fails: string[] }
  it('the province page, the largest kab/kota, kecamatan and desa pages and the desa boundary files are within budget', () => {
    const run = (...a: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/budgets.ts'), '--dist', site.dist, ...a], { encoding: 'utf8' });
    const r = run();
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('PASS: every page within budget');
    const j = JSON.parse(run('--json').stdout) as { pages: Row[]; desaBoundaries: { file: string; gzip: number }[] };
    const id = (name: string) => j.pages.find((p) => p.page === name && p.lang === 'id');
    expect(id('province')?.path).toBe('/wilayah/35/');
    // The largest kab/kota page is Surabaya's (31 kecamatan), not the first in code order (Sidoarjo, one kecamatan here).
    expect(id('kabupaten (largest)')?.path).toBe('/wilayah/35.78/');
    for (const name of ['overview', 'province', 'kabupaten (largest)', 'kecamatan (largest)', 'desa (largest)']) {
      const row = id(name)!;
      expect(row.html, name).toBeLessThanOrEqual(60 * 1024);
      expect(row.jsBeforeMap, name).toBeLessThanOrEqual(50 * 1024);
    }
    expect(j.desaBoundaries.map((f) => f.file).sort()).toEqual(['35.15', '35.76', '35.78'].map((k) => `data/v1/boundaries/${k}/desa.topo.json`));
    for (const f of j.desaBoundaries) expect(f.gzip, f.file).toBeLessThanOrEqual(150 * 1024);
  });
});
