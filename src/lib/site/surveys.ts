/**
 * Survey series for display: SSGI and SKI of one area merged into one line (SKI 2023 took SSGI's place that year),
 * officially reported routine figures kept apart. Pure.
 */
import type { SurveySeries } from './contract.ts';

/** True for the representative household surveys (SSGI, SKI, Riskesdas), false for reported routine figures. */
export function isSurvey(source: string): boolean {
  return /SSGI|SKI|Riskesdas/i.test(source);
}

/** Merges the SSGI and SKI series of the same area into one `SSGI/SKI` series, keeping each point's source. */
export function mergeSurveySeries(all: readonly SurveySeries[]): SurveySeries[] {
  const out = new Map<string, SurveySeries>();
  for (const s of all) {
    const survey = isSurvey(s.source);
    const key = `${s.code}|${survey ? 'survey' : s.source}`;
    const cur = out.get(key) ?? { level: s.level, code: s.code, name: s.name, source: survey ? 'SSGI/SKI' : s.source, points: [] };
    for (const p of s.points) cur.points.push({ ...p, source: s.source });
    cur.points.sort((a, b) => a.year - b.year);
    out.set(key, cur);
  }
  return [...out.values()];
}

/** The series a chart draws: the region's own surveys and, when `context`, its reported figures, the province and
 * Indonesia (in that order). */
export function selectSurveys(all: readonly SurveySeries[], regionCode: string, provinceCode: string | null, context: boolean): SurveySeries[] {
  const merged = mergeSurveySeries(all);
  const own = merged.filter((s) => s.code === regionCode && (context || isSurvey(s.source)));
  if (!context) return own;
  const pr = provinceCode ? merged.filter((s) => s.code === provinceCode && isSurvey(s.source)) : [];
  const nat = merged.filter((s) => (s.level === 'nasional' || s.code === '0') && isSurvey(s.source));
  return [...own, ...pr, ...nat];
}

/** What a trend chart shows of the survey file: `chart` = the lines drawn (the region's own SSGI/SKI and, only for
 * real data with `context`, its officially reported e-PPGBM figures), `table` = every series listed in the table
 * under the chart (the drawn ones, then, with `context`, the reported figures, the province and Indonesia). Reported
 * routine figures are never drawn beside a synthetic routine line: the comparison would be false. */
export function surveyPlan(
  all: readonly SurveySeries[],
  regionCode: string,
  provinceCode: string | null,
  o: { context: boolean; synthetic: boolean },
): { chart: SurveySeries[]; table: SurveySeries[] } {
  const everything = selectSurveys(all, regionCode, provinceCode, o.context);
  const chart = everything.filter((s) => s.code === regionCode && (isSurvey(s.source) || !o.synthetic));
  const table = [...chart, ...everything.filter((s) => !chart.includes(s))];
  return { chart, table };
}
