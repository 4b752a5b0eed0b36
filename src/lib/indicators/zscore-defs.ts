/**
 * The anthropometric indicators as data: one definition per indicator computed from the child-level measurements
 * (WHO Child Growth Standards 2006, as Permenkes 2/2020 adopts them). Everything that used to be spread over four
 * tables derives from here: the counting rule (aggregate/counts.ts: which z-score, which cut-off, which side), the
 * published labels and definitions (publish/indicators.ts → meta.json, the methodology table, legends, tabs), the
 * class breaks of maps and legends (site/thresholds.ts), the national targets on trend charts, the default indicator
 * of the map and of shared links (./default.ts, checked against this list), and the "severe cases ≤ all cases" relation the suppression audit uses.
 *
 * The order is the publication order (files, tabs, the count table's layout).
 *
 * Adding one (say, severely underweight: WAZ < −3): one entry here with its words; the build counts it, publishes it
 * in every file and page, colours its map with `classes`, and the suppression audit links it to `underweight`
 * (same z-score, same side, stricter cut-off). docs/architecture.md, "Adding an indicator".
 */
import type { IndicatorBase, Words } from './definition.ts';

/** The z-score fields of a measurement that an indicator can use. */
export type ZField = 'zlen' | 'zwei' | 'zwfl';

/**
 * The counting rule: a child is a case when the z-score is below `cut` (`side: 'below'`) or above it (`'above'`);
 * children with a flagged (implausible) or missing z-score are left out of numerator and denominator.
 */
export interface ZRule {
  z: ZField;
  side: 'below' | 'above';
  cut: number;
}

/** Where the five map classes come from (site/thresholds.ts explains each). */
export type ZClassSource = 'who2019' | 'who1995' | 'display';

/** A target line drawn on trend charts, with its source in the label. */
export interface Target {
  year: number;
  value: number;
  label: Words;
}

/** One anthropometric indicator. */
export interface ZScoreIndicator extends IndicatorBase {
  source: 'zscore';
  /** The long name, with the WHO category and cut-off (meta.json `label`, the methodology table). */
  label: Words;
  /** The rule as published in meta.json (`HAZ < -2`). */
  formula: string;
  rule: ZRule;
  /** Four ascending class breaks in percent and their source. */
  classes: { breaks: readonly [number, number, number, number]; source: ZClassSource };
  /** National targets drawn on this indicator's trend chart, each with its source. */
  targets?: readonly Target[];
}

const WHO_2006 = 'WHO Child Growth Standards 2006; Permenkes 2/2020 tentang Standar Antropometri Anak';
const ALL: Omit<ZScoreIndicator, 'id' | 'name' | 'label' | 'definition' | 'numerator' | 'formula' | 'rule' | 'classes'> & { denominator: Words } = {
  source: 'zscore',
  direction: 'lower_better',
  unit: 'percent',
  citation: WHO_2006,
  denominator: { id: 'Balita diukur dengan z-skor sah (tidak ditandai)', en: 'Children measured with a valid (unflagged) z-score' },
};

/** The denominator of the weight-based indicators also counts children with oedema (WHO anthro). */
const WEIGHT_DENOMINATOR: Words = {
  id: 'Balita diukur dengan z-skor sah (tidak ditandai), termasuk balita dengan edema',
  en: 'Children measured with a valid (unflagged) z-score, including children with oedema',
};

/** Every z-score indicator, in publication order. */
const LIST = [
  {
    ...ALL,
    id: 'stunting',
    name: { id: 'Stunting', en: 'Stunting' },
    label: { id: 'Stunting (pendek dan sangat pendek, TB/U < -2 SD)', en: 'Stunting (height-for-age < -2 SD)' },
    definition: { id: 'Balita dengan panjang/tinggi badan menurut umur di bawah −2 SD median standar WHO', en: 'Children whose length/height-for-age is below −2 SD of the WHO standard median' },
    numerator: { id: 'Balita dengan TB/U < −2 SD', en: 'Children with height-for-age < −2 SD' },
    formula: 'HAZ < -2',
    rule: { z: 'zlen', side: 'below', cut: -2 },
    classes: { breaks: [2.5, 10, 20, 30], source: 'who2019' },
    targets: [
      { year: 2024, value: 14, label: { id: 'Target nasional 2024 (Perpres 72/2021)', en: 'National target 2024 (Perpres 72/2021)' } },
      { year: 2029, value: 14.2, label: { id: 'Target nasional 2029 (RPJMN 2025–2029)', en: 'National target 2029 (RPJMN 2025–2029)' } },
    ],
  },
  {
    ...ALL,
    id: 'severe_stunting',
    name: { id: 'Sangat pendek', en: 'Severe stunting' },
    label: { id: 'Sangat pendek (TB/U < -3 SD)', en: 'Severe stunting (height-for-age < -3 SD)' },
    definition: { id: 'Balita dengan panjang/tinggi badan menurut umur di bawah −3 SD median standar WHO', en: 'Children whose length/height-for-age is below −3 SD of the WHO standard median' },
    numerator: { id: 'Balita dengan TB/U < −3 SD', en: 'Children with height-for-age < −3 SD' },
    formula: 'HAZ < -3',
    rule: { z: 'zlen', side: 'below', cut: -3 },
    classes: { breaks: [1, 3, 7, 10], source: 'display' },
  },
  {
    ...ALL,
    id: 'wasting',
    name: { id: 'Wasting', en: 'Wasting' },
    label: { id: 'Wasting (gizi kurang dan gizi buruk, BB/TB < -2 SD)', en: 'Wasting (weight-for-height < -2 SD)' },
    definition: { id: 'Balita dengan berat badan menurut panjang/tinggi badan di bawah −2 SD, atau dengan edema', en: 'Children whose weight-for-length/height is below −2 SD, or with oedema' },
    numerator: { id: 'Balita dengan BB/TB < −2 SD atau edema', en: 'Children with weight-for-height < −2 SD or oedema' },
    denominator: WEIGHT_DENOMINATOR,
    formula: 'WHZ < -2',
    rule: { z: 'zwfl', side: 'below', cut: -2 },
    classes: { breaks: [2.5, 5, 10, 15], source: 'who2019' },
  },
  {
    ...ALL,
    id: 'severe_wasting',
    name: { id: 'Gizi buruk', en: 'Severe wasting' },
    label: { id: 'Gizi buruk (BB/TB < -3 SD)', en: 'Severe wasting (weight-for-height < -3 SD)' },
    definition: { id: 'Balita dengan berat badan menurut panjang/tinggi badan di bawah −3 SD, atau dengan edema', en: 'Children whose weight-for-length/height is below −3 SD, or with oedema' },
    numerator: { id: 'Balita dengan BB/TB < −3 SD atau edema', en: 'Children with weight-for-height < −3 SD or oedema' },
    denominator: WEIGHT_DENOMINATOR,
    formula: 'WHZ < -3',
    rule: { z: 'zwfl', side: 'below', cut: -3 },
    classes: { breaks: [1, 2, 3, 5], source: 'display' },
  },
  {
    ...ALL,
    id: 'underweight',
    name: { id: 'Underweight', en: 'Underweight' },
    label: { id: 'Underweight (berat badan kurang dan sangat kurang, BB/U < -2 SD)', en: 'Underweight (weight-for-age < -2 SD)' },
    definition: { id: 'Balita dengan berat badan menurut umur di bawah −2 SD, atau dengan edema', en: 'Children whose weight-for-age is below −2 SD, or with oedema' },
    numerator: { id: 'Balita dengan BB/U < −2 SD atau edema', en: 'Children with weight-for-age < −2 SD or oedema' },
    denominator: WEIGHT_DENOMINATOR,
    formula: 'WAZ < -2',
    rule: { z: 'zwei', side: 'below', cut: -2 },
    classes: { breaks: [2.5, 10, 20, 30], source: 'who1995' },
  },
  {
    ...ALL,
    id: 'overweight',
    name: { id: 'Gizi lebih', en: 'Overweight' },
    label: { id: 'Gizi lebih dan obesitas (BB/TB > +2 SD)', en: 'Overweight (weight-for-height > +2 SD)' },
    definition: { id: 'Balita dengan berat badan menurut panjang/tinggi badan di atas +2 SD', en: 'Children whose weight-for-length/height is above +2 SD' },
    numerator: { id: 'Balita dengan BB/TB > +2 SD', en: 'Children with weight-for-height > +2 SD' },
    denominator: WEIGHT_DENOMINATOR,
    formula: 'WHZ > +2',
    rule: { z: 'zwfl', side: 'above', cut: 2 },
    classes: { breaks: [2.5, 5, 10, 15], source: 'who2019' },
  },
] as const satisfies readonly ZScoreIndicator[];

/** The id of a z-score indicator. */
export type ZScoreIndicatorId = (typeof LIST)[number]['id'];

/** The definitions as the general interface (for code that iterates over them). */
export const ZSCORE_DEFINITIONS: readonly ZScoreIndicator[] = LIST;

/**
 * Pairs [stricter, looser] of indicators on the same z-score and side where every case of the first is a case of the
 * second (severe stunting ⊂ stunting): the suppression audit uses them as "cases ≤ cases".
 */
export function nestedPairs(defs: readonly ZScoreIndicator[]): [number, number][] {
  const pairs: [number, number][] = [];
  defs.forEach((a, i) =>
    defs.forEach((b, j) => {
      if (i === j || a.rule.z !== b.rule.z || a.rule.side !== b.rule.side) return;
      const stricter = a.rule.side === 'below' ? a.rule.cut < b.rule.cut : a.rule.cut > b.rule.cut;
      if (stricter) pairs.push([i, j]);
    }),
  );
  return pairs;
}

/**
 * Pairs [above, below] where the cases of an upper cut-off are non-cases of a lower one on the same z-score
 * (overweight, WHZ > +2, are not wasted, WHZ < −2): "cases ≤ non-cases". For each upper rule, the loosest lower
 * rule it is disjoint from (the others follow from the nested pairs).
 */
export function disjointPairs(defs: readonly ZScoreIndicator[]): [number, number][] {
  const pairs: [number, number][] = [];
  defs.forEach((a, i) => {
    if (a.rule.side !== 'above') return;
    let best = -1;
    defs.forEach((b, j) => {
      if (b.rule.z === a.rule.z && b.rule.side === 'below' && b.rule.cut <= a.rule.cut && (best < 0 || b.rule.cut > defs[best].rule.cut)) best = j;
    });
    if (best >= 0) pairs.push([i, best]);
  });
  return pairs;
}
