import { describe, expect, it } from 'vitest';
import { uniform32 } from '../demo/prng.ts';
import { AGE_GROUPS, INDICATORS, type IndicatorId, type Observation } from '../types.ts';
import { CATEGORIES, HEAD_SLOTS, STRIDE, addAggregate, addObservation, ageGroupIndex, blockOf, createCountTable, rollUp, slotOf, type CountTable } from './counts.ts';

/** The indicator definitions written out again (WHO/UNICEF cut-offs), not read from counts.ts. */
const CASE: Record<IndicatorId, (o: Observation) => { z: number | null; flag: 0 | 1 | null; hit: boolean }> = {
  stunting: (o) => ({ z: o.zlen, flag: o.flen, hit: o.zlen !== null && o.zlen < -2 }),
  severe_stunting: (o) => ({ z: o.zlen, flag: o.flen, hit: o.zlen !== null && o.zlen < -3 }),
  wasting: (o) => ({ z: o.zwfl, flag: o.fwfl, hit: o.zwfl !== null && o.zwfl < -2 }),
  severe_wasting: (o) => ({ z: o.zwfl, flag: o.fwfl, hit: o.zwfl !== null && o.zwfl < -3 }),
  underweight: (o) => ({ z: o.zwei, flag: o.fwei, hit: o.zwei !== null && o.zwei < -2 }),
  overweight: (o) => ({ z: o.zwfl, flag: o.fwfl, hit: o.zwfl !== null && o.zwfl > 2 }),
};

function obs(o: Partial<Observation>): Observation {
  return {
    period: '2025-08', areaCode: '35.10.01.2001', childKey: 'k', measureDay: 20_300, fileIndex: 0, line: 2, sex: 1,
    ageDays: 400, position: 'L', zlen: 0, flen: 0, zwei: 0, fwei: 0, zwfl: 0, fwfl: 0, zbmi: 0, fbmi: 0,
    weightDigit: 1, heightDigit: 2, weightMissing: false, heightMissing: false, oedema: false, ...o,
  };
}

/** n and cases of (area, period, category, indicator) as stored in the table. */
function cell(t: CountTable, area: number, period: number, category: string, id: IndicatorId): [number, number] {
  const s = blockOf(t, area, period) + slotOf(CATEGORIES.indexOf(category as never), INDICATORS.indexOf(id));
  return [t.data[s], t.data[s + 1]];
}

describe('ageGroupIndex', () => {
  // Completed months = floor(days / 30.4375): 6 months start at day 182.625, 12 at 365.25, 24 at 730.5,
  // 36 at 1095.75, 48 at 1461.
  it.each([
    [0, '0-5'], [182, '0-5'], [183, '6-11'], [365, '6-11'], [366, '12-23'], [730, '12-23'], [731, '24-35'],
    [1095, '24-35'], [1096, '36-47'], [1460, '36-47'], [1461, '48-59'], [1826, '48-59'],
  ])('%i days → %s', (days, group) => expect(AGE_GROUPS[ageGroupIndex(days)]).toBe(group));
});

describe('addObservation', () => {
  it('counts measured, valid and flagged children and each indicator overall, by sex and by age group', () => {
    const r = uniform32(7);
    const z = () => (r() < 0.1 ? null : Math.round((r() * 8 - 5) * 100) / 100);
    const flag = () => (r() < 0.08 ? 1 : 0) as 0 | 1;
    const all: { area: number; period: number; o: Observation }[] = [];
    for (let i = 0; i < 3000; i++) {
      const zlen = z();
      const zwei = z();
      const zwfl = z();
      const zbmi = z();
      all.push({
        area: Math.floor(r() * 3),
        period: Math.floor(r() * 2),
        o: obs({
          sex: r() < 0.5 ? 1 : 2, ageDays: Math.floor(r() * 1827),
          zlen, flen: zlen === null ? null : flag(), zwei, fwei: zwei === null ? null : flag(),
          zwfl, fwfl: zwfl === null ? null : flag(), zbmi, fbmi: zbmi === null ? null : flag(),
        }),
      });
    }
    const t = createCountTable(3, 2);
    for (const { area, period, o } of all) addObservation(t, area, period, o);

    for (let area = 0; area < 3; area++) {
      for (let period = 0; period < 2; period++) {
        const here = all.filter((x) => x.area === area && x.period === period).map((x) => x.o);
        const b = blockOf(t, area, period);
        expect(t.data[b + HEAD_SLOTS.measured]).toBe(here.length);
        const valid = here.filter((o) => (['zlen', 'zwei', 'zwfl', 'zbmi'] as const).some((k) => o[k] !== null && o[({ zlen: 'flen', zwei: 'fwei', zwfl: 'fwfl', zbmi: 'fbmi' } as const)[k]] === 0));
        expect(t.data[b + HEAD_SLOTS.valid]).toBe(valid.length);
        expect(t.data[b + HEAD_SLOTS.flagged.zlen]).toBe(here.filter((o) => o.flen === 1).length);
        expect(t.data[b + HEAD_SLOTS.flagged.zbmi]).toBe(here.filter((o) => o.fbmi === 1).length);
        for (const id of INDICATORS) {
          const usable = here.filter((o) => CASE[id](o).z !== null && CASE[id](o).flag === 0);
          const count = (xs: Observation[]) => [xs.length, xs.filter((o) => CASE[id](o).hit).length];
          expect(cell(t, area, period, 'all', id)).toEqual(count(usable));
          expect(cell(t, area, period, 'sex:2', id)).toEqual(count(usable.filter((o) => o.sex === 2)));
          const months = (o: Observation) => Math.floor(o.ageDays / 30.4375);
          expect(cell(t, area, period, 'age:12-23', id)).toEqual(count(usable.filter((o) => months(o) >= 12 && months(o) < 24)));
        }
      }
    }
  });

  it('leaves a flagged or missing z-score out of that indicator only', () => {
    const t = createCountTable(1, 1);
    addObservation(t, 0, 0, obs({ zlen: -2.5, flen: 1, zwfl: -2.5, zwei: null, fwei: null }));
    expect(cell(t, 0, 0, 'all', 'stunting')).toEqual([0, 0]);
    expect(cell(t, 0, 0, 'all', 'underweight')).toEqual([0, 0]);
    expect(cell(t, 0, 0, 'all', 'wasting')).toEqual([1, 1]);
    expect(cell(t, 0, 0, 'all', 'overweight')).toEqual([1, 0]);
    const b = blockOf(t, 0, 0);
    expect([t.data[b + HEAD_SLOTS.measured], t.data[b + HEAD_SLOTS.valid], t.data[b + HEAD_SLOTS.flagged.zlen]]).toEqual([1, 1, 1]);
  });

  it('counts a child with no usable z-score as measured but not valid', () => {
    const t = createCountTable(1, 1);
    addObservation(t, 0, 0, obs({ zlen: null, flen: null, zwei: 9, fwei: 1, zwfl: null, fwfl: null, zbmi: null, fbmi: null }));
    const b = blockOf(t, 0, 0);
    expect([t.data[b + HEAD_SLOTS.measured], t.data[b + HEAD_SLOTS.valid]]).toEqual([1, 0]);
    for (const id of INDICATORS) expect(cell(t, 0, 0, 'all', id)).toEqual([0, 0]);
  });
});

describe('addAggregate', () => {
  it('adds reported totals to the overall category only, with n = measured', () => {
    const t = createCountTable(2, 1);
    addAggregate(t, 1, 0, 120, { stunting: 30, wasting: 6 });
    addAggregate(t, 1, 0, 80, { stunting: 10 });
    expect(cell(t, 1, 0, 'all', 'stunting')).toEqual([200, 40]);
    expect(cell(t, 1, 0, 'all', 'wasting')).toEqual([120, 6]);
    expect(cell(t, 1, 0, 'all', 'underweight')).toEqual([0, 0]);
    expect(cell(t, 1, 0, 'sex:1', 'stunting')).toEqual([0, 0]);
    const b = blockOf(t, 1, 0);
    expect([t.data[b + HEAD_SLOTS.measured], t.data[b + HEAD_SLOTS.valid]]).toEqual([200, 200]);
    expect(t.data.subarray(blockOf(t, 0, 0), blockOf(t, 0, 0) + STRIDE).every((v) => v === 0)).toBe(true);
  });
});

describe('rollUp', () => {
  it('makes every parent the exact sum of its children, slot by slot, and leaves the desa as they were', () => {
    // 0 kabupaten; 1, 2 kecamatan; 3, 4 desa of 1; 5, 6 desa of 2
    const parentOf = Int32Array.from([-1, 0, 0, 1, 1, 2, 2]);
    const t = createCountTable(7, 2);
    const r = uniform32(11);
    for (let i = 0; i < 800; i++) addObservation(t, 3 + Math.floor(r() * 4), Math.floor(r() * 2), obs({ sex: r() < 0.5 ? 1 : 2, ageDays: Math.floor(r() * 1827), zlen: r() * 6 - 4 }));
    const before = t.data.slice();
    rollUp(t, parentOf);
    const block = (a: number, p: number) => Array.from(t.data.subarray(blockOf(t, a, p), blockOf(t, a, p) + STRIDE));
    const sum = (xs: number[][]) => xs[0].map((_, s) => xs.reduce((acc, x) => acc + x[s], 0));
    for (let p = 0; p < 2; p++) {
      for (const a of [3, 4, 5, 6]) expect(block(a, p)).toEqual(Array.from(before.subarray(blockOf(t, a, p), blockOf(t, a, p) + STRIDE)));
      expect(block(1, p)).toEqual(sum([block(3, p), block(4, p)]));
      expect(block(2, p)).toEqual(sum([block(5, p), block(6, p)]));
      expect(block(0, p)).toEqual(sum([block(3, p), block(4, p), block(5, p), block(6, p)]));
    }
    expect(t.data[blockOf(t, 0, 0) + HEAD_SLOTS.measured] + t.data[blockOf(t, 0, 1) + HEAD_SLOTS.measured]).toBe(800);
  });
});
