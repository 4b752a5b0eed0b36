/**
 * The convergence indicators beyond the area pages and the explorer (issue 12): the map embed draws any of them in
 * their palette with their legend, the explorer's embed code keeps them (also on a static state page), an area's
 * convergence embed draws an indicator's trend with its targets, the search finds indicators by name in both
 * languages, and a convergence map's link preview shows that indicator in its palette. Indicators come from
 * konvergensi-meta.json, never from a list of ids.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CLASS_COLORS, COVERAGE_COLORS, coverageScale, formatPct, legendModel } from '../../src/lib/site/thresholds.ts';
import { formatNumber } from '../../src/lib/site/format.ts';
import type { CoverageAreaJson, CoverageMetaJson } from '../../src/lib/publish/coverage.ts';
import { fileSlug } from '../../src/lib/share/image.ts';
import { countPaletteColours, DIST, formatViolations, openPage, runAxe, sampleAreas, useSite, waitForMap } from './helpers.ts';

const cmeta = JSON.parse(readFileSync(join(DIST, 'data/v1/konvergensi-meta.json'), 'utf8')) as CoverageMetaJson;
const latest = cmeta.periods[cmeta.periods.length - 1];
/** An indicator with a target (the trend draws its line), else the first; and one that is not the first. */
const withTarget = cmeta.indicators.find((i) => i.targets.length > 0) ?? cmeta.indicators[0];
const notFirst = cmeta.indicators[cmeta.indicators.length - 1];
const higher = cmeta.indicators.find((i) => i.direction === 'higher_better')!;
const areas = sampleAreas();
const site = useSite();

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** The iframe `src` of an embed box's code. */
const srcOf = (code: string) => new URL(/src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&'), site.server.url);

describe('map embed of a convergence indicator', () => {
  it.each([
    ['id', ''],
    ['en', 'en/'],
  ] as const)('%s: ?indikator=<id> draws it in its palette with its legend, table headings and chart tab', async (lang, prefix) => {
    const rec = await openPage(site.browser, { acceptDownloads: true, viewport: { width: 800, height: 1000 } });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}${prefix}embed/peta/?tingkat=kecamatan&indikator=${higher.id}&wilayah=${areas.kecamatan.code}`, { waitUntil: 'load' });
      await waitForMap(page);
      await expect.poll(() => page.locator('[data-map-caption]').textContent(), { timeout: 20_000 }).toContain(higher.name[lang]);
      // The legend of the coverage classes (with the target of the year), not the WHO classes.
      const model = legendModel(coverageScale(higher.direction), lang);
      const labels = await page.locator('[data-map-legend] .chm-ll').allTextContents();
      for (const it of model.items) expect(labels).toContain(it.label);
      const note = (await page.locator('[data-map-legend-note]').first().textContent()) ?? '';
      expect(note).toContain(model.note);
      const target = higher.targets.find((t) => t.year === Number(latest.slice(0, 4)));
      if (target) expect(note).toContain(`Target ${target.year}: ${formatPct(target.target, lang)} %`);
      await expect(page.locator('th[data-col="prev"]').first().textContent()).resolves.toBe(lang === 'id' ? 'Cakupan (%)' : 'Coverage (%)');
      // The chart tab opens the area's convergence trend of the same indicator.
      const chart = new URL((await page.locator('a[data-ev-link="chart"]').getAttribute('href'))!, site.server.url);
      expect(chart.pathname).toBe(`/${prefix}embed/konvergensi/${areas.kecamatan.code}/`);
      expect(chart.searchParams.get('indikator')).toBe(higher.id);
      // The image of the map as shown: the coverage palette (several classes), no prevalence reds.
      const png = await download(page, page.locator('figure-download [data-download="png"]'));
      expect(png.name).toBe(`${fileSlug(`peta-kecamatan-${higher.id}-${latest}-${areas.kecamatan.code}`)}.png`);
      const { counts, total } = await countPaletteColours(png.bytes, COVERAGE_COLORS, 6);
      expect(counts.reduce((a, b) => a + b, 0) / total, `coverage palette pixels ${counts.join('/')} of ${total}`).toBeGreaterThan(0.05);
      expect(counts.filter((c) => c > 300).length, `classes painted: ${counts.join('/')}`).toBeGreaterThan(1);
      const reds = await countPaletteColours(png.bytes, CLASS_COLORS.slice(1), 4);
      expect(reds.counts.reduce((a, b) => a + b, 0) / reds.total, 'no prevalence reds').toBeLessThan(0.01);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.failedRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('the embed code of a convergence view', () => {
  it('explorer: the code carries the indicator; opening it draws the same indicator', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/?indikator=${notFirst.id}&tingkat=kecamatan`, { waitUntil: 'load' });
      await waitForMap(page, { trigger: true });
      const box = page.locator('embed-box').first();
      await box.locator('summary').first().click();
      await expect.poll(async () => srcOf(await box.locator('[data-embed-code]').inputValue()).searchParams.get('indikator'), { timeout: 20_000 }).toBe(notFirst.id);
      const u = srcOf(await box.locator('[data-embed-code]').inputValue());
      expect(u.pathname).toBe('/embed/peta/');
      expect(u.searchParams.get('tingkat')).toBe('kecamatan');
      await page.goto(`${site.server.url}embed/peta/${u.search}`, { waitUntil: 'load' });
      await waitForMap(page);
      await expect.poll(() => page.locator('[data-map-caption]').textContent(), { timeout: 20_000 }).toContain(notFirst.name.id);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it.each([false, true])('static state page /peta/desa/<id>/<period>/ (JavaScript %s): the code is that view', async (js) => {
    const period = cmeta.periods[0];
    const rec = await openPage(site.browser, { javaScriptEnabled: js });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/desa/${withTarget.id}/${period}/`, { waitUntil: 'load' });
      const box = page.locator('embed-box').first();
      if (js) await box.locator('summary').first().click();
      const u = srcOf(await box.locator('[data-embed-code]').inputValue());
      expect(u.pathname).toBe('/embed/peta/');
      expect(u.searchParams.get('indikator')).toBe(withTarget.id);
      expect(u.searchParams.get('periode') ?? JSON.parse(readFileSync(join(DIST, 'data/v1/meta.json'), 'utf8')).latest_period).toBe(period);
    } finally {
      await rec.close();
    }
  });
});

describe('convergence trend embed of an area', () => {
  it('?indikator=<id> shows its trend: coverage axis and direction, its target lines, the published figures; the map tab keeps it', async () => {
    const kab = areas.kabupaten;
    const file = JSON.parse(readFileSync(join(DIST, `data/v1/konvergensi/${kab.code}.json`), 'utf8')) as CoverageAreaJson;
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}embed/konvergensi/${kab.code}/?indikator=${withTarget.id}`, { waitUntil: 'load' });
      const panel = page.locator(`[data-trend-indicator="${withTarget.id}"]`);
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await page.locator('[data-trend-indicator]:not([hidden])').count()).toBe(1);
      expect(await page.locator('h1').innerText()).toContain(withTarget.name.id);
      const title = await panel.locator('.tc-ytitle').innerText();
      expect(title).toContain('Cakupan (%)');
      expect(title).toContain(withTarget.direction === 'lower_better' ? 'makin rendah makin baik' : 'makin tinggi makin baik');
      expect(await panel.locator('svg.tc-wide line.tc-target').count()).toBe(withTarget.targets.length);
      const rows = await panel.locator('.tc-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      expect(rows).toHaveLength(cmeta.periods.length);
      cmeta.periods.forEach((p, i) => {
        const v = file.values[p]?.[withTarget.id];
        if (v?.status === 'ok' && v.coverage !== null) {
          expect(rows[i][0]).toContain(formatNumber(v.coverage, 'id', 1));
          expect(rows[i][1]).toBe(`${formatNumber(v.numerator, 'id')} / ${formatNumber(v.denominator, 'id')}`);
        }
      });
      const map = new URL((await page.locator('a[data-ev-link="map"]').getAttribute('href'))!, site.server.url);
      expect(map.pathname).toBe('/embed/peta/');
      expect(map.searchParams.get('indikator')).toBe(withTarget.id);
      const png = await download(page, page.locator('figure-download [data-download="png"]'));
      expect(png.name).toBe(`${fileSlug(`konvergensi-${kab.code}-${withTarget.id}`)}.png`);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it.each(['', 'en/'])('/%sembed/konvergensi/<desa>/: no axe violation', async (prefix) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const res = await page.goto(`${site.server.url}${prefix}embed/konvergensi/${areas.desa.code}/?indikator=${notFirst.id}`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      const v = await runAxe(page);
      expect(v.map((x) => x.id), formatViolations(v)).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('the area page links each sparkline to it (no JavaScript)', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}en/wilayah/${areas.kecamatan.code}/`);
      const link = page.locator(`[data-convergence] tr[data-indicator="${notFirst.id}"] td.cv-trend a`);
      const href = new URL((await link.getAttribute('href'))!, site.server.url);
      expect(href.pathname).toBe(`/en/embed/konvergensi/${areas.kecamatan.code}/`);
      expect(href.searchParams.get('indikator')).toBe(notFirst.id);
      const res = await page.goto(href.href);
      expect(res?.status()).toBe(200);
      expect(await page.locator(`[data-trend-indicator="${notFirst.id}"]`).count()).toBe(1);
    } finally {
      await rec.close();
    }
  });
});

describe('search finds indicators', () => {
  /** The indicators whose name in `lang` has `word`. */
  const named = (word: RegExp, lang: 'id' | 'en') => cmeta.indicators.filter((i) => word.test(i.name[lang]));

  it.each([
    ['id', '', 'imunisasi', /imunisasi/i],
    ['id', '', 'sanitasi', /sanitasi/i],
    ['id', '', 'konvergensi', /konvergensi/i],
    ['en', 'en/', 'immunisation', /immunisation/i],
  ] as const)('%s (at /%s): typing %j offers the indicator; its options open its map view and its definition', async (lang, prefix, q, word) => {
    const want = named(word, lang);
    expect(want.length, 'the definitions name it').toBeGreaterThan(0);
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}${prefix}`, { waitUntil: 'load' });
      const input = page.locator('area-search input[role="combobox"]').first();
      await input.click();
      await input.fill(q);
      const options = page.locator('area-search [role="option"]');
      await expect.poll(() => options.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const texts = await options.allInnerTexts();
      expect(texts.some((t) => t.includes(want[0].name[lang])), texts.join(' | ')).toBe(true);
      // The definition option goes to the methodology row of the indicator.
      const def = options.filter({ hasText: want[0].name[lang] }).filter({ hasText: lang === 'id' ? 'definisi' : 'definition' }).first();
      await def.click();
      await page.waitForURL(/metodologi/);
      expect(new URL(page.url()).hash).toBe(`#k-${want[0].id}`);
      expect(await page.locator(`#k-${want[0].id}`).count()).toBe(1);
      // The map option opens the explorer on the indicator.
      await page.goBack({ waitUntil: 'load' });
      const input2 = page.locator('area-search input[role="combobox"]').first();
      await input2.click();
      await input2.fill(q);
      await expect.poll(() => options.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await options.filter({ hasText: want[0].name[lang] }).filter({ hasText: lang === 'id' ? 'peta' : 'map' }).first().click();
      await page.waitForURL(/peta\/\?indikator=/);
      expect(new URL(page.url()).searchParams.get('indikator')).toBe(want[0].id);
      await waitForMap(page);
      await expect.poll(() => page.locator('select[name="indikator"]').inputValue(), { timeout: 20_000 }).toBe(want[0].id);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('an English name on the Indonesian page finds it too, and the index stays small', async () => {
    const ix = JSON.parse(readFileSync(join(DIST, 'search-index.json'), 'utf8')) as { rows: unknown[]; ind: [string, string, string, string][] };
    expect(ix.ind.filter((r) => r[3] === 'k').map((r) => r[0])).toEqual(cmeta.indicators.map((i) => i.id));
    expect(readFileSync(join(DIST, 'search-index.json')).byteLength).toBeLessThan(30 * 1024);
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url, { waitUntil: 'load' });
      const input = page.locator('area-search input[role="combobox"]').first();
      await input.click();
      await input.fill('breastfeeding');
      const options = page.locator('area-search [role="option"]');
      await expect.poll(() => options.allInnerTexts(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining(named(/breastfeeding/i, 'en')[0].name.id)]));
    } finally {
      await rec.close();
    }
  });
});

describe('link preview of a convergence map', () => {
  it('one PNG per language, convergence indicator and period: not the stunting preview, in the BuGn palette', async () => {
    for (const lang of ['id', 'en'])
      for (const i of cmeta.indicators) for (const p of cmeta.periods) expect(existsSync(join(DIST, 'og', lang, 'peta', i.id, `${p}.png`)), `${lang}/${i.id}/${p}`).toBe(true);
    const cov = readFileSync(join(DIST, 'og', 'id', 'peta', higher.id, `${latest}.png`));
    const stunting = readFileSync(join(DIST, 'og', 'id', `${areas.kabupaten.code}.png`));
    expect(cov.equals(stunting)).toBe(false);
    const bugn = await countPaletteColours(cov, COVERAGE_COLORS, 3);
    expect(bugn.counts.filter((c) => c > 500).length, `BuGn classes drawn: ${bugn.counts.join('/')}`).toBeGreaterThanOrEqual(4);
    const inStunting = await countPaletteColours(stunting, COVERAGE_COLORS, 3);
    expect(inStunting.counts.reduce((a, b) => a + b, 0)).toBeLessThan(bugn.counts.reduce((a, b) => a + b, 0) / 10);
    // Two indicators' previews differ too.
    const other = readFileSync(join(DIST, 'og', 'id', 'peta', notFirst.id, `${latest}.png`));
    expect(other.equals(cov)).toBe(notFirst.id === higher.id);
  });
});
