/**
 * The data build's check for leftovers of another region (src/lib/region-setup.ts): a title or publisher naming
 * another kab/kota, a demo export generated for another region. Reads the national code list's upper levels and the
 * measurements folder's demo-manifest.json; returns the warnings, the build logs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SiteConfig } from '../../src/lib/config.ts';
import type { Registry } from '../../src/lib/areas.ts';
import { foreignRegionWarnings, parseUpperLevels, type NamedArea } from '../../src/lib/region-setup.ts';
import { readAreaListText } from './areas-file.ts';

/** Warnings for `config` (whose folder is `dataDir`) and its region's registry; none when all is the region's own. */
export function regionWarnings(config: SiteConfig, dataDir: string, registry: Registry): string[] {
  const { kabKota } = parseUpperLevels(readAreaListText(resolve(dataDir, config.areas.file)));
  const manifest = join(resolve(dataDir, config.measurements.dir), 'demo-manifest.json');
  let demoExport: { file: string; region: NamedArea } | null = null;
  if (existsSync(manifest)) {
    try {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { region?: NamedArea };
      if (m.region?.code) demoExport = { file: relative(process.cwd(), manifest) || manifest, region: m.region };
    } catch {
      /* not a manifest the generator wrote: nothing to compare */
    }
  }
  return foreignRegionWarnings(
    { region: { code: registry.region.code, name: registry.region.name }, province: registry.province.name, title: config.title, publisher: config.publisher.name, demoExport },
    kabKota,
  );
}
