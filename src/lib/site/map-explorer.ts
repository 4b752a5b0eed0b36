/**
 * What the map explorer writes when the reader changes the view, without the DOM: the state the controls ask for,
 * the URL of a state, and the texts around the map (legends, caption, summary, table rows). Pure; the interactive map
 * (src/client/map-gl/explorer.ts) puts them in place.
 */
import type { Level } from '../types.ts';
import type { Lang } from './format.ts';
import { formatPeriod } from './format.ts';
import { legendModel } from './thresholds.ts';
import { legendCounts, summaryText, uncertainLegendCount, type MapRow } from './map-model.ts';
import { legendHtml, tableRowsHtml } from './map-html.ts';
import { fromQuery, parentColumnLevel, toQuery, type MapState, type MapStateOptions } from './map-state.ts';
import { legendNote, scaleOf, type MapIndicator } from './map-indicator.ts';

/** The state the explorer's controls ask for (`tingkat`, `indikator`, `periode` read by `value`), keeping the selected
 * area of `current` unless the level changed; invalid values fall back to the defaults of `o`. */
export function stateFromControls(value: (name: string) => string, o: MapStateOptions, current: MapState): { state: MapState; levelChanged: boolean } {
  const q = new URLSearchParams();
  for (const k of ['tingkat', 'indikator', 'periode']) q.set(k, value(k));
  const { state } = fromQuery(q, o);
  const levelChanged = state.level !== current.level;
  return { state: { ...state, area: levelChanged ? null : current.area }, levelChanged };
}

/**
 * The URL (path, query, hash) of `state`: on the `rendered` view the page's own path with the query relative to that
 * view (a static state page stays itself); another view on the explorer's path (`explorerPath`, else the page's) with
 * the query relative to the site's defaults in `o`.
 */
export function explorerUrl(
  state: MapState,
  o: MapStateOptions,
  rendered: MapState,
  here: { pathname: string; hash: string },
  explorerPath?: string,
): string {
  const onRendered = state.level === rendered.level && state.indicator === rendered.indicator && state.period === rendered.period;
  return onRendered
    ? `${here.pathname}${toQuery(state, { ...o, defaults: rendered })}${here.hash}`
    : `${explorerPath ?? here.pathname}${toQuery(state, o)}${here.hash}`;
}

/** The texts of one explorer view (HTML where the name says so). */
export interface ExplorerTexts {
  /** Legend items (raw figures) as HTML. */
  legendHtml: string;
  /** Legend items of the smoothed colouring as HTML. */
  smoothedLegendHtml: string;
  /** The legend's note on the source of the classes. */
  note: string;
  /** Caption of the map and of the table. */
  title: string;
  /** Text alternative of the map. */
  summary: string;
  /** The table's rows as HTML. */
  tableRowsHtml: string;
}

/**
 * The texts of the view `s` over `rows`: `indicatorLabel` names the indicator, `levelWord` the areas in the caption,
 * `areaHref` links an area's page; `descriptor` (map-indicator.ts) gives the classes of a convergence indicator.
 */
export function explorerTexts(
  rows: readonly MapRow[],
  s: { level: Level; indicator: string; period: string },
  o: { lang: Lang; indicatorLabel: string; levelWord: string; areaHref: (code: string) => string; descriptor?: MapIndicator; mapLevels: readonly Level[] },
): ExplorerTexts {
  const { level, period } = s;
  const indicator = o.descriptor ?? s.indicator;
  const { lang, indicatorLabel: label } = o;
  const model = legendModel(scaleOf(indicator), lang, legendCounts(indicator, rows));
  const lokus = level === 'desa' ? rows.filter((r) => r.lokus).length : null;
  const weak = rows.filter((r) => r.quality).length;
  const smoothed = legendModel(scaleOf(indicator), lang, legendCounts(indicator, rows, true));
  const pl = formatPeriod(period, lang);
  const lw = o.levelWord;
  return {
    legendHtml: legendHtml(model.items, lang, lokus, weak, uncertainLegendCount(indicator, rows)),
    smoothedLegendHtml: legendHtml(smoothed.items, lang, lokus, weak, uncertainLegendCount(indicator, rows, true)),
    note: legendNote(indicator, period, lang, model.note),
    title: lang === 'id' ? `${label} per ${lw}, ${pl}` : `${label} by ${lw}, ${pl}`,
    summary: summaryText(rows, { indicator, indicatorLabel: label, level, periodLabel: pl, lang, legend: model.items }),
    tableRowsHtml: tableRowsHtml(rows, { lang, indicator, href: o.areaHref, withParent: parentColumnLevel(level, o.mapLevels) !== null }),
  };
}
