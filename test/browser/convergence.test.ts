/**
 * The convergence indicators in the built demo site (issue 12): the section on area pages with the published figures
 * and the reason a figure is hidden, coverage beside stunting on kecamatan and kabupaten pages, the definitions on the
 * methodology page, and the files on the data page. Without JavaScript: everything here is static HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, openPage, readAreas, sampleAreas, useSite } from './helpers.ts';

interface Cell { numerator: number | null; denominator: number | null; coverage: number | null; status: string; suppression?: string }
const v1 = join(DIST, 'data/v1');
const meta = JSON.parse(readFileSync(join(v1, 'konvergensi-meta.json'), 'utf8')) as { periods: string[]; indicators: { id: string; name: { id: string; en: string } }[] };
const areaFile = (code: string) => JSON.parse(readFileSync(join(v1, `konvergensi/${code}.json`), 'utf8')) as { values: Record<string, Record<string, Cell>> };
const latest = meta.periods.at(-1)!;
const { kecamatan, desa } = sampleAreas();
const site = useSite();

describe('convergence indicators on the built site', () => {
  it.each(['id', 'en'] as const)('%s desa page: every indicator in its group, figures as published, hidden ones say why', async (lang) => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}${lang === 'en' ? 'en/' : ''}wilayah/${desa.code}/`);
      const section = page.locator('[data-convergence]');
      expect(await section.locator('h2').innerText()).toBe(lang === 'id' ? 'Indikator konvergensi' : 'Convergence indicators');
      expect(await section.locator('table[data-convergence-group]').count()).toBe(3);
      expect(await section.locator('tr[data-indicator]').count()).toBe(meta.indicators.length);
      const values = areaFile(desa.code).values[latest];
      for (const d of meta.indicators) {
        const row = section.locator(`tr[data-indicator="${d.id}"]`);
        const v = values[d.id];
        expect(await row.getAttribute('data-status')).toBe(v.status);
        expect(await row.locator('th').innerText()).toContain(d.name[lang]);
        const text = await row.innerText();
        if (v.status === 'ok') expect(text.replace(/\./g, '').replace(',', '.')).toContain(`${v.numerator} / ${v.denominator}`);
        if (v.status === 'suppressed') expect(text).toMatch(lang === 'id' ? /disembunyikan/ : /hidden/);
      }
    } finally {
      await rec.close();
    }
  });

  it('kecamatan page: coverage beside stunting, a point and a table row per desa with both figures, attention first', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${kecamatan.code}/`);
      const sec = page.locator('[data-coverage-stunting]');
      expect(await sec.count()).toBe(1);
      const points = await sec.locator('circle.cs-pt').count();
      const legendDots = await sec.locator('.cs-legend circle').count();
      const rows = await sec.locator('tr[data-quadrant]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-quadrant')));
      expect(points - legendDots).toBe(rows.length);
      const stuntingMap = JSON.parse(readFileSync(join(v1, `map/desa/${JSON.parse(readFileSync(join(v1, 'meta.json'), 'utf8')).latest_period}.json`), 'utf8')).values as Record<string, { stunting: { status: string } }>;
      const desaMap = JSON.parse(readFileSync(join(v1, `konvergensi-map/desa/${latest}.json`), 'utf8')).values as Record<string, Record<string, Cell>>;
      const both = readAreas().filter((a) => a.parent === kecamatan.code && stuntingMap[a.code]?.stunting.status === 'ok' && desaMap[a.code]?.tingkat_konvergensi?.status === 'ok');
      expect(rows.length).toBe(both.length);
      const order = ['attention', 'high_stunting', 'low_coverage', 'fine'];
      expect(rows.map((q) => order.indexOf(q!))).toEqual([...rows.map((q) => order.indexOf(q!))].sort((a, b) => a - b));
    } finally {
      await rec.close();
    }
  });

  it('the methodology page defines every indicator with its targets and sources; the data page offers the files', async () => {
    const rec = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}metodologi/`);
      expect(await page.locator('section:has(#konvergensi) tr[id^="k-"]').count()).toBe(meta.indicators.length);
      expect(await page.locator('#k-mpasi').innerText()).toContain('80% (Perpres 72/2021 Lampiran)');
      await page.goto(`${site.server.url}data/`);
      const hrefs = await page.locator('a[href$=".csv"], a[href$=".json"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain('/data/v1/konvergensi.csv');
      const csv = await page.request.get(`${site.server.url}data/v1/konvergensi.csv`);
      expect(csv.status()).toBe(200);
      expect((await csv.text()).split('\n')[0]).toBe('area_code,area_name,level,period,indicator,numerator,denominator,coverage,ci_low,ci_high,status,suppression,basis,desa_reporting,desa_total');
    } finally {
      await rec.close();
    }
  });
});
