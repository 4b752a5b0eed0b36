/**
 * The area search split into shards, for sites with thousands of areas (a province: ≈9,200). The one-file index
 * (search-index.ts) is fetched whole on first focus; here a page fetches only the shards a query needs.
 *
 * Shard key: the first letter of each word of the normalised, old-spelling-folded name (`a`-`z`, `0` for a digit).
 * An area is in the shard of every word's initial ("Genteng Wetan" in `g` and `w`). A query needs the shards of
 * its words' initials ("tmpo" → `t`; "genteng kembiritan" → `g` and `k`). The matching is search-index.ts's own
 * `searchIndex` (same scores, typo tolerance and order) on the union of those shards, so:
 * - exact, prefix, word-prefix and spacing-free matches ("gentengwetan", "macanputih") are found exactly as in the
 *   whole index, and so are typing errors after the first letter of a word ("Tmpo" → Tampo);
 * - a typing error in a word's first letter, or a string inside a word ("ronga" → Sarongan), is found only when the
 *   needed shards give no match at all (no area, no indicator): then every shard is loaded and the whole index
 *   searched (as a search engine's fuzzy match usually keeps the first letter fixed). Codes ("35.10.01") search every
 *   shard too.
 *
 * Files: `search/keys.json` (the manifest: every key with its number of rows, and the indicators, which the one-file
 * index carries as `ind`) and `search/<key>.json` per shard, rows `[code, name, normalised name or '']`; the level
 * follows from the code's shape, the URL from the code (areaPath), a desa's kecamatan name from the shard's `kec`
 * table and, on a province site, a kecamatan's or desa's kab/kota name from its `kab` table. `expandShard` gives back
 * the SearchRows of the one-file index. `searchFiles` decides which of the two forms a site gets
 * (SEARCH_SHARD_MIN_AREAS); the search box (src/client/search.ts) reads the manifest on first focus and then calls
 * `createShardedSearch(...).hits(q)`.
 */
import type { AreaJson } from './contract.ts';
import {
  areaPath,
  buildSearchIndex,
  kabkotaNames,
  kabkotaOf,
  levelInitial,
  normaliseName,
  prepareRow,
  searchAreas,
  searchIndex,
  type IndexedIndicator,
  type IndicatorRow,
  type SearchHit,
  type SearchIndex,
  type SearchRow,
} from './search-index.ts';

/** One row of a shard: code, name, normalised name ('' when it is the name in lower case). */
export type ShardRow = [code: string, name: string, norm: string];

/** One shard file. */
export interface SearchShard {
  v: 1;
  key: string;
  /** Kecamatan names by code, for the desa of this shard. */
  kec: Record<string, string>;
  /** Kab/kota names by code, for the kecamatan and desa of this shard (province sites only). */
  kab?: Record<string, string>;
  rows: ShardRow[];
}

/** The list of shards (a small file fetched first): every key and its number of rows. */
export interface ShardManifest {
  v: 1;
  rows: Record<string, number>;
  /** The indicators, as in the one-file index (absent without indicators). */
  ind?: IndicatorRow[];
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

/** Splits the areas (the region and everything below it, in code order) into shards, and writes the manifest with
 * the indicators. */
export function buildSearchShards(
  areas: readonly AreaJson[],
  indicators: readonly IndexedIndicator[] = [],
): { manifest: ShardManifest; shards: Map<string, SearchShard> } {
  const whole = buildSearchIndex(areas, indicators);
  const shards = new Map<string, SearchShard>();
  for (const r of whole.rows) {
    const kabCode = r[6] ? kabkotaOf(r[0]) : '';
    for (const key of rowShardKeys(r)) {
      let s = shards.get(key);
      if (!s) shards.set(key, (s = { v: 1, key, kec: {}, rows: [] }));
      s.rows.push([r[0], r[1], r[2]]);
      if (r[3]) s.kec[r[0].slice(0, r[0].lastIndexOf('.'))] = r[3];
      if (r[6]) (s.kab ??= {})[kabCode] = r[6];
    }
  }
  const sorted = new Map([...shards].sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest: ShardManifest = { v: 1, rows: Object.fromEntries([...sorted].map(([k, s]) => [k, s.rows.length])) };
  if (whole.ind) manifest.ind = whole.ind;
  return { manifest, shards: sorted };
}

/** The SearchRows of a shard (as buildSearchIndex would give them for the same areas). */
export function expandShard(shard: SearchShard): SearchRow[] {
  return shard.rows.map(([code, name, norm]) => {
    const lv = levelInitial(code);
    const kec = lv === 'd' ? (shard.kec[code.slice(0, code.lastIndexOf('.'))] ?? '') : '';
    const row: SearchRow = [code, name, norm, kec, lv, areaPath(code)];
    const kab = lv === 'k' || lv === 'd' ? shard.kab?.[kabkotaOf(code)] : undefined;
    if (kab) row.push(kab);
    return row;
  });
}

/** The search over shards: add shards as they arrive, ask which a query needs, search the loaded ones. */
export class ShardedIndex {
  private readonly loaded = new Map<string, SearchRow[]>();
  private readonly unions = new Map<string, SearchIndex>();
  /** The last answer of searchIndex (missing() and hits() ask the same question on every keystroke). */
  private last: { ix: SearchIndex; query: string; limit: number; hits: SearchHit[] } | null = null;

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

  /** The keys a query needs that are not loaded yet (empty: `search` and `hits` can answer it). */
  missing(query: string, limit = 10): string[] {
    const keys = queryShardKeys(query);
    const wanted = keys ? keys.filter((k) => k in this.manifest.rows) : this.keys;
    const miss = wanted.filter((k) => !this.loaded.has(k));
    if (miss.length || !keys) return miss;
    // The needed shards (and the indicators) give nothing: the whole index may (a typo in a first letter, a string
    // inside a word).
    return this.answer(this.union(wanted), query, limit).length ? [] : this.keys.filter((k) => !this.loaded.has(k));
  }

  /** The best area rows among the loaded shards the query needs (all loaded shards when those give nothing). */
  search(query: string, limit = 10): SearchRow[] {
    const keys = queryShardKeys(query);
    const wanted = (keys ?? this.keys).filter((k) => this.loaded.has(k));
    const rows = searchAreas(this.union(wanted), query, limit);
    if (rows.length || !keys) return rows;
    return searchAreas(this.union([...this.loaded.keys()]), query, limit);
  }

  /** The best areas and indicators (searchIndex) among the loaded shards the query needs, or among all loaded shards
   * when those give nothing. Areas only when the manifest has no indicators. */
  hits(query: string, limit = 10): SearchHit[] {
    const keys = queryShardKeys(query);
    const wanted = (keys ?? this.keys).filter((k) => this.loaded.has(k));
    const hits = this.answer(this.union(wanted), query, limit);
    if (hits.length || !keys) return hits;
    return this.answer(this.union([...this.loaded.keys()]), query, limit);
  }

  private answer(ix: SearchIndex, query: string, limit: number): SearchHit[] {
    const l = this.last;
    if (l && l.ix === ix && l.query === query && l.limit === limit) return l.hits;
    const hits = searchIndex(ix, query, limit);
    this.last = { ix, query, limit, hits };
    return hits;
  }

  /** The loaded rows of these shards as one index: in code order and each area once, as in the whole index, so that
   * ties fall as there; with the manifest's indicators. */
  private union(keys: string[]): SearchIndex {
    const id = [...keys].sort().join('');
    let ix = this.unions.get(id);
    if (!ix) {
      const byCode = new Map<string, SearchRow>();
      for (const k of keys) for (const r of this.loaded.get(k) ?? []) byCode.set(r[0], r);
      const rows = [...byCode.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      ix = this.manifest.ind ? { v: 1, rows, ind: this.manifest.ind } : { v: 1, rows };
      this.unions.set(id, ix);
    }
    return ix;
  }
}

/** A search that fetches the shards a query needs (each once, a failed fetch retried by the next query) before
 * answering: what the search box calls. */
export function createShardedSearch(manifest: ShardManifest, load: (key: string) => Promise<SearchShard>) {
  const index = new ShardedIndex(manifest);
  const pending = new Map<string, Promise<void>>();
  const fetchKey = (k: string) => {
    let p = pending.get(k);
    if (!p) {
      p = load(k).then(
        (s) => index.add(s),
        (e: unknown) => {
          pending.delete(k);
          throw e;
        },
      );
      pending.set(k, p);
    }
    return p;
  };
  const ready = async (query: string, limit: number) => {
    // At most two rounds: the query's shards, then (when they give nothing) the rest.
    for (let i = 0; i < 2; i++) {
      const miss = index.missing(query, limit);
      if (!miss.length) break;
      await Promise.all(miss.map(fetchKey));
    }
  };
  return {
    index,
    /** The best area rows (as searchAreas on the whole index). */
    async search(query: string, limit = 10): Promise<SearchRow[]> {
      await ready(query, limit);
      return index.search(query, limit);
    },
    /** The best areas and indicators (as searchIndex on the whole index). */
    async hits(query: string, limit = 10): Promise<SearchHit[]> {
      await ready(query, limit);
      return index.hits(query, limit);
    },
  };
}

/** The one-file index or the shards, by the size of the site. */
export type SearchMode = 'one-file' | 'shards';

/** Default of SEARCH_SHARD_MIN_AREAS: the areas from which a site gets the sharded index. A kab/kota (Banyuwangi: 243
 * areas, 4.2 KB gzip with the indicators) keeps the one file; a province (Jawa Timur: 9,198 areas, 95.5 KB gzip in
 * one file) gets shards. */
export const SEARCH_SHARD_MIN_AREAS = 1500;

/** The threshold from the environment variable's value: a whole number ≥ 0 (0: always shards), the default when unset
 * or empty; anything else throws. */
export function parseShardMinAreas(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return SEARCH_SHARD_MIN_AREAS;
  if (!/^\d+$/.test(value.trim())) throw new Error(`SEARCH_SHARD_MIN_AREAS=${JSON.stringify(value)}: expected a whole number of areas (0 = always shard)`);
  return Number(value.trim());
}

/** Which search files a site of `areaCount` areas gets. */
export function searchMode(areaCount: number, minAreas: number): SearchMode {
  return areaCount >= minAreas ? 'shards' : 'one-file';
}

/** The search files of a site, by path without `.json` under the site's root: `search-index` (one file), or
 * `search/keys` and `search/<key>` per shard. */
export function searchFiles(areas: readonly AreaJson[], indicators: readonly IndexedIndicator[], mode: SearchMode): Map<string, SearchIndex | ShardManifest | SearchShard> {
  if (mode === 'one-file') return new Map([['search-index', buildSearchIndex(areas, indicators)]]);
  const { manifest, shards } = buildSearchShards(areas, indicators);
  return new Map<string, ShardManifest | SearchShard>([['search/keys', manifest], ...[...shards].map(([k, s]): [string, SearchShard] => [`search/${k}`, s])]);
}
