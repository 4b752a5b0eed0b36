/**
 * The search index as static JSON, fetched by the search box (src/client/search.ts): the areas, and the indicators of
 * meta.json and konvergensi-meta.json by name. A site below SEARCH_SHARD_MIN_AREAS areas (a kab/kota) gets one file,
 * `/search-index.json`, fetched whole on first focus; a larger one (a province) gets `/search/keys.json` and one
 * `/search/<key>.json` per word initial, fetched as queries need them (src/lib/site/search-shards.ts).
 */
import type { APIContext } from 'astro';
import { ownPaths, searchIndexMode } from '../data/site.ts';
import { loadAreas, loadCoverageMeta, loadMeta } from '../data/load.ts';
import { indexedIndicators } from '../lib/site/search-index.ts';
import { searchFiles } from '../lib/site/search-shards.ts';

type Props = { body: unknown };

/** The files of the site's search mode. */
export function getStaticPaths() {
  const indicators = indexedIndicators(loadMeta().indicators, loadCoverageMeta()?.indicators);
  return ownPaths([...searchFiles(loadAreas(), indicators, searchIndexMode())].map(([search, body]) => ({ params: { search }, props: { body } })));
}

/** Serves one search file. */
export function GET({ props }: APIContext<Props>): Response {
  return new Response(JSON.stringify(props.body), { headers: { 'Content-Type': 'application/json' } });
}
