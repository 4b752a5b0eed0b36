import { describe, expect, it } from 'vitest';
import { escapeAttr, heightMessage, hostScript, iframeCode, isHeightMessage, HEIGHT_MESSAGE } from '../../../src/lib/share/embed.ts';
import { oembedFor, oembedPath } from '../../../src/lib/share/oembed.ts';

describe('iframe code', () => {
  const code = iframeCode({ src: 'https://x.id/embed/tren/35.10/?indikator=wasting&a="b"', title: 'Tren "stunting" <b>', id: 'tren-35.10-wasting', height: 700 });
  it('is responsive, lazy, titled and borderless', () => {
    expect(code).toMatch(/^<iframe /);
    expect(code).toContain('width="100%"');
    expect(code).toContain('height="700"');
    expect(code).toContain('loading="lazy"');
    expect(code).toContain('style="border:0;');
    expect(code).toContain('name="tren-35.10-wasting"');
  });
  it('escapes attribute values', () => {
    expect(code).toContain('title="Tren &quot;stunting&quot; &lt;b&gt;"');
    expect(code).toContain('&amp;a=&quot;b&quot;');
    expect(escapeAttr('a&"<>')).toBe('a&amp;&quot;&lt;&gt;');
  });
  it('parses back into one iframe element with the right attributes', () => {
    const m = /<iframe ([^>]*)><\/iframe>/.exec(code);
    expect(m).not.toBeNull();
  });
});

describe('height message', () => {
  it('rounds up and never goes negative', () => {
    expect(heightMessage('a', 612.2)).toEqual({ type: HEIGHT_MESSAGE, id: 'a', height: 613 });
    expect(heightMessage('a', -5).height).toBe(0);
    expect(heightMessage('a', Number.NaN).height).toBe(0);
  });
  it.each([
    [{ type: HEIGHT_MESSAGE, id: 'x', height: 10 }, true],
    [{ type: HEIGHT_MESSAGE, id: 'x', height: -1 }, false],
    [{ type: HEIGHT_MESSAGE, id: 'x', height: '10' }, false],
    [{ type: 'embed-size', height: 10 }, false],
    [null, false],
    ['stunting-embed:height', false],
  ])('isHeightMessage(%j) = %s', (d, ok) => expect(isHeightMessage(d)).toBe(ok));
  it('host script checks the origin and resizes the sending iframe', () => {
    const s = hostScript('https://data.example.id');
    expect(s).toContain('"https://data.example.id"');
    expect(s).toContain('e.origin !== ORIGIN');
    expect(s).toContain('contentWindow === e.source');
  });
});

describe('oEmbed', () => {
  const j = oembedFor({ title: 'T', publisher: 'P', siteName: 'S', siteUrl: 'https://x.id/', embedSrc: 'https://x.id/embed/peta/', embedId: 'peta', height: 760, thumbnail: { url: 'https://x.id/og/id/35.10.png', width: 1200, height: 630 } });
  it('is a rich oEmbed 1.0 response with the required fields', () => {
    expect(j).toMatchObject({ version: '1.0', type: 'rich', width: 640, height: 760, provider_name: 'S', thumbnail_width: 1200, thumbnail_height: 630 });
    expect(j.html).toContain('src="https://x.id/embed/peta/"');
  });
  it('has a static path per language and view', () => {
    expect(oembedPath('en', { kind: 'trend', code: '35.10.01' })).toBe('/oembed/en/tren/35.10.01.json');
    expect(oembedPath('id', { kind: 'map' })).toBe('/oembed/id/peta.json');
  });
});
