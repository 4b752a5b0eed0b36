/**
 * Link-preview content of a page: which area it is about, the preview image's text (OgInput) and the alt text, from
 * the published contract. Pure: the caller passes meta, the area, its parent and its series.
 */
import type { AreaJson, Meta, SeriesJson } from '../site/contract.ts';
import type { CoverageAreaJson, CoverageMetaJson } from '../publish/coverage.ts';
import { classify, classStyles, coverageScale, legendModel, relativeLuminance } from '../site/thresholds.ts';
import { mapCells, type CellsByCode } from '../site/map-indicator.ts';
import { stateFromPath } from '../site/map-state.ts';
import { targetFor } from '../site/convergence-view.ts';
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

/** Where the area is: "Kecamatan Genteng, Kabupaten Banyuwangi" (desa), "Kabupaten Banyuwangi" (kecamatan), the
 * province (a kab/kota), "Indonesia" (a province). On a province site a desa's kab/kota is found by its code. */
export function areaContext(a: AreaJson, parent: AreaJson | null, meta: Meta, lang: Lang, kabName?: (code: string) => string | undefined): string {
  if (a.level === 'provinsi') return 'Indonesia';
  if (a.level === 'kabupaten') return meta.region.province?.name ?? '';
  const kab = (kabName && kabName(a.code.slice(0, 5))) ?? meta.region.name;
  if (parent && parent.level === 'kecamatan') return `${areaTitle(parent, lang)}, ${kab}`;
  return kab;
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
export function ogInput(o: { meta: Meta; area: AreaJson; parent: AreaJson | null; series: SeriesJson; indicator: IndicatorId; lang: Lang; host: string; kabName?: (code: string) => string | undefined }): OgInput {
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
    context: areaContext(area, o.parent, meta, lang, o.kabName),
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
  return `${i.areaTitle}${i.context ? `, ${i.context}` : ''}. ${i.valueLabel}: ${i.value ?? '–'} (${i.valueNote.replace(/\n/g, ' · ')}).${i.synthetic ? ` ${i.synthetic}.` : ''}`;
}

/** The convergence map a language-free page path shows (a static explorer page of a convergence indicator in one of
 * its periods, `/peta/<tingkat>/<indikator>/<periode>/`), whose preview is that map's; null for any other page. */
export function coverageMapOfPath(path: string, coverage: Pick<CoverageMetaJson, 'indicators' | 'periods'> | null | undefined): { indicator: string; period: string } | null {
  const s = stateFromPath(path);
  if (!s || !coverage || !coverage.periods.includes(s.period) || !coverage.indicators.some((i) => i.id === s.indicator)) return null;
  return { indicator: s.indicator, period: s.period };
}

/**
 * The preview of a convergence indicator's map in a period: its name, the region's coverage with its interval,
 * counts and the target of the year, a sparkline of the region's coverage over the periods (0–100 %), and the desa
 * by class in the indicator's palette (ColorBrewer BuGn, dark = good), number and line in the palette's darkest.
 * `desa` is `konvergensi-map/desa/<period>.json`'s values; `region` the region's `konvergensi/<kode>.json`.
 */
export function coverageOgInput(o: {
  meta: Meta;
  coverage: Pick<CoverageMetaJson, 'indicators' | 'periods'>;
  indicator: string;
  period: string;
  region: CoverageAreaJson | null;
  desa: CellsByCode;
  lang: Lang;
  host: string;
}): OgInput {
  const { meta, coverage, period, lang } = o;
  const def = coverage.indicators.find((i) => i.id === o.indicator);
  if (!def) throw new Error(`Unknown convergence indicator: ${o.indicator}`);
  const scale = coverageScale(def.direction);
  const v = o.region?.values[period]?.[def.id];
  const ok = v?.status === 'ok' && v.coverage !== null;
  const target = targetFor(def.targets, Number(period.slice(0, 4)));
  const fraction = ok ? `${formatNumber(v.numerator, lang)} / ${formatNumber(v.denominator, lang)}` : '';
  // Two lines: the interval and the counts, then the target of the year.
  const valueNote = ok
    ? [[v.ci_low !== null ? `${t(lang, 'ci95')} ${formatInterval(v.ci_low, v.ci_high, lang)}` : '', fraction].filter(Boolean).join(' · '), target ? `Target ${target.year}: ${formatPercent(target.target, lang, target.target % 1 ? 1 : 0)}` : '']
        .filter(Boolean)
        .join('\n')
    : `${statusLabel(v?.status ?? 'no_data', lang)} (${t(lang, 'noValue')})`;
  const points: SparkPoint[] = coverage.periods.map((p) => {
    const x = o.region?.values[p]?.[def.id];
    return x && x.status === 'ok' ? { value: x.coverage, lo: x.ci_low, hi: x.ci_high } : { value: null, lo: null, hi: null };
  });
  // The desa of the map by class: the same classes and colours as its legend.
  const cells = mapCells('coverage', o.desa);
  const counts: Record<string, number> = {};
  for (const byId of Object.values(cells)) {
    const c = byId[def.id] as Parameters<typeof classify>[1] | undefined;
    if (!c) continue;
    const k = classify(scale, c).key;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  const model = legendModel(scale, lang, counts);
  const { colors } = classStyles(scale);
  const darkest = [...colors].sort((a, b) => relativeLuminance(a) - relativeLuminance(b))[0];
  return {
    siteTitle: pick(meta.title, lang),
    areaTitle: def.name[lang],
    context: t(lang, 'ogCoverageContext', { direction: t(lang, def.direction === 'lower_better' ? 'cvLowerBetter' : 'cvHigherBetter') }),
    value: ok ? formatPercent(v.coverage, lang) : null,
    valueLabel: t(lang, 'ogCoverageLabel', { region: meta.region.name, period: formatPeriod(period, lang) }),
    valueNote,
    points,
    firstLabel: formatPeriodShort(coverage.periods[0], lang),
    lastLabel: formatPeriodShort(coverage.periods[coverage.periods.length - 1], lang),
    synthetic: meta.synthetic ? t(lang, 'synthetic') : null,
    footer: [`${t(lang, 'source')}: ${meta.publisher.name}`, meta.licence.id, o.host].filter(Boolean).join(' · '),
    accent: darkest,
    sparkMax: 100,
    longTitle: true,
    classes: {
      heading: t(lang, 'ogCoverageClasses'),
      items: model.items.filter((i) => i.index !== null).map((i) => ({ fill: i.fill, text: i.text, count: i.count ?? 0 })),
      bounds: scale.breaks.map((b) => formatNumber(b, lang)),
    },
  };
}
