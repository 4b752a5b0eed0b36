/**
 * Additive counts per area and period: children measured, valid, flagged, and for every indicator its denominator
 * (children with a valid, unflagged z-score) and cases, overall, by sex and by age group. Everything is a sum, so
 * kecamatan and kabupaten are exact roll-ups of their desa, and memory is O(areas x periods), never O(rows).
 */
import { ZSCORE_DEFINITIONS, type ZField } from '../indicators/zscore-defs.ts';
import { AGE_GROUPS, INDICATORS, type IndicatorId, type Observation } from '../types.ts';

/** Categories: 0 = all, 1-2 = sex, 3-8 = age groups (AGE_GROUPS order). */
export const CATEGORIES = ['all', 'sex:1', 'sex:2', ...AGE_GROUPS.map((g) => `age:${g}`)] as const;

const HEAD = 6; // measured, valid, flagged zlen, zwei, zwfl, zbmi
/** Int32 slots per area and period. */
export const STRIDE = HEAD + CATEGORIES.length * INDICATORS.length * 2;

/** Slot offsets of the head fields. */
export const HEAD_SLOTS = { measured: 0, valid: 1, flagged: { zlen: 2, zwei: 3, zwfl: 4, zbmi: 5 } } as const;

/** Offset of (category, indicator) n; cases is the next slot. */
export function slotOf(category: number, indicator: number): number {
  return HEAD + (category * INDICATORS.length + indicator) * 2;
}

/** Age group index (0..5) for an age in days: completed months = floor(days / 30.4375), as WHO anthro does. */
export function ageGroupIndex(ageDays: number): number {
  const months = Math.floor(ageDays / 30.4375);
  if (months < 6) return 0;
  if (months < 12) return 1;
  if (months < 24) return 2;
  if (months < 36) return 3;
  if (months < 48) return 4;
  return 5;
}

/** Counts for every area (by index) and period (by slot). */
export interface CountTable {
  nAreas: number;
  nPeriods: number;
  data: Int32Array;
}

/** Creates an empty table. */
export function createCountTable(nAreas: number, nPeriods: number): CountTable {
  return { nAreas, nPeriods, data: new Int32Array(nAreas * nPeriods * STRIDE) };
}

/** Offset of the block of one area and period. */
export function blockOf(t: CountTable, area: number, period: number): number {
  return (area * t.nPeriods + period) * STRIDE;
}

/** Per-indicator rule, from its definition (src/lib/indicators/zscore-defs.ts): which z-score and flag it uses and
 * whether a value is a case (DESIGN.md section 2). */
export const INDICATOR_RULES = Object.fromEntries(
  ZSCORE_DEFINITIONS.map((d) => {
    const { z, cut } = d.rule;
    const isCase = d.rule.side === 'below' ? (v: number) => v < cut : (v: number) => v > cut;
    return [d.id, { z, isCase, definition: d.formula }];
  }),
) as Record<IndicatorId, { z: ZField; isCase: (z: number) => boolean; definition: string }>;

const FLAG_OF = { zlen: 'flen', zwei: 'fwei', zwfl: 'fwfl', zbmi: 'fbmi' } as const;
const Z_FIELDS = ['zlen', 'zwei', 'zwfl', 'zbmi'] as const;
/** INDICATOR_RULES in INDICATORS order, with the flag field of each rule's z-score. */
const RULES = INDICATORS.map((id) => ({ ...INDICATOR_RULES[id], flag: FLAG_OF[INDICATOR_RULES[id].z] }));

/** The z-score WHO anthro's prevalence gives a child with oedema for the weight-based indicators. */
export const OEDEMA_Z = -3.1;

/** Adds one deduplicated observation to the block of (area, period). */
export function addObservation(t: CountTable, area: number, period: number, o: Observation): void {
  const d = t.data;
  const b = blockOf(t, area, period);
  d[b + HEAD_SLOTS.measured]++;
  let anyValid = false;
  for (let k = 0; k < Z_FIELDS.length; k++) {
    const z = Z_FIELDS[k];
    const f = o[FLAG_OF[z]];
    if (f === 1) d[b + HEAD_SLOTS.flagged[z]]++;
    if (o[z] !== null && f === 0) anyValid = true;
  }
  if (anyValid) d[b + HEAD_SLOTS.valid]++;
  // categories: all, the sex, the age group
  const sexCat = o.sex;
  const ageCat = 3 + ageGroupIndex(o.ageDays);
  for (let k = 0; k < RULES.length; k++) {
    const rule = RULES[k];
    // Oedema: the weight-based z-scores are blank, but WHO anthro's prevalence counts the child as below −3 SD for
    // weight-for-age and weight-for-length/height (its z-score −3.1 "aux" value): in the denominator always, a case
    // of underweight, wasting and severe wasting, never of overweight.
    const oedema = o.oedema && rule.z !== 'zlen';
    const z = oedema ? OEDEMA_Z : o[rule.z];
    if (z === null || (!oedema && o[rule.flag] !== 0)) continue;
    const hit = rule.isCase(z) ? 1 : 0;
    let s = b + slotOf(0, k);
    d[s]++;
    d[s + 1] += hit;
    s = b + slotOf(sexCat, k);
    d[s]++;
    d[s + 1] += hit;
    s = b + slotOf(ageCat, k);
    d[s]++;
    d[s + 1] += hit;
  }
}

/** Adds pre-aggregated counts (measured, cases per indicator; n = measured) to an area and period. */
export function addAggregate(t: CountTable, area: number, period: number, measured: number, cases: Partial<Record<IndicatorId, number>>): void {
  const d = t.data;
  const b = blockOf(t, area, period);
  d[b + HEAD_SLOTS.measured] += measured;
  d[b + HEAD_SLOTS.valid] += measured;
  for (let k = 0; k < INDICATORS.length; k++) {
    const c = cases[INDICATORS[k]];
    if (c === undefined) continue;
    const s = b + slotOf(0, k);
    d[s] += measured;
    d[s + 1] += c;
  }
}

/** Sums the blocks of every area into its ancestors, given each area's parent index (-1 for the root); areas must
 * be ordered so that children come after their parents (code order does this). */
export function rollUp(t: CountTable, parentOf: Int32Array): void {
  const d = t.data;
  for (let a = t.nAreas - 1; a >= 0; a--) {
    const p = parentOf[a];
    if (p < 0) continue;
    for (let per = 0; per < t.nPeriods; per++) {
      const from = blockOf(t, a, per);
      const to = blockOf(t, p, per);
      for (let s = 0; s < STRIDE; s++) d[to + s] += d[from + s];
    }
  }
}
