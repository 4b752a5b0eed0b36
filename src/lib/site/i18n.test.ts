import { describe, expect, it } from 'vitest';
import { STRINGS, localePath, normaliseBase, pick, splitLocalePath, switchLocalePath, t } from './i18n.ts';

describe('i18n', () => {
  it('has every key in both languages, none empty', () => {
    const idKeys = Object.keys(STRINGS.id).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(idKeys);
    for (const k of idKeys) {
      expect(STRINGS.id[k as keyof typeof STRINGS.id]).not.toBe('');
      expect(STRINGS.en[k as keyof typeof STRINGS.en]).not.toBe('');
    }
  });
  it('fills placeholders', () => {
    expect(t('id', 'rankText', { rank: 3, total: 25 })).toBe('urutan ke-3 dari 25 (1 = prevalensi tertinggi)');
    expect(t('en', 'searchResults', {})).toBe('{n} results');
  });
  it.each([
    ['/', 'id', '/', '/'],
    ['/', 'en', '/', '/en/'],
    ['/wilayah/35.10/', 'en', '/stunting/', '/stunting/en/wilayah/35.10/'],
    ['wilayah/', 'id', '/stunting', '/stunting/wilayah/'],
    ['/data/', 'id', '', '/data/'],
  ] as const)('localePath(%s, %s, %s) is %s', (path, lang, base, want) => {
    expect(localePath(path, lang, base)).toBe(want);
  });
  it('normalises the base', () => {
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('stunting')).toBe('/stunting/');
    expect(normaliseBase('/stunting/')).toBe('/stunting/');
  });
  it('splits and switches locale paths under a base', () => {
    expect(splitLocalePath('/stunting/en/peta/', '/stunting/')).toEqual({ lang: 'en', path: '/peta/' });
    expect(splitLocalePath('/stunting/en/', '/stunting/')).toEqual({ lang: 'en', path: '/' });
    expect(splitLocalePath('/wilayah/35.10/', '/')).toEqual({ lang: 'id', path: '/wilayah/35.10/' });
    // a path that merely starts with "en" is not English
    expect(splitLocalePath('/ensiklopedia/', '/')).toEqual({ lang: 'id', path: '/ensiklopedia/' });
    expect(switchLocalePath('/stunting/wilayah/35.10/', 'en', '/stunting/')).toBe('/stunting/en/wilayah/35.10/');
    expect(switchLocalePath('/en/wilayah/35.10/', 'id', '/')).toBe('/wilayah/35.10/');
  });
  it('picks the language text with an Indonesian fallback', () => {
    expect(pick({ id: 'Peta', en: 'Map' }, 'en')).toBe('Map');
    expect(pick({ id: 'Peta' }, 'en')).toBe('Peta');
    expect(pick(null, 'id')).toBe('');
  });
});
