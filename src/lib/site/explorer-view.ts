/**
 * View model of the map explorer (src/components/MapExplorer.astro): the view to render (the site's default, or the
 * one of a static state page), the no-JavaScript links to the neighbouring views, the options of the controls, and
 * the caption and rows of the table of every area. Pure: the component passes in the contract data (and how to read
 * a level's values for a period) and renders what comes out.
 */
import type { Level } from '../types.ts';
import type { AreaJson, Meta } from './contract.ts';
import type { CoverageMetaJson } from '../publish/coverage.ts';
import { defaultState, mapLevels, parentColumnLevel, periodFor, statePath, type MapLevel, type MapState, type MapStateOptions } from './map-state.ts';
import { columnWords, indicatorGroups, mapCells, mapIndicators, type CellsByCode, type MapIndicator } from './map-indicator.ts';
import { mapRows, weakAreas } from './map-model.ts';
import { tableRowsHtml } from './map-html.ts';
import { formatPeriod, type Lang } from './format.ts';
import { localePath } from './i18n.ts';
import { t, texts, type StringKey } from '../i18n/strings.ts';

/** The explorer's own words: its name → the key in the string table. */
const LABELS = {
  controls: 'explorerControls',
  level: 'explorerLevel',
  kabupaten: 'kabupatenKota',
  kecamatan: 'kecamatan',
  desa: 'desa',
  indicator: 'indicator',
  period: 'period',
  show: 'explorerShow',
  table: 'explorerTable',
  area: 'area',
  kec: 'mapColKecamatan',
  prev: 'mapColPrevalence',
  ci: 'ci95',
  n: 'mapColChildren',
  cls: 'mapColClass',
  sortHint: 'explorerSortHint',
  noscript: 'explorerNoscript',
  views: 'explorerViews',
  downloads: 'explorerDownloads',
} as const satisfies Record<string, StringKey>;

/** What the explorer is drawn from. */
export interface ExplorerInput {
  lang: Lang;
  /** The view to render (a static state page); absent: the site's default view. */
  given?: { level: MapLevel; indicator: string; period: string };
  meta: Meta;
  /** konvergensi-meta.json, or null without convergence data. */
  coverageMeta?: CoverageMetaJson | null;
  areas: AreaJson[];
  /** The published values of a level in a period for an indicator kind (`map/<level>/<period>.json`'s `values`, or
   * `konvergensi-map/<level>/<period>.json`'s). */
  mapValues: (level: Level, period: string, kind: MapIndicator['kind']) => CellsByCode;
  /** quality.json's `areas`, or null/undefined without a quality report. */
  qualityAreas: unknown;
  /** The site's base path (`import.meta.env.BASE_URL`). */
  base: string;
}

/** One link or option of a control: where it goes or what it sets, its text, and whether it is the current view. */
interface Choice {
  value: string;
  href: string;
  text: string;
  current: boolean;
}

/** The choices of the three controls (level, indicator grouped, period, latest period first) for the view `state`. */
function choices(o: MapStateOptions, levels: readonly MapLevel[], indicators: readonly MapIndicator[], state: MapState, lang: Lang, base: string, levelWord: (l: string) => string) {
  // Links to the static page of each view that differs from this one in one control (the no-JavaScript controls);
  // an indicator without figures in this period links to its latest period.
  const viewHref = (s: Partial<MapState>) => {
    const next = { ...state, ...s };
    return localePath(statePath({ ...next, period: periodFor(o, next.indicator, next.period) }), lang, base);
  };
  const level: Choice[] = levels.map((l) => ({ value: l, href: viewHref({ level: l }), text: levelWord(l), current: l === state.level }));
  const indicator = indicatorGroups(
    indicators.map((i) => ({ value: i.id, href: viewHref({ indicator: i.id }), text: i.label, current: i.id === state.indicator, group: i.group })),
  );
  // The select offers every period (a convergence indicator falls back to its latest); the links only its own.
  const own = indicators.find((i) => i.id === state.indicator)?.periods ?? o.periods;
  const period: Choice[] = [...o.periods].reverse().map((p) => ({ value: p, href: viewHref({ period: p }), text: formatPeriod(p, lang), current: p === state.period }));
  return { level, indicator, period, periodLinks: period.filter((p) => own.includes(p.value)) };
}

/** Everything MapExplorer.astro renders. */
export function explorerView(input: ExplorerInput) {
  const { lang, given, meta, areas, base } = input;
  const levels = mapLevels(meta.levels);
  const indicators = mapIndicators(meta, input.coverageMeta, lang);
  const o: MapStateOptions = {
    periods: meta.periods,
    indicators: indicators.map((i) => i.id),
    indicatorPeriods: Object.fromEntries(indicators.filter((i) => i.kind === 'coverage').map((i) => [i.id, i.periods])),
    levels,
  };
  const siteDefault = defaultState({ ...o, defaults: { period: meta.latest_period } });
  const state = given ? { ...siteDefault, ...given } : siteDefault;
  const level: Level = state.level;
  const ind = indicators.find((i) => i.id === state.indicator) ?? indicators[0];
  const period = state.period;

  const parentNames: Record<string, string> = {};
  for (const a of areas) if (a.level !== 'desa') parentNames[a.code] = a.name;
  const quality = weakAreas(input.qualityAreas as Parameters<typeof weakAreas>[0], period);
  const values = mapCells(ind.kind, input.mapValues(level, period, ind.kind));
  const parentLevel = parentColumnLevel(level, levels);
  const rows = mapRows({ areas, values, indicator: ind, level, period, parentNames: parentLevel ? parentNames : undefined, quality });
  const areaHref = (code: string) => localePath(`/wilayah/${code}/`, lang, base);
  const indicatorLabel = ind.label;

  const T = texts(lang, LABELS);
  const levelWord = (l: string) => (l === 'desa' ? T.desa : l === 'kabupaten' ? T.kabupaten : T.kecamatan);
  const shortLabel = (label: string) => label.replace(/\s*\(.*$/, '');
  const c = choices(o, levels, indicators, state, lang, base, levelWord);
  // The z-score indicators under "Indikator", then one link group per convergence group (its name as the legend).
  const linkGroups = [
    { legend: T.level, items: c.level },
    ...c.indicator.map((g) => ({ legend: g.group ?? T.indicator, items: g.items.map((i) => ({ ...i, text: shortLabel(i.text) })) })),
    { legend: T.period, items: c.periodLinks },
  ];
  return {
    T,
    state,
    level,
    /** The site's default view, against which a static state page writes its query. */
    explorerDefaults: { level: siteDefault.level, indicator: siteDefault.indicator, period: siteDefault.period },
    explorerPath: localePath('/peta/', lang, base),
    dataPath: localePath('/data/', lang, base),
    /** The state of a static state page (for the embed code), undefined on the explorer itself. */
    mapState: given ? state : undefined,
    sharePath: given ? statePath(state) : '/peta/',
    linkGroups,
    options: c,
    tableCaption: t(lang, 'mapCaption', { indicator: indicatorLabel, level: levelWord(level).toLowerCase(), period: formatPeriod(period, lang) }),
    tableRowsHtml: tableRowsHtml(rows, { lang, indicator: ind, href: areaHref, withParent: parentLevel !== null }),
    /** The parent column's heading (kecamatan, or a province's kab/kota), null when the table has none. */
    parentHeading: parentLevel === 'kabupaten' ? T.kabupaten : parentLevel ? T.kec : null,
    /** What the map draws (its descriptor) and every indicator the explorer offers. */
    mapIndicator: ind,
    indicators,
    /** Headings of the value, count and note columns: z-score ones and convergence ones (the client swaps them). */
    columns: { zscore: { prev: T.prev, n: T.n, cls: T.cls }, coverage: columnWords('coverage', lang, T), current: columnWords(ind.kind, lang, T) },
  };
}
