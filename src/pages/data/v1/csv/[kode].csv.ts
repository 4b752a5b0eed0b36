/**
 * One CSV per area (`/data/v1/csv/<kode>.csv`): the area's rows of the tidy stunting.csv (src/lib/share/area-csv.ts),
 * built from `series/<kode>.json`. Derived at site build time, so it is not listed in datapackage.json (whose hashes
 * the data build writes); its rows are byte-identical to the matching rows of stunting.csv (unit test).
 */
import type { APIContext } from 'astro';
import { loadMeta, loadSeries } from '../../../../data/load.ts';
import { areaPaths } from '../../../../data/site.ts';
import { areaCsv } from '../../../../lib/share/area-csv.ts';

/** One file per area. */
export function getStaticPaths() {
  return areaPaths();
}

/** The area's CSV. */
export function GET({ props }: APIContext<{ code: string }>): Response {
  return new Response(areaCsv(loadSeries(props.code), loadMeta()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
