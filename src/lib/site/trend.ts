/**
 * The trend chart as geometry: from an area's series, the targets and survey series, SVG path strings, points and
 * axis ticks for a server-rendered chart. The y axis always starts at 0 (an honest scale for a prevalence), the x
 * axis is time (months), surveys are yearly points placed mid-year. Pure: the component only draws what this returns.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area as d3area, line as d3line } from 'd3-shape';
import type { IndicatorId } from '../types.ts';
import type { SeriesJson, SurveySeries } from './contract.ts';
import { formatChange, formatCI, formatNumber, formatPercent, formatPeriod, monthShort, parsePeriod, type Lang } from './format.ts';

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

/** The geometry of the trend chart of one indicator for a series (periods in time order). */
export function trendModel(series: SeriesJson, periods: readonly string[], opts: TrendOptions): TrendModel {
  const { indicator, lang, narrow = false } = opts;
  const width = opts.width ?? (narrow ? 360 : 720);
  const height = opts.height ?? (narrow ? 280 : 340);
  const margin = { top: 16, right: narrow ? 12 : 118, bottom: 44, left: 40 };
  const surveysIn = opts.surveys ?? [];
  const targetsIn = opts.targets ?? [];

  const dates = periods.map(periodDate);
  const surveyDates = surveysIn.flatMap((s) => s.points.filter((p) => p.prevalence !== null).map((p) => new Date(Date.UTC(p.year, 6, 1))));
  const all = [...dates, ...surveyDates].filter((d) => !Number.isNaN(d.getTime()));
  const t0 = new Date(Math.min(...all.map(Number)));
  const t1 = new Date(Math.max(...all.map(Number)));
  // Half a round of padding each side so the first and last points are not on the frame.
  const pad = 45 * 86400000;
  const x = scaleUtc()
    .domain([new Date(+t0 - pad), new Date(+t1 + pad)])
    .range([margin.left, width - margin.right]);

  const vals = periods.map((p) => series.periods[p]?.indicators?.[indicator] ?? null);
  const maxVal = Math.max(
    1,
    ...vals.map((v) => v?.ci_high ?? v?.prevalence ?? 0),
    ...surveysIn.flatMap((s) => s.points.map((p) => p.prevalence ?? 0)),
    ...targetsIn.map((t) => t.value),
  );
  const y = scaleLinear().domain([0, maxVal * 1.08]).nice(narrow ? 4 : 5).range([height - margin.bottom, margin.top]);
  const yMax = y.domain()[1];

  const points: TrendPoint[] = periods.map((p, i) => {
    const v = vals[i];
    const ok = v && v.status === 'ok' && v.prevalence !== null;
    return {
      period: p,
      x: Math.round(x(dates[i]) * 10) / 10,
      y: ok ? Math.round(y(v.prevalence!) * 10) / 10 : null,
      value: ok ? v.prevalence : null,
      ciLow: ok ? v.ci_low : null,
      ciHigh: ok ? v.ci_high : null,
      n: ok ? v.n : null,
      status: v?.status ?? 'no_data',
      label: `${formatPeriod(p, lang)}: ${ok ? formatCI(v.prevalence, v.ci_low, v.ci_high, lang) : v?.status === 'suppressed' ? HIDDEN_WORD[lang] : '–'}`,
    };
  });

  const line = d3line<TrendPoint>()
    .defined((d) => d.y !== null)
    .x((d) => d.x)
    .y((d) => d.y!);
  const band = d3area<TrendPoint>()
    .defined((d) => d.ciLow !== null && d.ciHigh !== null)
    .x((d) => d.x)
    .y0((d) => y(d.ciLow!))
    .y1((d) => y(d.ciHigh!));

  const surveys: TrendSurvey[] = surveysIn.map((s) => {
    const pts = s.points
      .filter((p) => p.prevalence !== null)
      .sort((a, b) => a.year - b.year)
      .map((p) => ({
        x: Math.round(x(new Date(Date.UTC(p.year, 6, 1))) * 10) / 10,
        y: Math.round(y(p.prevalence!) * 10) / 10,
        year: p.year,
        value: p.prevalence!,
        label: `${s.source} ${p.year}: ${formatPercent(p.prevalence, lang)}`,
        url: p.source_url,
      }));
    const path = d3line<{ x: number; y: number }>().x((d) => d.x).y((d) => d.y)(pts);
    return { name: s.name, source: s.source, path: tidy(path), points: pts };
  });

  const tY = targetsIn.map((t) => y(t.value));
  const labelY = spreadLabels(tY, 13);
  const targets = targetsIn.map((t, i) => ({
    y: Math.round(tY[i] * 10) / 10,
    value: t.value,
    label: `${t.label}: ${formatPercent(t.value, lang, t.value % 1 ? 1 : 0)}`,
    labelY: Math.round(labelY[i] * 10) / 10,
  }));

  // One tick per round; the year is written under the first round of each year.
  let lastYear = '';
  const xTicks: TrendModel['xTicks'] = periods.map((p, i) => {
    const pp = parsePeriod(p);
    const yr = pp ? String(pp.year) : '';
    const tick = { x: Math.round(x(dates[i]) * 10) / 10, month: pp ? monthShort(pp.month, lang) : p, year: yr !== lastYear ? yr : null };
    lastYear = yr;
    return tick;
  });
  // A survey year without a round (SSGI 2021 before the first e-PPGBM round) gets its own year tick at mid-year.
  const roundYears = new Set(periods.map((p) => parsePeriod(p)?.year));
  const surveyYears = [...new Set(surveys.flatMap((s) => s.points.map((p) => p.year)))].filter((yr) => !roundYears.has(yr));
  for (const yr of surveyYears) xTicks.push({ x: Math.round(x(new Date(Date.UTC(yr, 6, 1))) * 10) / 10, month: '', year: String(yr) });
  xTicks.sort((a, b) => a.x - b.x);
  // Decimals follow the tick step, so small prevalences (severe wasting, ~1%) do not get repeated labels.
  const ticks = y.ticks(narrow ? 4 : 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const tickDigits = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  const yTicks = ticks.map((v) => ({ y: Math.round(y(v) * 10) / 10, value: v, label: `${formatNumber(v, lang, tickDigits)}%` }));

  return {
    width,
    height,
    margin,
    line: tidy(line(points)),
    band: tidy(band(points)),
    points,
    surveys,
    targets,
    xTicks,
    yTicks,
    yMax,
    empty: points.every((p) => p.y === null),
    emptyText: points.every((p) => p.y === null) ? (points.some((p) => p.status === 'suppressed') ? HIDDEN_TEXT[lang] : NO_DATA_TEXT[lang]) : null,
  };
}

const HIDDEN_WORD = { id: 'disembunyikan', en: 'hidden' } as const;
/** What an empty chart says: hidden figures are not missing data. */
const HIDDEN_TEXT = { id: 'Angka disembunyikan (jumlah anak kecil)', en: 'Figures hidden (small numbers of children)' } as const;
const NO_DATA_TEXT = { id: 'Belum ada data', en: 'No data yet' } as const;

/** A plain-language description of the routine trend for the chart's text alternative, e.g.
 * "Dari 13,6% pada Februari 2022 menjadi 9,0% pada Agustus 2025 (turun 4,6 poin). Tertinggi ..., terendah ...". */
export function trendSummary(model: TrendModel, lang: Lang): string {
  const pub = model.points.filter((p) => p.value !== null);
  if (!pub.length) return lang === 'id' ? 'Tidak ada angka yang dipublikasikan untuk wilayah ini.' : 'No figure is published for this area.';
  const first = pub[0];
  const last = pub[pub.length - 1];
  const f = (p: TrendPoint) => `${formatPercent(p.value, lang)} ${lang === 'id' ? 'pada' : 'in'} ${formatPeriod(p.period, lang)}`;
  if (pub.length === 1) return lang === 'id' ? `Hanya satu angka: ${f(first)}.` : `One figure only: ${f(first)}.`;
  const d = Math.round((last.value! - first.value!) * 10) / 10;
  const dir = formatChange(d, lang);
  const hi = pub.reduce((a, b) => (b.value! > a.value! ? b : a));
  const lo = pub.reduce((a, b) => (b.value! < a.value! ? b : a));
  const gaps = model.points.length - pub.length;
  const parts =
    lang === 'id'
      ? [`Dari ${f(first)} menjadi ${f(last)} (${dir}).`, `Tertinggi ${f(hi)}, terendah ${f(lo)}.`]
      : [`From ${f(first)} to ${f(last)} (${dir}).`, `Highest ${f(hi)}, lowest ${f(lo)}.`];
  if (gaps) parts.push(lang === 'id' ? `${gaps} periode tanpa angka yang dipublikasikan.` : `${gaps} rounds without a published figure.`);
  return parts.join(' ');
}

