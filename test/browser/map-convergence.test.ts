/**
 * The map explorer draws the convergence indicators: a static state page of a convergence indicator (no JavaScript)
 * shows its legend (coverage classes, its direction, the target of the year) and a table whose figures equal
 * konvergensi-map; with JavaScript, `?indikator=<id>` draws it with MapLibre in the coverage palette (checked on the
 * downloaded PNG), in both languages, and the indicator control switches to it in place. The indicators come from
 * konvergensi-meta.json, never from a list of ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CLASS_COLORS, COVERAGE_COLORS, coverageScale, formatPct, legendModel } from '../../src/lib/site/thresholds.ts';
import { formatInterval, formatNumber } from '../../src/lib/site/format.ts';
import type { CoverageMapJson, CoverageMetaJson } from '../../src/lib/publish/coverage.ts';
import { countPaletteColours, DIST, formatViolations, openPage, runAxe, useSite, waitForMap } from './helpers.ts';

const cmeta = JSON.parse(readFileSync(join(DIST, 'data/v1/konvergensi-meta.json'), 'utf8')) as CoverageMetaJson;
const latest = cmeta.periods[cmeta.periods.length - 1];
/** One indicator of each direction (the first of each in the definitions). */
const higher = cmeta.indicators.find((i) => i.direction === 'higher_better')!;
const lower = cmeta.indicators.find((i) => i.direction === 'lower_better');
/** A period whose year has a target for `higher`, else the latest. */
const targetPeriod = cmeta.periods.find((p) => higher.targets.some((t) => t.year === Number(p.slice(0, 4)))) ?? latest;
const mapFile = (level: string, period: string) => JSON.parse(readFileSync(join(DIST, `data/v1/konvergensi-map/${level}/${period}.json`), 'utf8')) as CoverageMapJson;
const COVERAGE_PALETTE = COVERAGE_COLORS;
const rgb = (h: string) => {
  const n = parseInt(h.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const site = useSite();

async function download(page: Page, button: Locator): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  return readFileSync((await dl.path())!);
}

describe('static state page of a convergence indicator (no JavaScript)', () => {
  const cases = [
    ['desa', higher, targetPeriod],
    ['kecamatan', higher, latest],
    ...(lower ? [['desa', lower, latest] as const] : []),
  ] as const;
  it.each(cases)('/peta/%s/<id>/<period>/: legend and table equal konvergensi-map', async (level, ind, period) => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      const res = await page.goto(`${site.server.url}peta/${level}/${ind.id}/${period}/`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('figcaption[data-map-caption]').textContent()).resolves.toContain(ind.name.id);
      // The legend: the coverage classes of the indicator's direction, its note and the target of the year.
      const model = legendModel(coverageScale(ind.direction), 'id');
      const labels = await page.locator('[data-map-legend] .chm-ll').allTextContents();
      for (const it of model.items) expect(labels).toContain(it.label);
      const note = (await page.locator('[data-map-legend-note]').first().textContent()) ?? '';
      expect(note).toContain(model.note);
      const target = ind.targets.find((t) => t.year === Number(period.slice(0, 4)));
      if (target) expect(note).toContain(`Target ${target.year}: ${formatPct(target.target, 'id')} %`);
      else expect(note).not.toContain('Target');
      // The static SVG is painted in the coverage palette, never the prevalence reds.
      const fills = new Set(await page.locator('svg[data-map-svg] a path').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).fill)));
      const coverageFills = COVERAGE_PALETTE.map(rgb).filter((c) => fills.has(c));
      expect(coverageFills.length, `coverage colours used: ${[...fills].join(', ')}`).toBeGreaterThan(1);
      expect(CLASS_COLORS.map(rgb).filter((c) => fills.has(c))).toEqual([]);
      // The table: coverage, 95% CI, numerator / denominator of every area, as published.
      const values = mapFile(level, period).values;
      const rows = await page.locator('tbody[data-map-tbody] tr').evaluateAll((trs) =>
        trs.map((tr) => ({ code: tr.getAttribute('data-code')!, cells: [...tr.querySelectorAll('td.num')].map((td) => td.textContent ?? '') })),
      );
      expect(rows.length).toBe(Object.keys(values).length);
      let checked = 0;
      for (const r of rows) {
        const c = values[r.code][ind.id];
        if (c.status !== 'ok' || c.coverage === null) {
          expect(r.cells[0]).toBe('–');
          continue;
        }
        expect(r.cells[0]).toBe(formatNumber(c.coverage, 'id', 1));
        expect(r.cells[1]).toBe(formatInterval(c.ci_low, c.ci_high, 'id'));
        expect(r.cells[2]).toBe(`${formatNumber(c.numerator, 'id')} / ${formatNumber(c.denominator, 'id')}`);
        checked++;
      }
      expect(checked, 'areas with a published coverage').toBeGreaterThan(10);
      await expect(page.locator('th[data-col="prev"]').textContent()).resolves.toBe('Cakupan (%)');
      // The no-JavaScript links: a group per convergence group, this indicator current.
      const current = await page.locator('[data-map-links] a[aria-current="page"]').allTextContents();
      expect(current.some((t) => ind.name.id.startsWith(t))).toBe(true);
      for (const g of cmeta.groups) await expect(page.locator('[data-map-links] .mx-lgl', { hasText: g.name.id }).count()).resolves.toBe(1);
      expect(rec.externalRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('explorer with a convergence indicator (JavaScript)', () => {
  it.each([
    ['id', ''],
    ['en', 'en/'],
  ] as const)('%s: ?indikator=<id> draws it with MapLibre; the PNG has the coverage palette', async (lang, prefix) => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      // Kecamatan: sums of their desa, so (almost) nothing is suppressed and the classes show.
      await page.goto(`${site.server.url}${prefix}peta/?indikator=${higher.id}&tingkat=kecamatan`, { waitUntil: 'load' });
      await waitForMap(page, { trigger: true });
      await expect.poll(() => page.locator('select[name="indikator"]').inputValue(), { timeout: 20_000 }).toBe(higher.id);
      // Convergence indicators are grouped after the z-score ones, named in the page's language.
      const groups = await page.locator('select[name="indikator"] optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')));
      expect(groups).toEqual(cmeta.groups.map((g) => g.name[lang]));
      await expect(page.locator('[data-map-caption]').textContent()).resolves.toContain(higher.name[lang]);
      await expect(page.locator('th[data-col="prev"]').textContent()).resolves.toBe(lang === 'id' ? 'Cakupan (%)' : 'Coverage (%)');
      const box = page.locator('embed-box').first();
      await box.locator('summary').first().click();
      const png = await download(page, box.locator('[data-download="png"]'));
      const { counts, total } = await countPaletteColours(png, COVERAGE_PALETTE, 6);
      expect(counts.reduce((a, b) => a + b, 0) / total, `coverage palette pixels ${counts.join('/')} of ${total}`).toBeGreaterThan(0.08);
      expect(counts.filter((c) => c > 300).length, `classes painted: ${counts.join('/')}`).toBeGreaterThan(1);
      const reds = await countPaletteColours(png, CLASS_COLORS.slice(1), 4);
      expect(reds.counts.reduce((a, b) => a + b, 0) / reds.total, 'no prevalence reds').toBeLessThan(0.01);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
      expect(rec.failedRequests, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('the indicator control switches to a convergence indicator in place and writes it to the URL', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      // Start on a period without convergence figures (if the data has one): the switch falls back to their latest.
      const zPeriods = (JSON.parse(readFileSync(join(DIST, 'data/v1/meta.json'), 'utf8')) as { periods: string[] }).periods;
      const start = zPeriods.find((p) => !cmeta.periods.includes(p)) ?? cmeta.periods[0];
      await page.goto(`${site.server.url}peta/?periode=${start}`, { waitUntil: 'load' });
      await waitForMap(page, { trigger: true });
      const ind = lower ?? higher;
      await page.locator('select[name="indikator"]').selectOption(ind.id);
      await expect.poll(() => new URL(page.url()).searchParams.get('indikator'), { timeout: 20_000 }).toBe(ind.id);
      await expect.poll(() => page.locator('th[data-col="n"]').textContent(), { timeout: 20_000 }).toBe('Pembilang / penyebut');
      await expect.poll(() => page.locator('[data-map-legend-note]').first().textContent(), { timeout: 20_000 }).toContain(legendModel(coverageScale(ind.direction), 'id').note);
      // Table values of the view equal konvergensi-map of the period shown.
      const period = await page.locator('select[name="periode"]').inputValue();
      expect(cmeta.periods).toContain(period);
      const values = mapFile('desa', period).values;
      const first = await page.locator('tbody[data-map-tbody] tr').first().evaluate((tr) => ({ code: tr.getAttribute('data-code')!, v: tr.querySelector('td.num')?.textContent }));
      const c = values[first.code][ind.id];
      expect(first.v).toBe(c.status === 'ok' && c.coverage !== null ? formatNumber(c.coverage, 'id', 1) : '–');
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('accessibility of a convergence view', () => {
  it.each(['', 'en/'])('/%speta/desa/<lower-better or first id>/<latest>/: no axe violation (badges, legend, grouped select)', async (prefix) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const res = await page.goto(`${site.server.url}${prefix}peta/desa/${(lower ?? higher).id}/${latest}/`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      const v = await runAxe(page);
      expect(v.map((x) => x.id), formatViolations(v)).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});
