/**
 * Browser-test harness: Debian's chromium through playwright-core (never a downloaded browser), a page wrapper that
 * records console errors/warnings, page errors, failed same-origin responses and blocks every request that would
 * leave the host, and a wait for the interactive map. Its parts, re-exported here so that a test imports one module:
 * static-server.ts (a static file server over the built site, optionally under a base path), site-files.ts (where the
 * built site is, its areas and page types) and page-checks.ts (the axe-core runner, screenshot colours).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server.ts';

export * from './page-checks.ts';
export * from './site-files.ts';
export * from './static-server.ts';

/** Debian's chromium; override with `CHROMIUM_PATH`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** Launches Debian's chromium headless with CHROMIUM_ARGS. */
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
