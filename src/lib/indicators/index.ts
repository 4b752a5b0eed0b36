/**
 * Every indicator the site publishes, as data: the z-score indicators computed from the measurements
 * (./zscore-defs.ts) and the coverage indicators counted from an input file (./coverage-defs.ts), one definition each
 * with the shared fields of ./definition.ts, and the checks a definition list must pass.
 */
import { COVERAGE_INDICATORS } from './coverage-defs.ts';
import { DEFAULT_INDICATOR } from './default.ts';
import type { IndicatorBase } from './definition.ts';
import { ZSCORE_DEFINITIONS, type ZScoreIndicator } from './zscore-defs.ts';

/** All definitions, z-score indicators first, in publication order. */
export const INDICATOR_DEFINITIONS: readonly IndicatorBase[] = [...ZSCORE_DEFINITIONS, ...COVERAGE_INDICATORS];

/** Problems of a z-score definition's rule and classes. */
function zscoreProblems(d: ZScoreIndicator): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(d.rule.cut)) problems.push(`${d.id}: the cut-off must be a number`);
  const b = d.classes.breaks;
  if (b.length !== 4 || b.some((x, i) => !Number.isFinite(x) || (i > 0 && x <= b[i - 1]))) problems.push(`${d.id}: classes need four ascending breaks`);
  if (!d.label?.id?.trim() || !d.label?.en?.trim()) problems.push(`${d.id}: label needs both Indonesian and English words`);
  return problems;
}

/** Problems of a definition list: duplicate or malformed ids, missing words, bad rules or classes, a default that is
 * not defined. Empty when valid. */
export function checkDefinitions(defs: readonly IndicatorBase[], defaultId: string = DEFAULT_INDICATOR): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of defs) {
    if (!/^[a-z][a-z0-9_]{1,47}$/.test(d.id)) problems.push(`id "${d.id}": lower case letters, digits and _ only`);
    if (seen.has(d.id)) problems.push(`id "${d.id}" is defined twice`);
    seen.add(d.id);
    for (const k of ['name', 'definition', 'numerator', 'denominator'] as const) {
      if (!d[k]?.id?.trim() || !d[k]?.en?.trim()) problems.push(`${d.id}: ${k} needs both Indonesian and English words`);
    }
    if (d.source === 'zscore') problems.push(...zscoreProblems(d as ZScoreIndicator));
  }
  if (!seen.has(defaultId)) problems.push(`the default indicator "${defaultId}" is not defined`);
  return problems;
}
