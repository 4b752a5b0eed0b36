/** Indicator labels and definitions as published (Permenkes 2/2020 category names in Bahasa Indonesia), derived from
 * the definitions in src/lib/indicators/zscore-defs.ts. */
import { ZSCORE_DEFINITIONS, type Target, type ZField } from '../indicators/zscore-defs.ts';
import type { IndicatorId } from '../types.ts';

/** Label, definition and z-score of every indicator, in publication order. */
export const INDICATOR_META = Object.fromEntries(
  ZSCORE_DEFINITIONS.map((d) => [d.id, { label: d.label, short: d.name, definition: d.formula, z: d.rule.z }]),
) as Record<IndicatorId, { label: { id: string; en: string }; short: { id: string; en: string }; definition: string; z: ZField }>;

/** National targets drawn on every trend chart (DESIGN.md section 2): the targets of the definitions, each with its
 * source in its label. */
export const NATIONAL_TARGETS: readonly Target[] = ZSCORE_DEFINITIONS.flatMap((d) => d.targets ?? []);
