/**
 * View model of a choropleth: one row per mapped area with its class, its numbers as text and its link, shared by
 * the static SVG map, the data table, the legend counts and the interactive map's tooltip. Pure; the same functions
 * run at build time and in the browser.
 */
import type { CellStatus } from '../types.ts';
import type { AreaJson } from './contract.ts';
import { classify, classIndex, countByClass, hasClassWords, STATUS_WORDS, CLASS_LABELS, type Classification, type LegendKey, type Scale } from './thresholds.ts';
import { formatInterval, formatNumber, formatPercent, type Lang } from './format.ts';
import { MAP } from '../i18n/map.ts';
import { text } from '../i18n/lookup.ts';
import { fractionLine, fractionText, idOf, isCoverage, reportingText, scaleOf, type CellsByCode, type MapCell, type MapIndicatorRef } from './map-indicator.ts';

/** One area of the map. */
export interface MapRow {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  parentName: string | null;
  /** Desa lokus in the year of the period. */
  lokus: boolean;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
  /** Numerator of a coverage figure (its `n` is the denominator), else null. */
  numerator: number | null;
  /** Desa that reported out of those in the area (coverage sums), else null. */
  reporting: { reporting: number; total: number } | null;
  status: CellStatus;
  suppression: 'primary' | 'complementary' | null;
  cls: Classification;
  /** Data-quality grade of the area in this period when it is weak (quality.json), else null. */
  quality: WeakGrade | null;
  /** Smoothed prevalence and 95% interval (percent), null where not published; its class. */
  smoothed: number | null;
  smoothedLow: number | null;
  smoothedHigh: number | null;
  smoothedCls: Classification;
  /** The raw / smoothed 95% interval spans more than one class: the colour is uncertain (drawn lighter). */
  uncertain: boolean;
  smoothedUncertain: boolean;
}

/** True when an interval's ends fall in different classes of the indicator. */
export function spansClasses(indicator: Scale, low: number | null | undefined, high: number | null | undefined): boolean {
  if (low === null || low === undefined || high === null || high === undefined) return false;
  return classIndex(indicator, low) !== classIndex(indicator, high);
}

/** The quality grades the map marks. */
export type WeakGrade = 'lemah' | 'sangat_lemah';

/** True for a grade the map marks as weak data. */
export function isWeakGrade(g: string | null | undefined): g is WeakGrade {
  return g === 'lemah' || g === 'sangat_lemah';
}

/** The weak areas of one period from quality.json's `areas` (code → grade), for mapRows and the map's config. */
export function weakAreas(areas: QualityByArea | null | undefined, period: string): Record<string, WeakGrade> {
  if (!areas) return {};
  let byPeriod = weakMemo.get(areas);
  if (!byPeriod) weakMemo.set(areas, (byPeriod = new Map()));
  let out = byPeriod.get(period);
  if (!out) byPeriod.set(period, (out = weakOf(areas, period)));
  return out;
}

type QualityByArea = Record<string, Record<string, { status: string; grade: string }>>;
/** weakAreas() of each quality report and period, made once: every map of a build asks for it (the result is
 * shared; callers only read it). */
const weakMemo = new WeakMap<QualityByArea, Map<string, Record<string, WeakGrade>>>();

function weakOf(areas: QualityByArea, period: string): Record<string, WeakGrade> {
  const out: Record<string, WeakGrade> = {};
  for (const [code, byPeriod] of Object.entries(areas)) {
    const r = byPeriod[period];
    if (r && r.status === 'ok' && isWeakGrade(r.grade)) out[code] = r.grade;
  }
  return out;
}

/** The weak-data mark in words: "data lemah" / "weak data". */
export function qualityMark(g: WeakGrade, lang: Lang): string {
  return text(MAP, lang, g === 'lemah' ? 'qualityWeak' : 'qualityVeryWeak');
}

/** Inputs of mapRows(). */
export interface MapRowsInput {
  /** Areas of the mapped level (others are ignored), e.g. from areas.json. */
  areas: readonly AreaJson[];
  /** `values` of map/<level>/<period>.json (or konvergensi-map/… through mapCells()). */
  values: CellsByCode;
  /** A z-score id or a descriptor (map-indicator.ts). */
  indicator: MapIndicatorRef;
  level: string;
  period: string;
  /** Only the children of this code. */
  parent?: string | null;
  /** Names of parents by code (kecamatan names for desa rows). */
  parentNames?: Record<string, string>;
  /** Weak data-quality grades by code for this period (weakAreas()). */
  quality?: Record<string, string>;
}

/** Whether an area is a desa lokus in the year of `period` (`YYYY-MM`). */
export function isLokus(area: Pick<AreaJson, 'lokus'>, period: string): boolean {
  const year = Number(period.slice(0, 4));
  return Array.isArray(area.lokus) && area.lokus.includes(year);
}

function isCell(x: unknown): x is MapCell {
  return typeof x === 'object' && x !== null && 'status' in x;
}

/** The rows of a map, sorted by code; an area without a value gets status no_data (missing is not zero). */
export function mapRows(input: MapRowsInput): MapRow[] {
  const { areas, values, level, period, parent } = input;
  const id = idOf(input.indicator);
  const indicator = scaleOf(input.indicator);
  // The data-quality grades judge the measurements, not the coverage counts.
  const coverage = isCoverage(input.indicator);
  const quality = coverage ? undefined : input.quality;
  return areas
    .filter((a) => a.level === level && (!parent || a.parent === parent || a.code.startsWith(`${parent}.`)))
    .map((a) => {
      const raw = values[a.code]?.[id];
      const cell = isCell(raw) ? raw : undefined;
      const status: CellStatus = cell?.status ?? 'no_data';
      const value = status === 'ok' && typeof cell?.prevalence === 'number' ? cell.prevalence : null;
      const sm = value !== null && typeof cell?.smoothed_prevalence === 'number' ? cell.smoothed_prevalence : null;
      const smLow = sm === null ? null : (cell?.smoothed_ci_low ?? null);
      const smHigh = sm === null ? null : (cell?.smoothed_ci_high ?? null);
      return {
        code: a.code,
        name: a.name,
        kind: a.kind,
        parent: a.parent,
        parentName: (a.parent && input.parentNames?.[a.parent]) || null,
        lokus: isLokus(a, period),
        value,
        ciLow: value === null ? null : (cell?.ci_low ?? null),
        ciHigh: value === null ? null : (cell?.ci_high ?? null),
        n: status === 'suppressed' ? null : (cell?.n ?? null),
        numerator: status === 'suppressed' || cell?.desa_total === undefined ? null : (cell.cases ?? null),
        reporting: cell?.desa_total === undefined ? null : { reporting: cell.desa_reporting ?? 0, total: cell.desa_total },
        status,
        suppression: cell?.suppression ?? null,
        cls: classify(indicator, cell ? { prevalence: value, status } : null),
        quality: isWeakGrade(quality?.[a.code]) ? (quality![a.code] as WeakGrade) : null,
        smoothed: sm,
        smoothedLow: smLow,
        smoothedHigh: smHigh,
        // Without a smoothed figure the area shows as 'no data' in the smoothed view (its raw status otherwise).
        smoothedCls: classify(indicator, cell ? { prevalence: sm, status: status === 'ok' && sm === null ? 'no_data' : status } : null),
        // Not on coverage maps: their classes are 10 points wide and a desa's denominator is tens, so nearly every
        // interval spans a class and the lighter tone would wash out the whole map (the 95% CI is in table and tooltip).
        uncertain: !coverage && value !== null && spansClasses(indicator, cell?.ci_low, cell?.ci_high),
        smoothedUncertain: sm !== null && spansClasses(indicator, smLow, smHigh),
      };
    })
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

/** Areas per legend key, by the raw or (with `smoothed`) the smoothed figures. */
export function legendCounts(ref: MapIndicatorRef, rows: readonly MapRow[], smoothed = false): Record<LegendKey, number> {
  const indicator = scaleOf(ref);
  if (smoothed) return countByClass(indicator, rows.map((r) => ({ prevalence: r.smoothed, status: r.status === 'ok' && r.smoothed === null ? 'no_data' : r.status })));
  return countByClass(indicator, rows.map((r) => ({ prevalence: r.value, status: r.status })));
}

/** Areas drawn lighter because their interval spans more than one class. */
export function uncertainCount(rows: readonly MapRow[], smoothed = false): number {
  return rows.filter((r) => (smoothed ? r.smoothedUncertain : r.uncertain)).length;
}

/** The legend's count of lighter areas, or null (no legend row) on a coverage map, which has no lighter tone. */
export function uncertainLegendCount(indicator: MapIndicatorRef, rows: readonly MapRow[], smoothed = false): number | null {
  return isCoverage(indicator) ? null : uncertainCount(rows, smoothed);
}

const WORDS = {
  id: {
    children: 'balita diukur',
    ci: 'SK 95%',
    suppressedPrimary: 'disembunyikan: kurang dari batas minimum balita dengan pengukuran sah',
    suppressedComplementary: 'disembunyikan untuk melindungi angka kecil wilayah lain (wilayah ini cukup balita)',
    noData: 'tidak ada data untuk indikator ini',
    notMeasured: 'tidak ada balita diukur pada periode ini',
    lokus: 'desa lokus',
    class: 'kelas',
    kec: 'Kec.',
    smoothed: 'terhaluskan',
    covPrimary: 'disembunyikan: penyebut kurang dari batas minimum',
    covComplementary: 'disembunyikan untuk melindungi angka kecil wilayah lain',
  },
  en: {
    children: 'children measured',
    ci: '95% CI',
    suppressedPrimary: 'hidden: fewer children with a valid measurement than the minimum',
    suppressedComplementary: 'hidden to protect another area’s small count (this area has enough children)',
    noData: 'no data for this indicator',
    notMeasured: 'no child measured in this period',
    lokus: 'priority village (lokus)',
    class: 'class',
    kec: 'Kec.',
    smoothed: 'smoothed',
    covPrimary: 'hidden: denominator below the minimum',
    covComplementary: 'hidden to protect another area’s small count',
  },
} as const;

/** The status of a row in words: the class word for a number, else why there is none. */
export function statusText(row: Pick<MapRow, 'status' | 'suppression' | 'cls'>, indicator: MapIndicatorRef, lang: Lang): string {
  const w = WORDS[lang];
  if (row.status === 'suppressed' && isCoverage(indicator)) return row.suppression === 'complementary' ? w.covComplementary : w.covPrimary;
  if (row.status === 'suppressed') return row.suppression === 'complementary' ? w.suppressedComplementary : w.suppressedPrimary;
  if (row.status === 'not_measured') return w.notMeasured;
  if (row.cls.kind !== 'class') return w.noData;
  if (!hasClassWords(scaleOf(indicator))) return '';
  return CLASS_LABELS[row.cls.key][lang];
}

/** The short value text of a row: "14,8%" or the status word ("disembunyikan", "tidak ada data"). */
export function valueText(row: Pick<MapRow, 'value' | 'cls'>, lang: Lang): string {
  if (row.value !== null) return formatPercent(row.value, lang);
  return STATUS_WORDS[row.cls.kind === 'class' ? 'no_data' : row.cls.kind][lang];
}

/** Tooltip / `<title>` lines: name (and kecamatan), value with CI, n, status in words, lokus. */
export function tooltipLines(row: MapRow, indicatorLabel: string, indicator: MapIndicatorRef, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines = [row.parentName ? `${row.name} (${w.kec} ${row.parentName})` : row.name];
  if (row.value !== null) {
    lines.push(`${indicatorLabel}: ${formatPercent(row.value, lang)}`);
    if (row.ciLow !== null && row.ciHigh !== null) lines.push(`${w.ci}: ${formatInterval(row.ciLow, row.ciHigh, lang)}`);
    if (row.smoothed !== null) lines.push(`${w.smoothed}: ${formatPercent(row.smoothed, lang)} (${formatInterval(row.smoothedLow, row.smoothedHigh, lang)})`);
  } else {
    lines.push(`${indicatorLabel}: ${valueText(row, lang)}`);
  }
  const fraction = fractionText(row.numerator, row.n, lang);
  if (isCoverage(indicator)) {
    if (fraction) lines.push(fractionLine(fraction, lang));
    const rep = reportingText(row.reporting, lang);
    if (rep) lines.push(rep);
  } else if (row.n !== null) lines.push(`n = ${formatNumber(row.n, lang)} ${w.children}`);
  const s = statusText(row, indicator, lang);
  if (s) lines.push(row.value !== null ? `${w.class}: ${s}` : s);
  if (row.lokus) lines.push(w.lokus);
  if (row.quality) lines.push(`⚠ ${qualityMark(row.quality, lang)}`);
  return lines;
}

/** Lower-cases the first letter unless the first word is an acronym ("Stunting" → "stunting", "BMI" stays). */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

const LEVEL_WORDS: Record<Lang, Record<string, string>> = {
  id: { desa: 'desa/kelurahan', kecamatan: 'kecamatan', kabupaten: 'kabupaten/kota' },
  en: { desa: 'villages', kecamatan: 'districts (kecamatan)', kabupaten: 'regencies and cities' },
};

/** A text alternative of the map: what is mapped, how many areas per class, the highest areas. */
export function summaryText(
  rows: readonly MapRow[],
  o: { indicator: MapIndicatorRef; indicatorLabel: string; level: string; periodLabel: string; lang: Lang; legend: { key: LegendKey; label: string; count: number | null }[] },
): string {
  const { lang } = o;
  const lw = LEVEL_WORDS[lang][o.level] ?? o.level;
  const parts = o.legend.filter((i) => (i.count ?? 0) > 0).map((i) => `${formatNumber(i.count, lang)} ${i.label}`);
  const top = rows
    .filter((r) => r.value !== null)
    .sort((a, b) => (b.value as number) - (a.value as number) || (a.code < b.code ? -1 : 1))
    .slice(0, 3)
    .map((r) => `${r.name} (${formatPercent(r.value, lang)})`);
  return (
    text(MAP, lang, 'mapSummary', { indicator: lowerFirst(o.indicatorLabel), level: lw, period: o.periodLabel, n: formatNumber(rows.length, lang) }) +
    (parts.length ? `, ${parts.join('; ')}` : '') +
    '.' +
    (top.length ? text(MAP, lang, 'mapSummaryTop', { top: top.join(', ') }) : '')
  );
}
