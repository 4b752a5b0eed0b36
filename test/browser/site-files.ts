/** The built site as the browser tests read it: where it is, its published areas, and one page of each type. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built site the tests read: `DIST_DIR` if set (e.g. a private build), else `dist/`. */
export const DIST = resolve(process.env.DIST_DIR ?? join(ROOT, 'dist'));

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
