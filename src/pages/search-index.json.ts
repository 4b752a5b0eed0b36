/** The search index as a static JSON file (`/search-index.json`), fetched by the search box on first focus: the areas,
 * and the indicators of meta.json and konvergensi-meta.json by name. */
import { loadAreas, loadCoverageMeta, loadMeta } from '../data/load.ts';
import { buildSearchIndex, indexedIndicators } from '../lib/site/search-index.ts';

/** Serves the compact search index. */
export function GET(): Response {
  const indicators = indexedIndicators(loadMeta().indicators, loadCoverageMeta()?.indicators);
  return new Response(JSON.stringify(buildSearchIndex(loadAreas(), indicators)), { headers: { 'Content-Type': 'application/json' } });
}
