/**
 * The site build's heap cap (scripts/lib/heap-cap.ts, scripts/build-site.ts): when an Astro process runs out of its
 * capped heap, V8 aborts it; build-site says so, empties the folder and builds again without the cap, and the site
 * comes out whole. Forced here with an 8 MB cap on the province fixture (its data build is shared with the province
 * tests of this run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuildEnv, provinceSite } from './province-build.ts';
import { ROOT } from './site-files.ts';

describe('site build heap cap', () => {
  it('retries without the cap when Astro runs out of heap, and the site is complete', async () => {
    const site = await provinceSite();
    const out = join(site.dist, '..', 'dist-heap-cap');
    rmSync(out, { recursive: true, force: true });
    try {
      const env = astroBuildEnv(site.generated, join(site.data, 'site.config.json'), { SITE_HEAP_MB: '8' });
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-site.ts'), '--skip-data', '--force', '--dist', out], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 });
      const log = `${r.stdout}${r.stderr}`;
      expect(r.status, log.slice(-3000)).toBe(0);
      expect(log).toContain('Memori heap 8 MB tidak cukup untuk wilayah ini; build situs diulang tanpa batas');
      expect(log).toContain('SITE_HEAP_MB=0');
      // The same pages as the province build (two shards, uncapped by this test's variable).
      const pages = (dir: string) => readdirSync(join(dir, 'wilayah')).sort();
      expect(pages(out)).toEqual(pages(site.dist));
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      expect(readFileSync(join(out, 'wilayah/35/index.html'), 'utf8')).toContain('Jawa Timur');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
