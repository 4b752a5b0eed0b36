/**
 * The search index (built once at site build, fetched lazily by the search box) and the matching function the
 * browser runs on it: the areas, and the indicators (the z-score prevalences of meta.json, the convergence indicators
 * of konvergensi-meta.json) by their names in both languages. Compact: one row per area or indicator as an array, the
 * URLs are language-free (the client adds base and language). Pure, shared by the build and the browser.
 */
import type { AreaJson } from './contract.ts';

/** One index row: [code, name, normalised name ('' when it is just the name in lower case), kecamatan name ('' for a
 * kecamatan), level initial (`p` provinsi, `b` kab/kota, `k` kecamatan, `d` desa), url path, and on a province site the
 * kab/kota name of a kecamatan or desa (absent on a kab/kota site, whose rows keep their six fields)]. */
export type SearchRow = [code: string, name: string, norm: string, kecamatan: string, level: LevelInitial, url: string, kabkota?: string];

/** Level initial of a search row. */
export type LevelInitial = 'p' | 'b' | 'k' | 'd';

/** The level initial of a dotted code by its shape (`35` p, `35.10` b, `35.10.01` k, `35.10.01.2001` d). */
export function levelInitial(code: string): LevelInitial {
  return (['p', 'b', 'k', 'd'] as const)[Math.min(3, code.split('.').length - 1)];
}

/** The kab/kota code of a kecamatan or desa code (`35.10.01.2001` → `35.10`). */
export function kabkotaOf(code: string): string {
  return code.slice(0, 5);
}

/** One indicator row: [id, name in Bahasa Indonesia, name in English ('' when the same), kind: `z` a z-score
 * prevalence, `k` a convergence indicator]. Its pages (map view, definition) follow from these (indicatorLinks). */
export type IndicatorRow = [id: string, nameId: string, nameEn: string, kind: 'z' | 'k'];

/** The index file. `ind` is absent in an index without indicators (older files). */
export interface SearchIndex {
  v: 1;
  rows: SearchRow[];
  ind?: IndicatorRow[];
}

/** An indicator to index: its id, its names and whether it is a convergence (coverage) indicator. */
export interface IndexedIndicator {
  id: string;
  name: { id: string; en?: string };
  coverage: boolean;
}

/** A name for matching: lower case, accents removed, punctuation to spaces, single spaces. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Language-free page path of an area: `/wilayah/35.10.01/`. */
export function areaPath(code: string): string {
  return `/wilayah/${code}/`;
}

/** The search index for a list of areas (the site's region and everything below it), in code order, and the
 * indicators in their order. */
export function buildSearchIndex(areas: readonly AreaJson[], indicators: readonly IndexedIndicator[] = []): SearchIndex {
  const kabkota = kabkotaNames(areas);
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const rows: SearchRow[] = areas.map((a) => {
    const row: SearchRow = [
      a.code,
      a.name,
      normaliseName(a.name) === a.name.toLowerCase() ? '' : normaliseName(a.name),
      a.level === 'desa' && a.parent ? (names.get(a.parent) ?? '') : '',
      levelInitial(a.code),
      areaPath(a.code),
    ];
    const kab = a.level === 'kecamatan' || a.level === 'desa' ? kabkota.get(kabkotaOf(a.code)) : undefined;
    if (kab) row.push(kab);
    return row;
  });
  if (!indicators.length) return { v: 1, rows };
  const ind: IndicatorRow[] = indicators.map((i) => [i.id, i.name.id, i.name.en && i.name.en !== i.name.id ? i.name.en : '', i.coverage ? 'k' : 'z']);
  return { v: 1, rows, ind };
}

/** The kab/kota names a kecamatan or desa row carries: those of a province site's kab/kota (areas with a parent).
 * Empty on a kab/kota site, whose one kab/kota is the region itself. */
export function kabkotaNames(areas: readonly AreaJson[]): Map<string, string> {
  return new Map(areas.filter((a) => a.level === 'kabupaten' && a.parent !== null).map((a) => [a.code, a.name]));
}

/** The indicators of the two meta files, to index: z-score prevalences first, then the convergence indicators. */
export function indexedIndicators(
  zscore: readonly { id: string; label: { id: string; en?: string } }[],
  coverage: readonly { id: string; name: { id: string; en: string } }[] = [],
): IndexedIndicator[] {
  return [...zscore.map((i) => ({ id: i.id, name: i.label, coverage: false })), ...coverage.map((i) => ({ id: i.id, name: i.name, coverage: true }))];
}

/** The language-free pages of an indicator: its map explorer view and its definition on the methodology page (a
 * convergence indicator's own row, `#k-<id>`; the prevalences' section, `#indikator`). */
export function indicatorLinks(r: IndicatorRow): { map: string; definition: string } {
  return {
    map: `/peta/?${new URLSearchParams({ indikator: r[0] })}`,
    definition: r[3] === 'k' ? `/metodologi/#k-${r[0]}` : '/metodologi/#indikator',
  };
}

/** An indicator's name in a language (English falls back to the Indonesian one). */
export function indicatorName(r: IndicatorRow, lang: 'id' | 'en'): string {
  return lang === 'en' && r[2] ? r[2] : r[1];
}

/** Old spellings folded (oe → u, dj → j, tj → c), as in the export's name matching, so "Soemberredjo" finds
 * "Sumberrejo". Applied only to the spacing-free forms. */
function fold(s: string): string {
  return s.replace(/oe/g, 'u').replace(/dj/g, 'j').replace(/tj/g, 'c');
}

/** What matching needs of a row, computed once per index (not shipped in the index file). */
export interface Prepared {
  /** Normalised name ("genteng wetan"). */
  n: string;
  /** Name without spaces, old spellings folded ("gentengwetan"). */
  c: string;
  /** Words of the name, folded ("genteng", "wetan"). */
  w: string[];
  /** Normalised kecamatan and kab/kota names (where the area is). */
  k: string;
}

/** The matching forms of one row. */
export function prepareRow(r: SearchRow): Prepared {
  const n = r[2] || r[1].toLowerCase();
  return { n, c: fold(n.replace(/ /g, '')), w: n.split(' ').map(fold), k: normaliseName(r[6] ? `${r[3]} ${r[6]}` : r[3]) };
}

const prepared = new WeakMap<readonly SearchRow[], Prepared[]>();
function prepare(rows: readonly SearchRow[]): Prepared[] {
  let p = prepared.get(rows);
  if (!p) prepared.set(rows, (p = rows.map(prepareRow)));
  return p;
}

/** Typing errors tolerated for a query of `len` letters (spaces not counted): none under 3, one up to 5, then two. */
export function maxEdits(len: number): number {
  return len < 3 ? 0 : len <= 5 ? 1 : 2;
}

// Reused rows of the edit-distance table (the browser calls this on every keystroke).
let r0 = new Int32Array(64);
let r1 = new Int32Array(64);
let r2 = new Int32Array(64);

/**
 * The fewest edits (insert, delete, substitute, swap two neighbours: optimal string alignment) that turn `q` into
 * some prefix of `t`, or `max + 1` when it is more than `max`. "tmpo" → "tampo" is 1, "gentngw" → "gentengwetan" 1.
 * Stops as soon as no alignment can stay within `max`, so most names cost a few cells.
 */
export function prefixDistance(q: string, t: string, max: number): number {
  const m = q.length;
  const n = Math.min(t.length, m + max);
  if (n + 1 > r0.length) {
    r0 = new Int32Array(2 * (n + 1));
    r1 = new Int32Array(2 * (n + 1));
    r2 = new Int32Array(2 * (n + 1));
  }
  // r2: row i-2, r1: row i-1, r0: row i
  for (let j = 0; j <= n; j++) r1[j] = j;
  for (let i = 1; i <= m; i++) {
    r0[0] = i;
    let rowMin = i;
    const qi = q.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const tj = t.charCodeAt(j - 1);
      let d = Math.min(r1[j] + 1, r0[j - 1] + 1, r1[j - 1] + (qi === tj ? 0 : 1));
      if (i > 1 && j > 1 && qi === t.charCodeAt(j - 2) && q.charCodeAt(i - 2) === tj) d = Math.min(d, r2[j - 2] + 1);
      r0[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const tmp = r2;
    r2 = r1;
    r1 = r0;
    r0 = tmp;
  }
  // r1 now holds row m: the best over every prefix length.
  let best = max + 1;
  for (let j = 0; j <= n; j++) if (r1[j] < best) best = r1[j];
  return best;
}

/**
 * Match quality of a normalised query against a row (lower is better; -1 no match):
 * 0 exact name, 1 name prefix, 2 word prefix, 3 substring, 4 code or "desa kecamatan" / "desa kab/kota" words;
 * 5 / 5.1 / 5.2 the same letters ignoring spaces and old spellings (equal, prefix, inside: "gentengwetan",
 * "macanputih"); 6 + edits for a name or word that starts like the query within maxEdits() typing errors ("Tmpo").
 */
export function matchScore(row: SearchRow, q: string, p: Prepared = prepareRow(row)): number {
  if (!q) return -1;
  const n = p.n;
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.includes(` ${q}`)) return 2;
  if (n.includes(q)) return 3;
  if (row[0].startsWith(q) || row[0].replace(/\./g, '').startsWith(q.replace(/\s/g, ''))) return 4;
  const parts = q.split(' ');
  if (parts.length > 1) {
    // "genteng kembiritan", "sumberejo lamongan": every word found in the name or in the kecamatan or kab/kota name
    const hay = `${n} ${p.k}`;
    if (parts.every((w) => hay.includes(w))) return 4;
  }
  const qc = fold(q.replace(/ /g, ''));
  if (!qc || /^\d+$/.test(qc)) return -1;
  if (p.c === qc) return 5;
  if (p.c.startsWith(qc)) return 5.1;
  if (p.c.includes(qc)) return 5.2;
  const max = maxEdits(qc.length);
  if (!max) return -1;
  let d = prefixDistance(qc, p.c, max);
  for (const w of p.w) {
    if (d === 0) break;
    if (w !== p.c) d = Math.min(d, prefixDistance(qc, w, Math.min(max, d - 1)));
  }
  return d <= max ? 6 + d : -1;
}

/** The best `limit` rows for a query: by match quality, then provinsi, kab/kota, kecamatan before desa, then by name. Exact
 * and prefix matches come before spacing-free ones, and those before matches with typing errors. */
export function searchAreas(index: SearchIndex, query: string, limit = 10): SearchRow[] {
  return areaHits(index, query)
    .slice(0, limit)
    .map((h) => h.row);
}

type AreaHit = { row: SearchRow; s: number; isCode: boolean };
const LEVEL_RANK = { p: 0, b: 0, k: 1, d: 3 } as const;

/** Every area matching a query with its score, best first. */
function areaHits(index: SearchIndex, query: string): AreaHit[] {
  const isCode = /^[\d.]+$/.test(query.trim());
  const q = isCode ? query.trim() : normaliseName(query);
  if (!q) return [];
  const prep = prepare(index.rows);
  const hits: AreaHit[] = [];
  index.rows.forEach((row, i) => {
    const s = matchScore(row, q, prep[i]);
    if (s >= 0) hits.push({ row, s, isCode });
  });
  const byCode = (a: SearchRow, b: SearchRow) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  hits.sort((a, b) =>
    isCode ? byCode(a.row, b.row) : a.s - b.s || LEVEL_RANK[a.row[4]] - LEVEL_RANK[b.row[4]] || a.row[1].localeCompare(b.row[1], 'id'),
  );
  return hits;
}

/** The pseudo area rows an indicator is matched by: one per language name, with no code. */
const indicatorForms = new WeakMap<readonly IndicatorRow[], { row: SearchRow; p: Prepared }[][]>();
function indicatorRows(ind: readonly IndicatorRow[]) {
  let f = indicatorForms.get(ind);
  if (!f) {
    f = ind.map((r) =>
      [r[1], r[2]].filter(Boolean).map((name) => {
        const n = normaliseName(name);
        const row: SearchRow = ['', name, n, '', 'k', ''];
        return { row, p: prepareRow(row) };
      }),
    );
    indicatorForms.set(ind, f);
  }
  return f;
}

/** One result of the search box: an area, or an indicator (its map view and its definition). */
export type SearchHit = { kind: 'area'; row: SearchRow } | { kind: 'indicator'; row: IndicatorRow };

/**
 * The best results for a query over areas and indicators, at most `limit` of them counting an indicator as two (the
 * box offers its map view and its definition). An indicator matches by either language's name, scored like an area;
 * at equal score it comes after the kabupaten and kecamatan and before the desa. A code query finds areas only.
 */
export function searchIndex(index: SearchIndex, query: string, limit = 10): SearchHit[] {
  const areas = areaHits(index, query);
  const ind = index.ind ?? [];
  const q = normaliseName(query);
  const found: { row: IndicatorRow; s: number }[] = [];
  if (q && ind.length && !/^[\d.]+$/.test(query.trim())) {
    indicatorRows(ind).forEach((forms, i) => {
      const s = Math.min(...forms.map((f) => matchScore(f.row, q, f.p)).map((x) => (x < 0 ? Infinity : x)));
      if (s !== Infinity) found.push({ row: ind[i], s });
    });
  }
  const merged: ({ s: number; rank: number; name: string; hit: SearchHit })[] = [
    ...areas.map((h, i) => ({ s: h.isCode ? i : h.s, rank: h.isCode ? 0 : LEVEL_RANK[h.row[4]], name: h.row[1], hit: { kind: 'area' as const, row: h.row } })),
    ...found.map((h) => ({ s: h.s, rank: 2, name: h.row[1], hit: { kind: 'indicator' as const, row: h.row } })),
  ];
  merged.sort((a, b) => a.s - b.s || a.rank - b.rank || a.name.localeCompare(b.name, 'id'));
  const out: SearchHit[] = [];
  let used = 0;
  for (const m of merged) {
    const cost = m.hit.kind === 'indicator' ? 2 : 1;
    if (used + cost > limit) continue;
    out.push(m.hit);
    used += cost;
  }
  return out;
}
