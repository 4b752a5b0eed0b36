/**
 * The view model of an area page (`/wilayah/<kode>/`, AreaPage.astro) for the kabupaten, a kecamatan or a desa: its
 * title and place, the latest figures, the standing against the parent with the rank and how sure the rank is, the
 * funnel plot of the desa, plain words, the child-area table, the other indicators, the locator map, the data-quality
 * note and the page's texts. Pure: the contract files come in through an injected source (src/data/load.ts at build
 * time), the component renders what comes out.
 */
import { isProvinceSite, type IndicatorId, type Level } from '../types.ts';
import type { AreaJson, IndicatorValueJson, MapValuesJson, Meta, QualityJson, SeriesJson } from './contract.ts';
import { ancestry, areaRows, breakdownRows, byName, headline, previousPeriod, rankRange, roundRows, type AreaRow, type BreakdownRow, type Headline, type RoundRow } from './area-view.ts';
import { standingAmong, type Standing } from './funnel.ts';
import { verdictText } from './funnel-text.ts';
import { formatCI, formatPeriod, type Lang } from './format.ts';
import { indicatorLabel } from './i18n.ts';
import { areaTitle } from './area-title.ts';
import { t, texts, type StringKey } from '../i18n/strings.ts';
import { plainWords, type PlainWords } from './plain-words.ts';
import { describeReasonShort } from '../quality/grade.ts';
import type { QualityFileJson, QualityRecordJson } from '../quality/records.ts';

/** What the page reads from the published contract. */
export interface AreaPageSource {
  meta: Meta;
  /** The area with this code; throws when the code is not in areas.json. */
  area: (code: string) => AreaJson;
  series: (code: string) => SeriesJson;
  /** Direct children of an area, sorted by code. */
  children: (code: string) => AreaJson[];
  areasOfLevel: (level: Level) => AreaJson[];
  mapValues: (level: Level, period: string) => MapValuesJson;
  quality: () => QualityJson | null;
}

/** The comparison of the area with its siblings under the same parent in the latest round. */
export interface SiblingView {
  /** "Kecamatan Genteng" / "Genteng district", or the kabupaten's name. */
  parentLabel: string;
  /** "Dibanding Kecamatan Genteng" / "Compared with Genteng district". */
  comparedWith: string;
  standing: Standing | null;
  /** The verdict against the parent in words, with the parent's rate; null without a standing. */
  standingText: string | null;
  /** Which siblings the rank is among: "12 desa/kelurahan di Kecamatan Genteng". */
  siblingWord: string;
  /** The ranks the 95% intervals allow (see rankRange). */
  range: ReturnType<typeof rankRange>;
}

/** The data-quality note of the latest round: a badge with its reasons when weak, a calm line when 'cukup'. */
export interface QualityNoteView {
  record: QualityRecordJson | null;
  /** The grade when the record is published ('ok'), else null. */
  grade: QualityRecordJson['grade'] | null;
  weak: boolean;
  /** The checks behind a 'cukup' grade, named without their figures (those are on the quality page). */
  calm: string[];
}

/** Everything AreaPage.astro renders. */
export interface AreaPageView {
  meta: Meta;
  area: AreaJson;
  series: SeriesJson;
  indicator: IndicatorId;
  label: string;
  latest: string;
  headline: Headline;
  /** The area and its ancestors, the kabupaten first. */
  chain: AreaJson[];
  parent: AreaJson | null;
  title: string;
  place: string;
  description: string;
  siblings: SiblingView | null;
  /** The desa around this area's own figure (kecamatan: its desa; kabupaten: every desa); null on a desa page. */
  funnel: { parent: IndicatorValueJson | undefined; children: { code: string; name: string; value: IndicatorValueJson | undefined }[]; note: string; heading: string; childLevel: 'desa' | 'kabupaten' } | null;
  words: PlainWords;
  children: { rows: AreaRow[]; level: Level | undefined; levelWord: string };
  breakdown: { sex: BreakdownRow[]; age: BreakdownRow[] } | null;
  /** The latest round's values of every indicator, the main one first. */
  indicators: { id: IndicatorId; label: string; value: IndicatorValueJson | undefined }[] | null;
  /** Desa and kecamatan carry smoothed figures (data contract: smoothed_prevalence ...), shown beside the raw ones. */
  hasSmoothed: boolean;
  rounds: RoundRow[];
  map: { level: Level; highlight: string | undefined; parent: string | undefined };
  quality: QualityNoteView;
  lokus: number[];
  /** Folder of the published data files, ending in a slash. */
  dataBase: string;
  text: { [K in keyof typeof AREA_TEXT]: string };
}

/** The area page of `code` with `indicator` as its headline. */
export function areaPageView(src: AreaPageSource, code: string, indicator: IndicatorId, lang: Lang, base: string): AreaPageView {
  const { meta } = src;
  const area = src.area(code);
  const series = src.series(code);
  const latest = meta.latest_period;
  const label = indicatorLabel(meta.indicators, indicator, lang);
  const h = headline(series, meta.periods, latest, indicator);
  const parent = area.parent ? src.area(area.parent) : null;
  const grandparent = parent?.parent ? src.area(parent.parent) : null;
  const { title, place } = areaNames(area, parent, meta, lang, grandparent);
  const latestPeriod = series.periods[latest];
  return {
    meta,
    area,
    series,
    indicator,
    label,
    latest,
    headline: h,
    chain: ancestry(code, (c) => { try { return src.area(c); } catch { return undefined; } }),
    parent,
    title,
    place,
    description: pageDescription({ label, title, place, value: h.value, latest, lang }),
    siblings: parent ? siblingView(src, area, parent, indicator, lang) : null,
    funnel: funnelView(src, area, indicator, title, lang),
    words: plainWords({ lang, areaName: area.name, periodLabel: formatPeriod(latest, lang), value: h.value, suppressionMin: meta.suppression_min }),
    children: childTable(src, code, indicator, lang),
    breakdown: breakdownRows(series, latest, indicator),
    indicators: latestPeriod ? indicatorOrder(meta, indicator, lang).map((i) => ({ ...i, value: latestPeriod.indicators[i.id] })) : null,
    hasSmoothed: area.parent !== null && !!latestPeriod && Object.values(latestPeriod.indicators).some((v) => v && 'smoothed_prevalence' in v),
    rounds: roundRows(series, meta.periods, indicator),
    map: locatorMap(area, meta.levels[0]),
    quality: qualityNote(src.quality(), code, latest, lang),
    lokus: area.lokus ?? [],
    dataBase: `${base.replace(/\/?$/, '/')}data/v1/`,
    // The explorer's levels: a province site maps its kab/kota and kecamatan, a kab/kota site its kecamatan and desa.
    text: { ...texts(lang, AREA_TEXT), ...(isProvinceSite(meta.levels) ? { openMap: t(lang, 'areaOpenMapProvince') } : {}) },
  };
}

/** The page title ("Desa Sarongan" / "Sarongan village"; the kabupaten by its name) and the place it is in (its
 * kecamatan and kabupaten, its kabupaten, or the province for the kabupaten). */
export function areaNames(area: AreaJson, parent: AreaJson | null, meta: Pick<Meta, 'region'>, lang: Lang, grandparent: AreaJson | null = null): { title: string; place: string } {
  const title = areaTitle(area, lang);
  const place = parent
    ? parent.level === 'kecamatan'
      ? `${t(lang, 'titleKecamatan', { name: parent.name })}, ${grandparent?.name ?? meta.region.name}`
      : areaTitle(parent, lang)
    : area.level === 'provinsi' ? 'Indonesia' : meta.region.province?.name ?? '';
  return { title, place };
}

/** The page's meta description: the headline figure with its interval, where and when. */
function pageDescription(o: { label: string; title: string; place: string; value: IndicatorValueJson; latest: string; lang: Lang }): string {
  const { label, title, place, value, latest, lang } = o;
  const ci = formatCI(value.prevalence, value.ci_low, value.ci_high, lang);
  return t(lang, 'areaDescription', { label, title, place, value: ci, period: formatPeriod(latest, lang) });
}

/** The standing against the parent (funnel-plot limits), which replaces a bare rank; the rank stays, with how sure it
 * is: the ranks the 95% intervals allow (no bare ranking of overlapping areas). */
export function siblingView(src: AreaPageSource, area: AreaJson, parent: AreaJson, indicator: IndicatorId, lang: Lang): SiblingView {
  const latest = src.meta.latest_period;
  const siblings = src.children(parent.code);
  const levelMap = src.mapValues(area.level, latest);
  const parentValue = src.mapValues(parent.level, latest).values[parent.code]?.[indicator];
  const standing = standingAmong(area.code, parentValue, siblings.map((s) => ({ code: s.code, value: levelMap.values[s.code]?.[indicator] })));
  const parentLabel = parent.level === 'kecamatan' ? t(lang, 'titleKecamatan', { name: parent.name }) : parent.name;
  const siblingWord = t(lang, area.level === 'desa' ? 'siblingsDesa' : area.level === 'kabupaten' ? 'siblingsKabupaten' : 'siblingsKecamatan', { n: siblings.length, parent: parent.name });
  return {
    parentLabel,
    comparedWith: t(lang, 'comparedWith', { parent: parentLabel }),
    standing,
    standingText: standing ? verdictText(standing.verdict, `${parentLabel} (${standing.parentRate.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}%)`, lang) : null,
    siblingWord,
    range: rankRange(area.code, siblings.map((s) => s.code), levelMap.values, indicator),
  };
}

/** The funnel plot of the desa: on a kecamatan page its desa around the kecamatan, on the kabupaten page every desa
 * around the kabupaten; on a province page its kab/kota around the province (heading and captions say which); none
 * on a desa page. */
function funnelView(src: AreaPageSource, area: AreaJson, indicator: IndicatorId, title: string, lang: Lang): AreaPageView['funnel'] {
  if (area.level === 'desa') return null;
  const latest = src.meta.latest_period;
  // A province page shows its kab/kota (8,000 desa are too many for one plot); the others their desa.
  const level: Level = area.level === 'provinsi' ? 'kabupaten' : 'desa';
  const children = area.level === 'kecamatan' || area.level === 'provinsi' ? src.children(area.code) : src.areasOfLevel('desa').filter((d) => area.parent === null || d.code.startsWith(`${area.code}.`));
  const desaValues = src.mapValues(level, latest);
  return {
    parent: src.mapValues(area.level, latest).values[area.code]?.[indicator],
    children: children.map((c) => ({ code: c.code, name: c.name, value: desaValues.values[c.code]?.[indicator] })),
    note: t(lang, level === 'kabupaten' ? 'funnelNoteKabupaten' : 'funnelNote', { title }),
    heading: t(lang, level === 'kabupaten' ? 'areaFunnelTitleKabupaten' : 'areaFunnelTitle'),
    childLevel: level === 'kabupaten' ? 'kabupaten' : 'desa',
  };
}

/** The child areas' rows by name, with the change since the previous round, and the word for their level. */
function childTable(src: AreaPageSource, code: string, indicator: IndicatorId, lang: Lang): AreaPageView['children'] {
  const { latest_period: latest, periods } = src.meta;
  const prev = previousPeriod(latest, periods);
  const children = src.children(code);
  const level = children[0]?.level;
  const rows = level ? byName(areaRows(children, src.mapValues(level, latest), prev ? src.mapValues(level, prev) : null, indicator)) : [];
  const levelWord = t(lang, level === 'desa' ? 'desaKelurahanWord' : level === 'kabupaten' ? 'kabupatenKotaWord' : 'kecamatanWord');
  return { rows, level, levelWord };
}

/** The site's indicators with the headline one first. */
function indicatorOrder(meta: Meta, indicator: IndicatorId, lang: Lang): { id: IndicatorId; label: string }[] {
  const others = meta.indicators.filter((i) => i.id !== indicator);
  return [meta.indicators.find((i) => i.id === indicator)!, ...others].filter(Boolean).map((i) => ({ id: i.id, label: indicatorLabel(meta.indicators, i.id, lang) }));
}

/** Locator map: on a desa page the desa of its kecamatan with this one outlined; on a kecamatan page the kecamatan of
 * its kab/kota with this one outlined; on a kab/kota page its kecamatan (on a kab/kota site the desa map is on /peta/
 * and the overview); on a province page its kab/kota. `root` is the site's top level. */
export function locatorMap(area: Pick<AreaJson, 'code' | 'level' | 'parent'>, root: Level = 'kabupaten'): AreaPageView['map'] {
  const inProvince = root === 'provinsi';
  if (area.level === 'desa') return { level: 'desa', highlight: area.code, parent: area.parent ?? undefined };
  if (area.level === 'kecamatan') return { level: 'kecamatan', highlight: area.code, parent: inProvince ? (area.parent ?? undefined) : undefined };
  if (area.level === 'kabupaten') return { level: 'kecamatan', highlight: undefined, parent: inProvince ? area.code : undefined };
  return { level: 'kabupaten', highlight: undefined, parent: undefined };
}

/** The data-quality note of an area in a period, from quality.json (absent or without the area: no note). */
export function qualityNote(quality: QualityJson | null, code: string, period: string, lang: Lang): QualityNoteView {
  const record = (quality as Partial<QualityFileJson> | null)?.areas?.[code]?.[period] ?? null;
  const grade = record && record.status === 'ok' ? record.grade : null;
  return {
    record,
    grade,
    weak: grade === 'lemah' || grade === 'sangat_lemah',
    calm: (record?.reasons ?? []).filter((r) => r.level > 0).map((r) => describeReasonShort(r, lang).replace(/\s*\([^)]*\)$/, '')),
  };
}

/** Plain texts of the area page: the name AreaPage.astro reads → the key in the string table. */
const AREA_TEXT = {
  breadcrumb: 'areaBreadcrumb',
  areaCode: 'areaCode',
  minorProblems: 'areaMinorProblems',
  aboutQuality: 'areaAboutQuality',
  openMap: 'areaOpenMap',
  smoothed: 'smoothedColumn',
  howComputed: 'areaHowComputed',
  roundsH: 'areaRoundsTitle',
  oncePerRound: 'areaOncePerRound',
  downloadArea: 'areaDownload',
  excelVersion: 'areaExcelVersion',
  codebook: 'areaCodebook',
  everyArea: 'areaEveryArea',
} as const satisfies Record<string, StringKey>;
