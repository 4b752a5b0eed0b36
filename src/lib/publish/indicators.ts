/** Indicator labels and definitions as published (Permenkes 2/2020 category names in Bahasa Indonesia). */
import type { IndicatorId } from '../types.ts';

/** Label, definition and z-score of every indicator, in publication order. */
export const INDICATOR_META: Record<IndicatorId, { label: { id: string; en: string }; short: { id: string; en: string }; definition: string; z: 'zlen' | 'zwei' | 'zwfl' }> = {
  stunting: {
    label: { id: 'Stunting (pendek dan sangat pendek, TB/U < -2 SD)', en: 'Stunting (height-for-age < -2 SD)' },
    short: { id: 'Stunting', en: 'Stunting' },
    definition: 'HAZ < -2',
    z: 'zlen',
  },
  severe_stunting: {
    label: { id: 'Sangat pendek (TB/U < -3 SD)', en: 'Severe stunting (height-for-age < -3 SD)' },
    short: { id: 'Sangat pendek', en: 'Severe stunting' },
    definition: 'HAZ < -3',
    z: 'zlen',
  },
  wasting: {
    label: { id: 'Wasting (gizi kurang dan gizi buruk, BB/TB < -2 SD)', en: 'Wasting (weight-for-height < -2 SD)' },
    short: { id: 'Wasting', en: 'Wasting' },
    definition: 'WHZ < -2',
    z: 'zwfl',
  },
  severe_wasting: {
    label: { id: 'Gizi buruk (BB/TB < -3 SD)', en: 'Severe wasting (weight-for-height < -3 SD)' },
    short: { id: 'Gizi buruk', en: 'Severe wasting' },
    definition: 'WHZ < -3',
    z: 'zwfl',
  },
  underweight: {
    label: { id: 'Underweight (berat badan kurang dan sangat kurang, BB/U < -2 SD)', en: 'Underweight (weight-for-age < -2 SD)' },
    short: { id: 'Underweight', en: 'Underweight' },
    definition: 'WAZ < -2',
    z: 'zwei',
  },
  overweight: {
    label: { id: 'Gizi lebih dan obesitas (BB/TB > +2 SD)', en: 'Overweight (weight-for-height > +2 SD)' },
    short: { id: 'Gizi lebih', en: 'Overweight' },
    definition: 'WHZ > +2',
    z: 'zwfl',
  },
};

/** National targets drawn on every trend chart (DESIGN.md section 2). */
export const NATIONAL_TARGETS = [
  { year: 2024, value: 14, label: { id: 'Target nasional 2024 (Perpres 72/2021)', en: 'National target 2024 (Perpres 72/2021)' } },
  { year: 2029, value: 14.2, label: { id: 'Target nasional 2029 (RPJMN 2025–2029)', en: 'National target 2029 (RPJMN 2025–2029)' } },
] as const;
