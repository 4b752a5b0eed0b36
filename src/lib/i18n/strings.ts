/**
 * Every user-facing string of the site in one table, and `t`, the lookup the build-time code (pages, components,
 * src/lib) uses. The table is the union of the domain tables beside this file; a key lives in exactly one of them
 * (a test holds that). Browser code does not use this module: it reads its own small table through `text`
 * (src/lib/i18n/lookup.ts), so the page's JavaScript carries only the strings it shows.
 */
import type { Lang } from '../site/format.ts';
import { text, type Vars } from './lookup.ts';
import { CHARTS } from './charts.ts';
import { CONVERGENCE } from './convergence.ts';
import { AREA_TITLES, CELL_STATUS, CHANGE_WORDS } from './cells.ts';
import { COPY_STATUS, SEARCH_RESULTS, URL_PARAMS } from './client.ts';
import { MAP } from './map.ts';
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
  method: METHOD,
  plain: PLAIN,
  charts: CHARTS,
  convergence: CONVERGENCE,
  share: SHARE,
  map: MAP,
  copyStatus: COPY_STATUS,
  urlParams: URL_PARAMS,
  searchResults: SEARCH_RESULTS,
  areaTitles: AREA_TITLES,
  cellStatus: CELL_STATUS,
  changeWords: CHANGE_WORDS,
};

/** The union of the tables' types. */
type AllStrings = typeof SITE & typeof PAGES & typeof METHOD & typeof PLAIN & typeof CHARTS & typeof CONVERGENCE & typeof SHARE &
  typeof MAP & typeof COPY_STATUS & typeof URL_PARAMS & typeof SEARCH_RESULTS & typeof AREA_TITLES & typeof CELL_STATUS & typeof CHANGE_WORDS;

/**
 * Every string: key → `{ id, en }`. A call marked pure: browser code reaches this module through the re-export in
 * src/lib/site/i18n.ts without using it, and the bundler then leaves the whole table out.
 */
export const STRINGS: AllStrings = /* @__PURE__ */ Object.assign(
  {},
  SITE,
  PAGES,
  METHOD,
  PLAIN,
  CHARTS,
  CONVERGENCE,
  SHARE,
  MAP,
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
