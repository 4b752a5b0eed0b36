import { describe, expect, it } from 'vitest';
import type { AreaJson, MapValuesJson, SeriesJson } from './contract.ts';
import { ancestry, areaRows, attentionRows, breakdownRows, byName, changeBetween, headline, overlappingNeighbours, previousPeriod, rankAmong, rankRange, roundRows, yearBefore } from './area-view.ts';

const ok = (p: number, lo: number, hi: number, n = 100) => ({ n, cases: Math.round((p * n) / 100), prevalence: p, ci_low: lo, ci_high: hi, status: 'ok' as const });
const sup = { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed' as const, suppression: 'primary' as const };
const periods = ['2024-02', '2024-08', '2025-02', '2025-08'];
const series: SeriesJson = {
  code: '35.10.01', name: 'Pesanggaran', level: 'kecamatan', parent: '35.10',
  periods: {
    '2024-08': { measured: 500, valid: 495, target: 600, coverage: 83.3, indicators: { stunting: ok(14, 11, 17) } },
    '2025-02': { measured: 510, valid: 505, target: 600, coverage: 85, indicators: { stunting: ok(12, 9.5, 15) } },
    '2025-08': { measured: 520, valid: 515, target: 600, coverage: 86.7, indicators: { stunting: ok(8, 6, 10.5) } },
  },
  breakdowns: { '2025-08': { sex: { '1': { stunting: ok(9, 6, 12) }, '2': { stunting: ok(7, 5, 10) } }, age: { '0-5': { stunting: sup }, '12-23': { stunting: ok(10, 7, 14) } } } },
};

describe('area view', () => {
  it('finds the previous round and the round a year before', () => {
    expect(previousPeriod('2025-08', periods)).toBe('2025-02');
    expect(previousPeriod('2024-02', periods)).toBeNull();
    expect(yearBefore('2025-08', periods)).toBe('2024-08');
    expect(yearBefore('2024-08', periods)).toBeNull();
  });
  it('computes changes in points with a Newcombe interval of the difference, within the uncertainty when it holds 0', () => {
    // 12/100 → 8/100: −4 points, Newcombe 95% interval −12.7 to +4.6 (holds 0).
    expect(changeBetween(series, 'stunting', '2025-02', '2025-08')).toEqual({ fromPeriod: '2025-02', from: 12, to: 8, delta: -4, deltaLow: -12.7, deltaHigh: 4.6, withinUncertainty: true });
    expect(changeBetween(series, 'stunting', '2024-02', '2025-08')).toBeNull();
    // 12.0% of 1,000 → 15.0% of 1,000: the Wilson intervals overlap (10.1–14.2 and 12.9–17.3), but the change is
    // significant by the two-proportion test (the old overlap rule said "within the uncertainty").
    const big: SeriesJson = { ...series, periods: { '2025-02': { indicators: { stunting: ok(12, 10.1, 14.2, 1000) } }, '2025-08': { indicators: { stunting: ok(15, 12.9, 17.3, 1000) } } } } as unknown as SeriesJson;
    const c = changeBetween(big, 'stunting', '2025-02', '2025-08')!;
    expect(c.withinUncertainty).toBe(false);
    expect(c.deltaLow).toBe(0); // 0.001 points above 0, rounded
  });
  it('builds the headline with both changes', () => {
    const h = headline(series, periods, '2025-08', 'stunting');
    expect(h.value.prevalence).toBe(8);
    expect(h.coverage).toBe(86.7);
    expect(h.sincePrevious?.delta).toBe(-4);
    expect(h.sinceYear?.delta).toBe(-6);
  });
  it('ranks among siblings with ties sharing a rank and unpublished ones left out', () => {
    const values: MapValuesJson['values'] = { a: { stunting: ok(10, 1, 2) }, b: { stunting: ok(20, 1, 2) }, c: { stunting: ok(10, 1, 2) }, d: { stunting: sup } };
    expect(rankAmong('a', ['a', 'b', 'c', 'd'], values, 'stunting')).toEqual({ rank: 2, total: 3 });
    expect(rankAmong('b', ['a', 'b', 'c', 'd'], values, 'stunting')).toEqual({ rank: 1, total: 3 });
    expect(rankAmong('d', ['a', 'b', 'c', 'd'], values, 'stunting')).toBeNull();
  });
  it('says how sure a rank is: the ranks the intervals allow and how many siblings overlap', () => {
    // a: 20 (15–25); b: 30 (27–33) clearly higher; c: 18 (12–24) overlaps; d: 5 (3–8) clearly lower; e suppressed.
    const values: MapValuesJson['values'] = { a: { stunting: ok(20, 15, 25) }, b: { stunting: ok(30, 27, 33) }, c: { stunting: ok(18, 12, 24) }, d: { stunting: ok(5, 3, 8) }, e: { stunting: sup } };
    const all = ['a', 'b', 'c', 'd', 'e'];
    expect(rankAmong('a', all, values, 'stunting')).toEqual({ rank: 2, total: 4 });
    expect(rankRange('a', all, values, 'stunting')).toEqual({ lo: 2, hi: 3, overlapping: 1, others: 3 });
    expect(rankRange('b', all, values, 'stunting')).toEqual({ lo: 1, hi: 1, overlapping: 0, others: 3 });
    expect(rankRange('c', all, values, 'stunting')).toEqual({ lo: 2, hi: 3, overlapping: 1, others: 3 });
    expect(rankRange('e', all, values, 'stunting')).toBeNull();
    expect(overlappingNeighbours(['b', 'a', 'c', 'd'].map((k) => ({ value: values[k].stunting! })))).toBe(1);
    expect(overlappingNeighbours([{ value: sup }, { value: ok(1, 0, 5) }])).toBe(0);
  });
  it('lists every round, with no_data for a round missing from the series', () => {
    const rows = roundRows(series, periods, 'stunting');
    expect(rows).toHaveLength(4);
    expect(rows[0].value.status).toBe('no_data');
    expect(rows[3].measured).toBe(520);
  });
  it('returns breakdown rows in age order, keeping suppressed cells', () => {
    const b = breakdownRows(series, '2025-08', 'stunting')!;
    expect(b.sex.map((r) => r.key)).toEqual(['1', '2']);
    expect(b.age.map((r) => [r.key, r.value.status])).toEqual([['0-5', 'suppressed'], ['12-23', 'ok']]);
    expect(breakdownRows(series, '2025-02', 'stunting')).toBeNull();
  });
  it('builds area rows with changes and the attention list with enough children', () => {
    const areas: AreaJson[] = [
      { code: 'x1', name: 'Zeta', level: 'desa', parent: 'k', kind: 'desa', lokus: [2025] },
      { code: 'x2', name: 'alpha', level: 'desa', parent: 'k', kind: 'desa', lokus: [] },
      { code: 'x3', name: 'Beta', level: 'desa', parent: 'k', kind: 'kelurahan', lokus: [] },
    ];
    const cur: MapValuesJson = { level: 'desa', period: '2025-08', values: { x1: { measured: 20, stunting: ok(40, 20, 60, 20) }, x2: { measured: 200, stunting: ok(25, 19, 31, 200) }, x3: { stunting: sup } } };
    const prev: MapValuesJson = { level: 'desa', period: '2025-02', values: { x2: { stunting: ok(27.5, 21, 33) } } };
    const rows = areaRows(areas, cur, prev, 'stunting', new Map([['k', 'Kec']]));
    expect(rows[1].delta).toBe(-2.5);
    expect(rows[0].parentName).toBe('Kec');
    expect(attentionRows(rows, 50).map((r) => r.code)).toEqual(['x2']);
    expect(attentionRows(rows, 10).map((r) => r.code)).toEqual(['x1', 'x2']);
    expect(byName(rows).map((r) => r.name)).toEqual(['alpha', 'Beta', 'Zeta']);
  });
  it('walks the ancestry from the kabupaten down', () => {
    const m = new Map<string, AreaJson>([
      ['35.10', { code: '35.10', name: 'B', level: 'kabupaten', parent: null, kind: 'kabupaten', lokus: [] }],
      ['35.10.01', { code: '35.10.01', name: 'P', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] }],
    ]);
    expect(ancestry('35.10.01', (c) => m.get(c)).map((a) => a.code)).toEqual(['35.10', '35.10.01']);
  });
});

describe('groupByInitial', () => {
  it('groups by first letter, A–Z then # for others', async () => {
    const { groupByInitial } = await import('./area-view.ts');
    const g = groupByInitial([{ name: 'beta', code: '2' }, { name: 'Alpha', code: '1' }, { name: '5 Ilir', code: '3' }, { name: 'Bali', code: '4' }]);
    expect(g.map((x) => [x.letter, x.rows.map((r) => r.code)])).toEqual([['A', ['1']], ['B', ['4', '2']], ['#', ['3']]]);
  });
});
