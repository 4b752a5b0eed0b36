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

/** Match quality of a normalised query against a row: 0 exact, 1 name prefix, 2 word prefix, 3 substring, 4 kecamatan
 * name or code match; -1 no match. */
export function matchScore(row: SearchRow, q: string): number {
  if (!q) return -1;
  const n = row[2] || row[1].toLowerCase();
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.includes(` ${q}`)) return 2;
  if (n.includes(q)) return 3;
  if (row[0].startsWith(q) || row[0].replace(/\./g, '').startsWith(q.replace(/\s/g, ''))) return 4;
  const parts = q.split(' ');
  if (parts.length > 1) {
    // "genteng kembiritan": every word found in the name or in the kecamatan name
    const hay = `${n} ${normaliseName(row[3])}`;
    if (parts.every((p) => hay.includes(p))) return 4;
  }
  return -1;
}

/** The best `limit` rows for a query: by match quality, then kabupaten/kecamatan before desa, then by name. */
export function searchAreas(index: SearchIndex, query: string, limit = 10): SearchRow[] {
  const isCode = /^[\d.]+$/.test(query.trim());
  const q = isCode ? query.trim() : normaliseName(query);
  if (!q) return [];
  const hits: { row: SearchRow; s: number }[] = [];
  for (const row of index.rows) {
    const s = matchScore(row, q);
    if (s >= 0) hits.push({ row, s });
  }
  const lv = { b: 0, k: 1, d: 2 } as const;
  const byCode = (a: SearchRow, b: SearchRow) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  hits.sort((a, b) =>
    isCode ? byCode(a.row, b.row) : a.s - b.s || lv[a.row[4]] - lv[b.row[4]] || a.row[1].localeCompare(b.row[1], 'id'),
  );
  return hits.slice(0, limit).map((h) => h.row);
}
