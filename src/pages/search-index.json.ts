/** The search index as a static JSON file (`/search-index.json`), fetched by the search box on first focus. */
import { loadAreas } from '../data/load.ts';
import { buildSearchIndex } from '../lib/site/search-index.ts';

/** Serves the compact search index. */
export function GET(): Response {
  return new Response(JSON.stringify(buildSearchIndex(loadAreas())), { headers: { 'Content-Type': 'application/json' } });
}
