/**
 * Setting the site up for a kabupaten/kota, and catching the leftovers of another one: the clean config that
 * `npm run new-region` writes (scripts/new-region.ts), and the checks the data build runs so that a title, a
 * publisher or a demo export of another region is reported instead of published. Pure: the callers read the files.
 */
import type { Area } from './types.ts';

/** A kab/kota or province of the national code list. */
export interface NamedArea {
  code: string;
  name: string;
}

/** Every province (level 1) and kab/kota (level 2) of a Kemendagri code list (`kode,nama,level,...`, 2025 or 2022). */
export function parseUpperLevels(csvText: string): { provinces: NamedArea[]; kabKota: NamedArea[] } {
  const provinces: NamedArea[] = [];
  const kabKota: NamedArea[] = [];
  // Only the first three columns matter and names of these levels hold no comma or quote in either edition.
  for (const m of csvText.matchAll(/^(\d{2}(?:\.\d{2})?),([^,\r\n]+),([12]),?/gm)) {
    const entry = { code: m[1], name: m[2].trim() };
    if (m[3] === '1' && m[1].length === 2) provinces.push(entry);
    else if (m[3] === '2' && m[1].length === 5) kabKota.push(entry);
  }
  return { provinces, kabKota };
}

/** `33.17` from `33.17`, `3317` or ` 33 17 `; null when it is not a kab/kota code. */
export function normaliseRegionCode(input: string): string | null {
  const digits = input.replace(/[\s.]/g, '');
  return /^\d{4}$/.test(digits) ? `${digits.slice(0, 2)}.${digits.slice(2)}` : null;
}

const KIND_PREFIX = /^(kabupaten|kab\.?|kota)\s+/i;

/** The name without its kind: `Kabupaten Rembang` → `Rembang`, `Kota Metro` → `Metro`. */
export function coreName(name: string): string {
  return name.trim().replace(KIND_PREFIX, '');
}

/** Lower case, letters and digits only, single spaces, padded with one space on each side (for whole-word search). */
function words(text: string): string {
  return ` ${text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/**
 * The kab/kota other than `region` that a text names (a title, a publisher): whole-word matches of their names
 * without the kind ("Banyuwangi" in "Dinas Kesehatan Banyuwangi" or "Banyuwangi Regency"), longest names first so
 * that "Aceh Barat Daya" is not also read as "Aceh Barat". The region's own name and its province's name are taken
 * out first (Kabupaten Bengkulu Utara in Provinsi Bengkulu does not name Kota Bengkulu), except that "Kota X" in the
 * text of Kabupaten X (or "Kabupaten X" in the text of Kota X) is the other one.
 */
export function otherRegionsNamed(text: string, region: NamedArea, kabKota: readonly NamedArea[], province?: string): NamedArea[] {
  let t = words(text);
  const found: NamedArea[] = [];
  const own = words(coreName(region.name));
  const isKota = /^kota\s/i.test(region.name);
  // The same core name with the other kind: Kota Bima in a text of Kabupaten Bima.
  const twin = kabKota.find((k) => k.code !== region.code && words(coreName(k.name)) === own);
  if (twin) {
    const otherKind = isKota ? [' kabupaten', ' kab', ' regency of'] : [' kota', ' city of'];
    const after = isKota ? [' regency '] : [' city '];
    if (otherKind.some((k) => t.includes(`${k}${own}`)) || after.some((a) => t.includes(`${own.trimEnd()}${a}`))) found.push(twin);
  }
  t = t.split(own).join(' | ');
  if (province) t = t.split(words(province)).join(' | ');
  const others = kabKota
    .filter((k) => k.code !== region.code && words(coreName(k.name)) !== own)
    .map((k) => ({ k, w: words(coreName(k.name)) }))
    .sort((a, b) => b.w.length - a.w.length);
  for (const { k, w } of others) {
    if (w.trim().length < 3 || !t.includes(w)) continue;
    found.push(k);
    t = t.split(w).join(' | ');
  }
  return found;
}

/** What the data build is told about the region's texts and inputs. */
export interface RegionInputs {
  region: NamedArea;
  province?: string;
  /** The config's title (id, en) and publisher name, as written (absent keys are fine: the defaults name the region). */
  title?: { id: string; en?: string };
  publisher?: string;
  /** `region` of `demo-manifest.json` in the measurements folder, when there is one. */
  demoExport?: { file: string; region: NamedArea } | null;
}

/**
 * Warnings (Bahasa Indonesia / English) when the config's texts name another kab/kota than the configured region, or
 * when the measurements folder holds a demo export generated for another region. Each says what to do.
 */
export function foreignRegionWarnings(i: RegionInputs, kabKota: readonly NamedArea[]): string[] {
  const out: string[] = [];
  const texts: [string, string | undefined][] = [['title.id', i.title?.id], ['title.en', i.title?.en], ['publisher.name', i.publisher]];
  for (const [key, text] of texts) {
    if (!text) continue;
    const others = otherRegionsNamed(text, i.region, kabKota, i.province);
    if (!others.length) continue;
    const names = others.map((o) => `${o.name} (${o.code})`).join(', ');
    out.push(
      `site.config.json: kunci/key "${key}" "${text}" menyebut ${names}, bukan ${i.region.name} (${i.region.code}) / names ${names}, not the configured region — ` +
        'perbaiki teksnya, atau hapus kunci itu (bawaan: nama wilayah) / fix the text, or remove the key (default: the region\'s name)',
    );
  }
  const d = i.demoExport;
  if (d && d.region.code !== i.region.code) {
    out.push(
      `${d.file}: ekspor demo di folder ini dibuat untuk ${d.region.name} (${d.region.code}), bukan ${i.region.name} (${i.region.code}); ` +
        `baris-barisnya akan ditolak sebagai unknown_area / this demo export was generated for another region and its rows will be rejected as unknown_area — ` +
        'jalankan / run `npm run new-region -- <kode> <desa.geojson>`, atau hapus / or delete demo-*.csv.gz dan/and demo-manifest.json (build membuat demo baru / the build makes a new demo)',
    );
  }
  return out;
}

/** Folder name for a region's boundaries: `Kabupaten Rembang`, `33.17` → `rembang-3317`; `Kota Metro` → `kota-metro-1872`. */
export function boundaryFolderName(region: NamedArea): string {
  const isKota = /^kota\s/i.test(region.name);
  const slug = words(coreName(region.name)).trim().replace(/ /g, '-');
  return `${isKota ? 'kota-' : ''}${slug}-${region.code.replace('.', '')}`;
}

/** Title in both languages for a region: `Data Stunting Kabupaten Rembang` / `Stunting data, Rembang Regency`. */
export function regionTitle(region: Pick<Area, 'name' | 'kind'> | NamedArea): { id: string; en: string } {
  const core = coreName(region.name);
  const kota = 'kind' in region ? region.kind === 'kota' : /^kota\s/i.test(region.name);
  return { id: `Data Stunting ${region.name}`, en: `Stunting data, ${core} ${kota ? 'City' : 'Regency'}` };
}

/** Keys of a config that hold nothing of a particular region and are kept when the site moves to another one. */
const GENERIC_KEYS = ['$schema', 'licence', 'rounds', 'suppression', 'maxBadRowShare', 'measurements', 'surveys', 'areas'] as const;
/** Keys that belong to the demo export (its period range and reference date make it reproducible). */
const DEMO_KEYS = ['periods', 'referenceDate'] as const;

/** True for a file the demo generator writes (`sasaran/demo-sasaran.csv`, `demo-2025-08.csv.gz`). */
export function isDemoFile(path: string): boolean {
  return /(^|[\\/])demo-[^\\/]*$/.test(path);
}

/** The config new-region writes, and the keys of the previous config it left out (for the message). */
export interface NewRegionConfig {
  config: Record<string, unknown>;
  /** Keys of the previous config that were left out or replaced (their old values belonged to the old region). */
  dropped: string[];
}

/**
 * A clean config for `region` built from the previous one: the generic settings are kept (licence, rounds,
 * suppression, measurement columns, code lists, surveys file), everything of the previous region is left out (title,
 * publisher, lokus, targets, aggregates, local targets, basemap, site address) unless the previous config was for the
 * same region. With `demo`, the synthetic demo export is switched on (with the previous seed, period range and
 * reference date, and its generated sasaran file) so that the site builds before the first real export arrives.
 */
export function newRegionConfig(
  previous: Record<string, unknown> | null,
  region: Pick<Area, 'code' | 'name' | 'kind'>,
  opts: { boundaries: string; demo: boolean },
): NewRegionConfig {
  const prev = previous ?? {};
  const same = prev.region === region.code;
  const config: Record<string, unknown> = {};
  if (prev.$schema !== undefined) config.$schema = prev.$schema;
  config.region = region.code;
  config.title = same && prev.title ? prev.title : regionTitle(region);
  config.publisher = same && prev.publisher ? prev.publisher : { name: `Dinas Kesehatan ${region.name}` };
  for (const k of GENERIC_KEYS) if (k !== '$schema' && prev[k] !== undefined) config[k] = prev[k];
  config.boundaries = opts.boundaries;
  const prevDemo = (prev.demo ?? {}) as { seed?: unknown };
  if (opts.demo) {
    for (const k of DEMO_KEYS) if (prev[k] !== undefined) config[k] = prev[k];
    config.targets = 'sasaran/demo-sasaran.csv';
    // The convergence folder and its (national) targets stay: the build writes the region's synthetic counts there.
    if (prev.convergence !== undefined) config.convergence = prev.convergence;
    config.demo = { synthetic: true, ...(typeof prevDemo.seed === 'number' ? { seed: prevDemo.seed } : {}) };
  } else {
    config.demo = { synthetic: false };
  }
  if (same) {
    for (const k of ['lokus', 'aggregates', 'convergence', 'localTargets', 'basemap', 'siteUrl'] as const) if (prev[k] !== undefined) config[k] = prev[k];
    // A real sasaran file of the region stays (the demo then writes none: demoTargetsPath wants a demo- name).
    if (typeof prev.targets === 'string' && !isDemoFile(prev.targets)) config.targets = prev.targets;
  }
  const dropped = Object.keys(prev).filter((k) => !['region', 'boundaries', 'demo'].includes(k) && JSON.stringify(prev[k]) !== JSON.stringify(config[k]));
  return { config, dropped };
}
