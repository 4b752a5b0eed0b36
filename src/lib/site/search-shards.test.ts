import { describe, expect, it } from 'vitest';
import { readAreaListText, readRegistry } from '../../../scripts/lib/areas-file.ts';
import { allAreas, parseRegistry } from '../areas.ts';
import { COVERAGE_INDICATORS } from '../indicators/coverage-defs.ts';
import { provinceDemoRegistry } from '../demo/province.ts';
import type { Area } from '../types.ts';
import type { AreaJson } from './contract.ts';
import { buildSearchIndex, indexedIndicators, searchAreas, searchIndex } from './search-index.ts';
import {
  buildSearchShards,
  createShardedSearch,
  expandShard,
  parseShardMinAreas,
  queryShardKeys,
  rowShardKeys,
  SEARCH_SHARD_MIN_AREAS,
  searchFiles,
  searchMode,
  ShardedIndex,
  type SearchShard,
} from './search-shards.ts';

const toJson = (a: Pick<Area, 'code' | 'name' | 'level' | 'parent' | 'kind'>): AreaJson => ({ ...a, lokus: [] });
const bwi = readRegistry('35.10');
const banyuwangi: AreaJson[] = [bwi.region, ...bwi.kecamatan, ...bwi.desa].map(toJson).sort((a, b) => (a.code < b.code ? -1 : 1));
const areaList = readAreaListText();
const jatim = provinceDemoRegistry(areaList, '35');
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

describe('sharded search of a province site (region 35: the province, its kab/kota, kecamatan and desa)', () => {
  const site: AreaJson[] = allAreas(parseRegistry(areaList, '35')).map(toJson);
  const zscore = [{ id: 'stunting', label: { id: 'Stunting (pendek dan sangat pendek, TB/U < -2 SD)', en: 'Stunting (height-for-age < -2 SD)' } }];
  const indicators = indexedIndicators(zscore, COVERAGE_INDICATORS);
  const { manifest, shards } = buildSearchShards(site, indicators);
  const whole = buildSearchIndex(site, indicators);
  /** The one-file answer over the areas of the query's shards: what the sharded search must give. */
  const restricted = (q: string) => {
    const keys = queryShardKeys(q)!;
    return searchIndex({ ...whole, rows: whole.rows.filter((r) => rowShardKeys(r).some((k) => keys.includes(k))) }, q);
  };

  it('expands back to the one-file rows, with the kab/kota of every kecamatan and desa and the province as p', () => {
    const byCode = new Map(whole.rows.map((r) => [r[0], r]));
    const seen = new Set<string>();
    for (const s of shards.values()) {
      for (const row of expandShard(s)) {
        expect(row).toEqual(byCode.get(row[0]));
        seen.add(row[0]);
      }
      // A shard names only the kab/kota of its own rows.
      expect(Object.keys(s.kab ?? {}).every((k) => s.rows.some((r) => r[0].startsWith(`${k}.`)))).toBe(true);
    }
    expect(seen.size).toBe(site.length);
    expect(byCode.get('35')?.[4]).toBe('p');
    const kec = whole.rows.filter((r) => r[4] === 'k');
    const desa = whole.rows.filter((r) => r[4] === 'd');
    expect(kec.every((r) => r[3] === '' && /^(Kabupaten|Kota) /.test(r[6] ?? ''))).toBe(true);
    expect(desa.every((r) => r[3] !== '' && /^(Kabupaten|Kota) /.test(r[6] ?? ''))).toBe(true);
    // The indicators travel in the manifest, as `ind` does in the one file.
    expect(manifest.ind).toEqual(whole.ind);
  });

  it('lists namesakes with their kab/kota, and finds one by "desa kab/kota" words, loading its shards only', async () => {
    const wonosari = searchAreas(whole, 'wonosari').filter((r) => r[1] === 'Wonosari');
    expect(new Set(wonosari.map((r) => r[6])).size).toBeGreaterThan(3);
    const fetched: string[] = [];
    const search = createShardedSearch(manifest, async (k) => (fetched.push(k), shards.get(k)!));
    const hits = await search.hits('wonosari bondowoso');
    expect(fetched.sort()).toEqual(['b', 'w']);
    expect(hits).toEqual(restricted('wonosari bondowoso'));
    // Kecamatan Wonosari first, then the desa of Bondowoso only, among them both desa Wonosari. (The whole index also
    // lists the other desa of kecamatan Wonosari, by their kecamatan's name: those are in other shards.)
    const rows = hits.flatMap((h) => (h.kind === 'area' ? [h.row] : []));
    expect([rows[0][0], rows[0][4]]).toEqual(['35.11.09', 'k']);
    expect(rows.every((r) => r[6] === 'Kabupaten Bondowoso')).toBe(true);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['35.11.06.2007', '35.11.09.2011']));
  });

  it('finds indicators from the manifest without loading every shard', async () => {
    for (const q of ['stunting', 'imunisasi']) {
      const fetched: string[] = [];
      const search = createShardedSearch(manifest, async (k) => (fetched.push(k), shards.get(k)!));
      const hits = await search.hits(q);
      expect(hits.some((h) => h.kind === 'indicator'), q).toBe(true);
      expect(hits, q).toEqual(restricted(q));
      expect(fetched, q).toEqual([q[0]]);
      // The indicators rank as in the whole index (which may add a first-letter typo such as desa Gunting).
      const ind = (h: typeof hits) => h.filter((x) => x.kind === 'indicator');
      expect(ind(hits), q).toEqual(ind(searchIndex(whole, q)));
    }
  });

  it('retries a shard whose fetch failed', async () => {
    let fail = true;
    const search = createShardedSearch(manifest, async (k) => {
      if (fail) throw new Error('offline');
      return shards.get(k)!;
    });
    await expect(search.hits('tampo')).rejects.toThrow('offline');
    fail = false;
    expect((await search.hits('tampo')).length).toBeGreaterThan(0);
  });
});

describe('which search files a site gets', () => {
  it('reads SEARCH_SHARD_MIN_AREAS: default 1,500, 0 = always, anything but a whole number refused', () => {
    expect(SEARCH_SHARD_MIN_AREAS).toBe(1500);
    expect(parseShardMinAreas(undefined)).toBe(1500);
    expect(parseShardMinAreas('')).toBe(1500);
    expect(parseShardMinAreas('0')).toBe(0);
    expect(parseShardMinAreas(' 200 ')).toBe(200);
    for (const bad of ['-1', '1.5', 'many']) expect(() => parseShardMinAreas(bad), bad).toThrow('SEARCH_SHARD_MIN_AREAS');
    expect(searchMode(banyuwangi.length, 1500)).toBe('one-file');
    expect(searchMode(1500, 1500)).toBe('shards');
    expect(searchMode(banyuwangi.length, 0)).toBe('shards');
  });

  it('one file for a kab/kota (as before), the manifest and one file per shard otherwise', () => {
    const one = searchFiles(banyuwangi, [], 'one-file');
    expect([...one.keys()]).toEqual(['search-index']);
    expect(JSON.stringify(one.get('search-index'))).toBe(JSON.stringify(buildSearchIndex(banyuwangi)));
    const sharded = searchFiles(banyuwangi, [], 'shards');
    const { manifest } = buildSearchShards(banyuwangi);
    expect([...sharded.keys()]).toEqual(['search/keys', ...Object.keys(manifest.rows).map((k) => `search/${k}`)]);
    expect(sharded.get('search/keys')).toEqual(manifest);
  });
});
