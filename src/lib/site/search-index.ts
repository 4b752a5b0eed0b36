/**
 * The area search index (built once at site build, fetched lazily by the search box) and the matching function the
 * browser runs on it. Compact: one row per area as an array, the URL is language-free (the client adds base and
 * language). Pure, shared by the build and the browser.
 */
import type { AreaJson } from './contract.ts';

/** One index row: [code, name, normalised name ('' when it is just the name in lower case), kecamatan name ('' for a
 * kecamatan), level initial, url path]. */
export type SearchRow = [code: string, name: string, norm: string, kecamatan: string, level: 'b' | 'k' | 'd', url: string];

/** The index file. */
export interface SearchIndex {
  v: 1;
  rows: SearchRow[];
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

/** The search index for a list of areas (kabupaten, kecamatan, desa), in code order. */
export function buildSearchIndex(areas: readonly AreaJson[]): SearchIndex {
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const rows: SearchRow[] = areas.map((a) => [
    a.code,
    a.name,
    normaliseName(a.name) === a.name.toLowerCase() ? '' : normaliseName(a.name),
    a.level === 'desa' && a.parent ? (names.get(a.parent) ?? '') : '',
    a.level === 'kabupaten' ? 'b' : a.level === 'kecamatan' ? 'k' : 'd',
    areaPath(a.code),
  ]);
  return { v: 1, rows };
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
  /** Normalised kecamatan name. */
  k: string;
}

/** The matching forms of one row. */
export function prepareRow(r: SearchRow): Prepared {
  const n = r[2] || r[1].toLowerCase();
  return { n, c: fold(n.replace(/ /g, '')), w: n.split(' ').map(fold), k: normaliseName(r[3]) };
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
 * 0 exact name, 1 name prefix, 2 word prefix, 3 substring, 4 code or "desa kecamatan" words;
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
    // "genteng kembiritan": every word found in the name or in the kecamatan name
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

/** The best `limit` rows for a query: by match quality, then kabupaten/kecamatan before desa, then by name. Exact
 * and prefix matches come before spacing-free ones, and those before matches with typing errors. */
export function searchAreas(index: SearchIndex, query: string, limit = 10): SearchRow[] {
  const isCode = /^[\d.]+$/.test(query.trim());
  const q = isCode ? query.trim() : normaliseName(query);
  if (!q) return [];
  const prep = prepare(index.rows);
  const hits: { row: SearchRow; s: number }[] = [];
  index.rows.forEach((row, i) => {
    const s = matchScore(row, q, prep[i]);
    if (s >= 0) hits.push({ row, s });
  });
  const lv = { b: 0, k: 1, d: 2 } as const;
  const byCode = (a: SearchRow, b: SearchRow) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  hits.sort((a, b) =>
    isCode ? byCode(a.row, b.row) : a.s - b.s || lv[a.row[4]] - lv[b.row[4]] || a.row[1].localeCompare(b.row[1], 'id'),
  );
  return hits.slice(0, limit).map((h) => h.row);
}
