import { describe, expect, it } from 'vitest';
// The real MapLibre expression evaluator (a dependency of maplibre-gl), so the test checks what the map will draw.
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import {
  CLASS_COLORS,
  NO_DATA,
  NOT_MEASURED,
  SUPPRESSED,
  classGroups,
  classIndex,
  classify,
  contrastRatio,
  countByClass,
  legendModel,
  maplibreFillExpression,
  maplibreStepExpression,
  textColorOn,
  THRESHOLDS,
} from './thresholds.ts';
import { INDICATORS } from '../types.ts';

function evaluate(expr: unknown[], properties: Record<string, unknown>): string {
  const parsed = createExpression(expr as never, { type: 'color', 'property-type': 'data-driven' } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const color = parsed.value.evaluate({ zoom: 0 } as never, { type: 'Polygon', properties } as never) as
    | string
    | { r: number; g: number; b: number };
  if (typeof color === 'string') return color.toLowerCase();
  const hex = (c: number) => Math.round(c * 255).toString(16).padStart(2, '0');
  return `#${hex(color.r)}${hex(color.g)}${hex(color.b)}`;
}

describe('classify', () => {
  it.each([
    [0, 0],
    [2.4, 0],
    [2.49, 0],
    [2.5, 1],
    [9.9, 1],
    [10, 2],
    [19.99, 2],
    [20, 3],
    [29.9, 3],
    [30, 4],
    [100, 4],
  ])('stunting %s %% is class %i (lower bound inclusive)', (v, k) => {
    expect(classIndex('stunting', v)).toBe(k);
    const c = classify('stunting', v);
    expect(c.kind).toBe('class');
    expect(c.fill).toBe(CLASS_COLORS[k]);
  });

  it.each([
    [2.5, 1],
    [4.9, 1],
    [5, 2],
    [10, 3],
    [15, 4],
  ])('wasting and overweight %s %% is class %i', (v, k) => {
    expect(classIndex('wasting', v)).toBe(k);
    expect(classIndex('overweight', v)).toBe(k);
  });

  it('treats null, undefined and NaN as no data, never as zero', () => {
    expect(classify('stunting', null).kind).toBe('no_data');
    expect(classify('stunting', undefined).kind).toBe('no_data');
    expect(classify('stunting', Number.NaN).kind).toBe('no_data');
    expect(classify('stunting', null).fill).toBe(NO_DATA.fill);
  });

  it('uses the cell status before the number', () => {
    expect(classify('stunting', { prevalence: null, status: 'suppressed' }).kind).toBe('suppressed');
    expect(classify('stunting', { prevalence: 12, status: 'suppressed' }).kind).toBe('suppressed');
    expect(classify('stunting', { prevalence: null, status: 'not_measured' }).fill).toBe(NOT_MEASURED.fill);
    expect(classify('stunting', { prevalence: null, status: 'no_data' }).kind).toBe('no_data');
    expect(classify('stunting', { prevalence: null, status: 'ok' }).kind).toBe('no_data');
    expect(classify('stunting', { prevalence: 12, status: 'ok' })).toMatchObject({ kind: 'class', index: 2 });
  });

  it('keeps the three no-number styles distinct from each other and from every class', () => {
    const fills = [SUPPRESSED.fill, NO_DATA.fill, NOT_MEASURED.fill];
    expect(new Set(fills).size).toBe(3);
    for (const f of fills) expect(CLASS_COLORS).not.toContain(f);
  });
});

describe('maplibre expressions match classify()', () => {
  for (const id of INDICATORS) {
    const { breaks } = THRESHOLDS[id];
    const values = [0, ...breaks.flatMap((b) => [b - 0.1, b - 0.01, b, b + 0.01]), 99.9];
    it(`step expression of ${id} on both sides of each break`, () => {
      for (const v of values) {
        const want = classify(id, v).fill;
        expect(evaluate(maplibreStepExpression(id), { value: v }), `${id} ${v}`).toBe(want);
        expect(evaluate(maplibreFillExpression(id), { value: v, status: 'ok' }), `${id} ${v}`).toBe(want);
      }
    });
  }

  it('fill expression draws the status colours and no data for a null value', () => {
    const e = maplibreFillExpression('stunting');
    expect(evaluate(e, { value: null, status: 'suppressed' })).toBe(SUPPRESSED.fill);
    expect(evaluate(e, { value: null, status: 'not_measured' })).toBe(NOT_MEASURED.fill);
    expect(evaluate(e, { value: null, status: 'no_data' })).toBe(NO_DATA.fill);
    expect(evaluate(e, { value: null, status: 'ok' })).toBe(NO_DATA.fill);
    expect(evaluate(e, { status: 'ok' })).toBe(NO_DATA.fill);
  });
});

describe('legend and contrast', () => {
  it('labels the WHO classes with words and the display-only classes with ranges', () => {
    const id = legendModel('stunting', 'id');
    expect(id.items.map((i) => i.word).slice(0, 5)).toEqual(['sangat rendah', 'rendah', 'sedang', 'tinggi', 'sangat tinggi']);
    expect(id.items[0].range).toBe('< 2,5 %');
    expect(id.items[2].range).toBe('10 – < 20 %');
    expect(id.items[4].range).toBe('≥ 30 %');
    expect(legendModel('stunting', 'en').items[0].label).toBe('very low (< 2.5 %)');
    const severe = legendModel('severe_stunting', 'en');
    expect(severe.source).toBe('display');
    expect(severe.items[0].word).toBeNull();
    expect(severe.items.map((i) => i.key).slice(5)).toEqual(['suppressed', 'no_data', 'not_measured']);
  });

  it('counts areas per class and status', () => {
    const counts = countByClass('stunting', [
      { prevalence: 2.5, status: 'ok' },
      { prevalence: 31, status: 'ok' },
      { prevalence: null, status: 'suppressed' },
      null,
      { prevalence: null, status: 'not_measured' },
    ]);
    expect(counts).toMatchObject({ low: 1, very_high: 1, suppressed: 1, no_data: 1, not_measured: 1, medium: 0 });
    const model = legendModel('stunting', 'id', counts);
    expect(model.items.find((i) => i.key === 'low')?.count).toBe(1);
  });

  it('gives every class and no-number style a text colour with AA contrast (4.5:1)', () => {
    for (const fill of [...CLASS_COLORS, SUPPRESSED.fill, NO_DATA.fill, NOT_MEASURED.fill]) {
      expect(contrastRatio(fill, textColorOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('classGroups', () => {
  it('puts indicators with the same classes in one table, in order, each once', () => {
    expect(classGroups(['stunting', 'severe_stunting', 'wasting', 'severe_wasting', 'underweight', 'overweight'])).toEqual([
      ['stunting'],
      ['severe_stunting'],
      ['wasting', 'overweight'],
      ['severe_wasting'],
      ['underweight'],
    ]);
  });
});
