import { describe, expect, it } from 'vitest';
import { localePath, normaliseBase, pick, splitLocalePath, switchLocalePath } from './i18n.ts';

describe('i18n', () => {
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
