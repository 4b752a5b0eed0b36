// Astro configuration: site, base path and i18n only; no data logic lives here.
import { defineConfig } from 'astro/config';
import { publishData } from './scripts/lib/astro-publish-data.mjs';

// BASE_PATH lets the same build be hosted at the root or under a sub-path (GitHub Pages: /<repo>/).
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: {
    locales: ['id', 'en'],
    defaultLocale: 'id',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [publishData()],
});
