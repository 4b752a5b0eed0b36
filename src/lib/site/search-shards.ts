/**
 * The area search split into shards, for sites with thousands of areas (a province: ≈9,200). The one-file index
 * (search-index.ts) is fetched whole on first focus; here a page fetches only the shards a query needs.
 *
 * Shard key: the first letter of each word of the normalised, old-spelling-folded name (`a`-`z`, `0` for a digit).
 * An area is in the shard of every word's initial ("Genteng Wetan" in `g` and `w`). A query needs the shards of
 * its words' initials ("tmpo" → `t`; "genteng kembiritan" → `g` and `k`). The matching is search-index.ts's own
 * `searchAreas` (same scores, typo tolerance and order) on the union of those shards, so:
 * - exact, prefix, word-prefix and spacing-free matches ("gentengwetan", "macanputih") are found exactly as in the
 *   whole index, and so are typing errors after the first letter of a word ("Tmpo" → Tampo);
 * - a typing error in a word's first letter, or a string inside a word ("ronga" → Sarongan), is found only when the
 *   needed shards give no match at all: then every shard is loaded and the whole index searched (as a search
 *   engine's fuzzy match usually keeps the first letter fixed). Codes ("35.10.01") search every shard too.
 *
 * Shard format: rows `[code, name, normalised name or '']`; the level follows from the code's shape, the URL from
 * the code (areaPath), a desa's kecamatan name from the shard's `kec` table. `expandShard` gives back SearchRows.
 *
 * Wiring (not done yet, it needs the province build): the build writes `search/<key>.json` for each key of
 * `buildSearchShards(areas).shards` and `search/keys.json` (the manifest); the search box replaces
 * `searchAreas(index, q)` by `await shardedSearch.search(q)` where
 * `shardedSearch = createShardedSearch(manifest, (key) => fetch(`${base}search/${key}.json`).then((r) => r.json()))`.
 */
import { levelOfCode } from '../areas.ts';
import type { AreaJson } from './contract.ts';
import { areaPath, normaliseName, prepareRow, searchAreas, type SearchRow } from './search-index.ts';

/** One row of a shard: code, name, normalised name ('' when it is the name in lower case). */
export type ShardRow = [code: string, name: string, norm: string];

/** One shard file. */
export interface SearchShard {
  v: 1;
  key: string;
  /** Kecamatan names by code, for the desa of this shard. */
  kec: Record<string, string>;
  rows: ShardRow[];
}

/** The list of shards (a small file fetched first): every key and its number of rows. */
export interface ShardManifest {
  v: 1;
  rows: Record<string, number>;
}

/** Shard key of a word: its first letter, `0` for a digit. */
function keyOfWord(w: string): string {
  const c = w.charAt(0);
  return c >= '0' && c <= '9' ? '0' : c;
}

/** The shard keys of a SearchRow: the initials of its folded words, each once, in order of appearance. */
export function rowShardKeys(row: SearchRow): string[] {
  return [...new Set(prepareRow(row).w.filter((w) => w).map(keyOfWord))];
}

/** The shard keys a query needs, or null when it needs every shard (a code, or nothing to go by). */
export function queryShardKeys(query: string): string[] | null {
  if (/^[\d.\s]+$/.test(query.trim())) return null;
  const q = normaliseName(query);
  if (!q) return null;
  const keys = prepareRow(['', q, '', '', 'd', '']).w.filter((w) => w).map(keyOfWord);
  return keys.length ? [...new Set(keys)].sort() : null;
}

/** Splits the areas (kabupaten/kota, kecamatan, desa; in code order) into shards and their manifest. */
export function buildSearchShards(areas: readonly AreaJson[]): { manifest: ShardManifest; shards: Map<string, SearchShard> } {
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const shards = new Map<string, SearchShard>();
  for (const a of areas) {
    const norm = normaliseName(a.name) === a.name.toLowerCase() ? '' : normaliseName(a.name);
    const level = a.level === 'kabupaten' ? 'b' : a.level === 'kecamatan' ? 'k' : 'd';
    const kecName = a.level === 'desa' && a.parent ? (names.get(a.parent) ?? '') : '';
    for (const key of rowShardKeys([a.code, a.name, norm, kecName, level, ''])) {
      let s = shards.get(key);
      if (!s) shards.set(key, (s = { v: 1, key, kec: {}, rows: [] }));
      s.rows.push([a.code, a.name, norm]);
      if (kecName && a.parent) s.kec[a.parent] = kecName;
    }
  }
  const sorted = new Map([...shards].sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest: ShardManifest = { v: 1, rows: Object.fromEntries([...sorted].map(([k, s]) => [k, s.rows.length])) };
  return { manifest, shards: sorted };
}

/** The SearchRows of a shard (as buildSearchIndex would give them for the same areas). */
export function expandShard(shard: SearchShard): SearchRow[] {
  return shard.rows.map(([code, name, norm]) => {
    const level = levelOfCode(code);
    const lv = level === 'desa' ? 'd' : level === 'kecamatan' ? 'k' : 'b';
    const kec = lv === 'd' ? (shard.kec[code.slice(0, code.lastIndexOf('.'))] ?? '') : '';
    return [code, name, norm, kec, lv, areaPath(code)];
  });
}

/** The search over shards: add shards as they arrive, ask which a query needs, search the loaded ones. */
export class ShardedIndex {
  private readonly loaded = new Map<string, SearchRow[]>();
  private readonly unions = new Map<string, SearchRow[]>();

  readonly manifest: ShardManifest;

  constructor(manifest: ShardManifest) {
    this.manifest = manifest;
  }

  /** Adds a fetched shard. */
  add(shard: SearchShard): void {
    this.loaded.set(shard.key, expandShard(shard));
    this.unions.clear();
  }

  /** Every key of the manifest. */
  get keys(): string[] {
    return Object.keys(this.manifest.rows);
  }

  /** The keys a query needs that are not loaded yet (empty: `search` can answer it). */
  missing(query: string, limit = 10): string[] {
    const keys = queryShardKeys(query);
    const wanted = keys ? keys.filter((k) => k in this.manifest.rows) : this.keys;
    const miss = wanted.filter((k) => !this.loaded.has(k));
    if (miss.length || !keys) return miss;
    // The needed shards give nothing: the whole index may (a typo in a first letter, a string inside a word).
    return this.searchKeys(wanted, query, limit).length ? [] : this.keys.filter((k) => !this.loaded.has(k));
  }

  /** The best rows among the loaded shards the query needs (all loaded shards when those give nothing). */
  search(query: string, limit = 10): SearchRow[] {
    const keys = queryShardKeys(query);
    const wanted = (keys ?? this.keys).filter((k) => this.loaded.has(k));
    const hits = this.searchKeys(wanted, query, limit);
    if (hits.length || !keys) return hits;
    return this.searchKeys([...this.loaded.keys()], query, limit);
  }

  private searchKeys(keys: string[], query: string, limit: number): SearchRow[] {
    const id = [...keys].sort().join('');
    let rows = this.unions.get(id);
    if (!rows) {
      // In code order and each area once, as in the whole index, so that ties fall as there.
      const byCode = new Map<string, SearchRow>();
      for (const k of keys) for (const r of this.loaded.get(k) ?? []) byCode.set(r[0], r);
      rows = [...byCode.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.unions.set(id, rows);
    }
    return searchAreas({ v: 1, rows }, query, limit);
  }
}

/** A search that fetches the shards a query needs (each once) before answering: what the search box would call. */
export function createShardedSearch(manifest: ShardManifest, load: (key: string) => Promise<SearchShard>) {
  const index = new ShardedIndex(manifest);
  const pending = new Map<string, Promise<void>>();
  const fetchKey = (k: string) => {
    let p = pending.get(k);
    if (!p) pending.set(k, (p = load(k).then((s) => index.add(s))));
    return p;
  };
  return {
    index,
    async search(query: string, limit = 10): Promise<SearchRow[]> {
      // At most two rounds: the query's shards, then (when they give nothing) the rest.
      for (let i = 0; i < 2; i++) {
        const miss = index.missing(query, limit);
        if (!miss.length) break;
        await Promise.all(miss.map(fetchKey));
      }
      return index.search(query, limit);
    },
  };
}
