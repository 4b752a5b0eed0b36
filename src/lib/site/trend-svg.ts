/**
 * The markup inside `<trend-chart>` (src/components/TrendChart.astro) as one string: legend, a wide and a narrow SVG
 * drawing switched by CSS, the caption in plain words, the data table and the survey table. A build draws ≈ 30,000
 * of these charts (six per area page, 24 per convergence embed); written as Astro markup, rendering them was a fifth
 * of the site build, as a string it is a small part. The markup is exactly what the Astro template wrote (text
 * escaped as Astro escapes it, attributes as Astro writes them), so the pages did not change.
 *
 * Pure: the geometry comes from trend.ts.
 */
import type { IndicatorId } from '../types.ts';
import type { SeriesJson, SurveySeries } from './contract.ts';
import { trendModel, trendSummary, type TrendModel } from './trend.ts';
import { formatInterval, formatNumber, formatPercent, formatPeriod, statusLabel } from './format.ts';
import { t, type Lang } from './i18n.ts';
import { isSurvey } from './surveys.ts';

/** The props of TrendChart.astro. */
export interface TrendChartProps {
  /** The area's series (`series/<code>.json`). */
  series: SeriesJson;
  /** Periods to draw, oldest first (meta.periods). */
  periods: string[];
  indicator: IndicatorId;
  /** Indicator label in the page language. */
  indicatorLabel: string;
  lang: Lang;
  /** Targets to draw (targetsFor()): short label on the chart, `long` in the caption. */
  targets?: { year: number; value: number; label: string; long?: string }[];
  /** Survey series to draw as their own lines (chosen by the page: surveysFor). */
  surveys?: SurveySeries[];
  /** Survey series listed in the table under the chart (surveyTableFor; default: the drawn ones). Province and
   * Indonesia are listed here rather than drawn, so the chart stays readable. */
  tableSurveys?: SurveySeries[];
  /** Unique id prefix on the page. */
  id?: string;
  /** Words of another kind of figure than a prevalence (a convergence indicator's coverage, coverage-trend.ts): the
   * caption's heading, the line's legend, the table's value and count headings, the y axis title above the plot
   * (with the direction), and the count of each period (`period` → "45 / 50") in the table and tooltips. */
  words?: { heading: string; line: string; value: string; count: string; yTitle: string };
  counts?: Readonly<Record<string, string>>;
}

const ESCAPABLE = /[&<>'"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text content as Astro writes an expression's string: `& < > ' "` escaped. */
function h(s: string): string {
  return s.replace(ESCAPABLE, (c) => ENTITY[c]);
}

/** An attribute as Astro writes `key={value}`: left out when null or undefined, bare when '', else quoted with
 * `&` and `"` escaped. */
function at(key: string, value: string | number | null | undefined): string {
  if (value == null) return '';
  if (value === '') return ` ${key}`;
  return ` ${key}="${String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

// Survey/reported series: distinct colour AND marker shape (readable without colour); routine is always the blue line.
const SURVEY_STYLES = [
  { stroke: '#b34700', marker: 'square' },
  { stroke: '#5b5f66', marker: 'circle' },
  { stroke: '#6d3a8c', marker: 'diamond' },
  { stroke: '#1d6b5f', marker: 'triangle' },
  { stroke: '#8a6d00', marker: 'square' },
] as const;
const style = (i: number) => SURVEY_STYLES[i % SURVEY_STYLES.length];
// Each target line its own dash pattern, so its legend entry names it (two targets can be 0.2 points apart).
const TARGET_DASH = ['2 3', '9 4', '1 3 6 3', '12 3 3 3'];
const dash = (i: number) => `stroke-dasharray:${TARGET_DASH[i % TARGET_DASH.length]}`;

/** SVG path of a marker centred on (x, y). */
function markerPath(shape: string, x: number, y: number, r = 4.5): string {
  return shape === 'circle' ? `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`
    : shape === 'diamond' ? `M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z`
    : shape === 'triangle' ? `M${x},${y - r * 1.3}L${x + r * 1.2},${y + r}L${x - r * 1.2},${y + r}Z`
    : `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
}

/** Credit of a drawn survey series for the image's source line: "SSGI 2021, 2022; SKI 2023 (Kemenkes)"; none for
 * reported routine figures (the publisher's own, credited already). */
function surveyCredit(s: SurveySeries): string {
  if (!isSurvey(s.source)) return '';
  const by = new Map<string, number[]>();
  for (const p of s.points) if (p.prevalence !== null) by.set(p.source ?? s.source, [...(by.get(p.source ?? s.source) ?? []), p.year]);
  return [...by].map(([src, ys]) => `${src} ${ys.sort().join(', ')}`).join('; ') + ' (Kemenkes)';
}

/** The legend above the chart: the routine line with its band, the drawn surveys, the targets. */
function legendHtml(lineLabel: string, surveyNames: string[], targets: TrendModel['targets'], lang: Lang): string {
  let o = '<ul class="tc-legend" aria-hidden="true">';
  o += `<li><svg width="28" height="12"><rect x="0" y="2" width="28" height="8" class="tc-band"></rect><line x1="0" x2="28" y1="6" y2="6" class="tc-line"></line></svg>${h(lineLabel)} <span class="muted">(${h(t(lang, 'ciBand'))})</span></li>`;
  surveyNames.forEach((name, i) => {
    o += `<li><svg width="28" height="12"><line x1="0" x2="28" y1="6" y2="6"${at('stroke', style(i).stroke)} stroke-width="2" stroke-dasharray="5 3"></line><path${at('d', markerPath(style(i).marker, 14, 6, 3.5))}${at('fill', style(i).stroke)}></path></svg>${h(name)}</li>`;
  });
  targets.forEach((tg, i) => {
    o += `<li><svg width="28" height="12"><line x1="0" x2="28" y1="6" y2="6" class="tc-target"${at('style', dash(i))}></line></svg>${h(tg.label)}</li>`;
  });
  return `${o}</ul>`;
}

/** The table of survey figures by year under the chart (none without survey years). */
function surveyTableHtml(listed: readonly SurveySeries[], surveyYears: number[], drawn: (s: SurveySeries) => boolean, lang: Lang): string {
  if (surveyYears.length === 0) return '';
  const tr = (k: Parameters<typeof t>[1]) => t(lang, k);
  let o = `<table class="tc-survey-table"><caption>${h(tr('surveyTableCaption'))} (${h(tr('prevalence').toLowerCase())}, %)</caption><thead><tr><th scope="col">${h(tr('source'))}</th>`;
  for (const y of surveyYears) o += `<th scope="col" class="n">${y}</th>`;
  o += '</tr></thead><tbody>';
  for (const s of listed) {
    o += `<tr${at('class', drawn(s) ? 'tc-drawn' : undefined)}><th scope="row">${h(isSurvey(s.source) ? `${tr('survey')} ${s.source}` : tr('reported'))}<br><span class="muted small">${h(s.name)}${h(drawn(s) ? '' : tr('notDrawn'))}</span></th>`;
    for (const y of surveyYears) {
      const p = s.points.find((q) => q.year === y && q.prevalence !== null);
      o += `<td class="n">${p ? `<a${at('href', p.source_url)} rel="noopener"${at('title', [p.source, p.note].filter(Boolean).join(': ') || undefined)}>${h(formatNumber(p.prevalence, lang, 1))}</a>` : '–'}</td>`;
    }
    o += '</tr>';
  }
  return `${o}</tbody></table>`;
}

/** The markup inside `<trend-chart class="tc">` for these props. */
export function trendChartHtml(props: TrendChartProps): string {
  const { series, periods, indicator, indicatorLabel, lang, targets = [], surveys = [], tableSurveys, id = 'trend', words, counts } = props;
  const listed = tableSurveys ?? surveys;
  const skey = (s: SurveySeries) => `${s.code}|${s.source}`;
  const drawn = (s: SurveySeries) => surveys.some((d) => skey(d) === skey(s));
  const opts = { indicator, lang, targets, surveys };
  const wide = trendModel(series, periods, { ...opts, narrow: false });
  const narrow = trendModel(series, periods, { ...opts, narrow: true });
  const summary = trendSummary(wide, lang);
  const captionId = `${id}-cap`;
  const tr = (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(lang, k, v);
  const countOf = (p: { period: string; n: number | null }) => counts?.[p.period] ?? formatNumber(p.n, lang);
  const surveyYears = [...new Set(listed.flatMap((s) => s.points.filter((p) => p.prevalence !== null).map((p) => p.year)))].sort();
  // Surveys say which survey; reported routine figures (e-PPGBM totals published by the pemda) are not a survey.
  const surveyName = (s: SurveySeries) => (isSurvey(s.source) ? `${tr('survey')} ${s.source}, ${s.name}` : `${tr('reported')}, ${s.name}`);

  let o = `<figure class="tc-figure"${at('aria-labelledby', captionId)}>${legendHtml(words?.line ?? tr('routine'), surveys.map(surveyName), wide.targets, lang)}`;
  if (words) o += `<p class="tc-ytitle">${h(words.yTitle)}</p>`;
  o += '<div class="tc-plot">';
  for (const [m, cls] of [[wide, 'tc-wide'], [narrow, 'tc-narrow']] as const) o += plotSvg(m, cls);
  o += '<div class="tc-tip" role="status" hidden></div></div>';
  o += `<figcaption${at('id', captionId)} class="tc-caption"><strong>${h(words?.heading ?? tr('trendOf'))}: ${h(indicatorLabel)}, ${h(series.name)}.</strong> ${h(summary)}`;
  if (targets.length > 0) o += h(` ${targets.map((x) => `${x.long ?? x.label}: ${formatPercent(x.value, lang, x.value % 1 ? 1 : 0)}`).join('; ')}.`);
  o += '</figcaption></figure>';
  o += `<div class="tc-table table-scroll" tabindex="0" role="region"${at('aria-label', `${tr('showTable')}: ${tr('trendOf').toLowerCase()}`)}><table><caption>${h(tr('showTable'))}: ${h(indicatorLabel)}, ${h(series.name)}</caption>`;
  o += `<thead><tr><th scope="col">${h(tr('period'))}</th><th scope="col" class="n">${h(words?.value ?? tr('prevalence'))} (${h(tr('ci95'))})</th><th scope="col" class="n">${h(words?.count ?? 'n')}</th></tr></thead><tbody>`;
  for (const p of wide.points) {
    const value = p.value !== null
      ? `<strong>${h(formatPercent(p.value, lang))}</strong> <span class="nowrap">(${h(formatInterval(p.ciLow, p.ciHigh, lang).replace('%', ''))})</span>`
      : h(statusLabel(p.status as never, lang));
    o += `<tr><th scope="row" class="nowrap">${h(formatPeriod(p.period, lang))}</th><td class="n wrap">${value}</td><td class="n">${h(countOf(p))}</td></tr>`;
  }
  o += '</tbody></table>';
  o += surveyTableHtml(listed, surveyYears, drawn, lang);
  o += '</div>';
  return o;

  /** One drawing (wide or narrow): grid, x axis, targets, interval band, routine line, surveys, points. */
  function plotSvg(m: TrendModel, cls: string): string {
    const bottom = m.height - m.margin.bottom;
    let s = `<svg${at('class', `tc-svg ${cls}`)}${at('viewBox', `0 0 ${m.width} ${m.height}`)} role="img"${at('aria-labelledby', captionId)} preserveAspectRatio="xMidYMid meet"><g class="tc-grid">`;
    for (const tk of m.yTicks) {
      s += `<g><line${at('x1', m.margin.left)}${at('x2', m.width - m.margin.right)}${at('y1', tk.y)}${at('y2', tk.y)}${at('class', tk.value === 0 ? 'tc-zero' : '')}></line><text${at('x', m.margin.left - 6)}${at('y', tk.y)} dy="0.32em" text-anchor="end">${h(tk.label)}</text></g>`;
    }
    s += '</g><g class="tc-xaxis">';
    for (const tk of m.xTicks) {
      s += `<g><line${at('x1', tk.x)}${at('x2', tk.x)}${at('y1', bottom)}${at('y2', bottom + 4)}></line><text${at('x', tk.x)}${at('y', bottom + 17)} text-anchor="middle">${h(tk.month)}</text>`;
      if (tk.year) s += `<text${at('x', tk.x)}${at('y', bottom + 33)} text-anchor="middle" class="tc-year">${h(tk.year)}</text>`;
      s += '</g>';
    }
    s += '</g>';
    m.targets.forEach((tg, i) => {
      s += `<g class="tc-targets"><line${at('x1', m.margin.left)}${at('x2', m.width - m.margin.right)}${at('y1', tg.y)}${at('y2', tg.y)} class="tc-target"${at('style', dash(i))}></line>`;
      if (cls === 'tc-wide') s += `<text${at('x', m.width - m.margin.right + 6)}${at('y', tg.labelY)} dy="0.32em">${h(tg.label)}</text>`;
      s += '</g>';
    });
    if (m.band) s += `<path${at('d', m.band)} class="tc-band"></path>`;
    if (m.line) s += `<path${at('d', m.line)} class="tc-line" fill="none"></path>`;
    m.surveys.forEach((sv, i) => {
      const src = surveys[i];
      s += `<g class="tc-survey"${at('data-series', src ? surveyName(src) : '')}${at('data-credit', src ? surveyCredit(src) || undefined : undefined)}>`;
      if (sv.path) s += `<path${at('d', sv.path)} fill="none"${at('stroke', style(i).stroke)} stroke-width="2" stroke-dasharray="6 4"></path>`;
      for (const p of sv.points) {
        const source = src.points.find((q) => q.year === p.year)?.source;
        const tip = `${surveyName(src)}, ${p.year}: ${formatPercent(p.value, lang)}${source && src.source.includes('/') ? ` (${source})` : ''}`;
        s += `<path${at('d', markerPath(style(i).marker, p.x, p.y))}${at('fill', style(i).stroke)} stroke="#fff" stroke-width="1.5" class="tc-pt"${at('data-tip', tip)}></path>`;
      }
      s += '</g>';
    });
    s += '<g class="tc-points">';
    for (const p of m.points) {
      if (p.y === null) continue;
      s += `<circle${at('cx', p.x)}${at('cy', p.y)} r="4" class="tc-pt tc-dot"${at('data-tip', `${p.label}; ${counts ? countOf(p) : `n = ${formatNumber(p.n, lang)}`}`)}></circle>`;
    }
    s += '</g>';
    if (m.empty) s += `<text${at('x', m.width / 2)}${at('y', m.height / 2)} text-anchor="middle" class="tc-empty">${h(m.emptyText ?? '')}</text>`;
    return `${s}</svg>`;
  }
}
