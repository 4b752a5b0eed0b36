// Astro integrations: copies the data build's published files (generated/data/v1, or DATA_DIR) into the built site,
// and warns when the site's public address is not set.
import { cp, access } from 'node:fs/promises';

/** Copies `dataDir` (the published contract, `.../data/v1`) to `<dist>/data/v1/` after the build. */
export function publishData(dataDir) {
  return {
    name: 'publish-data',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          await access(dataDir);
        } catch {
          logger.warn(`${dataDir} not found: run \`npm run data\` first`);
          return;
        }
        await cp(dataDir, new URL('data/v1/', dir), { recursive: true });
      },
    },
  };
}

/** Warns at build time when neither SITE_URL nor the config's siteUrl gives the public address. */
export function siteUrlWarning(site) {
  return {
    name: 'site-url-warning',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (site) return;
        logger.warn(
          'SITE_URL tidak diisi: og:image, og:url, canonical dan oEmbed tidak ditulis; tautan tetap relatif. ' +
            'Isi SITE_URL (atau siteUrl di data/site.config.json) untuk situs yang dipublikasikan. / ' +
            'SITE_URL is not set: og:image, og:url, canonical and oEmbed are left out; links stay relative. ' +
            'Set SITE_URL (or siteUrl in data/site.config.json) when building for deployment (docs/deploy.md).',
        );
      },
    },
  };
}
