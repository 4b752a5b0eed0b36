/**
 * The area registry: the kabupaten/kota of the site, its kecamatan and its desa/kelurahan, read from the Kemendagri
 * code list (`data/areas/kode_wilayah_2025.csv.gz`, columns `kode,nama,level,kode_prov,kode_kab,kode_kec,jenis`).
 *
 * The whole national list (91,599 rows) ships with the project so that any region works by changing `region` in the
 * config; parsing keeps only the rows of the one province and kab/kota asked for. The code itself is the source of
 * truth for the hierarchy (`35.10.01.2001` → kecamatan `35.10.01` → kabupaten `35.10` → province `35`); the parent
 * columns are not needed, which is also why the 2022 edition (`kode,nama,level` only) parses with the same function.
 */
import type { Area, Level } from './types.ts';

/** The areas of one kab/kota, sorted by code, with a lookup by dotted code. */
export interface Registry {
  /** The kabupaten/kota itself (`level: 'kabupaten'`, `kind: 'kabupaten' | 'kota'`). */
  region: Area;
  /** The province the region belongs to (not an `Area`: the site never publishes the province level). */
  province: { code: string; name: string };
  kecamatan: Area[];
  /** Desa, kelurahan and desa adat. */
  desa: Area[];
  /** Every area above (region, kecamatan, desa) by dotted code. */
  byCode: Map<string, Area>;
}

const REGION_RE = /^\d{2}\.\d{2}$/;
const CODE_SHAPES: [RegExp, Level | 'provinsi'][] = [
  [/^\d{2}$/, 'provinsi'],
  [/^\d{2}\.\d{2}$/, 'kabupaten'],
  [/^\d{2}\.\d{2}\.\d{2}$/, 'kecamatan'],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'desa'],
];

/** The level a dotted Kemendagri code denotes by its shape (`35` provinsi ... `35.10.01.2001` desa), or null. */
export function levelOfCode(code: string): Level | 'provinsi' | null {
  for (const [re, level] of CODE_SHAPES) if (re.test(code)) return level;
  return null;
}

/** The province code of any dotted code: `35.10.01.2001` → `35`. */
export function provinceOf(code: string): string {
  return code.slice(0, 2);
}

/** The parent code by code shape: desa → kecamatan, kecamatan → kabupaten, kabupaten → province; null for a province. */
export function parentOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** The direct children of an area in the registry (kecamatan of the region, desa of a kecamatan), sorted by code. */
export function childrenOf(registry: Registry, code: string): Area[] {
  const level = levelOfCode(code);
  if (level === 'kabupaten') return code === registry.region.code ? registry.kecamatan : [];
  if (level === 'kecamatan') return registry.desa.filter((d) => d.parent === code);
  return [];
}

/** Splits one CSV record line (RFC 4180 quoting, no embedded newlines; the code list has two quoted names). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cell), (cell = '');
    else cell += c;
  }
  out.push(cell);
  return out;
}

/** Kind of a desa-level area from the 10th digit of its code (1 kelurahan, 2 desa, 3 desa adat), used when the
 * list has no `jenis` column (2022 edition) or leaves it empty. */
function desaKindFromCode(code: string): Area['kind'] | null {
  const d = code[9];
  return d === '1' ? 'kelurahan' : d === '2' ? 'desa' : d === '3' ? 'desa_adat' : null;
}

/**
 * Parses the Kemendagri list and returns the registry of one kab/kota. Strict, because a wrong registry silently
 * misplaces children on the map: a duplicate code, a row whose level disagrees with its code shape, a desa whose
 * kecamatan is missing or an unknown `jenis` throws with the line number and code.
 */
export function parseRegistry(csvText: string, regionCode: string): Registry {
  if (!REGION_RE.test(regionCode)) throw new Error(`region ${JSON.stringify(regionCode)} is not a kab/kota code such as 35.10`);
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const lines = text.split('\n');
  const header = splitCsvLine(lines[0].replace(/\r$/, '')).map((h) => h.trim());
  const col = (name: string, required: boolean) => {
    const i = header.indexOf(name);
    if (i < 0 && required) throw new Error(`area list: missing column "${name}" (header: ${header.join(',')})`);
    return i;
  };
  const iKode = col('kode', true);
  const iNama = col('nama', true);
  const iLevel = col('level', true);
  const iJenis = col('jenis', false);

  const prov = provinceOf(regionCode);
  const provRow = `${prov},`;
  const regionPrefix = `${regionCode}.`;
  const rows = new Map<string, { name: string; jenis: string; line: number }>();
  let provinceName: string | null = null;
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n];
    // Cheap prefix filter first: only the province row and the region's rows are split (the list has 91k lines).
    const isProv = raw.startsWith(provRow);
    if (!isProv && !raw.startsWith(regionCode)) continue;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const cells = splitCsvLine(line);
    const code = (cells[iKode] ?? '').trim();
    if (code !== prov && code !== regionCode && !code.startsWith(regionPrefix)) continue;
    const name = (cells[iNama] ?? '').trim();
    const shape = levelOfCode(code);
    const levelNumber = Number(cells[iLevel]);
    const expected = shape === 'provinsi' ? 1 : shape === 'kabupaten' ? 2 : shape === 'kecamatan' ? 3 : shape === 'desa' ? 4 : NaN;
    if (levelNumber !== expected) {
      throw new Error(`area list line ${n + 1}: code ${code} has level ${cells[iLevel]}, expected ${expected} for its shape`);
    }
    if (!name) throw new Error(`area list line ${n + 1}: code ${code} has no name`);
    if (shape === 'provinsi') {
      if (provinceName !== null) throw new Error(`area list line ${n + 1}: duplicate code ${code}`);
      provinceName = name;
      continue;
    }
    const prev = rows.get(code);
    if (prev) throw new Error(`area list line ${n + 1}: duplicate code ${code} (first on line ${prev.line})`);
    rows.set(code, { name, jenis: iJenis >= 0 ? (cells[iJenis] ?? '').trim() : '', line: n + 1 });
  }

  const regionRow = rows.get(regionCode);
  if (!regionRow) throw new Error(`region ${regionCode} is not in the area list`);
  const regionKind = regionRow.jenis || (Number(regionCode.slice(3)) >= 71 ? 'kota' : 'kabupaten');
  if (regionKind !== 'kabupaten' && regionKind !== 'kota') {
    throw new Error(`area list line ${regionRow.line}: region ${regionCode} has jenis "${regionRow.jenis}"`);
  }
  const region: Area = { code: regionCode, name: regionRow.name, level: 'kabupaten', parent: null, kind: regionKind };
  const byCode = new Map<string, Area>([[regionCode, region]]);
  const kecamatan: Area[] = [];
  const desa: Area[] = [];
  const codes = [...rows.keys()].sort();
  for (const code of codes) {
    if (code === regionCode) continue;
    const r = rows.get(code)!;
    const level = levelOfCode(code) as Level;
    const parent = parentOf(code)!;
    if (!rows.has(parent)) throw new Error(`area list line ${r.line}: ${code} ${r.name} has no parent ${parent} in the list`);
    let kind: Area['kind'];
    if (level === 'kecamatan') kind = 'kecamatan';
    else {
      const k = r.jenis || desaKindFromCode(code);
      if (k !== 'desa' && k !== 'kelurahan' && k !== 'desa_adat') {
        throw new Error(`area list line ${r.line}: ${code} has unknown jenis "${r.jenis}"`);
      }
      kind = k;
    }
    const area: Area = { code, name: r.name, level, parent, kind };
    byCode.set(code, area);
    (level === 'kecamatan' ? kecamatan : desa).push(area);
  }
  return { region, province: { code: prov, name: provinceName ?? prov }, kecamatan, desa, byCode };
}

/** One area whose code exists in both editions but whose name changed. */
export interface RenamedArea {
  code: string;
  level: Level;
  /** Name in the older edition. */
  oldName: string;
  /** Name in the current (2025) edition. */
  newName: string;
  /** True when the names differ only in case, spaces or punctuation (`Gentengwetan` / `Genteng Wetan`), i.e. a
   * spelling change rather than a different name. */
  spellingOnly: boolean;
}

/** How an older code list edition maps onto the current registry. */
export interface EditionCrosswalk {
  /** Older code → current code. Same code = same area (Kemendagri keeps codes stable; a split gets new codes). */
  toCurrent: Map<string, string>;
  /** Areas present in both editions under a different name, sorted by code. */
  renamed: RenamedArea[];
  /** Codes of the older edition that no longer exist (cannot be mapped; rows using them are reported). */
  removed: { code: string; name: string }[];
  /** Current areas with no code in the older edition. */
  added: Area[];
}

/** Normalises a name for spelling-only comparison: lower case, `KAB.` spelled out, letters and digits only. */
export function normaliseAreaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^kab\.?\s+/, 'kabupaten ')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Maps an older edition of the code list (e.g. the 2022 list, `kode,nama,level`) onto the current registry, so that
 * exports written with 2022 codes or names still load: codes carry over one to one, and every renamed area is
 * reported (an old name can then be accepted as an alias when matching names within their parent).
 */
export function crosswalkEdition(current: Registry, olderCsvText: string): EditionCrosswalk {
  const old = parseRegistry(olderCsvText, current.region.code);
  const toCurrent = new Map<string, string>();
  const renamed: RenamedArea[] = [];
  const removed: { code: string; name: string }[] = [];
  for (const [code, area] of old.byCode) {
    const now = current.byCode.get(code);
    if (!now) {
      removed.push({ code, name: area.name });
      continue;
    }
    toCurrent.set(code, code);
    if (now.name !== area.name) {
      renamed.push({
        code,
        level: now.level,
        oldName: area.name,
        newName: now.name,
        spellingOnly: normaliseAreaName(now.name) === normaliseAreaName(area.name),
      });
    }
  }
  const added = [...current.byCode.values()].filter((a) => !old.byCode.has(a.code));
  const byCodeOrder = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return { toCurrent, renamed: renamed.sort(byCodeOrder), removed: removed.sort(byCodeOrder), added: added.sort(byCodeOrder) };
}
