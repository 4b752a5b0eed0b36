import { describe, expect, it } from 'vitest';
import { absoluteOrNull, absoluteOrPath, resolveSiteUrl } from './site-url.ts';

describe('site address', () => {
  it('makes an absolute URL only when the site address is known', () => {
    expect(absoluteOrNull('/stunting/wilayah/33.17/', new URL('https://dinkes.rembangkab.go.id/'))).toBe('https://dinkes.rembangkab.go.id/stunting/wilayah/33.17/');
    expect(absoluteOrNull('/wilayah/33.17/', undefined)).toBeNull();
    expect(absoluteOrPath('/wilayah/33.17/', undefined)).toBe('/wilayah/33.17/');
    expect(absoluteOrPath('/wilayah/33.17/', 'https://x.id/')).toBe('https://x.id/wilayah/33.17/');
  });

  it.each([
    [undefined, undefined, null],
    ['', undefined, null],
    ['https://a.id', 'https://b.id/', 'https://a.id/'],
    [undefined, 'https://b.id/', 'https://b.id/'],
    ['not a url', 'https://b.id/', 'https://b.id/'],
    ['javascript:alert(1)', undefined, null],
    [undefined, 42, null],
  ])('resolveSiteUrl(%j, %j) = %j', (env, cfg, out) => {
    expect(resolveSiteUrl(env, cfg)).toBe(out);
  });
});
