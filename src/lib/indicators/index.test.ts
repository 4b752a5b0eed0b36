import { describe, expect, it } from 'vitest';
import { INDICATOR_RULES } from '../aggregate/counts.ts';
import { INDICATOR_META, NATIONAL_TARGETS } from '../publish/indicators.ts';
import { THRESHOLDS } from '../site/thresholds.ts';
import { INDICATORS } from '../types.ts';
import { DEFAULT_INDICATOR } from './default.ts';
import { checkDefinitions, INDICATOR_DEFINITIONS } from './index.ts';
import { disjointPairs, nestedPairs, ZSCORE_DEFINITIONS, type ZScoreIndicator } from './zscore-defs.ts';

const byId = (id: string) => ZSCORE_DEFINITIONS.find((d) => d.id === id)!;

describe('the indicator definitions', () => {
  it('are valid together: ids unique across z-score and coverage indicators, words in both languages, the default defined', () => {
    expect(checkDefinitions(INDICATOR_DEFINITIONS)).toEqual([]);
    expect(INDICATOR_DEFINITIONS.map((d) => d.source).filter((s) => s === 'zscore')).toHaveLength(6);
    expect(INDICATOR_DEFINITIONS.some((d) => d.id === DEFAULT_INDICATOR)).toBe(true);
  });

  it('reject bad rules and classes of a z-score definition, and a default that is not defined', () => {
    const bad: ZScoreIndicator = { ...byId('wasting'), id: 'bad_one', rule: { z: 'zwfl', side: 'below', cut: Number.NaN }, classes: { breaks: [5, 2.5, 10, 15], source: 'display' } };
    expect(checkDefinitions([...ZSCORE_DEFINITIONS, bad])).toEqual(['bad_one: the cut-off must be a number', 'bad_one: classes need four ascending breaks']);
    expect(checkDefinitions(ZSCORE_DEFINITIONS, 'nope')).toEqual(['the default indicator "nope" is not defined']);
  });

  it('are the one source of the counting rules, the published labels, the class breaks and the targets', () => {
    expect(INDICATORS).toEqual(ZSCORE_DEFINITIONS.map((d) => d.id));
    for (const d of ZSCORE_DEFINITIONS) {
      const id = d.id as (typeof INDICATORS)[number];
      expect(INDICATOR_RULES[id].z).toBe(d.rule.z);
      expect(INDICATOR_RULES[id].definition).toBe(d.formula);
      // the rule's cut-off itself is not a case for either side; just past it is
      const past = d.rule.side === 'below' ? d.rule.cut - 0.01 : d.rule.cut + 0.01;
      expect([INDICATOR_RULES[id].isCase(d.rule.cut), INDICATOR_RULES[id].isCase(past)]).toEqual([false, true]);
      expect(INDICATOR_META[id]).toEqual({ label: d.label, short: d.name, definition: d.formula, z: d.rule.z });
      expect(THRESHOLDS[id].breaks).toEqual(d.classes.breaks);
    }
    expect(NATIONAL_TARGETS.map((t) => t.year)).toEqual([2024, 2029]);
  });

  it('give the suppression audit its relations: severe ⊂ all cases on the same z-score, overweight ⊂ not wasted', () => {
    const ids = ZSCORE_DEFINITIONS.map((d) => d.id);
    const named = (pairs: [number, number][]) => pairs.map(([a, b]) => [ids[a], ids[b]]);
    expect(named(nestedPairs(ZSCORE_DEFINITIONS))).toEqual([
      ['severe_stunting', 'stunting'],
      ['severe_wasting', 'wasting'],
    ]);
    expect(named(disjointPairs(ZSCORE_DEFINITIONS))).toEqual([['overweight', 'wasting']]);
    // a made-up severely-underweight indicator nests in underweight without any other change
    const extra: ZScoreIndicator = { ...byId('underweight'), id: 'severe_underweight', formula: 'WAZ < -3', rule: { z: 'zwei', side: 'below', cut: -3 } };
    const more = [...ZSCORE_DEFINITIONS, extra];
    expect(nestedPairs(more).map(([a, b]) => [more[a].id, more[b].id])).toContainEqual(['severe_underweight', 'underweight']);
  });
});
