import { describe, expect, it } from 'vitest';
import { COMPLEMENTARY, PRIMARY, PUBLISHED, recoverableCells, suppressCells, type SumGroup } from './suppress.ts';

/** Tries every way of recovering a hidden value by subtraction, using the true values: parent minus published
 * siblings, when that leaves exactly one hidden non-empty child. Returns the recovered cells. */
function attackBySubtraction(values: number[], status: Uint8Array, groups: SumGroup[]): number[] {
  const got: number[] = [];
  for (const g of groups) {
    if (status[g.parent] !== PUBLISHED) continue;
    const hidden = g.children.filter((c) => status[c] !== PUBLISHED && values[c] > 0);
    if (hidden.length !== 1) continue;
    const rest = g.children.filter((c) => c !== hidden[0]).reduce((s, c) => s + values[c], 0);
    if (values[g.parent] - rest === values[hidden[0]]) got.push(hidden[0]);
  }
  return got;
}

describe('suppressCells', () => {
  it('hides cells below the minimum and nothing else when two are small', () => {
    // parent 0 = children 1..4
    const n = [60, 5, 7, 20, 28];
    const groups = [{ parent: 0, children: [1, 2, 3, 4] }];
    const s = suppressCells(n, 10, groups);
    expect([...s]).toEqual([PUBLISHED, PRIMARY, PRIMARY, PUBLISHED, PUBLISHED]);
  });

  it('adds the smallest sibling as a complement when one cell is hidden alone', () => {
    const n = [65, 5, 30, 12, 18];
    const groups = [{ parent: 0, children: [1, 2, 3, 4] }];
    const s = suppressCells(n, 10, groups);
    expect(s[1]).toBe(PRIMARY);
    expect(s[3]).toBe(COMPLEMENTARY);
    expect(s[2]).toBe(PUBLISHED);
    expect(recoverableCells(n, s, groups)).toEqual([]);
  });

  it('hides the total when the only child is small (nothing else can protect it)', () => {
    const n = [6, 6];
    const s = suppressCells(n, 10, [{ parent: 0, children: [1] }]);
    expect([...s]).toEqual([PRIMARY, PRIMARY]);
    const n2 = [40, 8, 0];
    const s2 = suppressCells(n2, 10, [{ parent: 0, children: [1, 2] }]);
    expect(s2[0]).toBe(COMPLEMENTARY);
    expect(s2[2]).toBe(PUBLISHED); // an empty cell protects nothing and is never a complement
  });

  it('propagates through linked tables (area x age group with margins) until no cell is recoverable', () => {
    // Two kecamatan (rows) x three age groups (columns), with row totals, column totals and a grand total.
    // Cell layout: grand 0; row totals 1,2; column totals 3,4,5; cells r1: 6,7,8; r2: 9,10,11.
    const v = [0, 0, 0, 0, 0, 0, 40, 3, 25, 30, 22, 35];
    v[1] = v[6] + v[7] + v[8];
    v[2] = v[9] + v[10] + v[11];
    v[3] = v[6] + v[9];
    v[4] = v[7] + v[10];
    v[5] = v[8] + v[11];
    v[0] = v[1] + v[2];
    const groups: SumGroup[] = [
      { parent: 0, children: [1, 2] },
      { parent: 0, children: [3, 4, 5] },
      { parent: 1, children: [6, 7, 8] },
      { parent: 2, children: [9, 10, 11] },
      { parent: 3, children: [6, 9] },
      { parent: 4, children: [7, 10] },
      { parent: 5, children: [8, 11] },
    ];
    const s = suppressCells(v, 10, groups);
    expect(s[7]).toBe(PRIMARY);
    expect(attackBySubtraction(v, s, groups)).toEqual([]);
    expect(recoverableCells(v, s, groups)).toEqual([]);
    // At least a 2x2 rectangle of hidden cells is needed: the small cell, one in its row, one in its column.
    expect([...s].filter((x) => x !== PUBLISHED).length).toBeGreaterThanOrEqual(4);
  });

  it('resists subtraction on random hierarchies', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let trial = 0; trial < 200; trial++) {
      const kids = 1 + Math.floor(rnd() * 6);
      const values = [0];
      const children: number[] = [];
      for (let k = 0; k < kids; k++) {
        values.push(Math.floor(rnd() * 30));
        children.push(k + 1);
      }
      values[0] = values.slice(1).reduce((a, b) => a + b, 0);
      const groups = [{ parent: 0, children }];
      const s = suppressCells(values, 10, groups);
      expect(attackBySubtraction(values, s, groups)).toEqual([]);
      for (let i = 0; i < values.length; i++) if (values[i] > 0 && values[i] < 10) expect(s[i]).not.toBe(PUBLISHED);
    }
  });
});
