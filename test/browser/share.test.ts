/**
 * Sharing against the built site: embeds report their content height to a host page (and the host script sizes the
 * iframe to it), without cookies or requests leaving the host; URLs restore their state and bad parameters fall back;
 * preview images are 1200 × 630 PNGs under 300 KB and every page points at one; oEmbed discovery works; per-area CSVs
 * match the tidy CSV; an area page prints on one A4 page; the share and embed boxes copy and download.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { DIST, openPage, sampleAreas, waitForMap, useSite } from './helpers.ts';
import { hostScript, HEIGHT_MESSAGE } from '../../src/lib/share/embed.ts';

const areas = sampleAreas();
const meta = JSON.parse(readFileSync(join(DIST, 'data/v1/meta.json'), 'utf8')) as { periods: string[]; latest_period: string };
const site = useSite();

/** A host page (about:blank) with one iframe of `src`, optionally the host script; collects the height messages. */
async function hostPage(page: Page, src: string, withScript: boolean, iframeHeight = 300): Promise<Frame> {
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>host</title></head><body style="margin:0">
     <script>window.__msgs = []; addEventListener('message', (e) => window.__msgs.push({ data: e.data, origin: e.origin }));</script>
     <div style="width:640px"><iframe id="f" src="${src}" title="embed" name="test-embed" width="100%" height="${iframeHeight}" style="border:0"></iframe></div>
     ${withScript ? hostScript(site.server.origin) : ''}
     </body></html>`,
    { waitUntil: 'load' },
  );
  const handle = await page.waitForSelector('#f');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('iframe has no frame');
  await frame.waitForLoadState('load');
  return frame;
}

const contentHeight = (f: Frame) => f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const lastHeight = (p: Page) =>
  p.evaluate((type) => {
    const ms = (window as unknown as { __msgs: { data: { type?: string; height?: number; id?: string } }[] }).__msgs.filter((m) => m.data?.type === type);
    return ms.length ? ms[ms.length - 1].data : null;
  }, HEIGHT_MESSAGE);

describe('embeds report their height', () => {
  const cases = [
    { name: 'trend (kecamatan)', path: `embed/tren/${areas.kecamatan.code}/?indikator=wasting` },
    { name: 'trend (desa, English)', path: `en/embed/tren/${areas.desa.code}/` },
    { name: 'map (default view)', path: 'embed/peta/' },
  ];
  it.each(cases)('$name: the message arrives, matches the content height, and the host script applies it', async ({ path }) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const frame = await hostPage(page, site.server.url + path, true);
      await expect.poll(() => lastHeight(page), { timeout: 15_000 }).not.toBeNull();
      await page.waitForTimeout(400); // let late layout (fonts, the map's upgrade) settle and report
      const msg = (await lastHeight(page))!;
      expect(msg.id).toBe('test-embed');
      const h = await contentHeight(frame);
      expect(Math.abs(msg.height! - h), `message ${msg.height} vs content ${h}`).toBeLessThanOrEqual(1);
      // The host script sized the iframe to the content: nothing to scroll inside.
      await expect.poll(() => page.evaluate(() => (document.getElementById('f') as HTMLIFrameElement).getBoundingClientRect().height)).toBeGreaterThanOrEqual(h - 1);
      const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(scroll).toBeLessThanOrEqual(1);
      // Title, source, licence and the link back; links leave the iframe.
      expect((await frame.locator('h1').innerText()).length).toBeGreaterThan(5);
      const foot = await frame.locator('.embed-foot').innerText();
      expect(foot).toMatch(/Sumber|Source/);
      expect(await frame.locator('.embed-foot a[rel="license"]').count()).toBe(1);
      // Links leave the iframe, except the tab to the embed's other view (chart ↔ map), which stays inside it.
      expect(await frame.locator('a[href]:not([target="_top"]):not([data-ev-link])').count()).toBe(0);
      expect(await frame.locator('a[data-ev-link][target="_self"]').count()).toBe(1);
      // No cookies, nothing leaves the host, no errors.
      expect(await rec.context.cookies()).toEqual([]);
      expect(rec.externalRequests, rec.report()).toEqual([]);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('answers a late host with the height, and a host without script keeps the default height', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      const frame = await hostPage(page, `${site.server.url}embed/tren/${areas.kabupaten.code}/`, false, 700);
      await expect.poll(() => lastHeight(page)).not.toBeNull();
      await page.evaluate(() => ((window as unknown as { __msgs: unknown[] }).__msgs.length = 0));
      await page.evaluate((o) => (document.getElementById('f') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'stunting-embed:request-height' }, o), site.server.origin);
      await expect.poll(() => lastHeight(page)).not.toBeNull();
      expect((await lastHeight(page))!.height).toBe(await contentHeight(frame));
      expect(await page.evaluate(() => (document.getElementById('f') as HTMLIFrameElement).getBoundingClientRect().height)).toBe(700);
    } finally {
      await rec.close();
    }
  });

  it('default iframe heights fit the content at a 640 px column (no inner scrolling without the host script)', async () => {
    const { DEFAULT_HEIGHT } = await import('../../src/lib/share/embed.ts');
    const rec = await openPage(site.browser, { viewport: { width: 640, height: 900 } });
    try {
      for (const [kind, path] of [['trend', `embed/tren/${areas.kabupaten.code}/`], ['map', 'embed/peta/']] as const) {
        await rec.page.goto(site.server.url + path, { waitUntil: 'load' });
        await rec.page.waitForTimeout(300);
        const h = await rec.page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        expect(h, `${kind} content height at 640 px`).toBeLessThanOrEqual(DEFAULT_HEIGHT[kind]);
        expect(h, `${kind} default height should not leave a big gap`).toBeGreaterThan(DEFAULT_HEIGHT[kind] - 200);
      }
    } finally {
      await rec.close();
    }
  });
});

describe('a URL restores its state', () => {
  it('trend embed: ?indikator picks the chart; an invalid value falls back to stunting without an error', async () => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}embed/tren/${areas.desa.code}/?indikator=underweight`, { waitUntil: 'load' });
      await expect.poll(() => page.locator('[data-trend-indicator]:visible').getAttribute('data-trend-indicator')).toBe('underweight');
      expect(await page.locator('[data-trend-indicator]:visible').count()).toBe(1);
      expect(await page.locator('h1').innerText()).toMatch(/underweight/i);

      await page.goto(`${site.server.url}embed/tren/${areas.desa.code}/?indikator=%3Cscript%3E`, { waitUntil: 'load' });
      await expect.poll(() => page.locator('[data-trend-indicator]:visible').getAttribute('data-trend-indicator')).toBe('stunting');
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('map explorer and map embed: level, indicator and period come back from the query; outdated values fall back', async () => {
    const first = meta.periods[0];
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/?tingkat=kecamatan&indikator=wasting&periode=${first}`, { waitUntil: 'load' });
      await waitForMap(page);
      const form = page.locator('form[data-map-controls]');
      expect(await form.locator('input[name="tingkat"]:checked').getAttribute('value')).toBe('kecamatan');
      expect(await form.locator('select[name="indikator"]').inputValue()).toBe('wasting');
      expect(await form.locator('select[name="periode"]').inputValue()).toBe(first);
      expect(new URL(page.url()).searchParams.get('indikator')).toBe('wasting');

      await page.goto(`${site.server.url}embed/peta/?tingkat=kecamatan&indikator=wasting&periode=${first}`, { waitUntil: 'load' });
      await waitForMap(page);
      await expect.poll(() => page.locator('[data-map-caption]').innerText()).toMatch(/wasting/i);
      expect(await page.locator('[data-map-caption]').innerText()).toMatch(/kecamatan/i);

      await page.goto(`${site.server.url}embed/peta/?periode=1999-02&indikator=nope`, { waitUntil: 'load' });
      await waitForMap(page, { trigger: true });
      expect(await page.locator('[data-map-caption]').innerText()).toMatch(/stunting/i);
      expect(rec.pageErrors, rec.report()).toEqual([]);
      expect(rec.consoleErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });

  it('share box on the explorer: shows the current permalink, copies it, and the link opens the same view', async () => {
    const rec = await openPage(site.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}peta/?tingkat=kecamatan&indikator=overweight`, { waitUntil: 'load' });
      expect(await page.locator('share-box').count(), 'the explorer has no <share-box>').toBeGreaterThan(0);
      await waitForMap(page);
      const box = page.locator('share-box').first();
      await box.hover();
      const url = await box.locator('[data-share-url]').inputValue();
      expect(url).toContain('indikator=overweight');
      expect(url).toContain('tingkat=kecamatan');
      await box.locator('[data-copy-link]').click();
      await expect.poll(() => box.locator('[data-status]').innerText()).toMatch(/disalin|copied/i);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
      const p2 = await rec.context.newPage();
      await p2.goto(url, { waitUntil: 'load' });
      await waitForMap(p2);
      expect(await p2.locator('select[name="indikator"]').inputValue()).toBe('overweight');
      await p2.close();
    } finally {
      await rec.close();
    }
  });
});

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
function pngSize(b: Buffer): { w: number; h: number } | null {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (b.length < 24 || sig.some((x, i) => b[i] !== x) || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

describe('link previews', () => {
  it('every preview image is a 1200 × 630 PNG under 300 KB, one per area and language', () => {
    const n = JSON.parse(readFileSync(join(DIST, 'data/v1/areas.json'), 'utf8')).length;
    for (const lang of ['id', 'en']) {
      const dir = join(DIST, 'og', lang);
      const files = readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(files.length).toBe(n);
      for (const f of files) {
        const b = readFileSync(join(dir, f));
        expect(pngSize(b), f).toEqual({ w: 1200, h: 630 });
        expect(b.byteLength, f).toBeLessThan(300 * 1024);
      }
    }
  });

  it.each([
    ['', areas.kabupaten.code],
    ['en/', areas.kabupaten.code],
    [`wilayah/${areas.kecamatan.code}/`, areas.kecamatan.code],
    [`en/wilayah/${areas.desa.code}/`, areas.desa.code],
    ['peta/', null],
  ])('/%s has OpenGraph and Twitter tags, an existing image and oEmbed discovery (with SITE_URL; without, none of the absolute ones)', async (path, code) => {
    const res = await fetch(site.server.url + path);
    const html = await res.text();
    const meta = (p: string) => new RegExp(`<meta (?:property|name)="${p}" content="([^"]*)"`).exec(html)?.[1] ?? null;
    // A build without the site's address (SITE_URL / siteUrl, the default `npm run build`) writes no canonical: then
    // no absolute URL at all (test/browser/base-path.test.ts checks the other branch with SITE_URL set).
    if (!/<link rel="canonical"/.test(readFileSync(join(DIST, 'index.html'), 'utf8'))) {
      for (const p of ['og:title', 'og:site_name', 'twitter:card']) expect(meta(p), p).toBeTruthy();
      for (const p of ['og:url', 'og:image', 'twitter:image']) expect(meta(p), p).toBeNull();
      expect(meta('twitter:card')).toBe('summary');
      expect(html).not.toMatch(/<link rel="canonical"|application\/json\+oembed/);
      expect(existsSync(join(DIST, 'oembed'))).toBe(false);
      return;
    }
    for (const p of ['og:title', 'og:description', 'og:url', 'og:image', 'og:image:alt', 'og:site_name', 'twitter:card']) expect(meta(p), p).toBeTruthy();
    expect(meta('twitter:card')).toBe('summary_large_image');
    const img = new URL(meta('og:image')!);
    if (code) expect(img.pathname).toMatch(new RegExp(`/og/(id|en)/${code.replace(/\./g, '\\.')}\\.png$`));
    expect(existsSync(join(DIST, img.pathname.replace(/^\/+/, ''))), img.pathname).toBe(true);
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
    expect(link).toBeTruthy();
    const oe = JSON.parse(readFileSync(join(DIST, new URL(link!).pathname.replace(/^\/+/, '')), 'utf8'));
    expect(oe).toMatchObject({ version: '1.0', type: 'rich', width: 640 });
    expect(oe.html).toMatch(/^<iframe src="[^"]+\/embed\/(tren|peta)\//);
    expect(oe.html).toContain('loading="lazy"');
  });
});

describe('downloads', () => {
  it('each area CSV equals its rows of stunting.csv', async () => {
    const tidy = readFileSync(join(DIST, 'data/v1/stunting.csv'), 'utf8').split('\n');
    for (const a of Object.values(areas)) {
      const res = await fetch(`${site.server.url}data/v1/csv/${a.code}.csv`);
      expect(res.status).toBe(200);
      const want = [tidy[0], ...tidy.filter((l) => l.startsWith(`${a.code},`))].join('\n') + '\n';
      expect(await res.text()).toBe(want);
    }
  });

  it('embed box on a kecamatan page: downloads the chart as SVG with title, source and licence, and as PNG', async () => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${areas.kecamatan.code}/`, { waitUntil: 'load' });
      const box = page.locator('embed-box').first();
      expect(await box.count(), 'the kecamatan page has no <embed-box>').toBeGreaterThan(0);
      await box.locator('summary').first().click();
      const code = await box.locator('[data-embed-code]').inputValue();
      expect(code).toMatch(/^<iframe src="[^"]+\/embed\/tren\//);
      const [svgDl] = await Promise.all([page.waitForEvent('download'), box.locator('[data-download="svg"]').click()]);
      const svg = readFileSync((await svgDl.path())!, 'utf8');
      expect(svgDl.suggestedFilename()).toMatch(/\.svg$/);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toMatch(/Sumber: /);
      expect(svg).toMatch(/Lisensi: /);
      expect(svg).toContain(areas.kecamatan.name);
      const [pngDl] = await Promise.all([page.waitForEvent('download'), box.locator('[data-download="png"]').click()]);
      const png = readFileSync((await pngDl.path())!);
      const size = pngSize(png);
      expect(size).not.toBeNull();
      expect(size!.w).toBeGreaterThan(900);
      expect(statSync((await pngDl.path())!).size).toBeGreaterThan(10_000);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('map embed of an area page', () => {
  it.each(['kecamatan', 'desa'] as const)('%s page: the code selects the area on the map of its level, and the embed opens on it without a popup', async (level) => {
    const a = areas[level];
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}wilayah/${a.code}/`, { waitUntil: 'load' });
      const code = await page.locator('embed-box').nth(1).locator('[data-embed-code]').inputValue();
      const src = /src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
      const u = new URL(src);
      expect(u.pathname).toBe('/embed/peta/');
      expect(u.searchParams.get('wilayah')).toBe(a.code);
      expect(u.searchParams.get('tingkat') ?? 'desa').toBe(level);
      await page.goto(`${site.server.url}embed/peta/${u.search}`, { waitUntil: 'load' });
      await waitForMap(page);
      // The area is selected (its table row marked, its outline drawn) but no tooltip covers the map until the reader asks.
      await expect.poll(() => page.locator(`tr.is-selected[data-code="${a.code}"]`).count()).toBe(1);
      await page.waitForTimeout(500);
      expect(await page.locator('.chm-tip').first().isVisible()).toBe(false);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('images of charts without an embed', () => {
  it('quality page: each chart downloads as SVG (its title, source, licence) and PNG', async () => {
    const rec = await openPage(site.browser, { acceptDownloads: true });
    try {
      const { page } = rec;
      await page.goto(`${site.server.url}kualitas-data/`, { waitUntil: 'load' });
      const boxes = page.locator('figure-download');
      expect(await boxes.count()).toBeGreaterThanOrEqual(3);
      const box = boxes.first();
      await expect.poll(() => box.isVisible()).toBe(true);
      const title = (await page.locator('figure.qchart svg.qsvg title').first().textContent())!.trim();
      const [svgDl] = await Promise.all([page.waitForEvent('download'), box.locator('[data-download="svg"]').click()]);
      expect(svgDl.suggestedFilename()).toMatch(/^kualitas-.*\.svg$/);
      const svg = readFileSync((await svgDl.path())!, 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain(title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      expect(svg).toMatch(/Sumber: /);
      expect(svg).toMatch(/Lisensi: /);
      expect(svg).toMatch(/<rect/);
      const [pngDl] = await Promise.all([page.waitForEvent('download'), box.locator('[data-download="png"]').click()]);
      const png = readFileSync((await pngDl.path())!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(statSync((await pngDl.path())!).size).toBeGreaterThan(5_000);
      expect(rec.pageErrors, rec.report()).toEqual([]);
    } finally {
      await rec.close();
    }
  });
});

describe('print', () => {
  /** Pages in a PDF (page objects, not the /Pages tree). */
  const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
  it.each([
    ['kabupaten', `wilayah/${areas.kabupaten.code}/`],
    ['kecamatan', `wilayah/${areas.kecamatan.code}/`],
    ['desa', `wilayah/${areas.desa.code}/`],
    ['desa (English)', `en/wilayah/${areas.desa.code}/`],
  ])('an area page (%s) prints on one A4 page with its figures, trend, map, table and source', async (_, path) => {
    const rec = await openPage(site.browser);
    try {
      const { page } = rec;
      await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      for (const sel of ['svg.tc-svg:visible', '.chm-svg', 'h1', 'section[aria-labelledby="h-rounds"] table', '.site-footer', '.synthetic-notice']) {
        expect(await page.locator(sel).first().isVisible(), `${sel} printed`).toBe(true);
      }
      for (const sel of ['.site-nav', 'share-box', 'embed-box', '.header-tools']) {
        const el = page.locator(sel).first();
        if (await el.count()) expect(await el.isVisible(), `${sel} hidden in print`).toBe(false);
      }
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdfPages(pdf)).toBe(1);
    } finally {
      await rec.close();
    }
  });
});
