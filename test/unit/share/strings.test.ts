import { describe, expect, it } from 'vitest';
import { SHARE_STRINGS, st } from '../../../src/lib/share/strings.ts';

describe('sharing strings', () => {
  it('every key exists and is non-empty in both languages, with the same placeholders', () => {
    for (const k of Object.keys(SHARE_STRINGS.id) as (keyof typeof SHARE_STRINGS.id)[]) {
      expect(SHARE_STRINGS.en[k], k).toBeTruthy();
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(SHARE_STRINGS.en[k]), k).toEqual(ph(SHARE_STRINGS.id[k]));
    }
  });
  it('fills placeholders', () => {
    expect(st('en', 'trendTitle', { indicator: 'Wasting', area: 'X' })).toBe('Wasting prevalence trend: X');
    expect(st('id', 'embed')).toBe('Sematkan');
  });
});
