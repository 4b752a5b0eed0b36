import { describe, expect, it } from 'vitest';
import { fill, text } from './lookup.ts';
import { STRINGS, TABLES, t, type StringKey } from './strings.ts';

/** The placeholder names of a string, sorted, each once. */
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the string table', () => {
  const keys = Object.keys(STRINGS) as StringKey[];

  it('has every key in both languages, none empty or blank', () => {
    expect(keys.length).toBeGreaterThan(100);
    for (const k of keys) {
      expect(typeof STRINGS[k].id, k).toBe('string');
      expect(typeof STRINGS[k].en, k).toBe('string');
      expect(STRINGS[k].id.trim(), k).not.toBe('');
      expect(STRINGS[k].en.trim(), k).not.toBe('');
    }
  });

  /** Keys whose languages may name different placeholders, each with the reason. */
  const PLACEHOLDER_EXCEPTIONS: Partial<Record<StringKey, string>> = {
    compareTitle:
      'a template filled in the browser (src/client/compare.ts): {i} is the indicator lower-cased mid-sentence in ' +
      'Indonesian, {I} the indicator at the start of the English title; the build fills both with the same name',
  };

  it('has the same placeholders in both languages', () => {
    for (const k of keys) {
      if (k in PLACEHOLDER_EXCEPTIONS) continue;
      expect(placeholders(STRINGS[k].en), k).toEqual(placeholders(STRINGS[k].id));
    }
    expect(placeholders(STRINGS.compareTitle.id)).toEqual(['a', 'i']);
    expect(placeholders(STRINGS.compareTitle.en)).toEqual(['I', 'a']);
  });

  it('has each key in exactly one domain table, so no table silently overrides another', () => {
    const seen = new Map<string, string>();
    for (const [name, table] of Object.entries(TABLES)) {
      for (const k of Object.keys(table)) {
        expect(seen.get(k), `${k} in ${name}`).toBeUndefined();
        seen.set(k, name);
      }
    }
    expect(seen.size).toBe(keys.length);
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(t('id', 'rankText', { rank: 3, total: 25 })).toBe('urutan ke-3 dari 25 (1 = prevalensi tertinggi)');
    expect(t('en', 'trendTitle', { indicator: 'Wasting', area: 'X' })).toBe('Wasting prevalence trend: X');
    expect(t('en', 'searchResults', {})).toBe('{n} results');
    expect(t('id', 'embed')).toBe('Sematkan');
    expect(fill('{a} and {a}, {b}', { a: 1 })).toBe('1 and 1, {b}');
  });

  it('reads a domain table through the same lookup', () => {
    const table = { hello: { id: 'Halo {name}', en: 'Hello {name}' } };
    expect(text(table, 'id', 'hello', { name: 'Ani' })).toBe('Halo Ani');
    expect(text(table, 'en', 'hello', { name: 'Ani' })).toBe('Hello Ani');
  });
});
