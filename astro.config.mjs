// Astro configuration: site, base path and i18n only; no data logic lives here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { mapCss } from './src/lib/site/map-html.ts';
import { resolveSiteUrl } from './src/lib/site/site-url.ts';
import { publishData, siteUrlWarning } from './scripts/lib/astro-publish-data.mjs';

// BASE_PATH lets the same build be hosted at the root or under a sub-path (GitHub Pages: /<repo>/).
const base = process.env.BASE_PATH || '/';

// The public address, for the few URLs that must be absolute (og:image, og:url, canonical, oEmbed): SITE_URL, else
// `siteUrl` in the site config (SITE_CONFIG, default data/site.config.json). Without either the site still builds,
// with those URLs left out and a warning (src/lib/site/site-url.ts); links stay root-relative.
const site = resolveSiteUrl(process.env.SITE_URL, (() => {
  try {
    return JSON.parse(readFileSync(resolve(process.env.SITE_CONFIG || 'data/site.config.json'), 'utf8').replace(/^\uFEFF/, '')).siteUrl;
  } catch {
    return undefined;
  }
})());
// The published data the pages read (DATA_DIR, as src/data/load.ts), default generated/data/v1.
const dataDir = resolve(process.env.DATA_DIR || join('generated', 'data', 'v1'));

// Content-Security-Policy (a <meta> on every page, so it holds on any static host): only this site's own origin for
// scripts, styles, data, images, fonts and workers; Astro adds the hashes of its inline styles and scripts. Inline
// style attributes (map aspect ratios, SVG drawn by d3) are allowed as attributes only. blob: and data: serve the
// MapLibre worker and the PNG/SVG downloads made in the page. No third-party origin anywhere; frame-ancestors cannot
// be set by <meta> and is left open on purpose (embeds).
// The one exception: a basemap the official configured (config `basemap`, published in meta.json) adds its tile host.
const tileHost = (() => {
  try {
    const meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8'));
    return meta.basemap?.tiles ? ` ${new URL(meta.basemap.tiles.replace(/\{[a-z]+\}/g, '0')).origin}` : '';
  } catch {
    return '';
  }
})();
const csp = {
  directives: [
    "default-src 'self'",
    `img-src 'self' data: blob:${tileHost}`,
    `connect-src 'self'${tileHost}`,
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  styleDirective: {
    resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
    // The maps' generated stylesheet (<style is:inline>, src/components/ChoroplethMap.astro) is not hashed by Astro.
    hashes: [`sha256-${createHash('sha256').update(mapCss()).digest('base64')}`],
  },
};

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  trailingSlash: 'always',
  // concurrency: a few pages in flight, so one page's file writes, hashing and preview rendering (off the main
  // thread) overlap the next page's rendering instead of leaving the main thread idle.
  build: { format: 'directory', inlineStylesheets: 'auto', concurrency: 4 },
  i18n: {
    locales: ['id', 'en'],
    defaultLocale: 'id',
    routing: { prefixDefaultLocale: false },
  },
  security: { csp },
  integrations: [publishData(dataDir), siteUrlWarning(site)],
});
