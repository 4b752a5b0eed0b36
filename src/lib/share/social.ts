/**
 * Link-preview content of a page: which area it is about, the preview image's text (OgInput) and the alt text, from
 * the published contract. Pure: the caller passes meta, the area, its parent and its series.
 */
import type { AreaJson, Meta, SeriesJson } from '../site/contract.ts';
import type { IndicatorId } from '../types.ts';
import { formatInterval, formatNumber, formatPercent, formatPeriod, formatPeriodShort, statusLabel, type Lang } from '../site/format.ts';
import { indicatorLabel, pick } from '../site/i18n.ts';
import type { OgInput, SparkPoint } from './og-image.ts';
import { t } from '../i18n/strings.ts';
import { areaTitle } from '../site/area-title.ts';

export { areaTitle };

/** The area a language-free page path is about: `/wilayah/<kode>/` → that code, any other page → the kabupaten. */
export function areaOfPath(path: string, regionCode: string, known?: (code: string) => boolean): string {
  const m = /^\/(?:wilayah|embed\/tren)\/([^/]+)\/?$/.exec(path);
  if (m && (!known || known(m[1]))) return m[1];
  return regionCode;
}

/** Where the area is: "Kecamatan Genteng, Kabupaten Banyuwangi" (desa), "Kabupaten Banyuwangi" (kecamatan), the province (kabupaten). */
export function areaContext(a: AreaJson, parent: AreaJson | null, meta: Meta, lang: Lang): string {
  if (a.level === 'kabupaten') return meta.region.province?.name ?? '';
  if (parent && parent.level === 'kecamatan') return `${areaTitle(parent, lang)}, ${meta.region.name}`;
  return meta.region.name;
}

/** An indicator's short name: the label without its parenthesised definition, lower case in Indonesian running
 * text ("stunting", "gizi buruk"), as is in English ("Severe wasting"). */
export function shortIndicator(indicators: Meta['indicators'], id: string, lang: Lang): string {
  const s = indicatorLabel(indicators, id, lang).replace(/\s*\(.*$/, '');
  return lang === 'id' ? s.toLowerCase() : s;
}

/** Title of an area's trend embed: "Tren prevalensi stunting: Kecamatan Pesanggaran". */
export function trendEmbedTitle(meta: Meta, area: AreaJson, indicator: string, lang: Lang): string {
  return t(lang, 'trendTitle', { indicator: shortIndicator(meta.indicators, indicator, lang), area: areaTitle(area, lang) });
}

/** The preview image's content for an area in a language. */
export function ogInput(o: { meta: Meta; area: AreaJson; parent: AreaJson | null; series: SeriesJson; indicator: IndicatorId; lang: Lang; host: string }): OgInput {
  const { meta, area, series, indicator, lang } = o;
  // The short name ("stunting" of "Stunting (pendek dan sangat pendek, TB/U < -2 SD)") fits the image.
  const label = shortIndicator(meta.indicators, indicator, lang);
  const latest = meta.latest_period;
  const v = series.periods[latest]?.indicators?.[indicator];
  const ok = v && v.status === 'ok' && v.prevalence !== null;
  const points: SparkPoint[] = meta.periods.map((p) => {
    const x = series.periods[p]?.indicators?.[indicator];
    return x && x.status === 'ok' ? { value: x.prevalence, lo: x.ci_low, hi: x.ci_high } : { value: null, lo: null, hi: null };
  });
  const valueNote = ok
    ? `${t(lang, 'ci95')} ${formatInterval(v.ci_low, v.ci_high, lang)} · ${formatNumber(v.n, lang)} ${t(lang, 'casesOf')}`
    : v?.status === 'suppressed' && v.suppression === 'primary'
      ? `${statusLabel('suppressed', lang)}: ${t(lang, 'fewerMeasured', { n: meta.suppression_min })}`
      : `${statusLabel(v?.status ?? 'no_data', lang)} (${t(lang, 'noValue')})`;
  return {
    siteTitle: pick(meta.title, lang),
    areaTitle: areaTitle(area, lang),
    context: areaContext(area, o.parent, meta, lang),
    value: ok ? formatPercent(v.prevalence, lang) : null,
    valueLabel: t(lang, 'latest', { indicator: label, period: formatPeriod(latest, lang) }).replace(/^./, (c) => c.toUpperCase()),
    valueNote,
    points,
    firstLabel: formatPeriodShort(meta.periods[0], lang),
    lastLabel: formatPeriodShort(latest, lang),
    synthetic: meta.synthetic ? t(lang, 'synthetic') : null,
    footer: [`${t(lang, 'source')}: ${meta.publisher.name}`, meta.licence.id, o.host].filter(Boolean).join(' · '),
  };
}

/** Alt text of the preview image: what it shows in one sentence. */
export function ogAlt(i: OgInput): string {
  return `${i.areaTitle}${i.context ? `, ${i.context}` : ''}. ${i.valueLabel}: ${i.value ?? '–'} (${i.valueNote}).${i.synthetic ? ` ${i.synthetic}.` : ''}`;
}
