import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../types.ts';
import { addObservation, blockOf, createCountTable, slotOf } from './counts.ts';
import { RECORD_INTS, packObservation, unpackMeasures } from './record.ts';
import { obs } from '../../../test/helpers/quality-population.ts';

/** n and cases of every indicator (category all) of area 0, period 0. */
function row(t: ReturnType<typeof createCountTable>) {
  const b = blockOf(t, 0, 0);
  return Object.fromEntries(INDICATORS.map((id, k) => [id, [t.data[b + slotOf(0, k)], t.data[b + slotOf(0, k) + 1]]]));
}

describe('oedema (WHO anthro prevalence rules)', () => {
  it('counts a child with oedema below −3 SD for weight-for-age and weight-for-height: in n and a case, never overweight', () => {
    const t = createCountTable(1, 1);
    // Oedema blanks the weight-based z-scores (as anthro's z-scores do); height-for-age is unaffected.
    addObservation(t, 0, 0, obs({ oedema: true, zwei: null, fwei: null, zwfl: null, fwfl: null, zbmi: null, fbmi: null, zlen: -1.5 }));
    expect(row(t)).toEqual({
      stunting: [1, 0],
      severe_stunting: [1, 0],
      wasting: [1, 1],
      severe_wasting: [1, 1],
      underweight: [1, 1],
      overweight: [1, 0],
    });
  });

  it('counts the child even without a height (anthro keeps it in the weight-for-height denominator)', () => {
    const t = createCountTable(1, 1);
    addObservation(t, 0, 0, obs({ oedema: true, zlen: null, flen: null, zwei: null, fwei: null, zwfl: null, fwfl: null, heightMissing: true }));
    expect(row(t).stunting).toEqual([0, 0]);
    expect(row(t).severe_wasting).toEqual([1, 1]);
  });

  it('without oedema a missing weight-based z-score is left out, as before', () => {
    const t = createCountTable(1, 1);
    addObservation(t, 0, 0, obs({ zwfl: null, fwfl: null, zwei: -2.5 }));
    expect(row(t).wasting).toEqual([0, 0]);
    expect(row(t).underweight).toEqual([1, 1]);
  });

  it('keeps the oedema flag through the binary record', () => {
    const buf = new Int32Array(RECORD_INTS * 2);
    packObservation(buf, 0, obs({ childKey: '0123456789abcdef', oedema: true }), 0, 1500);
    packObservation(buf, 1, obs({ childKey: '0123456789abcdef', oedema: false }), 0, 1500);
    expect(unpackMeasures(buf, 0, obs()).oedema).toBe(true);
    expect(unpackMeasures(buf, 1, obs()).oedema).toBe(false);
  });
});
