/**
 * Page shards: a large site's pages built by several `astro build` processes at once, one per core (Astro renders the
 * pages of one build on one thread). Each process gets `PAGE_SHARD=<i>/<n>` and keeps, in every getStaticPaths, only
 * the paths whose key falls in shard i; pages without parameters (the overview, methodology...) are built by every
 * shard, identically. scripts/build-site.ts merges the shards' folders. Without PAGE_SHARD every path is kept.
 */

/** Shard `index` of `count` (0 ≤ index < count). */
export interface PageShard {
  index: number;
  count: number;
}

/** `"1/2"` → shard 1 of 2; undefined or empty → null (no sharding); anything else is an error naming the value. */
export function parsePageShard(raw: string | undefined): PageShard | null {
  if (raw === undefined || raw === '') return null;
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) throw new Error(`PAGE_SHARD must be <index>/<count> with 0 ≤ index < count, got "${raw}"`);
  return { index, count };
}

/** FNV-1a of a string: a stable, even spread of page keys over the shards. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** True when the page with this key belongs to the shard (always, without a shard). */
export function inPageShard(key: string, shard: PageShard | null): boolean {
  return shard === null || fnv1a(key) % shard.count === shard.index;
}

/** The getStaticPaths entries of one shard, keyed by their parameters. */
export function shardPaths<T extends { params: Record<string, string | undefined> }>(paths: readonly T[], shard: PageShard | null): T[] {
  if (shard === null) return [...paths];
  return paths.filter((p) => inPageShard(JSON.stringify(p.params), shard));
}
