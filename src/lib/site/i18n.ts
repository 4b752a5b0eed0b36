/**
 * Locale-aware paths and the language helpers. Bahasa Indonesia is the default language at the root; English lives
 * under `/en/`. The user-facing strings are in src/lib/i18n/; `t` (src/lib/i18n/strings.ts) is re-exported here.
 */
import type { Lang } from './format.ts';

export type { Lang } from './format.ts';

// Pages and components read `t` here with the locale helpers, so an .astro file keeps one import for both: the
// order of the inline CSS of a built page follows the position of each component's imports (Astro's cssOrder).
export { t, type StringKey } from '../i18n/strings.ts';

/** Both languages, default first. */
export const LANGS: readonly Lang[] = ['id', 'en'] as const;

/** `base` with exactly one trailing slash (`/`, `/stunting/`). */
export function normaliseBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** The URL of a site path in a language under a base: ('/wilayah/35.10/', 'en', '/stunting/') → '/stunting/en/wilayah/35.10/'. */
export function localePath(path: string, lang: Lang, base = '/'): string {
  const b = normaliseBase(base);
  const p = path.replace(/^\/+/, '');
  return `${b}${lang === 'en' ? 'en/' : ''}${p}`;
}

/** The language and language-free site path of a URL pathname under `base`: '/stunting/en/peta/' → {lang:'en', path:'/peta/'}. */
export function splitLocalePath(pathname: string, base = '/'): { lang: Lang; path: string } {
  const b = normaliseBase(base);
  let rest = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  let lang: Lang = 'id';
  if (rest === 'en' || rest.startsWith('en/')) {
    lang = 'en';
    rest = rest.slice(2).replace(/^\//, '');
  }
  return { lang, path: `/${rest}` };
}

/** The same page in the other language: '/stunting/wilayah/35.10/' → '/stunting/en/wilayah/35.10/'. */
export function switchLocalePath(pathname: string, to: Lang, base = '/'): string {
  return localePath(splitLocalePath(pathname, base).path, to, base);
}

/** The other language. */
export function otherLang(lang: Lang): Lang {
  return lang === 'id' ? 'en' : 'id';
}

/** BCP 47 tag for `<html lang>` and `hreflang`. */
export function htmlLang(lang: Lang): string {
  return lang === 'id' ? 'id' : 'en';
}

/** Picks the language's text of a `{id, en}` object, falling back to Indonesian. */
export function pick(text: { id: string; en?: string } | null | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'en' ? text.en : text.id) || text.id;
}

/** The label of an indicator from meta.indicators in a language, or the id when it is not listed. */
export function indicatorLabel(indicators: readonly { id: string; label: { id: string; en?: string } }[], id: string, lang: Lang): string {
  const found = indicators.find((i) => i.id === id);
  return found ? pick(found.label, lang) : id;
}
