/**
 * oEmbed (https://oembed.com/, version 1.0) for the embeddable views, written as static JSON files at build time:
 * `/oembed/<lang>/tren/<kode>.json` and `/oembed/<lang>/peta.json`. A page advertises its file with
 * `<link rel="alternate" type="application/json+oembed" href="…" title="…">`; a consumer (a CMS pasting the page's
 * URL) fetches that href as-is, so no query endpoint (and no server) is needed. Type `rich`: the `html` is the same
 * iframe code as the embed box.
 */
import type { Lang } from '../site/format.ts';
import { iframeCode } from './embed.ts';

/** The oEmbed response of a rich embed. */
export interface OEmbed {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/** Width the oEmbed `html` is sized for (its iframe is 100% wide; consumers use width × height as the aspect). */
export const OEMBED_WIDTH = 640;

/** The oEmbed JSON of an embed. */
export function oembedFor(o: {
  title: string;
  publisher: string;
  siteName: string;
  siteUrl: string;
  embedSrc: string;
  embedId: string;
  height: number;
  thumbnail?: { url: string; width: number; height: number };
}): OEmbed {
  const out: OEmbed = {
    version: '1.0',
    type: 'rich',
    title: o.title,
    author_name: o.publisher,
    provider_name: o.siteName,
    provider_url: o.siteUrl,
    html: iframeCode({ src: o.embedSrc, title: o.title, id: o.embedId, height: o.height }),
    width: OEMBED_WIDTH,
    height: o.height,
    cache_age: 86400,
  };
  if (o.thumbnail) {
    out.thumbnail_url = o.thumbnail.url;
    out.thumbnail_width = o.thumbnail.width;
    out.thumbnail_height = o.thumbnail.height;
  }
  return out;
}

/** Site path (language-free, no base) of the oEmbed file of a trend embed or of the map embed. */
export function oembedPath(lang: Lang, view: { kind: 'trend'; code: string } | { kind: 'map' }): string {
  return view.kind === 'trend' ? `/oembed/${lang}/tren/${view.code}.json` : `/oembed/${lang}/peta.json`;
}
