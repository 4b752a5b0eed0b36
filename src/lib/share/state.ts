/**
 * Every shareable view of the site as plain data, and its URL. A view is a page (overview, map explorer, area page)
 * or an embed (map, trend chart) plus its state: level, indicator, period and selected area for maps (the map
 * explorer's own `toQuery`/`fromQuery`, src/lib/site/map-state.ts), the indicator for a trend chart.
 *
 * Rules (STYLE.md, "URL state"): write only what differs from the defaults; read each key to valid, invalid or
 * missing; never throw. An invalid or outdated value (a period no longer published, an unknown indicator, a removed
 * area) falls back to its default and is listed in `invalid`, so the page can say so once.
 */
import { DEFAULT_INDICATOR } from '../indicators/default.ts';
import type { IndicatorId } from '../types.ts';
import type { Lang } from '../site/format.ts';
import { localePath, splitLocalePath } from '../site/i18n.ts';
import { fromQuery as mapFromQuery, toQuery as mapToQuery, type MapState, type MapStateOptions } from '../site/map-state.ts';
import type { CoverageMetaJson } from '../publish/coverage.ts';

export type { MapState, MapStateOptions } from '../site/map-state.ts';

/** What the published data allows: the options of the map state plus the trend's indicators. */
export interface ShareOptions extends MapStateOptions {
  /** The kabupaten code (the overview's trend and the default area). */
  region?: string;
}

/** The convergence indicators a map view may show, in the compact form a page's config carries: their ids and the
 * periods they share (konvergensi-meta.json). */
export interface CoverageOptions {
  ids: string[];
  periods: string[];
}

/** The compact convergence options of konvergensi-meta.json; undefined without convergence figures. */
export function coverageOptions(c: Pick<CoverageMetaJson, 'indicators' | 'periods'> | null | undefined): CoverageOptions | undefined {
  return c && c.periods.length && c.indicators.length ? { ids: c.indicators.map((i) => i.id), periods: [...c.periods] } : undefined;
}

/** `o` with the convergence indicators added to the map's indicators, each with its own periods (a map view of one
 * keeps its indicator; a period outside them falls back to their latest). */
export function withCoverage(o: ShareOptions, c: CoverageOptions | undefined): ShareOptions {
  if (!c) return o;
  const ids = c.ids.filter((id) => !o.indicators.includes(id));
  return {
    ...o,
    indicators: [...o.indicators, ...ids],
    indicatorPeriods: { ...o.indicatorPeriods, ...Object.fromEntries(ids.map((id) => [id, c.periods])) },
  };
}

/** The state of a trend chart: which indicator it draws. */
export interface TrendState {
  indicator: IndicatorId;
}

/** A shareable view. */
export type View =
  | { kind: 'overview' }
  | { kind: 'map'; state: MapState }
  | { kind: 'area'; code: string; trend: TrendState }
  | { kind: 'embed-map'; state: MapState }
  | { kind: 'embed-trend'; code: string; trend: TrendState };

/** The embeddable figures. */
export type EmbedKind = 'map' | 'trend';

const CODE_RE = /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/;
const INDICATOR_KEYS = ['indikator', 'indicator'] as const;

/** True for a syntactically valid dotted Kemendagri code (`35.10`, `35.10.01`, `35.10.01.2001`). */
export function isAreaCode(code: string): boolean {
  return CODE_RE.test(code);
}

/** The default trend state: the default indicator (stunting) when published, else the first indicator. */
export function defaultTrend(o: Pick<ShareOptions, 'indicators'>): TrendState {
  const ind = o.indicators.includes(DEFAULT_INDICATOR) ? DEFAULT_INDICATOR : (o.indicators[0] ?? DEFAULT_INDICATOR);
  return { indicator: ind as IndicatorId };
}

/** `?indikator=…` for a trend state, `''` when it is the default. */
export function trendToQuery(s: TrendState, o: Pick<ShareOptions, 'indicators'>): string {
  return s.indicator === defaultTrend(o).indicator ? '' : `?${new URLSearchParams({ indikator: s.indicator })}`;
}

/** The trend state of a query (`indikator`, or the English alias `indicator`), never throwing. */
export function trendFromQuery(
  query: string | URLSearchParams | null | undefined,
  o: Pick<ShareOptions, 'indicators'>,
): { state: TrendState; invalid: string[] } {
  const d = defaultTrend(o);
  let p: URLSearchParams;
  try {
    p = query instanceof URLSearchParams ? query : new URLSearchParams(typeof query === 'string' ? query : '');
  } catch {
    p = new URLSearchParams();
  }
  for (const k of INDICATOR_KEYS) {
    const raw = p.get(k);
    if (raw === null) continue;
    const v = raw.trim().toLowerCase().replace(/-/g, '_');
    return o.indicators.includes(v) ? { state: { indicator: v as IndicatorId }, invalid: [] } : { state: d, invalid: [k] };
  }
  return { state: d, invalid: [] };
}

/** The map state of a query (the explorer's parser). */
export function mapStateFromQuery(query: string | URLSearchParams | null | undefined, o: ShareOptions) {
  return mapFromQuery(query, o);
}

/** The language-free site path and query of a view: `{ path: '/embed/tren/35.10/', query: '?indikator=wasting' }`. */
export function viewPath(v: View, o: ShareOptions): { path: string; query: string } {
  switch (v.kind) {
    case 'overview':
      return { path: '/', query: '' };
    case 'map':
      return { path: '/peta/', query: mapToQuery(v.state, o) };
    case 'embed-map':
      return { path: '/embed/peta/', query: mapToQuery(v.state, o) };
    case 'area':
      return { path: `/wilayah/${v.code}/`, query: trendToQuery(v.trend, o) };
    case 'embed-trend':
      return { path: `/embed/tren/${v.code}/`, query: trendToQuery(v.trend, o) };
  }
}

/** The root-relative URL (base, language prefix, path, query) of a view. */
export function viewHref(v: View, lang: Lang, o: ShareOptions, base = '/'): string {
  const { path, query } = viewPath(v, o);
  return localePath(path, lang, base) + query;
}

/** The absolute URL of a view in a language, with the options that decide the defaults (so defaults stay out). */
export function permalink(v: View, lang: Lang, o: ShareOptions, site: string | URL, base = '/'): string {
  return absoluteUrl(viewHref(v, lang, o, base), site);
}

/** `path` (root-relative) resolved against the site origin; keeps the path as given. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

/**
 * The view a URL shows (pathname and search of any page of the site, under `base`), with the keys that were invalid.
 * Unknown paths give `null`; an unknown area code in an area path gives `null` too (there is no such page). Never
 * throws.
 */
export function viewFromUrl(
  pathname: string,
  search: string,
  o: ShareOptions,
  base = '/',
): { view: View; lang: Lang; invalid: string[] } | null {
  let lang: Lang;
  let path: string;
  try {
    ({ lang, path } = splitLocalePath(pathname, base));
  } catch {
    return null;
  }
  if (!path.endsWith('/')) path += '/';
  if (path === '/') return { view: { kind: 'overview' }, lang, invalid: [] };
  if (path === '/peta/' || path === '/embed/peta/') {
    const { state, invalid } = mapFromQuery(search, o);
    return { view: { kind: path === '/peta/' ? 'map' : 'embed-map', state }, lang, invalid };
  }
  const m = /^\/(wilayah|embed\/tren)\/([^/]+)\/$/.exec(path);
  if (m) {
    const code = m[2];
    if (!isAreaCode(code) || !hasArea(o, code)) return null;
    const { state, invalid } = trendFromQuery(search, o);
    return { view: { kind: m[1] === 'wilayah' ? 'area' : 'embed-trend', code, trend: state }, lang, invalid };
  }
  return null;
}

function hasArea(o: ShareOptions, code: string): boolean {
  if (!o.areas) return true;
  return 'has' in o.areas ? (o.areas as ReadonlySet<string>).has(code) : (o.areas as readonly string[]).includes(code);
}

/**
 * The embeds that show (part of) a view, most specific first: the map explorer → its map; an area page → its trend
 * (and, for the kabupaten, the map); the overview → the kabupaten's trend and the map; an embed → itself.
 */
export function embedsOf(v: View, o: ShareOptions): View[] {
  const mapDefault = (): MapState => mapFromQuery('', o).state;
  switch (v.kind) {
    case 'map':
      return [{ kind: 'embed-map', state: v.state }];
    case 'area':
      return [{ kind: 'embed-trend', code: v.code, trend: v.trend }];
    case 'overview':
      return [
        ...(o.region ? [{ kind: 'embed-trend' as const, code: o.region, trend: defaultTrend(o) }] : []),
        { kind: 'embed-map', state: mapDefault() },
      ];
    case 'embed-map':
    case 'embed-trend':
      return [v];
  }
}

/** A stable, readable id of an embed view (`tren-35.10.01-stunting`, `peta-desa-stunting-2025-08`), for the
 * postMessage `id` and the iframe `name`. */
export function embedId(v: View): string {
  switch (v.kind) {
    case 'embed-trend':
    case 'area':
      return `tren-${v.code}-${v.trend.indicator}`;
    case 'embed-map':
    case 'map':
      return `peta-${v.state.level}-${v.state.indicator}-${v.state.period}${v.state.area ? `-${v.state.area}` : ''}`;
    case 'overview':
      return 'ringkasan';
  }
}
