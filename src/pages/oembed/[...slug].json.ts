/**
 * Static oEmbed files (src/lib/share/oembed.ts): `/oembed/<lang>/tren/<kode>.json` for every area's trend chart and
 * `/oembed/<lang>/peta.json` for the map. Pages link to them with `<link rel="alternate" type="application/json+oembed">`
 * (SocialMeta.astro). oEmbed needs absolute URLs: without the site's address (SITE_URL / siteUrl) no file is written
 * and the pages do not link to one.
 */
import type { APIContext } from 'astro';
import { getArea, loadAreas, loadMeta } from '../../data/load.ts';
import { MAIN_INDICATOR, ownPaths } from '../../data/site.ts';
import { LANGS, localePath, pick, type Lang } from '../../lib/site/i18n.ts';
import { defaultState } from '../../lib/site/map-state.ts';
import { DEFAULT_HEIGHT } from '../../lib/share/embed.ts';
import { oembedFor } from '../../lib/share/oembed.ts';
import { embedId, permalink, type ShareOptions, type View } from '../../lib/share/state.ts';
import { t } from '../../lib/i18n/strings.ts';
import { trendEmbedTitle } from '../../lib/share/social.ts';
import { OG_HEIGHT, OG_WIDTH, ogImagePath } from '../../lib/share/og-image.ts';

type Props = { lang: Lang; kind: 'trend' | 'map'; code?: string };

/** One file per language for the map and per language and area for the trend. */
export function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  return ownPaths(LANGS.flatMap((lang) => [
    { params: { slug: `${lang}/peta` }, props: { lang, kind: 'map' } },
    ...loadAreas().map((a) => ({ params: { slug: `${lang}/tren/${a.code}` }, props: { lang, kind: 'trend', code: a.code } })),
  ]));
}

/** The oEmbed JSON of one embed. */
export function GET({ props, site: known }: APIContext<Props>): Response {
  if (!known) throw new Error('oEmbed files need the site address (SITE_URL)');
  const site: URL = known;
  const { lang, kind, code } = props;
  const meta = loadMeta();
  const base = import.meta.env.BASE_URL;
  const origin = site;
  const levels = meta.levels.filter((l): l is 'kecamatan' | 'desa' => l === 'kecamatan' || l === 'desa');
  const opts: ShareOptions = { periods: meta.periods, indicators: meta.indicators.map((i) => i.id), levels, region: meta.region.code };
  const view: View = kind === 'trend'
    ? { kind: 'embed-trend', code: code!, trend: { indicator: MAIN_INDICATOR } }
    : { kind: 'embed-map', state: defaultState(opts) };
  const title = kind === 'trend'
    ? trendEmbedTitle(meta, getArea(code!), MAIN_INDICATOR, lang)
    : t(lang, 'mapEmbedTitle', { region: meta.region.name });
  const thumbCode = kind === 'trend' ? code! : meta.region.code;
  const body = oembedFor({
    title: meta.synthetic ? `${title} · ${t(lang, 'synthetic')}` : title,
    publisher: meta.publisher.name,
    siteName: pick(meta.title, lang),
    siteUrl: new URL(localePath('/', lang, base), origin).href,
    embedSrc: permalink(view, lang, opts, origin, base),
    embedId: embedId(view),
    height: DEFAULT_HEIGHT[kind],
    thumbnail: { url: new URL(ogImagePath(lang, thumbCode, base), origin).href, width: OG_WIDTH, height: OG_HEIGHT },
  });
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json+oembed' } });
}
