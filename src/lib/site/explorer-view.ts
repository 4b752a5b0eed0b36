/**
 * View model of the map explorer (src/components/MapExplorer.astro): the view to render (the site's default, or the
 * one of a static state page), the no-JavaScript links to the neighbouring views, the options of the controls, and
 * the caption and rows of the table of every area. Pure: the component passes in the contract data (and how to read
 * a level's values for a period) and renders what comes out.
 */
import type { IndicatorId, Level } from '../types.ts';
import type { AreaJson, MapAreaValues, Meta } from './contract.ts';
import { defaultState, statePath, type MapLevel, type MapState } from './map-state.ts';
import { mapRows, weakAreas } from './map-model.ts';
import { tableRowsHtml } from './map-html.ts';
import { formatPeriod, type Lang } from './format.ts';
import { localePath, pick } from './i18n.ts';

/** The explorer's own words. */
function labels(lang: Lang) {
  return lang === 'id'
    ? {
        controls: 'Pilih tampilan peta', level: 'Tingkat', kecamatan: 'Kecamatan', desa: 'Desa/kelurahan', indicator: 'Indikator',
        period: 'Periode', show: 'Tampilkan', table: 'Semua wilayah', area: 'Wilayah', kec: 'Kecamatan', prev: 'Prevalensi (%)',
        ci: 'SK 95%', n: 'Balita (n)', cls: 'Kelas / keterangan', sortHint: 'Klik judul kolom untuk mengurutkan.',
        noscript: 'Tanpa JavaScript, pilih tampilan dengan tautan di atas; setiap tampilan adalah halaman tersendiri.',
        views: 'Tampilan peta',
        downloads: 'Unduh data (CSV, JSON)',
        caption: (l: string, lv: string, p: string) => `${l} per ${lv}, ${p}`,
      }
    : {
        controls: 'Choose the map view', level: 'Level', kecamatan: 'District (kecamatan)', desa: 'Village (desa/kelurahan)', indicator: 'Indicator',
        period: 'Period', show: 'Show', table: 'All areas', area: 'Area', kec: 'Kecamatan', prev: 'Prevalence (%)',
        ci: '95% CI', n: 'Children (n)', cls: 'Class / note', sortHint: 'Click a column heading to sort.',
        noscript: 'Without JavaScript, choose a view with the links above; each view is a page of its own.',
        views: 'Map views',
        downloads: 'Download the data (CSV, JSON)',
        caption: (l: string, lv: string, p: string) => `${l} by ${lv}, ${p}`,
      };
}

/** What the explorer is drawn from. */
export interface ExplorerInput {
  lang: Lang;
  /** The view to render (a static state page); absent: the site's default view. */
  given?: { level: MapLevel; indicator: IndicatorId; period: string };
  meta: Meta;
  areas: AreaJson[];
  /** The published values of a level in a period (`map/<level>/<period>.json`'s `values`). */
  mapValues: (level: Level, period: string) => Record<string, MapAreaValues>;
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

/** The choices of the three controls (level, indicator, period, latest period first) for the view `state`. */
function choices(meta: Meta, levels: readonly MapLevel[], state: MapState, lang: Lang, base: string, levelWord: (l: string) => string) {
  // Links to the static page of each view that differs from this one in one control (the no-JavaScript controls).
  const viewHref = (s: Partial<MapState>) => localePath(statePath({ ...state, ...s }), lang, base);
  const level: Choice[] = levels.map((l) => ({ value: l, href: viewHref({ level: l }), text: levelWord(l), current: l === state.level }));
  const indicator: Choice[] = meta.indicators.map((i) => ({ value: i.id, href: viewHref({ indicator: i.id as IndicatorId }), text: pick(i.label, lang), current: i.id === state.indicator }));
  const period: Choice[] = [...meta.periods].reverse().map((p) => ({ value: p, href: viewHref({ period: p }), text: formatPeriod(p, lang), current: p === state.period }));
  return { level, indicator, period };
}

/** Everything MapExplorer.astro renders. */
export function explorerView(input: ExplorerInput) {
  const { lang, given, meta, areas, base } = input;
  const levels = meta.levels.filter((l): l is 'kecamatan' | 'desa' => l === 'kecamatan' || l === 'desa');
  const siteDefault = defaultState({ periods: meta.periods, indicators: meta.indicators.map((i) => i.id), levels, defaults: { period: meta.latest_period } });
  const state = given ? { ...siteDefault, ...given } : siteDefault;
  const level: Level = state.level;
  const indicator: IndicatorId = state.indicator;
  const period = state.period;

  const parentNames: Record<string, string> = {};
  for (const a of areas) if (a.level !== 'desa') parentNames[a.code] = a.name;
  const quality = weakAreas(input.qualityAreas as Parameters<typeof weakAreas>[0], period);
  const rows = mapRows({ areas, values: input.mapValues(level, period), indicator, level, period, parentNames: level === 'desa' ? parentNames : undefined, quality });
  const areaHref = (code: string) => localePath(`/wilayah/${code}/`, lang, base);
  const indicatorLabel = pick(meta.indicators.find((i) => i.id === indicator)?.label, lang);

  const T = labels(lang);
  const levelWord = (l: string) => (l === 'desa' ? T.desa : T.kecamatan);
  const shortLabel = (label: string) => label.replace(/\s*\(.*$/, '');
  const c = choices(meta, levels, state, lang, base, levelWord);
  const linkGroups = [
    { legend: T.level, items: c.level },
    { legend: T.indicator, items: c.indicator.map((i) => ({ ...i, text: shortLabel(i.text) })) },
    { legend: T.period, items: c.period },
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
    tableCaption: T.caption(indicatorLabel, levelWord(level).toLowerCase(), formatPeriod(period, lang)),
    tableRowsHtml: tableRowsHtml(rows, { lang, indicator, href: areaHref, withParent: level === 'desa' }),
  };
}
