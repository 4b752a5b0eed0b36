import { describe, expect, it } from 'vitest';
import { readAreaListText, readRegistry } from '../../../scripts/lib/areas-file.ts';
import { provinceDemoRegistry } from '../demo/province.ts';
import type { Area } from '../types.ts';
import type { AreaJson } from './contract.ts';
import { buildSearchIndex, searchAreas } from './search-index.ts';
import { buildSearchShards, createShardedSearch, expandShard, queryShardKeys, rowShardKeys, ShardedIndex, type SearchShard } from './search-shards.ts';

const toJson = (a: Pick<Area, 'code' | 'name' | 'level' | 'parent' | 'kind'>): AreaJson => ({ ...a, lokus: [] });
const bwi = readRegistry('35.10');
const banyuwangi: AreaJson[] = [bwi.region, ...bwi.kecamatan, ...bwi.desa].map(toJson).sort((a, b) => (a.code < b.code ? -1 : 1));
const jatim = provinceDemoRegistry(readAreaListText(), '35');
const province: AreaJson[] = [...jatim.kabupaten!.map((k) => ({ ...k, parent: null })), ...jatim.kecamatan, ...jatim.desa]
  .map(toJson)
  .sort((a, b) => (a.code < b.code ? -1 : 1));

/** A sharded index with every shard loaded. */
function fullyLoaded(areas: AreaJson[]): ShardedIndex {
  const { manifest, shards } = buildSearchShards(areas);
  const ix = new ShardedIndex(manifest);
  for (const s of shards.values()) ix.add(s);
  return ix;
}

/** Loads only what the query needs (as the search box would) and answers; also returns the keys fetched. */
async function lazily(areas: AreaJson[], query: string) {
  const { manifest, shards } = buildSearchShards(areas);
  const fetched: string[] = [];
  const search = createShardedSearch(manifest, async (k) => {
    fetched.push(k);
    return JSON.parse(JSON.stringify(shards.get(k))) as SearchShard;
  });
  return { rows: await search.search(query), fetched: fetched.sort(), all: Object.keys(manifest.rows).length };
}

describe('sharded search index', () => {
  it('puts each area in the shard of each word initial, and expands back to the one-file index rows', () => {
    const { manifest, shards } = buildSearchShards(banyuwangi);
    const whole = new Map(buildSearchIndex(banyuwangi).rows.map((r) => [r[0], r]));
    const seen = new Set<string>();
    for (const s of shards.values()) {
      expect(manifest.rows[s.key]).toBe(s.rows.length);
      for (const row of expandShard(s)) {
        expect(row).toEqual(whole.get(row[0]));
        seen.add(row[0]);
        expect(row[2] || row[1].toLowerCase()).toMatch(new RegExp(`(^| )${s.key === '0' ? '\\d' : s.key}`));
      }
    }
    expect(seen.size).toBe(banyuwangi.length);
    // "Genteng Wetan" is in g and w; a kecamatan name does not decide a desa's shards.
    const gw = [...shards.values()].filter((s) => s.rows.some((r) => r[1] === 'Genteng Wetan')).map((s) => s.key);
    expect(gw).toEqual(['g', 'w']);
  });

  it('needs the shards of the query words, or every shard for a code', () => {
    expect(queryShardKeys('Tmpo')).toEqual(['t']);
    expect(queryShardKeys('genteng Kembiritan')).toEqual(['g', 'k']);
    expect(queryShardKeys('Soemberredjo')).toEqual(['s']);
    expect(queryShardKeys('35.10.01')).toBeNull();
    expect(queryShardKeys('  ')).toBeNull();
  });

  it('keeps the typo tolerance: Tmpo, gentengwetan, macanputih, loading one shard each', async () => {
    for (const [q, name] of [['Tmpo', 'Tampo'], ['gentengwetan', 'Genteng Wetan'], ['macanputih', 'Macan Putih']]) {
      const r = await lazily(banyuwangi, q);
      expect(r.rows[0][1], q).toBe(name);
      expect(r.fetched, q).toEqual([q[0].toLowerCase()]);
      expect(r.rows).toEqual(searchAreas(buildSearchIndex(banyuwangi), q));
    }
  });

  it('answers as the one-file index restricted to areas with a word starting like a query word (Jawa Timur)', () => {
    const sharded = fullyLoaded(province);
    const whole = buildSearchIndex(province);
    const queries = ['sumberejo', 'Sumberrejo', 'kota malang', 'kab malang', 'wonosari', 'pesanggaran', 'gentengwetan', 'macanputih', 'Tmpo', 'soemberredjo', 'kedungrejo', 'Srono', 'trenggalek', 'genteng kembiritan', 'rogojampi', 'tanjung perak', 'bangkalan', 'bnyuwangi', '35.78.12'];
    const differ: string[] = [];
    for (const q of queries) {
      const keys = queryShardKeys(q);
      const rows = keys ? whole.rows.filter((r) => rowShardKeys(r).some((k) => keys.includes(k))) : whole.rows;
      const got = sharded.search(q).map((r) => r[0]);
      expect(got, q).toEqual(searchAreas({ v: 1, rows }, q).map((r) => r[0]));
      if (got.join() !== searchAreas(whole, q).map((r) => r[0]).join()) differ.push(q);
    }
    // Two of the 19 differ from the whole index, both by a typo in the first letter: kecamatan Pronojiwo for "Srono"
    // and desa Angkatan (10th of 10) for "bangkalan".
    expect(differ).toEqual(['Srono', 'bangkalan']);
    expect(searchAreas(whole, 'bangkalan').map((r) => r[1])).toContain('Angkatan');
    expect(searchAreas(whole, 'Srono').map((r) => r[1])).toContain('Pronojiwo');
    expect(sharded.search('Srono').map((r) => r[1])).not.toContain('Pronojiwo');
  });

  it('falls back to every shard when the needed shards give nothing (first-letter typo, string inside a word)', async () => {
    const whole = buildSearchIndex(banyuwangi);
    for (const q of ['ronga', 'Xampo']) {
      const r = await lazily(banyuwangi, q);
      expect(r.rows.length, q).toBeGreaterThan(0);
      expect(r.rows).toEqual(searchAreas(whole, q));
      expect(r.fetched.length).toBe(r.all);
    }
    expect((await lazily(banyuwangi, 'ronga')).rows[0][1]).toBe('Sarongan');
    expect((await lazily(banyuwangi, 'zzzz')).rows).toEqual([]);
  });

  it('loads a small part of the province index for a name query', async () => {
    const r = await lazily(province, 'wonosari');
    expect(r.fetched).toEqual(['w']);
    const { shards } = buildSearchShards(province);
    const total = [...shards.values()].reduce((s, x) => s + x.rows.length, 0);
    expect(shards.get('w')!.rows.length / total).toBeLessThan(0.1);
    expect(r.rows[0][1]).toBe('Wonosari');
  });
});
