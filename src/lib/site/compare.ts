/**
 * Comparison of several areas on one line chart (e.g. two kecamatan and the kabupaten): the URL state
 * (`?banding=35.10.01,35.10.02,35.10&indikator=wasting`), the chart geometry and the chart as an SVG string. Pure and
 * shared: the area page renders the default comparison at build time with it (readable without JavaScript) and
 * src/client/compare.ts redraws the reader's choice with the same code.
 *
 * Lines are told apart by colour, dash and marker and labelled at their end with the area's name; the y axis starts
 * at 0. Intervals are not drawn (several bands would hide each other); each point's <title> and the table give them.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line as d3line } from 'd3-shape';
import type { IndicatorId } from '../types.ts';
import type { SeriesJson } from './contract.ts';
import { formatCI, formatNumber, formatPeriod, monthShort, parsePeriod, type Lang } from './format.ts';
import { spreadLabels } from './trend.ts';

export { COMPARE_MAX, COMPARE_STYLES, compareFromQuery, compareToQuery, defaultComparison } from './compare-state.ts';
import { COMPARE_STYLES } from './compare-state.ts';

/** One area's line. */
export interface CompareLine {
  code: string;
  name: string;
  style: (typeof COMPARE_STYLES)[number];
  path: string;
  points: { x: number; y: number; title: string }[];
  /** End label position (pushed apart from the others). */
  label: { x: number; y: number } | null;
}

/** The chart geometry. */
export interface CompareModel {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  lines: CompareLine[];
  xTicks: { x: number; month: string; year: string | null }[];
  yTicks: { y: number; label: string }[];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** The geometry of the comparison of `series` (in the order given) for one indicator over `periods`. */
export function compareModel(series: readonly SeriesJson[], periods: readonly string[], o: { indicator: IndicatorId; lang: Lang; width?: number; height?: number; names?: (s: SeriesJson) => string }): CompareModel {
  const width = o.width ?? 720;
  const height = o.height ?? 340;
  const margin = { top: 16, right: 170, bottom: 44, left: 40 };
  const dates = periods.map((p) => {
    const pp = parsePeriod(p);
    return pp ? Date.UTC(pp.year, pp.month - 1, 1) : NaN;
  });
  const pad = 45 * 86400000;
  const x = scaleUtc()
    .domain([new Date(Math.min(...dates) - pad), new Date(Math.max(...dates) + pad)])
    .range([margin.left, width - margin.right]);
  const cell = (s: SeriesJson, p: string) => {
    const v = s.periods[p]?.indicators?.[o.indicator];
    return v && v.status === 'ok' && v.prevalence !== null ? v : null;
  };
  const max = Math.max(1, ...series.flatMap((s) => periods.map((p) => cell(s, p)?.prevalence ?? 0)));
  const y = scaleLinear().domain([0, max * 1.1]).nice(5).range([height - margin.bottom, margin.top]);
  const lines: CompareLine[] = series.map((s, i) => {
    const name = o.names ? o.names(s) : s.name;
    const pts = periods.map((p, j) => {
      const v = cell(s, p);
      return v ? { x: r1(x(dates[j])), y: r1(y(v.prevalence!)), title: `${name}, ${formatPeriod(p, o.lang)}: ${formatCI(v.prevalence, v.ci_low, v.ci_high, o.lang)}; n = ${formatNumber(v.n, o.lang)}` } : null;
    });
    const path = d3line<(typeof pts)[number]>()
      .defined((d) => d !== null)
      .x((d) => d!.x)
      .y((d) => d!.y)(pts) ?? '';
    const last = [...pts].reverse().find((d) => d !== null) ?? null;
    return {
      code: s.code,
      name,
      style: COMPARE_STYLES[i % COMPARE_STYLES.length],
      path: path.replace(/\d+\.\d+/g, (m) => String(r1(Number(m)))),
      points: pts.filter((d): d is NonNullable<typeof d> => d !== null),
      label: last ? { x: width - margin.right + 8, y: last.y } : null,
    };
  });
  // End labels in value order, pushed apart so names do not overlap.
  const labelled = lines.filter((l) => l.label);
  const ys = spreadLabels(labelled.map((l) => l.label!.y), 14);
  labelled.forEach((l, i) => (l.label = { x: l.label!.x, y: r1(ys[i]) }));
  let lastYear = '';
  const xTicks = periods.map((p, j) => {
    const pp = parsePeriod(p);
    const yr = pp ? String(pp.year) : '';
    const t = { x: r1(x(dates[j])), month: pp ? monthShort(pp.month, o.lang) : p, year: yr !== lastYear ? yr : null };
    lastYear = yr;
    return t;
  });
  const ticks = y.ticks(5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const yTicks = ticks.map((v) => ({ y: r1(y(v)), label: `${formatNumber(v, o.lang, step >= 1 ? 0 : 1)}%` }));
  return { width, height, margin, lines, xTicks, yTicks };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** SVG path of a marker centred on (x, y). */
export function markerPath(shape: string, x: number, y: number, r = 4): string {
  return shape === 'circle' ? `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`
    : shape === 'diamond' ? `M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z`
    : shape === 'triangle' ? `M${x},${y - r * 1.3}L${x + r * 1.2},${y + r}L${x - r * 1.2},${y + r}Z`
    : `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
}

/** The comparison chart as an SVG element string (`class="cmp-svg"`, labelled by `labelledBy`). */
export function compareSvg(m: CompareModel, labelledBy: string): string {
  const out: string[] = [];
  out.push(`<svg class="cmp-svg" viewBox="0 0 ${m.width} ${m.height}" role="img" aria-labelledby="${esc(labelledBy)}" font-size="12">`);
  for (const t of m.yTicks) {
    out.push(`<line x1="${m.margin.left}" x2="${m.width - m.margin.right}" y1="${t.y}" y2="${t.y}" stroke="${t.label.startsWith('0') ? '#6b7178' : '#e3e5e8'}"/>`);
    out.push(`<text x="${m.margin.left - 6}" y="${t.y}" dy="0.32em" text-anchor="end" fill="#4f5660">${esc(t.label)}</text>`);
  }
  const base = m.height - m.margin.bottom;
  for (const t of m.xTicks) {
    out.push(`<line x1="${t.x}" x2="${t.x}" y1="${base}" y2="${base + 4}" stroke="#6b7178"/>`);
    out.push(`<text x="${t.x}" y="${base + 17}" text-anchor="middle" fill="#4f5660">${esc(t.month)}</text>`);
    if (t.year) out.push(`<text x="${t.x}" y="${base + 33}" text-anchor="middle" font-weight="600" fill="#1b1f23">${esc(t.year)}</text>`);
  }
  for (const l of m.lines) {
    const s = l.style;
    out.push(`<g class="cmp-line" data-code="${esc(l.code)}">`);
    if (l.path) out.push(`<path d="${l.path}" fill="none" stroke="${s.stroke}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const p of l.points) out.push(`<path d="${markerPath(s.marker, p.x, p.y)}" fill="${s.stroke}" stroke="#fff" stroke-width="1.2"><title>${esc(p.title)}</title></path>`);
    if (l.label) out.push(`<text x="${l.label.x}" y="${l.label.y}" dy="0.32em" fill="${s.stroke}" font-weight="600" font-size="11">${esc(l.name.length > 25 ? `${l.name.slice(0, 24)}…` : l.name)}</text>`);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
