/**
 * The one colour source of the site: prevalence classes, their labels and colours, and the styles of the cells that
 * have no number (suppressed, no data, not measured). The static SVG map, the MapLibre fill, the legend and the table
 * badges all read this module, so a colour or a threshold changes in one place.
 *
 * Thresholds (fixed across periods so that maps compare over time):
 * - stunting: WHO/UNICEF 2019 (de Onis et al., "Prevalence thresholds for wasting, overweight and stunting in
 *   children under 5 years", Public Health Nutrition 22(1):175-179, 2019; WHO/UNICEF Technical Expert Advisory Group
 *   on Nutrition Monitoring): < 2.5 very low, 2.5-<10 low, 10-<20 medium, 20-<30 high, >= 30 % very high.
 * - wasting and overweight: same source: < 2.5, 2.5-<5, 5-<10, 10-<15, >= 15 %.
 * - underweight: WHO/UNICEF 2019 gives none. We use the stunting breaks, whose upper three (10, 20, 30) are exactly
 *   the WHO 1995 underweight bands (WHO Technical Report Series 854, "Physical status", table 37: < 10 low, 10-19
 *   medium, 20-29 high, >= 30 very high) and whose 2.5 is the 2019 "very low" cut-off (about what -2 SD leaves in
 *   a healthy population). Labelled with the same words and marked `source: 'who1995'`.
 * - severe stunting and severe wasting: WHO gives no prevalence thresholds. We do NOT attach the words "low ... very
 *   high" to them; their classes are display ranges only (labelled by the numbers), at about a third of the parent
 *   indicator's breaks because severe cases are roughly a third of all cases in Indonesia (Riskesdas 2018: sangat
 *   pendek 11.5 of 30.8 %, gizi buruk 3.5 of 10.2 %). Marked `source: 'display'`.
 *
 * Class k holds values v with breaks[k-1] <= v < breaks[k] (lower bound inclusive), which is exactly MapLibre's
 * `step` semantics, so the static map and the interactive map agree at the boundaries.
 *
 * Palette: ColorBrewer 2.0 YlOrRd, 5 classes (Brewer & Harrower, colorbrewer2.org), rated colour-blind safe,
 * print friendly and photocopy safe; light = low, dark red = very high. Grey is kept out of the ramp so that the
 * no-number styles (grey, white, hatched) can never be read as a class.
 */
import { ZSCORE_DEFINITIONS } from '../indicators/zscore-defs.ts';
import type { CellStatus, IndicatorId } from '../types.ts';

/** The five prevalence classes, low to high (index 0..4). */
export const CLASS_KEYS = ['very_low', 'low', 'medium', 'high', 'very_high'] as const;
export type ClassKey = (typeof CLASS_KEYS)[number];
/** The extra legend keys of cells without a published number. */
export type MissingKey = 'suppressed' | 'no_data' | 'not_measured';
export type LegendKey = ClassKey | MissingKey;
export type Lang = 'id' | 'en';

/** Class words in Bahasa Indonesia and English (WHO/UNICEF 2019: very low ... very high). */
export const CLASS_LABELS: Record<ClassKey, Record<Lang, string>> = {
  very_low: { id: 'sangat rendah', en: 'very low' },
  low: { id: 'rendah', en: 'low' },
  medium: { id: 'sedang', en: 'medium' },
  high: { id: 'tinggi', en: 'high' },
  very_high: { id: 'sangat tinggi', en: 'very high' },
};

/** Fill colours of the five classes, ColorBrewer YlOrRd-5. */
export const CLASS_COLORS: readonly string[] = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

/** Suppressed (fewer measured children than the minimum): light grey ground with a darker grey hatch. */
export const SUPPRESSED = { fill: '#e6e6e6', hatch: '#8c8c8c', text: '#111111' } as const;
/** No data (no valid value for this indicator, or the area has no data at all): flat mid-light grey. */
export const NO_DATA = { fill: '#bdbdbd', text: '#111111' } as const;
/** Not measured in this period (although measured in others): white with grey dots (reads apart from the flat grey
 * of no data and from the hatch of suppressed, also in black-and-white print). */
export const NOT_MEASURED = { fill: '#ffffff', dot: '#969696', text: '#111111' } as const;
/** Area outlines, the desa lokus marker and the highlight of the locator map. */
export const STROKE = { area: '#ffffff', parent: '#4d4d4d', lokus: '#2b2b7a', highlight: '#000000' } as const;
/** Id of the SVG pattern / MapLibre image used for the suppressed hatch. */
export const SUPPRESSED_PATTERN_ID = 'pola-disembunyikan';
/** Id of the SVG pattern / MapLibre image used for the not-measured dots. */
export const NOT_MEASURED_PATTERN_ID = 'pola-tidak-diukur';

/** Where a set of thresholds comes from (`coverage`: the fixed classes of the convergence indicators). */
export type ThresholdSource = 'who2019' | 'who1995' | 'display' | 'coverage';

export interface ThresholdDef {
  /** Four ascending breaks between the five classes, in percent. */
  breaks: readonly [number, number, number, number];
  source: ThresholdSource;
  /** Fill colours of the five classes (default: the prevalence palette CLASS_COLORS). */
  colors?: readonly string[];
  /** CSS class names of the five classes (default `c0`..`c4`), one per colour so the stylesheet is fixed. */
  css?: readonly string[];
  /** The legend's note (default: SOURCE_NOTES of the source). */
  note?: Record<Lang, string>;
}

/** An indicator's id (looked up in THRESHOLDS) or its classes themselves (a convergence indicator's scale). */
export type Scale = IndicatorId | string | ThresholdDef;

/** Class breaks per indicator, from its definition (src/lib/indicators/zscore-defs.ts; the module comment gives the
 * sources). */
export const THRESHOLDS = Object.fromEntries(ZSCORE_DEFINITIONS.map((d) => [d.id, { breaks: d.classes.breaks, source: d.classes.source }])) as Record<
  IndicatorId,
  ThresholdDef
>;

/** Citation of a threshold source in the reader's language. */
export const SOURCE_NOTES: Record<ThresholdSource, Record<Lang, string>> = {
  who2019: {
    id: 'Ambang prevalensi WHO/UNICEF 2019 (de Onis dkk., Public Health Nutrition 2019).',
    en: 'WHO/UNICEF 2019 prevalence thresholds (de Onis et al., Public Health Nutrition 2019).',
  },
  who1995: {
    id: 'Ambang berat badan kurang WHO 1995 (TRS 854), dengan batas 2,5 % dari WHO/UNICEF 2019.',
    en: 'WHO 1995 underweight bands (TRS 854), with the 2.5 % cut-off of WHO/UNICEF 2019.',
  },
  display: {
    id: 'WHO tidak menetapkan ambang untuk bentuk berat; kelas ini hanya rentang tampilan.',
    en: 'WHO sets no thresholds for severe forms; these classes are display ranges only.',
  },
  coverage: {
    id: 'Kelas cakupan tetap (sama untuk semua periode); warna lebih gelap = lebih baik.',
    en: 'Fixed coverage classes (the same in every period); darker = better.',
  },
};

/**
 * Palette of the convergence (coverage) indicators: ColorBrewer 2.0 BuGn (Brewer & Harrower), the darker five of its
 * six classes (its lightest, #edf8fb, vanishes on the map's background), rated colour-blind safe and print friendly;
 * light = little coverage, dark green = good. Apart from the prevalence reds so that a coverage map is never read as
 * a stunting map.
 */
export const COVERAGE_COLORS: readonly string[] = ['#ccece6', '#99d8c9', '#66c2a4', '#2ca25f', '#006d2c'];
const COVERAGE_CSS = ['k0', 'k1', 'k2', 'k3', 'k4'] as const;

/**
 * The classes of a coverage indicator. Higher is better: < 50, 50-70, 70-80, 80-90, >= 90 %, light to dark. Lower is
 * better (an unwanted outcome): < 10, 10-20, 20-30, 30-50, >= 50 % with the palette reversed, so dark still means good;
 * the legend note says so.
 */
export function coverageScale(direction: 'higher_better' | 'lower_better'): ThresholdDef {
  if (direction === 'lower_better') {
    return {
      breaks: [10, 20, 30, 50],
      source: 'coverage',
      colors: [...COVERAGE_COLORS].reverse(),
      css: [...COVERAGE_CSS].reverse(),
      note: {
        id: 'Makin rendah makin baik: warna gelap = angka rendah. Kelas tetap untuk semua periode.',
        en: 'Lower is better: dark = a low figure. Fixed classes in every period.',
      },
    };
  }
  return { breaks: [50, 70, 80, 90], source: 'coverage', colors: COVERAGE_COLORS, css: COVERAGE_CSS, note: SOURCE_NOTES.coverage };
}

/** The colours and CSS class names of a scale's five classes. */
export function classStyles(def: ThresholdDef): { colors: readonly string[]; css: readonly string[] } {
  return { colors: def.colors ?? CLASS_COLORS, css: def.css ?? CLASS_COLORS.map((_, i) => `c${i}`) };
}

/** True when a scale's classes carry the WHO words (very low ... very high). */
export function hasClassWords(scale: Scale): boolean {
  const s = thresholdsFor(scale).source;
  return s === 'who2019' || s === 'who1995';
}

const FALLBACK: ThresholdDef = THRESHOLDS.stunting;

/** The threshold definition of an indicator (stunting's for an unknown id, so a new indicator still draws). */
export function thresholdsFor(indicator: Scale): ThresholdDef {
  if (typeof indicator === 'object') return indicator;
  return (THRESHOLDS as Record<string, ThresholdDef>)[indicator] ?? FALLBACK;
}

/** Indicators grouped by identical classes (same breaks and source), in the given order: one class table each on the
 * methodology page, so every indicator's classes are shown and none twice. */
export function classGroups(ids: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const d = thresholdsFor(id);
    const key = `${d.source} ${d.breaks.join(' ')}`;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.values()];
}

/** The class index 0..4 of a prevalence in percent, or null for null/NaN/non-numbers. Lower bounds inclusive. */
export function classIndex(indicator: Scale, value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const { breaks } = thresholdsFor(indicator);
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

/** Minimal shape of a published cell that classify() reads (IndicatorValueJson fits). */
export interface CellLike {
  prevalence: number | null;
  status: CellStatus;
}

/** What to draw for one cell: a class (index, key, colours) or one of the no-number styles. */
export type Classification =
  | { kind: 'class'; index: number; key: ClassKey; fill: string; text: string; css: string }
  | { kind: MissingKey; key: MissingKey; fill: string; text: string };

/**
 * The class of a value for an indicator. Accepts a number, null, or a published cell: a cell whose status is
 * suppressed / not_measured / no_data gets that style whatever its prevalence; a null or missing value is no_data.
 */
export function classify(indicator: Scale, value: number | null | undefined | CellLike): Classification {
  let v: number | null | undefined;
  if (value !== null && typeof value === 'object') {
    if (value.status === 'suppressed') return missing('suppressed');
    if (value.status === 'not_measured') return missing('not_measured');
    if (value.status === 'no_data') return missing('no_data');
    v = value.prevalence;
  } else v = value;
  const index = classIndex(indicator, v);
  if (index === null) return missing('no_data');
  const { colors, css } = classStyles(thresholdsFor(indicator));
  return { kind: 'class', index, key: CLASS_KEYS[index], fill: colors[index], text: textColorOn(colors[index]), css: css[index] };
}

function missing(key: MissingKey): Classification {
  const style = key === 'suppressed' ? SUPPRESSED : key === 'no_data' ? NO_DATA : NOT_MEASURED;
  return { kind: key, key, fill: style.fill, text: style.text };
}

/**
 * MapLibre `step` expression for the class colour of a numeric feature property (default `value`, percent).
 * Only valid where the property is a number; use maplibreFillExpression() for the whole fill.
 */
export function maplibreStepExpression(indicator: Scale, property = 'value'): unknown[] {
  const def = thresholdsFor(indicator);
  const { colors } = classStyles(def);
  const expr: unknown[] = ['step', ['to-number', ['get', property]], colors[0]];
  def.breaks.forEach((b, i) => expr.push(b, colors[i + 1]));
  return expr;
}

/**
 * MapLibre fill-color expression for a feature with properties `status` (CellStatus) and `value` (number|null):
 * suppressed / not_measured / no_data colours first, then the class step. Same decisions as classify().
 */
export function maplibreFillExpression(indicator: Scale, property = 'value'): unknown[] {
  return [
    'case',
    ['==', ['get', 'status'], 'suppressed'],
    SUPPRESSED.fill,
    ['==', ['get', 'status'], 'not_measured'],
    NOT_MEASURED.fill,
    ['==', ['get', 'status'], 'no_data'],
    NO_DATA.fill,
    ['==', ['typeof', ['get', property]], 'number'],
    maplibreStepExpression(indicator, property),
    NO_DATA.fill,
  ];
}

/** Formats a percentage the reader's way: `9,5` (id) / `9.5` (en), no trailing unit. */
export function formatPct(value: number, lang: Lang): string {
  const s = (Math.round(value * 10) / 10).toFixed(Number.isInteger(value) ? 0 : 1);
  return lang === 'id' ? s.replace('.', ',') : s;
}

/** One legend row. */
export interface LegendItem {
  key: LegendKey;
  /** Class index 0..4, or null for the no-number rows. */
  index: number | null;
  /** CSS class of the swatch (`c0`.., `k0`.., `sup`, `nod`, `nom`). */
  css: string;
  /** Range in percent, e.g. `10 – < 20 %`; empty for the no-number rows. */
  range: string;
  /** The class word (sangat rendah ...) or, for display-only thresholds, null. */
  word: string | null;
  /** What a reader sees as the row's label. */
  label: string;
  fill: string;
  text: string;
  /** Draw the suppressed hatch / the not-measured dots on the swatch. */
  pattern: 'hatch' | 'dots' | null;
  /** Areas in this row (when counts were given). */
  count: number | null;
  /** Lower and upper bound of the class in percent (null = open). */
  min: number | null;
  max: number | null;
}

/** Labels of the no-number rows. */
export const MISSING_LABELS: Record<MissingKey, Record<Lang, string>> = {
  suppressed: { id: 'disembunyikan (terlalu sedikit anak diukur)', en: 'suppressed (too few children measured)' },
  no_data: { id: 'tidak ada data', en: 'no data' },
  not_measured: { id: 'tidak diukur pada periode ini', en: 'not measured in this period' },
};

/** The suppressed row of a coverage legend. */
const COVERAGE_SUPPRESSED: Record<Lang, string> = { id: 'disembunyikan (penyebut terlalu kecil)', en: 'suppressed (denominator too small)' };

/** Short status words for tooltips and table badges. */
export const STATUS_WORDS: Record<MissingKey, Record<Lang, string>> = {
  suppressed: { id: 'disembunyikan', en: 'suppressed' },
  no_data: { id: 'tidak ada data', en: 'no data' },
  not_measured: { id: 'tidak diukur', en: 'not measured' },
};

/** The legend of an indicator: five classes then suppressed / no data / not measured, with counts if given. */
export function legendModel(
  indicator: Scale,
  lang: Lang,
  counts?: Partial<Record<LegendKey, number>>,
): { items: LegendItem[]; source: ThresholdSource; note: string } {
  const def = thresholdsFor(indicator);
  const { breaks } = def;
  const who = hasClassWords(def);
  const { colors, css } = classStyles(def);
  const items: LegendItem[] = CLASS_KEYS.map((key, i) => {
    const min = i === 0 ? null : breaks[i - 1];
    const max = i === breaks.length ? null : breaks[i];
    const range =
      min === null
        ? `< ${formatPct(max as number, lang)} %`
        : max === null
          ? `≥ ${formatPct(min, lang)} %`
          : `${formatPct(min, lang)} – < ${formatPct(max, lang)} %`;
    const word = who ? CLASS_LABELS[key][lang] : null;
    return {
      key,
      index: i,
      range,
      word,
      label: word ? `${word} (${range})` : range,
      css: css[i],
      fill: colors[i],
      text: textColorOn(colors[i]),
      pattern: null,
      count: counts ? (counts[key] ?? 0) : null,
      min,
      max,
    };
  });
  // Coverage figures are counts reported per desa: hidden for a small denominator, never "not measured".
  const coverage = def.source === 'coverage';
  for (const key of coverage ? (['suppressed', 'no_data'] as const) : (['suppressed', 'no_data', 'not_measured'] as const)) {
    const c = missing(key);
    items.push({
      key,
      index: null,
      range: '',
      word: STATUS_WORDS[key][lang],
      label: coverage && key === 'suppressed' ? COVERAGE_SUPPRESSED[lang] : MISSING_LABELS[key][lang],
      css: key === 'suppressed' ? 'sup' : key === 'no_data' ? 'nod' : 'nom',
      fill: c.fill,
      text: c.text,
      pattern: key === 'suppressed' ? 'hatch' : key === 'not_measured' ? 'dots' : null,
      count: counts ? (counts[key] ?? 0) : null,
      min: null,
      max: null,
    });
  }
  return { items, source: def.source, note: (def.note ?? SOURCE_NOTES[def.source])[lang] };
}

/** Counts areas per legend key from a list of cells (null/undefined cells count as no_data). */
export function countByClass(
  indicator: Scale,
  cells: Iterable<CellLike | null | undefined>,
): Record<LegendKey, number> {
  const out = Object.fromEntries(
    [...CLASS_KEYS, 'suppressed', 'no_data', 'not_measured'].map((k) => [k, 0]),
  ) as Record<LegendKey, number>;
  for (const cell of cells) out[classify(indicator, cell ?? null).key]++;
  return out;
}

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/** WCAG contrast ratio of two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colours a label may use on a fill. */
export const TEXT_DARK = '#111111';
export const TEXT_LIGHT = '#ffffff';

/** The text colour (near-black or white) with the higher WCAG contrast on a fill; >= 4.5:1 for every class. */
export function textColorOn(fill: string): string {
  return contrastRatio(fill, TEXT_DARK) >= contrastRatio(fill, TEXT_LIGHT) ? TEXT_DARK : TEXT_LIGHT;
}
