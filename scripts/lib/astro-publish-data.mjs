// Astro integration: copies the data build's published files (generated/data/v1) into the built site.
import { cp, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export function publishData() {
  return {
    name: 'publish-data',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const src = new URL('../../generated/data/', import.meta.url);
        try {
          await access(src);
        } catch {
          logger.warn('generated/data not found: run `npm run data` first');
          return;
        }
        await cp(fileURLToPath(src), fileURLToPath(new URL('data/', dir)), { recursive: true });
      },
    },
  };
}
