/**
 * The trend chart as geometry: from an area's series, the targets and survey series, SVG path strings, points and
 * axis ticks for a server-rendered chart. The y axis always starts at 0 (an honest scale for a prevalence), the x
 * axis is time (months), surveys are yearly points placed mid-year. Pure: the component only draws what this returns.
 */
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { area as d3area, line as d3line } from 'd3-shape';
import type { IndicatorId } from '../types.ts';
import type { SeriesJson, SurveySeries } from './contract.ts';
import { formatChange, formatCI, formatNumber, formatPercent, formatPeriod, monthShort, parsePeriod, type Lang } from './format.ts';
import { t } from './i18n.ts';

/** One routine point (one measurement round). */
export interface TrendPoint {
  period: string;
  x: number;
  /** null when the value is not published (suppressed, no data, not measured). */
  y: number | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
  status: string;
  /** "Agustus 2025: 9,0% (6,6–12,1)" for tooltips and titles. */
  label: string;
}

/** One survey series on the chart. */
export interface TrendSurvey {
  name: string;
  source: string;
  path: string;
  points: { x: number; y: number; year: number; value: number; label: string; url: string }[];
}

/** The full chart geometry. */
export interface TrendModel {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  line: string;
  band: string;
  points: TrendPoint[];
  surveys: TrendSurvey[];
  targets: { y: number; value: number; label: string; labelY: number }[];
  xTicks: { x: number; month: string; year: string | null }[];
  yTicks: { y: number; value: number; label: string }[];
  yMax: number;
  /** True when no routine value is published at all. */
  empty: boolean;
  /** What the empty chart says: "disembunyikan" when some round is suppressed, else "no data yet"; null when not
   * empty. */
  emptyText: string | null;
}

/** Options of `trendModel`. */
export interface TrendOptions {
  indicator: IndicatorId;
  lang: Lang;
  width?: number;
  height?: number;
  /** Targets to draw as horizontal reference lines. */
  targets?: { year: number; value: number; label: string }[];
  /** Survey series to draw (already chosen by the page). */
  surveys?: SurveySeries[];
  /** Show every period's month label (wide) or only every second (narrow). */
  narrow?: boolean;
}

/** UTC date of the first of a period's month. */
function periodDate(period: string): Date {
  const p = parsePeriod(period);
  return p ? new Date(Date.UTC(p.year, p.month - 1, 1)) : new Date(NaN);
}

/** Rounds a path's numbers to one decimal to keep the HTML small. */
function tidy(path: string | null): string {
  return (path ?? '').replace(/\d+\.\d+/g, (m) => String(Math.round(Number(m) * 10) / 10));
}

/** Label positions for targets, pushed apart to at least `gap` px (values close together, e.g. 14 and 14.2). */
export function spreadLabels(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = new Array<number>(ys.length);
  let prev = -Infinity;
  for (const o of order) {
    const y = Math.max(o.y, prev + gap);
    out[o.i] = y;
    prev = y;
  }
  return out;
}

type X = ScaleTime<number, number>;
type Y = ScaleLinear<number, number>;
type Margin = TrendModel['margin'];
type SeriesValue = SeriesJson['periods'][string]['indicators'][IndicatorId];

/** A coordinate rounded to one decimal. */
const r1 = (v: number) => Math.round(v * 10) / 10;
/** Mid-year of a survey year (surveys are yearly). */
const midYear = (year: number) => new Date(Date.UTC(year, 6, 1));

/** The geometry of the trend chart of one indicator for a series (periods in time order). */
export function trendModel(series: SeriesJson, periods: readonly string[], opts: TrendOptions): TrendModel {
  const { indicator, lang, narrow = false } = opts;
  const width = opts.width ?? (narrow ? 360 : 720);
  const height = opts.height ?? (narrow ? 280 : 340);
  const margin = { top: 16, right: narrow ? 12 : 118, bottom: 44, left: 40 };
  const surveysIn = opts.surveys ?? [];
  const targetsIn = opts.targets ?? [];

  const dates = periods.map(periodDate);
  const x = timeScale(dates, surveysIn, margin, width);
  const vals = periods.map((p) => series.periods[p]?.indicators?.[indicator] ?? null);
  const y = valueScale(vals, surveysIn, targetsIn, margin, height, narrow);
  const points = routinePoints(periods, vals, dates, x, y, lang);
  const surveys = surveyLines(surveysIn, x, y, lang);
  const empty = points.every((p) => p.y === null);

  return {
    width,
    height,
    margin,
    line: tidy(routineLine()(points)),
    band: tidy(intervalBand(y)(points)),
    points,
    surveys,
    targets: targetLines(targetsIn, y, lang),
    xTicks: timeTicks(periods, dates, surveys, x, lang),
    yTicks: valueTicks(y, narrow, lang),
    yMax: y.domain()[1],
    empty,
    emptyText: empty ? (points.some((p) => p.status === 'suppressed') ? t(lang, 'trendAllHidden') : t(lang, 'noData')) : null,
  };
}

/** The x scale: time over the rounds and the survey years, with half a round of padding each side so the first and
 * last points are not on the frame. */
function timeScale(dates: readonly Date[], surveys: readonly SurveySeries[], margin: Margin, width: number): X {
  const surveyDates = surveys.flatMap((s) => s.points.filter((p) => p.prevalence !== null).map((p) => midYear(p.year)));
  const all = [...dates, ...surveyDates].filter((d) => !Number.isNaN(d.getTime()));
  const t0 = new Date(Math.min(...all.map(Number)));
  const t1 = new Date(Math.max(...all.map(Number)));
  const pad = 45 * 86400000;
  return scaleUtc()
    .domain([new Date(+t0 - pad), new Date(+t1 + pad)])
    .range([margin.left, width - margin.right]);
}

/** The y scale: from 0 to a little above the highest interval, survey point or target (at least 1%), nice ticks. */
function valueScale(
  vals: readonly (SeriesValue | null)[],
  surveys: readonly SurveySeries[],
  targets: readonly { value: number }[],
  margin: Margin,
  height: number,
  narrow: boolean,
): Y {
  const maxVal = Math.max(
    1,
    ...vals.map((v) => v?.ci_high ?? v?.prevalence ?? 0),
    ...surveys.flatMap((s) => s.points.map((p) => p.prevalence ?? 0)),
    ...targets.map((t) => t.value),
  );
  return scaleLinear().domain([0, maxVal * 1.08]).nice(narrow ? 4 : 5).range([height - margin.bottom, margin.top]);
}

/** One point per round; y and the figures are null where the value is not published. */
function routinePoints(periods: readonly string[], vals: readonly (SeriesValue | null)[], dates: readonly Date[], x: X, y: Y, lang: Lang): TrendPoint[] {
  return periods.map((p, i) => {
    const v = vals[i];
    const ok = v && v.status === 'ok' && v.prevalence !== null;
    return {
      period: p,
      x: r1(x(dates[i])),
      y: ok ? r1(y(v.prevalence!)) : null,
      value: ok ? v.prevalence : null,
      ciLow: ok ? v.ci_low : null,
      ciHigh: ok ? v.ci_high : null,
      n: ok ? v.n : null,
      status: v?.status ?? 'no_data',
      label: `${formatPeriod(p, lang)}: ${ok ? formatCI(v.prevalence, v.ci_low, v.ci_high, lang) : v?.status === 'suppressed' ? t(lang, 'trendHidden') : '–'}`,
    };
  });
}

/** The routine line, broken at unpublished rounds. (A function, not a module-level generator, so browser bundles
 * that import only spreadLabels from this module can drop it.) */
function routineLine() {
  return d3line<TrendPoint>()
    .defined((d) => d.y !== null)
    .x((d) => d.x)
    .y((d) => d.y!);
}

/** The 95% interval band, broken where there is no interval. */
function intervalBand(y: Y) {
  return d3area<TrendPoint>()
    .defined((d) => d.ciLow !== null && d.ciHigh !== null)
    .x((d) => d.x)
    .y0((d) => y(d.ciLow!))
    .y1((d) => y(d.ciHigh!));
}

/** Each survey series as a line through its published yearly points, placed mid-year. */
function surveyLines(surveys: readonly SurveySeries[], x: X, y: Y, lang: Lang): TrendSurvey[] {
  return surveys.map((s) => {
    const pts = s.points
      .filter((p) => p.prevalence !== null)
      .sort((a, b) => a.year - b.year)
      .map((p) => ({
        x: r1(x(midYear(p.year))),
        y: r1(y(p.prevalence!)),
        year: p.year,
        value: p.prevalence!,
        label: `${s.source} ${p.year}: ${formatPercent(p.prevalence, lang)}`,
        url: p.source_url,
      }));
    const path = d3line<{ x: number; y: number }>().x((d) => d.x).y((d) => d.y)(pts);
    return { name: s.name, source: s.source, path: tidy(path), points: pts };
  });
}

/** Target reference lines, with labels pushed apart when the values are close. */
function targetLines(targets: readonly { value: number; label: string }[], y: Y, lang: Lang): TrendModel['targets'] {
  const tY = targets.map((t) => y(t.value));
  const labelY = spreadLabels(tY, 13);
  return targets.map((t, i) => ({
    y: r1(tY[i]),
    value: t.value,
    label: `${t.label}: ${formatPercent(t.value, lang, t.value % 1 ? 1 : 0)}`,
    labelY: r1(labelY[i]),
  }));
}

/** One tick per round with the year under the first round of each year; a survey year without a round (SSGI 2021
 * before the first e-PPGBM round) gets its own year tick at mid-year. Sorted left to right. */
function timeTicks(periods: readonly string[], dates: readonly Date[], surveys: readonly TrendSurvey[], x: X, lang: Lang): TrendModel['xTicks'] {
  let lastYear = '';
  const ticks: TrendModel['xTicks'] = periods.map((p, i) => {
    const pp = parsePeriod(p);
    const yr = pp ? String(pp.year) : '';
    const tick = { x: r1(x(dates[i])), month: pp ? monthShort(pp.month, lang) : p, year: yr !== lastYear ? yr : null };
    lastYear = yr;
    return tick;
  });
  const roundYears = new Set(periods.map((p) => parsePeriod(p)?.year));
  const surveyYears = [...new Set(surveys.flatMap((s) => s.points.map((p) => p.year)))].filter((yr) => !roundYears.has(yr));
  for (const yr of surveyYears) ticks.push({ x: r1(x(midYear(yr))), month: '', year: String(yr) });
  return ticks.sort((a, b) => a.x - b.x);
}

/** The y ticks; decimals follow the tick step, so small prevalences (severe wasting, ~1%) do not get repeated
 * labels. */
function valueTicks(y: Y, narrow: boolean, lang: Lang): TrendModel['yTicks'] {
  const ticks = y.ticks(narrow ? 4 : 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const tickDigits = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  return ticks.map((v) => ({ y: r1(y(v)), value: v, label: `${formatNumber(v, lang, tickDigits)}%` }));
}

/** A plain-language description of the routine trend for the chart's text alternative, e.g.
 * "Dari 13,6% pada Februari 2022 menjadi 9,0% pada Agustus 2025 (turun 4,6 poin). Tertinggi ..., terendah ...". */
export function trendSummary(model: TrendModel, lang: Lang): string {
  const pub = model.points.filter((p) => p.value !== null);
  if (!pub.length) return t(lang, 'trendNoFigure');
  const first = pub[0];
  const last = pub[pub.length - 1];
  const f = (p: TrendPoint) => t(lang, 'trendValueIn', { value: formatPercent(p.value, lang), period: formatPeriod(p.period, lang) });
  if (pub.length === 1) return t(lang, 'trendOneFigure', { point: f(first) });
  const d = Math.round((last.value! - first.value!) * 10) / 10;
  const dir = formatChange(d, lang);
  const hi = pub.reduce((a, b) => (b.value! > a.value! ? b : a));
  const lo = pub.reduce((a, b) => (b.value! < a.value! ? b : a));
  const gaps = model.points.length - pub.length;
  const parts = [t(lang, 'trendFromTo', { first: f(first), last: f(last), change: dir }), t(lang, 'trendHighLow', { high: f(hi), low: f(lo) })];
  if (gaps) parts.push(t(lang, 'trendGaps', { n: gaps }));
  return parts.join(' ');
}

