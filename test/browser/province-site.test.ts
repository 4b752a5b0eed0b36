/**
 * The province site (region "35") built from the province fixture (test/browser/province-build.ts): the province
 * page, a kab/kota page, a desa page (with and without a polygon) and the map explorer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { provinceSite, type ProvinceSite } from './province-build.ts';

let site: ProvinceSite;
beforeAll(async () => {
  site = await provinceSite();
}, 600_000);

describe('province site built from the fixture', () => {
  it('publishes the province, its kab/kota, kecamatan and desa pages, including the desa without a polygon', () => {
    expect(readFileSync(join(site.dist, 'data/v1/meta.json'), 'utf8')).toContain('"code":"35"');
    for (const code of ['35.78', '35.76', '35.15.18', '35.78.12.1006']) expect(existsSync(join(site.dist, `wilayah/${code}/index.html`)), code).toBe(true);
  });
});
