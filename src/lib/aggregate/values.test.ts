import { describe, expect, it } from 'vitest';
import { AGE_GROUPS, INDICATORS, type Area, type IndicatorValue, type Observation } from '../types.ts';
import { addObservation, createCountTable, rollUp } from './counts.ts';
import { cellLayout, indicatorValue, publishedValues, sumGroups, type PublishedValues } from './values.ts';
import { COMPLEMENTARY, PRIMARY, PUBLISHED } from './suppress.ts';

const area = (code: string, level: Area['level'], parent: string | null): Area => ({
  code, name: code, level, parent, kind: level === 'desa' ? 'desa' : level,
});
// Children come after their parents (code order), as rollUp needs.
const AREAS: Area[] = [
  area('35.10', 'kabupaten', null),
  area('35.10.01', 'kecamatan', '35.10'),
  area('35.10.02', 'kecamatan', '35.10'),
  area('35.10.01.2001', 'desa', '35.10.01'),
  area('35.10.01.2002', 'desa', '35.10.01'),
  area('35.10.02.2001', 'desa', '35.10.02'),
  area('35.10.02.2002', 'desa', '35.10.02'),
  area('35.10.02.2003', 'desa', '35.10.02'),
];
const PARENT = Int32Array.from(AREAS.map((a) => AREAS.findIndex((p) => p.code === a.parent)));
const [K, A, B, A1, A2, B1, B2, B3] = AREAS.map((_, i) => i);
const MIN = 5;

/** `n` children in a desa and period, the first `cases` of them stunted (HAZ -2.5), sexes alternating, ages spread
 * over the six age groups. */
function children(n: number, cases: number): Observation[] {
  return Array.from({ length: n }, (_, i) => ({
    period: '', areaCode: '', childKey: `c${i}`, measureDay: 0, fileIndex: 0, line: i + 2, sex: ((i % 2) + 1) as 1 | 2,
    ageDays: 30 + ((i * 97) % 1790), position: 'H', zlen: i < cases ? -2.5 : 0.1, flen: 0, zwei: -0.5, fwei: 0, zwfl: 0.3,
    fwfl: 0, zbmi: 0.2, fbmi: 0, weightDigit: 4, heightDigit: 5, weightMissing: false, heightMissing: false, oedema: false,
  }));
}

function build(): PublishedValues {
  const t = createCountTable(AREAS.length, 2);
  const put = (a: number, p: number, n: number, cases: number) => children(n, cases).forEach((o) => addObservation(t, a, p, o));
  put(A1, 0, 3, 1); // below the minimum: primary suppression
  put(A2, 0, 20, 5); // alone beside a1 under a published kecamatan: complementary suppression
  put(B1, 0, 20, 4);
  put(B2, 0, 25, 0);
  put(B1, 1, 30, 6);
  put(B2, 1, 25, 2);
  // b3 is never measured; a1 and a2 are not measured in the second period.
  rollUp(t, PARENT);
  return publishedValues(t, AREAS, PARENT, ['2025-02', '2025-08'], MIN);
}

const hiddenNonEmpty = (cells: IndicatorValue[]) => cells.filter((c) => c.status === 'suppressed').length;

describe('indicatorValue', () => {
  it('publishes prevalence and the Wilson 95% interval in percent with one decimal', () => {
    // 4 of 20: p = 0.2; Wilson with z = 1.96: centre 0.24834, half-width 0.16768 → 8.1 % to 41.6 %.
    expect(indicatorValue(20, 4, PUBLISHED, 'ok')).toEqual({ n: 20, cases: 4, prevalence: 20, ciLow: 8.1, ciHigh: 41.6, status: 'ok' });
    // 0 of 25: the lower bound is exactly 0, the upper z²/(n + z²) = 13.3 %.
    expect(indicatorValue(25, 0, PUBLISHED, 'ok')).toMatchObject({ prevalence: 0, ciLow: 0, ciHigh: 13.3 });
  });

  it('hides everything of a suppressed cell and says why', () => {
    expect(indicatorValue(3, 1, PRIMARY, 'ok')).toEqual({ n: null, cases: null, prevalence: null, ciLow: null, ciHigh: null, status: 'suppressed', suppression: 'primary' });
    expect(indicatorValue(20, 5, COMPLEMENTARY, 'ok')).toMatchObject({ n: null, cases: null, status: 'suppressed', suppression: 'complementary' });
  });

  it('tells no data from not measured when there is no child', () => {
    expect(indicatorValue(0, 0, PUBLISHED, 'ok').status).toBe('no_data');
    expect(indicatorValue(0, 0, PUBLISHED, 'not_measured').status).toBe('not_measured');
    expect(indicatorValue(0, 0, PUBLISHED, 'no_data')).toMatchObject({ n: null, prevalence: null, status: 'no_data' });
  });
});

describe('publishedValues', () => {
  const v = build();
  const at = (a: number, p: number) => v.values[a][p];

  it('publishes the exact roll-up of the desa for kecamatan and kabupaten', () => {
    expect(at(K, 0).measured).toBe(68);
    expect(at(A, 0).measured).toBe(23);
    expect(at(B, 0).indicators.stunting).toMatchObject({ n: 45, cases: 4, status: 'ok' });
    expect(at(K, 0).indicators.stunting).toMatchObject({ n: 68, cases: 10, status: 'ok' });
    expect(at(K, 1).indicators.stunting).toMatchObject({ n: 55, cases: 8, prevalence: 14.5, status: 'ok' });
    expect(at(B1, 0).indicators.stunting).toEqual({ n: 20, cases: 4, prevalence: 20, ciLow: 8.1, ciHigh: 41.6, status: 'ok' });
  });

  it('hides a desa under the minimum, and its only sibling so that it cannot be recovered by subtraction', () => {
    expect(at(A1, 0)).toMatchObject({ measured: null, valid: null, flagged: null, measuredStatus: 'suppressed' });
    expect(at(A1, 0).indicators.stunting).toMatchObject({ status: 'suppressed', suppression: 'primary', cases: null });
    expect(at(A2, 0)).toMatchObject({ measured: null, measuredStatus: 'suppressed' });
    // A hidden total hides its indicators too, whatever their own counts.
    for (const id of INDICATORS) expect(at(A2, 0).indicators[id]).toMatchObject({ status: 'suppressed', suppression: 'complementary', n: null });
    expect(at(B1, 0).measuredStatus).toBe('ok');
  });

  it('says not measured for an area measured in another period, no data for one never measured', () => {
    expect(at(A1, 1).measuredStatus).toBe('not_measured');
    expect(at(A1, 1).indicators.wasting.status).toBe('not_measured');
    expect(at(A, 1).measuredStatus).toBe('not_measured');
    expect(at(B3, 0).measuredStatus).toBe('no_data');
    expect(at(B3, 1).indicators.stunting).toMatchObject({ status: 'no_data', n: null });
    expect(at(B3, 0).measured).toBe(0);
  });

  it('gives breakdowns by sex and age group to the kabupaten and kecamatan only', () => {
    const keys = ['sex:1', 'sex:2', ...AGE_GROUPS.map((g) => `age:${g}`)];
    for (const a of [K, A, B]) expect(Object.keys(at(a, 0).breakdowns ?? {}).sort()).toEqual([...keys].sort());
    for (const a of [A1, A2, B1, B2, B3]) expect(at(a, 0).breakdowns).toBeNull();
    // Sexes alternate: of the 55 children of the kabupaten in the second period, 28 boys.
    expect(at(K, 1).breakdowns!['sex:1'].stunting.n).toBe(28);
    expect(at(K, 1).breakdowns!['sex:2'].stunting.n).toBe(27);
  });

  it('never leaves a hidden part alone under a published total (sexes, age groups, kecamatan cells)', () => {
    let checked = 0;
    for (let p = 0; p < 2; p++) {
      for (const id of INDICATORS) {
        for (const a of [K, A, B]) {
          const total = at(a, p).indicators[id];
          if (total.status !== 'ok') continue;
          const b = at(a, p).breakdowns!;
          const sexes = [b['sex:1'][id], b['sex:2'][id]];
          const ages = AGE_GROUPS.map((g) => b[`age:${g}`][id]);
          expect(hiddenNonEmpty(sexes), `${AREAS[a].code} ${p} ${id} sex`).not.toBe(1);
          expect(hiddenNonEmpty(ages), `${AREAS[a].code} ${p} ${id} age`).not.toBe(1);
          checked++;
        }
        for (const key of Object.keys(at(K, p).breakdowns!)) {
          if (at(K, p).breakdowns![key][id].status !== 'ok') continue;
          const parts = [A, B].map((a) => at(a, p).breakdowns![key][id]).filter((c) => c.status !== 'no_data' && c.status !== 'not_measured');
          expect(hiddenNonEmpty(parts), `${key} ${p} ${id} across kecamatan`).not.toBe(1);
        }
        const desa = [[A1, A2], [B1, B2, B3]];
        desa.forEach((kids, i) => {
          if (at([A, B][i], p).indicators[id].status !== 'ok') return;
          expect(hiddenNonEmpty(kids.map((d) => at(d, p).indicators[id]))).not.toBe(1);
        });
      }
    }
    expect(checked).toBeGreaterThan(20);
    // The small age cells of this example do get hidden somewhere.
    const anyAgeHidden = [K, A, B].some((a) => AGE_GROUPS.some((g) => at(a, 0).breakdowns![`age:${g}`].stunting.status === 'suppressed'));
    expect(anyAgeHidden).toBe(true);
  });
});

describe('the linked-table layout', () => {
  const cells = cellLayout(AREAS);
  const nCat = 8; // sex:1, sex:2 and six age groups

  it('cellLayout puts area totals first, then one cell per category of each area above desa level', () => {
    expect(cells.nCat).toBe(nCat);
    expect(cells.nCells).toBe(AREAS.length + 3 * nCat);
    expect([...cells.bIndex]).toEqual([0, 1, 2, -1, -1, -1, -1, -1]);
    expect([...cells.areaOfBreakdown]).toEqual([K, A, B]);
    expect(cells.cellOf(A1, 0)).toBe(A1);
    expect(cells.cellOf(K, 1)).toBe(AREAS.length);
    expect(cells.cellOf(B, nCat)).toBe(AREAS.length + 3 * nCat - 1);
  });

  it('sumGroups links every area to its children, and each breakdown area to its sex, its age and its children\'s categories', () => {
    const { geo, all } = sumGroups(PARENT, cells);
    expect(geo).toEqual([
      { parent: K, children: [A, B] },
      { parent: A, children: [A1, A2] },
      { parent: B, children: [B1, B2, B3] },
    ]);
    const c = cells.cellOf;
    // The kabupaten: sex, age, then each category across its two kecamatan.
    expect(all[0]).toEqual({ parent: K, children: [c(K, 1), c(K, 2)] });
    expect(all[1]).toEqual({ parent: K, children: [3, 4, 5, 6, 7, 8].map((cat) => c(K, cat)) });
    expect(all.slice(2, 2 + nCat)).toEqual(Array.from({ length: nCat }, (_, i) => ({ parent: c(K, i + 1), children: [c(A, i + 1), c(B, i + 1)] })));
    // A kecamatan's desa have no breakdown cells: only its own sex and age groups.
    expect(all.filter((g) => g.parent === A)).toEqual([
      { parent: A, children: [c(A, 1), c(A, 2)] },
      { parent: A, children: [3, 4, 5, 6, 7, 8].map((cat) => c(A, cat)) },
      { parent: A, children: [A1, A2] },
    ]);
    expect(all.slice(-geo.length)).toEqual(geo);
    expect(all.length).toBe(2 + nCat + 2 + 2 + geo.length);
  });
});
