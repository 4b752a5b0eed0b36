/**
 * `npm run bench:search`: sizes and lookup times of the area search for Banyuwangi (one kab/kota, 243 areas) and
 * Jawa Timur (the province, 38 kab/kota, 666 kecamatan, 8,494 desa: 9,199 areas), one-file index (search-index.ts) against the
 * sharded one (search-shards.ts). The areas are a site's: the region and everything below it (for the province, its
 * row and the kab/kota name of every kecamatan and desa), with the indicators' names (z-score prevalences and
 * convergence indicators, in the one file's `ind` or the manifest). Sizes are the JSON files as the build writes
 * them, gzip -9. Times are the median over repeated runs of a fixed list of queries, in this Node process (a browser
 * is slower by a small factor). A benchmark, not a test: nothing here asserts.
 */
import { gzipSync } from 'node:zlib';
import { readAreaListText, readRegistry } from './lib/areas-file.ts';
import { allAreas, parseRegistry } from '../src/lib/areas.ts';
import { COVERAGE_INDICATORS } from '../src/lib/indicators/coverage-defs.ts';
import { ZSCORE_DEFINITIONS } from '../src/lib/indicators/zscore-defs.ts';
import type { AreaJson } from '../src/lib/site/contract.ts';
import { buildSearchIndex, indexedIndicators, searchIndex } from '../src/lib/site/search-index.ts';
import { buildSearchShards, queryShardKeys, ShardedIndex } from '../src/lib/site/search-shards.ts';
import type { Area } from '../src/lib/types.ts';

const QUERIES = ['Tmpo', 'gentengwetan', 'macanputih', 'sumberejo', 'kota malang', 'wonosari', 'genteng kembiritan', 'rogojampi', 'bnyuwangi', 'kedungrejo', 'sr', 'pesanggaran'];
const toJson = (a: Pick<Area, 'code' | 'name' | 'level' | 'parent' | 'kind'>): AreaJson => ({ ...a, lokus: [] });
const INDICATORS = indexedIndicators(ZSCORE_DEFINITIONS, COVERAGE_INDICATORS);
const gz = (o: unknown) => gzipSync(JSON.stringify(o), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Median time (ms) of running every query once, over `reps` repetitions (after one warm-up). */
function timeQueries(run: (q: string) => unknown, reps = 15): number {
  for (const q of QUERIES) run(q);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    for (const q of QUERIES) run(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(reps / 2)] / QUERIES.length;
}

function report(label: string, areas: AreaJson[]): void {
  const whole = buildSearchIndex(areas, INDICATORS);
  const { manifest, shards } = buildSearchShards(areas, INDICATORS);
  const sizes = [...shards.values()].map((s) => ({ key: s.key, rows: s.rows.length, gz: gz(s) })).sort((a, b) => a.gz - b.gz);
  const med = sizes[Math.floor(sizes.length / 2)];
  const total = sizes.reduce((t, s) => t + s.gz, 0);
  // What a query fetches: the manifest plus its shards (the union for a multi-word query).
  const first = QUERIES.map((q) => {
    const keys = queryShardKeys(q) ?? Object.keys(manifest.rows);
    return { q, bytes: gz(manifest) + keys.reduce((t, k) => t + (sizes.find((s) => s.key === k)?.gz ?? 0), 0) };
  });
  const sharded = new ShardedIndex(manifest);
  for (const s of shards.values()) sharded.add(s);
  const tWhole = timeQueries((q) => searchIndex(whole, q, 10));
  const tShard = timeQueries((q) => sharded.hits(q, 10));
  console.log(`\n${label}: ${areas.length} areas`);
  console.log(`  one file: ${kb(JSON.stringify(whole).length)} raw, ${kb(gz(whole))} gzip`);
  console.log(`  shards: ${sizes.length}, total ${kb(total)} gzip (rows in several shards: ${sizes.reduce((t, s) => t + s.rows, 0)} rows for ${areas.length} areas); manifest ${kb(gz(manifest))}`);
  console.log(`  per shard gzip: min ${kb(sizes[0].gz)} (${sizes[0].key}), median ${kb(med.gz)} (${med.key}), max ${kb(sizes[sizes.length - 1].gz)} (${sizes[sizes.length - 1].key}, ${sizes[sizes.length - 1].rows} rows)`);
  console.log(`  fetched by a query (manifest + shards): ${first.map((f) => `${f.q} ${kb(f.bytes)}`).join('; ')}`);
  console.log(`  lookup (median per query, index in memory): one file ${tWhole.toFixed(2)} ms, sharded ${tShard.toFixed(2)} ms`);
}

report('Banyuwangi (35.10)', allAreas(readRegistry('35.10')).map(toJson));
report('Jawa Timur (35)', allAreas(parseRegistry(readAreaListText(), '35')).map(toJson));
