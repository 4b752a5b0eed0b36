/**
 * The area registry: the kabupaten/kota of the site, its kecamatan and its desa/kelurahan, read from the Kemendagri
 * code list (`data/areas/kode_wilayah_2025.csv.gz`, columns `kode,nama,level,kode_prov,kode_kab,kode_kec,jenis`).
 *
 * The whole national list (91,599 rows) ships with the project so that any region works by changing `region` in the
 * config; parsing keeps only the rows of the one province and kab/kota asked for. The code itself is the source of
 * truth for the hierarchy (`35.10.01.2001` → kecamatan `35.10.01` → kabupaten `35.10` → province `35`); the parent
 * columns are not needed, which is also why the 2022 edition (`kode,nama,level` only) parses with the same function.
 */
import { LEVELS, levelsFrom, type Area, type Level } from './types.ts';

/** The areas of one site's region (a province or a kab/kota) and everything below it, sorted by code, with a lookup
 * by dotted code. */
export interface Registry {
  /** The region itself, the root of the tree: a province (`level: 'provinsi'`) or a kab/kota (`level: 'kabupaten'`,
   * `kind: 'kabupaten' | 'kota'`). */
  region: Area;
  /** The province the region is or belongs to. */
  province: { code: string; name: string };
  /** The levels of the tree from the region's down (see levelsFrom). */
  levels: Level[];
  /** The kab/kota below a province region; empty for a kab/kota site (its kab/kota is `region`). */
  kabupaten: Area[];
  kecamatan: Area[];
  /** Desa, kelurahan and desa adat. */
  desa: Area[];
  /** Every area above (region, kab/kota, kecamatan, desa) by dotted code. */
  byCode: Map<string, Area>;
}

const REGION_RE = /^\d{2}(\.\d{2})?$/;
const CODE_SHAPES: [RegExp, Level][] = [
  [/^\d{2}$/, 'provinsi'],
  [/^\d{2}\.\d{2}$/, 'kabupaten'],
  [/^\d{2}\.\d{2}\.\d{2}$/, 'kecamatan'],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'desa'],
];

/** The level a dotted Kemendagri code denotes by its shape (`35` provinsi ... `35.10.01.2001` desa), or null. */
export function levelOfCode(code: string): Level | null {
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

/** The areas of one level in the registry, sorted by code (the region itself for its own level). */
export function areasAt(registry: Registry, level: Level): Area[] {
  if (level === registry.region.level) return [registry.region];
  if (level === 'kabupaten') return registry.kabupaten;
  if (level === 'kecamatan') return registry.kecamatan;
  if (level === 'desa') return registry.desa;
  return [];
}

/** Every area of the registry, the region first, then by code. */
export function allAreas(registry: Registry): Area[] {
  return [...registry.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The direct children of an area in the registry (kab/kota of a province, kecamatan of a kab/kota, desa of a
 * kecamatan), sorted by code. */
export function childrenOf(registry: Registry, code: string): Area[] {
  const level = levelOfCode(code);
  if (!level || !registry.byCode.has(code)) return [];
  const below = LEVELS[LEVELS.indexOf(level) + 1];
  return below ? areasAt(registry, below).filter((a) => a.parent === code) : [];
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

const LEVEL_NUMBER: Record<Level, number> = { provinsi: 1, kabupaten: 2, kecamatan: 3, desa: 4 };

/**
 * Parses the Kemendagri list and returns the registry of one region: a province (`35`) or a kab/kota (`35.10`).
 * Strict, because a wrong registry silently misplaces children on the map: a duplicate code, a row whose level
 * disagrees with its code shape, an area whose parent is missing or an unknown `jenis` throws with the line number
 * and code.
 */
export function parseRegistry(csvText: string, regionCode: string): Registry {
  if (!REGION_RE.test(regionCode)) throw new Error(`region ${JSON.stringify(regionCode)} is not a province code such as 35 or a kab/kota code such as 35.10`);
  const { rows, provinceName } = regionRows(csvText, regionCode);
  const rootLevel = levelOfCode(regionCode)!;
  const regionRow = rows.get(regionCode);
  if (rootLevel === 'kabupaten' && !regionRow) throw new Error(`region ${regionCode} is not in the area list`);
  if (rootLevel === 'provinsi' && provinceName === null) throw new Error(`region ${regionCode} is not in the area list`);
  const prov = provinceOf(regionCode);
  const byCode = new Map<string, Area>();
  const region: Area =
    rootLevel === 'provinsi'
      ? { code: regionCode, name: provinceName!, level: 'provinsi', parent: null, kind: 'provinsi' }
      : { code: regionCode, name: regionRow!.name, level: 'kabupaten', parent: null, kind: kabKind(regionCode, regionRow!) };
  byCode.set(regionCode, region);
  const below: Record<string, Area[]> = { kabupaten: [], kecamatan: [], desa: [] };
  for (const code of [...rows.keys()].sort()) {
    if (code === regionCode) continue;
    const r = rows.get(code)!;
    const level = levelOfCode(code)!;
    const parent = parentOf(code)!;
    if (parent !== regionCode && !rows.has(parent)) throw new Error(`area list line ${r.line}: ${code} ${r.name} has no parent ${parent} in the list`);
    const area: Area = { code, name: r.name, level, parent, kind: areaKind(code, level, r) };
    byCode.set(code, area);
    below[level].push(area);
  }
  const levels = levelsFrom(rootLevel);
  return { region, province: { code: prov, name: provinceName ?? prov }, levels, kabupaten: below.kabupaten, kecamatan: below.kecamatan, desa: below.desa, byCode };
}

type RegionRow = { name: string; jenis: string; line: number };

/** The rows of the list that belong to the region (and the name of its province), checked line by line. */
function regionRows(csvText: string, regionCode: string): { rows: Map<string, RegionRow>; provinceName: string | null } {
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
  const rows = new Map<string, RegionRow>();
  let provinceName: string | null = null;
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n];
    // Cheap prefix filter first: only the province row and the region's rows are split (the list has 91k lines).
    if (!raw.startsWith(provRow) && !raw.startsWith(regionCode)) continue;
    const cells = splitCsvLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    const code = (cells[iKode] ?? '').trim();
    if (code !== prov && code !== regionCode && !code.startsWith(regionPrefix)) continue;
    const name = (cells[iNama] ?? '').trim();
    const shape = levelOfCode(code);
    const expected = shape ? LEVEL_NUMBER[shape] : NaN;
    if (Number(cells[iLevel]) !== expected) {
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
  return { rows, provinceName };
}

/** kabupaten or kota: the `jenis` column, else the code (71 and above are kota). */
function kabKind(code: string, r: RegionRow): Area['kind'] {
  const kind = r.jenis || (Number(code.slice(3)) >= 71 ? 'kota' : 'kabupaten');
  if (kind !== 'kabupaten' && kind !== 'kota') throw new Error(`area list line ${r.line}: ${code} has jenis "${r.jenis}"`);
  return kind;
}

function areaKind(code: string, level: Level, r: RegionRow): Area['kind'] {
  if (level === 'kabupaten') return kabKind(code, r);
  if (level === 'kecamatan') return 'kecamatan';
  const k = r.jenis || desaKindFromCode(code);
  if (k !== 'desa' && k !== 'kelurahan' && k !== 'desa_adat') throw new Error(`area list line ${r.line}: ${code} has unknown jenis "${r.jenis}"`);
  return k;
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
