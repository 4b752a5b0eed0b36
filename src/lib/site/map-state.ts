/**
 * URL state of the map explorer: level, indicator, period, selected area and the smoothed colouring, as the query
 * `?tingkat=desa&indikator=stunting&periode=2025-08&wilayah=35.10.01.2001&nilai=terhaluskan`.
 *
 * `toQuery` writes only what differs from the defaults (so the default view has a clean URL); `fromQuery` parses each
 * key to valid, invalid or missing and never throws: an invalid value falls back to the default and is reported in
 * `invalid` (the page reports it once, e.g. in the console). English aliases (`level`, `indicator`, `period`, `area`)
 * are read too, so a hand-written English link works; the Indonesian keys are always written.
 */
import { DEFAULT_INDICATOR } from '../indicators/default.ts';
import type { Level } from '../types.ts';

/** The levels the explorer maps: the two below the region (a kab/kota site: kecamatan and desa; a province site:
 * kab/kota and kecamatan, its desa being mapped per kab/kota on their pages). */
export type MapLevel = Exclude<Level, 'provinsi'>;
export const MAP_LEVELS: readonly MapLevel[] = ['kabupaten', 'kecamatan', 'desa'];

const KAB_SITE_LEVELS: readonly MapLevel[] = ['kecamatan', 'desa'];

/** The level of the parent named beside each area in a map's table: a desa's kecamatan; on a province site (whose
 * explorer maps the kab/kota level too) a kecamatan's kab/kota, since ≈660 kecamatan of 38 kab/kota repeat names;
 * null when the table needs none. */
export function parentColumnLevel(level: Level, mapLevels: readonly Level[]): 'kecamatan' | 'kabupaten' | null {
  if (level === 'desa') return 'kecamatan';
  return level === 'kecamatan' && mapLevels.includes('kabupaten') ? 'kabupaten' : null;
}

/** The levels a site's explorer maps, from meta.json's levels (the region's level first). */
export function mapLevels(levels: readonly Level[]): MapLevel[] {
  return levels.slice(1, 3) as MapLevel[];
}

export interface MapState {
  level: MapLevel;
  /** A z-score indicator or a convergence indicator (map-indicator.ts): any published id. */
  indicator: string;
  period: string;
  /** Selected area (dotted code) or null. */
  area: string | null;
  /** Coloured by the smoothed figures (`nilai=terhaluskan`); absent or false: the raw figures. */
  smoothed?: boolean;
}

/** What the state may hold: the published periods and indicators, the levels, and optionally the known area codes. */
export interface MapStateOptions {
  periods: readonly string[];
  indicators: readonly string[];
  /** The periods of the indicators whose figures cover fewer periods than `periods` (the convergence indicators); a
   * state's period outside them falls back to the indicator's latest. */
  indicatorPeriods?: Readonly<Record<string, readonly string[]>>;
  levels?: readonly string[];
  /** Known area codes; when given, `wilayah` must be one of them. */
  areas?: ReadonlySet<string> | readonly string[];
  /** Defaults; when absent: desa (else the first allowed level), stunting (else the first), the last period. */
  defaults?: Partial<MapState>;
}

/** Query keys, Indonesian (written) and English aliases (read only). */
export const QUERY_KEYS = {
  level: ['tingkat', 'level'],
  indicator: ['indikator', 'indicator'],
  period: ['periode', 'period'],
  area: ['wilayah', 'area'],
  smoothed: ['nilai', 'value'],
} as const;

/** Values of `nilai` / `value`: smoothed or raw figures. */
const SMOOTHED_VALUES: Record<string, boolean> = { terhaluskan: true, smoothed: true, mentah: false, raw: false };

const CODE_RE = /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/;
const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

function allowedLevels(o: MapStateOptions): MapLevel[] {
  const given = (o.levels ?? KAB_SITE_LEVELS).filter((l): l is MapLevel => (MAP_LEVELS as readonly string[]).includes(l));
  return given.length ? given : [...KAB_SITE_LEVELS];
}

/** The default state for these options. */
export function defaultState(o: MapStateOptions): MapState {
  const levels = allowedLevels(o);
  const d = o.defaults ?? {};
  const level = d.level && levels.includes(d.level) ? d.level : levels.includes('desa') ? 'desa' : levels[0];
  const indicator =
    d.indicator && o.indicators.includes(d.indicator)
      ? d.indicator
      : o.indicators.includes(DEFAULT_INDICATOR)
        ? DEFAULT_INDICATOR
        : (o.indicators[0] ?? DEFAULT_INDICATOR);
  const period = d.period && o.periods.includes(d.period) ? d.period : (o.periods[o.periods.length - 1] ?? '');
  return { level, indicator, period: periodFor(o, indicator, period), area: d.area ?? null };
}

/** The periods with figures of an indicator. */
export function periodsOf(o: Pick<MapStateOptions, 'periods' | 'indicatorPeriods'>, indicator: string): readonly string[] {
  return o.indicatorPeriods?.[indicator] ?? o.periods;
}

/** `period` if the indicator has figures for it, else the indicator's latest period. */
export function periodFor(o: Pick<MapStateOptions, 'periods' | 'indicatorPeriods'>, indicator: string, period: string): string {
  const ps = periodsOf(o, indicator);
  return ps.includes(period) ? period : (ps[ps.length - 1] ?? period);
}

function hasArea(o: MapStateOptions, code: string): boolean {
  if (!o.areas) return true;
  return 'has' in o.areas ? (o.areas as ReadonlySet<string>).has(code) : (o.areas as readonly string[]).includes(code);
}

/** The query string (with `?`, or `''` for the default state) of a state; only keys that differ from the defaults. */
export function toQuery(state: MapState, o: MapStateOptions): string {
  const d = defaultState(o);
  const p = new URLSearchParams();
  if (state.level !== d.level) p.set('tingkat', state.level);
  if (state.indicator !== d.indicator) p.set('indikator', state.indicator);
  if (state.period !== d.period) p.set('periode', state.period);
  if (state.area && state.area !== d.area) p.set('wilayah', state.area);
  if (state.smoothed) p.set('nilai', 'terhaluskan');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The parsed state and the keys whose values were invalid (and fell back to the default). Never throws. */
export function fromQuery(
  query: string | URLSearchParams | null | undefined,
  o: MapStateOptions,
): { state: MapState; invalid: string[] } {
  const d = defaultState(o);
  let p: URLSearchParams;
  try {
    p = query instanceof URLSearchParams ? query : new URLSearchParams(typeof query === 'string' ? query : '');
  } catch {
    p = new URLSearchParams();
  }
  const invalid: string[] = [];
  const read = (keys: readonly string[]): [string, string] | null => {
    for (const k of keys) {
      const v = p.get(k);
      if (v !== null) return [k, v.trim()];
    }
    return null;
  };
  const state: MapState = { ...d };

  const level = read(QUERY_KEYS.level);
  if (level) {
    const v = level[1].toLowerCase();
    if ((allowedLevels(o) as string[]).includes(v)) state.level = v as MapLevel;
    else invalid.push(level[0]);
  }
  const indicator = read(QUERY_KEYS.indicator);
  if (indicator) {
    const v = indicator[1].toLowerCase().replace(/-/g, '_');
    if (o.indicators.includes(v)) state.indicator = v;
    else invalid.push(indicator[0]);
  }
  const period = read(QUERY_KEYS.period);
  if (period) {
    const v = period[1];
    if (PERIOD_RE.test(v) && o.periods.includes(v)) state.period = v;
    else invalid.push(period[0]);
  }
  state.period = periodFor(o, state.indicator, state.period);
  const area = read(QUERY_KEYS.area);
  if (area) {
    const v = area[1];
    if (CODE_RE.test(v) && hasArea(o, v)) state.area = v;
    else invalid.push(area[0]);
  }
  const smoothed = read(QUERY_KEYS.smoothed);
  if (smoothed) {
    const v = SMOOTHED_VALUES[smoothed[1].toLowerCase()];
    if (v === undefined) invalid.push(smoothed[0]);
    else if (v) state.smoothed = true;
  }
  return { state, invalid };
}

/** The language-free path of a state's static explorer page: `/peta/desa/stunting/2025-08/`. Static hosts ignore
 * query strings, so each level × indicator × period has its own page for readers without JavaScript. */
export function statePath(s: Pick<MapState, 'level' | 'indicator' | 'period'>): string {
  return `/peta/${s.level}/${s.indicator}/${s.period}/`;
}

/** The view of a static explorer page's path (`…/peta/desa/stunting/2025-08/`, any base or language prefix; a
 * province site's `…/peta/kabupaten/…` too), or null for any other path. Not checked against the published values: `fromQuery` with these as defaults does that. */
export function stateFromPath(pathname: string): Pick<MapState, 'level' | 'indicator' | 'period'> | null {
  const m = /\/peta\/(kabupaten|kecamatan|desa)\/([a-z0-9_]+)\/(\d{4}-\d{2})\/?$/.exec(pathname);
  return m ? { level: m[1] as MapLevel, indicator: m[2], period: m[3] } : null;
}

/** Every explorer state with a static page: each allowed level × indicator × period (periods default to all). */
export function staticStates(o: MapStateOptions, periods: readonly string[] = o.periods): Omit<MapState, 'area'>[] {
  const out: Omit<MapState, 'area'>[] = [];
  for (const level of allowedLevels(o)) {
    for (const indicator of o.indicators) {
      const own = periodsOf(o, indicator);
      for (const period of periods) if (own.includes(period)) out.push({ level, indicator, period });
    }
  }
  return out;
}
