/**
 * Browser-test harness: a static file server over the built site (optionally under a base path), Debian's chromium
 * through playwright-core (never a downloaded browser), a page wrapper that records console errors/warnings, page
 * errors, failed same-origin responses and blocks every request that would leave the host, and an axe-core runner.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built site the tests read: `DIST_DIR` if set (e.g. a private build), else `dist/`. */
export const DIST = resolve(process.env.DIST_DIR ?? join(ROOT, 'dist'));
/** Debian's chromium; override with `CHROMIUM_PATH`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Content types by file extension (lower case, with dot). */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.map': 'application/json; charset=utf-8',
};

/** The content type of a file path (`application/octet-stream` when unknown). */
export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Origin plus base path, always ending in `/`, e.g. `http://127.0.0.1:41234/stunting/`. */
  url: string;
  /** The base path the site is served under (`/` or `/stunting/`). */
  base: string;
  /** Every request path answered with 404, in order. */
  notFound: string[];
  /** Every request path served, in order. */
  served: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` over HTTP on 127.0.0.1 (random port) under `base`: directories answer with their index.html (a
 * directory URL without the trailing slash redirects to it, like static hosts do), unknown paths and paths outside
 * the base answer 404 with the site's 404.html when there is one. GET and HEAD only.
 */
export async function serveStatic(opts: { root?: string; base?: string } = {}): Promise<StaticServer> {
  const root = resolve(opts.root ?? DIST);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built site at ${root} (index.html missing): run \`npm run build\` first (or set DIST_DIR).`);
  }
  const base = `/${(opts.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const notFound: string[] = [];
  const served: string[] = [];
  const notFoundPage = existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : null;

  const send404 = (res: import('node:http').ServerResponse, path: string, head: boolean) => {
    notFound.push(path);
    const body = notFoundPage ?? Buffer.from(`<!doctype html><html lang="en"><title>404</title><h1>404 Not Found</h1><p>${path.replace(/[<>&"]/g, '')}</p></html>`);
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(head ? undefined : body);
  };

  const server: Server = createServer(async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send404(res, url.pathname, head);
    }
    if (!path.startsWith(base) && `${path}/` !== base) return send404(res, path, head);
    if (`${path}/` === base) {
      res.writeHead(301, { location: base + url.search });
      res.end();
      return;
    }
    const rel = path.slice(base.length);
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return send404(res, path, head);
    let target = file;
    try {
      let st = await stat(target);
      if (st.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/${url.search}` });
          res.end();
          return;
        }
        target = join(target, 'index.html');
        st = await stat(target);
      }
      const body = await readFile(target);
      served.push(path);
      res.writeHead(200, { 'content-type': mimeType(target), 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(head ? undefined : body);
    } catch {
      send404(res, path, head);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${addr.port}`;
  return {
    origin,
    url: origin + base,
    base,
    notFound,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * Chromium flags. SwiftShader gives WebGL 2 without a GPU: `--enable-unsafe-swiftshader` opts in explicitly (Chromium
 * otherwise warns that the automatic software-WebGL fallback is deprecated); `--disable-gpu` keeps the GPU process
 * from probing real hardware. The rest keeps the browser from calling home.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
  '--mute-audio',
];

/** Launches Debian's chromium headless with CHROMIUM_ARGS. */
/** The built site served locally and a headless chromium, for one test file: started in beforeAll, stopped in
 * afterAll. Read `site.server` and `site.browser` inside tests and hooks. */
export function useSite(opts: { root?: string; base?: string } = {}): { readonly server: StaticServer; readonly browser: Browser } {
  const ctx = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await serveStatic(opts);
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await closeBrowser(ctx.browser);
    await ctx.server?.close();
  });
  return ctx;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} (set CHROMIUM_PATH); no browser is downloaded.`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Closes a browser if it was launched (safe in afterAll after a failed beforeAll). */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await browser?.close().catch(() => undefined);
}

/** True for URLs that stay on this machine (127.0.0.1, localhost, ::1) or never hit the network (data:, blob:, about:). */
export function isLocalUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
}

export interface Recorded {
  page: Page;
  context: BrowserContext;
  /** Console messages of type error (with their location). */
  consoleErrors: string[];
  /** Console messages of type warning. */
  consoleWarnings: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** Requests to any other host, blocked before they left. */
  externalRequests: string[];
  /** Same-origin responses with status >= 400 and requests that failed for another reason than our block. */
  failedRequests: string[];
  /** Everything recorded, as one readable block for assertion messages. */
  report(): string;
  close(): Promise<void>;
}

/**
 * A fresh context and page that records console errors/warnings and page errors, blocks and records every request
 * to a host other than 127.0.0.1/localhost, and records failed local requests.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Recorded> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', ...options });
  const consoleErrors: string[] = [];
  const consoleWarnings: string[] = [];
  const pageErrors: string[] = [];
  const externalRequests: string[] = [];
  const failedRequests: string[] = [];
  await context.route(
    (url) => !isLocalUrl(url.href),
    async (route) => {
      externalRequests.push(`${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  context.on('weberror', (e) => pageErrors.push(String(e.error()?.stack ?? e.error())));
  const page = await context.newPage();
  page.on('console', (m) => {
    const loc = m.location();
    const where = loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    if (m.type() === 'error') consoleErrors.push(`${m.text()}${where}`);
    else if (m.type() === 'warning') consoleWarnings.push(`${m.text()}${where}`);
  });
  page.on('pageerror', (e) => {
    const s = String(e.stack ?? e);
    if (!pageErrors.includes(s)) pageErrors.push(s);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && isLocalUrl(r.url())) failedRequests.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (isLocalUrl(r.url())) failedRequests.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  });
  const rec: Recorded = {
    page,
    context,
    consoleErrors,
    consoleWarnings,
    pageErrors,
    externalRequests,
    failedRequests,
    report() {
      const part = (name: string, xs: string[]) => (xs.length ? `\n${name}:\n  ${xs.join('\n  ')}` : '');
      return (
        part('console errors', consoleErrors) +
        part('page errors', pageErrors) +
        part('external requests (blocked)', externalRequests) +
        part('failed local requests', failedRequests) +
        part('console warnings', consoleWarnings)
      ) || ' (nothing recorded)';
    },
    close: () => context.close().catch(() => undefined),
  };
  return rec;
}

const require = createRequire(import.meta.url);
/** Path of axe-core's browser bundle. */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
/** WCAG 2.2 AA as axe tags. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Injects axe-core into the page and returns the WCAG 2.2 AA violations (optionally within `include`, minus `exclude`). */
export async function runAxe(page: Page, opts: { include?: string[]; exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not as an inline <script>: the site's Content-Security-Policy (rightly)
  // blocks inline scripts without a hash.
  if (!hasAxe) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(
    async ({ tags, include, exclude }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const ctx: { include?: string[][]; exclude?: string[][] } = {};
      if (include?.length) ctx.include = include.map((s) => [s]);
      if (exclude?.length) ctx.exclude = exclude.map((s) => [s]);
      const r = await axe.run(ctx.include || ctx.exclude ? ctx : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), failureSummary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, include: opts.include, exclude: opts.exclude },
  );
}

/** Axe violations as readable lines: rule, impact, help, then up to 5 offending elements each. */
export function formatViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `[${v.id}] (${v.impact}) ${v.help} — ${v.nodes.length} element(s)\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** `#rrggbb` → [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Counts the pixels of a PNG whose colour is within `tolerance` (per channel) of each palette colour; decodes with
 * sharp (an Astro dependency). Returns the count per colour and the total pixel count.
 */
export async function countPaletteColours(png: Buffer, palette: readonly string[], tolerance = 6): Promise<{ counts: number[]; total: number }> {
  const sharp = (await import('sharp')).default;
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const targets = palette.map(hexToRgb);
  const counts = targets.map(() => 0);
  for (let i = 0; i < data.length; i += info.channels) {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k];
      if (Math.abs(data[i] - t[0]) <= tolerance && Math.abs(data[i + 1] - t[1]) <= tolerance && Math.abs(data[i + 2] - t[2]) <= tolerance) {
        counts[k]++;
        break;
      }
    }
  }
  return { counts, total: info.width * info.height };
}

/** One published area (the subset of `data/v1/areas.json` the tests need). */
export interface AreaRow {
  code: string;
  name: string;
  level: 'kabupaten' | 'kecamatan' | 'desa';
  parent: string | null;
  kind: string;
}

/** The published area list of the built site. */
export function readAreas(root = DIST): AreaRow[] {
  const file = join(root, 'data/v1/areas.json');
  if (!existsSync(file)) throw new Error(`${file} missing: the data build did not publish areas.json into the site.`);
  return JSON.parse(readFileSync(file, 'utf8')) as AreaRow[];
}

/** A kabupaten, a kecamatan and a desa of the built site (the first of each level in code order). */
export function sampleAreas(root = DIST): { kabupaten: AreaRow; kecamatan: AreaRow; desa: AreaRow } {
  const areas = readAreas(root);
  const first = (level: AreaRow['level']) => {
    const a = areas.find((x) => x.level === level);
    if (!a) throw new Error(`areas.json has no area of level ${level}`);
    return a;
  };
  return { kabupaten: first('kabupaten'), kecamatan: first('kecamatan'), desa: first('desa') };
}

/** Every page type of the site, language-free paths (prefix `en/` for English). */
export function pageTypes(root = DIST): { name: string; path: string }[] {
  const { kabupaten, kecamatan, desa } = sampleAreas(root);
  return [
    { name: 'overview', path: '' },
    { name: 'map explorer', path: 'peta/' },
    { name: 'area list', path: 'wilayah/' },
    { name: `kabupaten ${kabupaten.code}`, path: `wilayah/${kabupaten.code}/` },
    { name: `kecamatan ${kecamatan.code}`, path: `wilayah/${kecamatan.code}/` },
    { name: `desa ${desa.code}`, path: `wilayah/${desa.code}/` },
    { name: 'methodology', path: 'metodologi/' },
    { name: 'data', path: 'data/' },
    { name: 'data quality', path: 'kualitas-data/' },
  ];
}

/** Every page type in both languages, as `{lang, name, path}` with `path` relative to the site base. */
export function pagesBothLanguages(root = DIST): { lang: 'id' | 'en'; name: string; path: string }[] {
  return pageTypes(root).flatMap((p) => [
    { lang: 'id' as const, name: p.name, path: p.path },
    { lang: 'en' as const, name: p.name, path: `en/${p.path}` },
  ]);
}

/**
 * Waits until the first <stunting-map> on the page has drawn its MapLibre map (`data-map-ready`), focusing the map
 * frame first to trigger the on-demand load if `trigger` is set. Throws with the map's status text on timeout.
 */
export async function waitForMap(page: Page, opts: { selector?: string; trigger?: boolean; timeout?: number } = {}): Promise<void> {
  const sel = opts.selector ?? 'stunting-map';
  const el = page.locator(sel).first();
  await el.waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {
    throw new Error(`no <${sel}> element on ${page.url()}`);
  });
  if (opts.trigger) await el.locator('[data-map-frame]').first().focus();
  try {
    await page.waitForFunction(
      (s) => {
        const m = document.querySelector(s);
        return !!m && (m.hasAttribute('data-map-ready') || m.getAttribute('data-state') === 'ready');
      },
      sel,
      { timeout: opts.timeout ?? 45_000 },
    );
  } catch {
    const status = await el.locator('[data-map-status]').first().textContent().catch(() => null);
    throw new Error(`the interactive map on ${page.url()} did not become ready (data-map-ready); status: ${status ?? 'n/a'}`);
  }
}
