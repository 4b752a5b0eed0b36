/**
 * Build-time page data shared by the route files: the area paths for getStaticPaths and the per-page selections
 * (surveys to draw, targets in a language). Reads through load.ts; the calculations are in src/lib/site.
 */
import type { IndicatorId } from '../lib/types.ts';
import type { Meta, SurveySeries } from '../lib/site/contract.ts';
import { pick, type Lang } from '../lib/site/i18n.ts';
import { loadAreas, loadMeta, loadSurveys } from './load.ts';

/** getStaticPaths entries for every area page: `{ params: { kode }, props: { code } }`. */
export function areaPaths(): { params: { kode: string }; props: { code: string } }[] {
  return loadAreas().map((a) => ({ params: { kode: a.code }, props: { code: a.code } }));
}

/** The headline indicator of the site. */
export const MAIN_INDICATOR: IndicatorId = 'stunting';

/** meta.targets for the trend chart: a short label on the chart ("Target 2024") and the full one for the caption. */
export function targetsFor(meta: Meta, lang: Lang): { year: number; value: number; label: string; long: string }[] {
  return (meta.targets ?? []).map((t) => ({ year: t.year, value: t.value, label: `Target ${t.year}`, long: pick(t.label, lang) }));
}

/** Survey series to draw, SSGI and SKI of one area merged into one line (SKI 2023 took SSGI's place that year):
 * the region's own surveys, and when `context` also its officially reported routine figures, the province and
 * Indonesia. */
export function surveysFor(meta: Meta, context: boolean): SurveySeries[] {
  const merged = mergeSurveySeries(loadSurveys());
  const own = merged.filter((s) => s.code === meta.region.code && (context || isSurvey(s.source)));
  if (!context) return own;
  const prov = meta.region.province?.code;
  const pr = prov ? merged.filter((s) => s.code === prov && isSurvey(s.source)) : [];
  const nat = merged.filter((s) => (s.level === 'nasional' || s.code === '0') && isSurvey(s.source));
  return [...own, ...pr, ...nat];
}

/** True for the representative household surveys (SSGI, SKI, Riskesdas), false for reported routine figures. */
export function isSurvey(source: string): boolean {
  return /SSGI|SKI|Riskesdas/i.test(source);
}

/** Merges the SSGI and SKI series of the same area into one `SSGI/SKI` series, keeping each point's source. */
export function mergeSurveySeries(all: readonly SurveySeries[]): SurveySeries[] {
  const out = new Map<string, SurveySeries>();
  for (const s of all) {
    const key = `${s.code}|${isSurvey(s.source) ? 'survey' : s.source}`;
    const name = isSurvey(s.source) ? 'SSGI/SKI' : s.source;
    const cur = out.get(key) ?? { level: s.level, code: s.code, name: s.name, source: name, points: [] };
    for (const p of s.points) cur.points.push({ ...p, source: s.source });
    cur.points.sort((a, b) => a.year - b.year);
    out.set(key, cur);
  }
  return [...out.values()];
}
