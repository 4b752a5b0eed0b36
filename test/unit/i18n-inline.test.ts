/**
 * User-facing strings live in the string table (src/lib/i18n/), not in inline `lang === 'id' ? 'x' : 'y'`
 * ternaries. This counts the ternaries on a language test whose branch is a string literal (`'…'`, `"…"`, `` `…` ``),
 * and `if (lang === 'id') return '…'`, in the site's components, pages, layouts, src/lib/site, src/lib/share and
 * src/client, through a name that holds the test too (`const id = lang === 'id'`). What remains must be listed
 * below with its reason: a choice of a locale code, a path segment or a number format rather than of words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCOPE = ['src/components', 'src/pages', 'src/layouts', 'src/lib/site', 'src/lib/share', 'src/client'];

/** The string ternaries that stay, each with the reason: `file` and the text of the match. */
const ALLOWED: { file: string; match: string; reason: string }[] = [
  { file: 'src/lib/site/i18n.ts', match: "lang === 'en' ? 'en/'", reason: 'the URL path segment of the English pages' },
  { file: 'src/lib/site/i18n.ts', match: "lang === 'id' ? 'en'", reason: 'otherLang: a language code' },
  { file: 'src/lib/site/i18n.ts', match: "lang === 'id' ? 'id'", reason: 'htmlLang: the BCP 47 tag' },
  { file: 'src/lib/site/format.ts', match: "lang === 'id' ? '.'", reason: 'number format: the thousands separator' },
  { file: 'src/lib/site/format.ts', match: "lang === 'id' ? ','", reason: 'number format: the decimal mark' },
  { file: 'src/layouts/Base.astro', match: "lang === 'id' ? 'id_ID'", reason: 'og:locale, a locale code' },
  { file: 'src/client/search.ts', match: "lang === 'en' ? 'en'", reason: 'reads the page language from data-lang' },
  { file: 'src/client/search.ts', match: "lang === 'en' ? 'en/'", reason: 'the URL path segment of the English pages' },
  { file: 'src/client/map-gl.ts', match: "lang === 'en' ? 'en'", reason: 'reads the map\'s language code from its config' },
  { file: 'src/lib/site/area-page-view.ts', match: "lang === 'id' ? 'id-ID'", reason: 'the locale of toLocaleString for the parent\'s rate' },
  {
    file: 'src/lib/site/map-explorer.ts',
    match: "lang === 'id' ? `${label} per ${lw}",
    reason:
      'the caption the explorer redraws in the browser: its words are `mapCaption` of the table, which the page\'s ' +
      'JavaScript does not carry; reading it from the browser table (i18n/map.ts) changes the published bundle',
  },
  {
    file: 'src/components/ScrollHint.astro',
    match: "lang === 'id' ? 'Tabel ini lebar",
    reason:
      'the component imports nothing at run time, and Astro orders a page\'s inline CSS by the position of each ' +
      'component\'s imports: one import of `t` moves its CSS in 194 published pages',
  },
];

/** Files that keep a name for the language test (`const id = lang === 'id'`), with the reason. */
const ALIASES: Record<string, string> = {
  'src/components/pages/Methodology.astro': 'paragraphs with links, <strong> and <code> stay bilingual markup',
  'src/components/pages/DataPage.astro': 'paragraphs with links and <code> stay bilingual markup',
};

/** Every .astro and .ts file under a folder, tests excepted, as repository paths. */
function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return files(path);
    return /\.(astro|ts)$/.test(name) && !name.endsWith('.test.ts') ? [relative(ROOT, join(ROOT, path))] : [];
  });
}

const LANG_TEST = String.raw`[\w.]*\b[lL]ang\)?\s*===\s*'(?:id|en)'`;

/** The names a source declares for a language test: `const id = lang === 'id'` → ['id']. */
function aliases(src: string): string[] {
  return [...src.matchAll(new RegExp(String.raw`\bconst\s+(\w+)\s*=\s*${LANG_TEST}\s*;`, 'g'))].map((m) => m[1]);
}

/** The string ternaries (and `if (…) return '…'`) on a language test in a source, as matched text. */
function stringTernaries(src: string): string[] {
  const cond = [LANG_TEST, ...aliases(src).map((a) => String.raw`\b${a}\b`)].join('|');
  const ternary = new RegExp(String.raw`\(?(?:${cond})\s*\?\s*\(?\s*['"\x60][^'"\x60\n]*['"\x60]?`, 'g');
  const early = new RegExp(String.raw`\bif\s*\((?:${cond})\)\s*(?:return\s*['"\x60]|\{)[^\n]*`, 'g');
  return [...src.matchAll(ternary), ...src.matchAll(early)].map((m) => m[0]);
}

describe('inline language ternaries', () => {
  const scope = SCOPE.flatMap(files).filter((f) => !f.startsWith('src/lib/publish/'));

  it('finds them (the detector is not vacuous)', () => {
    expect(scope.length).toBeGreaterThan(50);
    expect(stringTernaries("const x = lang === 'id' ? 'Ya' : 'Yes';")).toHaveLength(1);
    expect(stringTernaries('{lang === \'en\'\n  ? `Hi ${a}` : `Halo ${a}`}')).toHaveLength(1);
    expect(stringTernaries("const id = lang === 'id';\nconst w = id ? 'kel.' : 'urban';")).toHaveLength(1);
    expect(stringTernaries("if (cfg.lang === 'id') return 'tetap';")).toHaveLength(1);
    expect(stringTernaries("const s = lang === 'id' ? s.toLowerCase() : s;")).toHaveLength(0);
  });

  it('leaves none in the files in scope but the listed exceptions', () => {
    const found = scope.flatMap((file) => stringTernaries(readFileSync(join(ROOT, file), 'utf8')).map((match) => ({ file, match })));
    const allowed = (f: { file: string; match: string }) => ALLOWED.some((a) => a.file === f.file && f.match.includes(a.match));
    expect(found.filter((f) => !allowed(f))).toEqual([]);
    // Every exception is still needed, so the list cannot rot.
    for (const a of ALLOWED) expect(found.some((f) => f.file === a.file && f.match.includes(a.match)), `${a.file}: ${a.match}`).toBe(true);
  });

  it('keeps a name for the language test only where listed', () => {
    const withAlias = scope.filter((file) => aliases(readFileSync(join(ROOT, file), 'utf8')).length > 0).sort();
    expect(withAlias).toEqual(Object.keys(ALIASES).sort());
  });
});

describe('browser code and the string table', () => {
  /** The relative value imports of a module (type-only imports are erased and do not count). */
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'|import\('(\.[^']+)'\)/gm)]
      .map((m) => resolve(dirname(file), m[1] ?? m[2] ?? m[3]))
      .filter((f) => f.endsWith('.ts'));

  it('reaches the whole table (src/lib/i18n/strings.ts) from src/client only through a re-export it does not use', () => {
    const seen = new Set<string>();
    const todo = readdirSync(join(ROOT, 'src/client')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(ROOT, 'src/client', f));
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      todo.push(...importsOf(f));
    }
    const reached = [...seen].map((f) => relative(ROOT, f));
    expect(reached).toContain('src/lib/i18n/lookup.ts');
    expect(reached).toContain('src/lib/i18n/client.ts');
    // Reached only through the re-export of `t` beside the locale paths, which the browser does not use: the
    // table is one call marked pure, so the bundler drops it.
    const importers = reached.filter((f) => importsOf(join(ROOT, f)).includes(join(ROOT, 'src/lib/i18n/strings.ts')));
    expect(importers.filter((f) => f !== 'src/lib/site/i18n.ts' && f !== 'src/lib/share/strings.ts')).toEqual([]);
    expect(readFileSync(join(ROOT, 'src/lib/i18n/strings.ts'), 'utf8')).toMatch(/export const STRINGS: AllStrings = \/\* @__PURE__ \*\/ Object\.assign\(/);
  });
});
