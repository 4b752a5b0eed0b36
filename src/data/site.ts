/**
 * Build-time page data shared by the route files: the area paths for getStaticPaths and the per-page selections
 * (surveys to draw, targets in a language). Reads through load.ts; the calculations are in src/lib/site.
 */
import { DEFAULT_INDICATOR } from '../lib/indicators/default.ts';
import type { IndicatorId } from '../lib/types.ts';
import type { Meta, SurveySeries } from '../lib/site/contract.ts';
import { pick, type Lang } from '../lib/site/i18n.ts';
import { surveyPlan } from '../lib/site/surveys.ts';
import { parseShardMinAreas, searchMode, type SearchMode } from '../lib/site/search-shards.ts';
import { hasContractFile, loadAreas, loadCoverageMeta, loadMeta, loadSurveys } from './load.ts';
import { coverageAreaPath } from '../lib/publish/coverage.ts';
import { parsePageShard, shardPaths } from '../lib/site/page-shard.ts';

/** The page shard of this build process (PAGE_SHARD, set by scripts/build-site.ts), or null: every page. */
const PAGE_SHARD = parsePageShard(process.env.PAGE_SHARD);

/** The getStaticPaths entries this build process renders (src/lib/site/page-shard.ts): every route with parameters
 * passes its paths through this. */
export function ownPaths<T extends { params: Record<string, string | undefined> }>(paths: readonly T[]): T[] {
  return shardPaths(paths, PAGE_SHARD);
}

const allAreaPaths = () => loadAreas().map((a) => ({ params: { kode: a.code }, props: { code: a.code } }));

/** getStaticPaths entries for every area page: `{ params: { kode }, props: { code } }`. */
export function areaPaths(): { params: { kode: string }; props: { code: string } }[] {
  return ownPaths(allAreaPaths());
}

/** getStaticPaths entries of the convergence embeds: every area with a convergence file (none without convergence
 * figures). */
export function coverageAreaPaths(): { params: { kode: string }; props: { code: string } }[] {
  if (!loadCoverageMeta()?.periods.length) return [];
  return areaPaths().filter((p) => hasContractFile(coverageAreaPath(p.props.code)));
}

/** The site's search files: one file, or shards from SEARCH_SHARD_MIN_AREAS areas (default 1,500; 0 = always). The
 * search endpoint and the search box ask this same question, so the page never points at files that were not
 * written. */
export function searchIndexMode(): SearchMode {
  return searchMode(loadAreas().length, parseShardMinAreas(process.env.SEARCH_SHARD_MIN_AREAS));
}

/** The headline indicator of the site (src/lib/indicators/default.ts). */
export const MAIN_INDICATOR: IndicatorId = DEFAULT_INDICATOR;

/** meta.targets for the trend chart: a short label on the chart ("Target 2024") and the full one for the caption. */
export function targetsFor(meta: Meta, lang: Lang): { year: number; value: number; label: string; long: string }[] {
  return (meta.targets ?? []).map((t) => ({ year: t.year, value: t.value, label: `Target ${t.year}`, long: pick(t.label, lang) }));
}

/** Survey series drawn on a trend chart (see surveyPlan): the region's own SSGI/SKI and, for real data with
 * `context`, its reported e-PPGBM figures. Province and Indonesia go to the table only (surveyTableFor). */
export function surveysFor(meta: Meta, context: boolean, code = meta.region.code): SurveySeries[] {
  return surveyPlan(loadSurveys(), code, provinceAbove(meta, code), { context, synthetic: !!meta.synthetic }).chart;
}

/** The province as the context of `code`'s surveys, or null when `code` is the province itself. */
function provinceAbove(meta: Meta, code: string): string | null {
  const p = meta.region.province?.code ?? null;
  return p === code ? null : p;
}

/** Every survey series listed in the table under a trend chart (drawn ones first, then reported, province, Indonesia). */
export function surveyTableFor(meta: Meta, context: boolean, code = meta.region.code): SurveySeries[] {
  return surveyPlan(loadSurveys(), code, provinceAbove(meta, code), { context, synthetic: !!meta.synthetic }).table;
}
