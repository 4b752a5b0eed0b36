/**
 * Every user-facing string of the site in one table, and `t`, the lookup the build-time code (pages, components,
 * src/lib) uses. The table is the union of the domain tables beside this file; a key lives in exactly one of them
 * (a test holds that). Browser code does not use this module: it reads its own small table through `text`
 * (src/lib/i18n/lookup.ts), so the page's JavaScript carries only the strings it shows.
 */
import type { Lang } from '../site/format.ts';
import { text, type Vars } from './lookup.ts';
import { AREA_PAGE } from './area-page.ts';
import { CHARTS } from './charts.ts';
import { CONVERGENCE } from './convergence.ts';
import { AREA_TITLES, CELL_STATUS, CHANGE_WORDS } from './cells.ts';
import { COPY_STATUS, SEARCH_RESULTS, URL_PARAMS } from './client.ts';
import { DOWNLOAD_FILES } from './downloads.ts';
import { MAP } from './map.ts';
import { MAP_VIEW } from './map-view.ts';
import { METHOD } from './method.ts';
import { PAGES } from './pages.ts';
import { PLAIN } from './plain.ts';
import { SHARE } from './share.ts';
import { SITE } from './site.ts';

/** The domain tables by name, the browser table by group (exported for the tests: completeness, placeholders, no
 * key in two tables). */
export const TABLES = {
  site: SITE,
  pages: PAGES,
  areaPage: AREA_PAGE,
  downloadFiles: DOWNLOAD_FILES,
  method: METHOD,
  plain: PLAIN,
  charts: CHARTS,
  convergence: CONVERGENCE,
  share: SHARE,
  map: MAP,
  mapView: MAP_VIEW,
  copyStatus: COPY_STATUS,
  urlParams: URL_PARAMS,
  searchResults: SEARCH_RESULTS,
  areaTitles: AREA_TITLES,
  cellStatus: CELL_STATUS,
  changeWords: CHANGE_WORDS,
};

/** The union of the tables' types. */
type AllStrings = typeof SITE & typeof PAGES & typeof AREA_PAGE & typeof DOWNLOAD_FILES & typeof METHOD & typeof PLAIN &
  typeof CHARTS & typeof CONVERGENCE & typeof SHARE & typeof MAP & typeof MAP_VIEW & typeof COPY_STATUS & typeof URL_PARAMS &
  typeof SEARCH_RESULTS & typeof AREA_TITLES & typeof CELL_STATUS & typeof CHANGE_WORDS;

/**
 * Every string: key → `{ id, en }`. A call marked pure: browser code reaches this module through the re-export in
 * src/lib/site/i18n.ts without using it, and the bundler then leaves the whole table out.
 */
export const STRINGS: AllStrings = /* @__PURE__ */ Object.assign(
  {},
  SITE,
  PAGES,
  AREA_PAGE,
  DOWNLOAD_FILES,
  METHOD,
  PLAIN,
  CHARTS,
  CONVERGENCE,
  SHARE,
  MAP,
  MAP_VIEW,
  COPY_STATUS,
  URL_PARAMS,
  SEARCH_RESULTS,
  AREA_TITLES,
  CELL_STATUS,
  CHANGE_WORDS,
);

/** A key of the string table. */
export type StringKey = keyof typeof STRINGS;

/** The string for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: StringKey, vars?: Vars): string {
  return text(STRINGS, lang, key, vars);
}

/** The strings of `keys` (a name → table key map) in `lang`, under the same names: a component's words as one object. */
export function texts<K extends Readonly<Record<string, StringKey>>>(lang: Lang, keys: K): { [P in keyof K]: string } {
  return Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, t(lang, key)])) as { [P in keyof K]: string };
}
