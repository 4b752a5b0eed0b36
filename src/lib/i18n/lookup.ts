/**
 * The one way to read a user-facing string: every table (src/lib/i18n/*.ts) maps a key to `{ id, en }`, Bahasa
 * Indonesia first, and `text` picks the language and fills `{name}` placeholders. A table is declared with
 * `satisfies Strings`, so a key without its Indonesian or its English string does not compile. Small on purpose:
 * browser code imports this with the one small table it needs (src/lib/i18n/client.ts), never the whole site table.
 */
import type { Lang } from '../site/format.ts';

/** One user-facing string in both languages. */
interface Both {
  readonly id: string;
  readonly en: string;
}

/** A string table: key → the string in both languages. */
export type Strings = Readonly<Record<string, Both>>;

/** Placeholder values: `{n}` in a string is replaced by `vars.n`. */
export type Vars = Readonly<Record<string, string | number>>;

/** `s` with every `{name}` placeholder that `vars` names filled in; unknown names stay as written. */
export function fill(s: string, vars?: Vars): string {
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** The string `key` of `table` in `lang`, with `{name}` placeholders filled from `vars`. */
export function text<T extends Strings>(table: T, lang: Lang, key: keyof T & string, vars?: Vars): string {
  return fill(table[key][lang], vars);
}
