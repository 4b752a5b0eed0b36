import { describe, expect, it } from 'vitest';
import {
  COMPLEMENTARY,
  KIND_N,
  KIND_OTHER,
  PRIMARY,
  PUBLISHED,
  narrowedVariables,
  protectTable,
  suppressCells,
  sumRelation,
  type LinkedTable,
  type SumGroup,
} from './suppress.ts';

/** The audit on a one-count table (unit = cell, kind n). */
function recoverableCells(n: number[], s: Uint8Array, groups: SumGroup[]): number[] {
  const t: LinkedTable = { value: n, unit: n.map((_, i) => i), kind: n.map(() => KIND_N), relations: groups.map((g) => sumRelation(g.parent, g.children)) };
  return narrowedVariables(t, s, 10);
}

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

  it('a label bound is an equation too: primary (< 10) and complementary (>= 10) hidden together with 11 between them pin both', () => {
    // 40 = 5 + 10 + 25: hiding 5 and 10 leaves 15 = [0, 9] + [10, ...] — not pinned; with 1 and 10 it would be.
    const n = [36, 1, 10, 25];
    const s = suppressCells(n, 10, [{ parent: 0, children: [1, 2, 3] }]);
    expect(s[1]).toBe(PRIMARY);
    expect(recoverableCells(n, s, [{ parent: 0, children: [1, 2, 3] }])).toEqual([]);
    // 36 - 25 = 11 = 1 + 10 would pin both, so the 25 is hidden too.
    expect([...s]).toEqual([PUBLISHED, PRIMARY, COMPLEMENTARY, COMPLEMENTARY]);
  });
});

describe('protectTable: numerators', () => {
  /** Kecamatan 0 = desa 1..4, each with n (unit i) and cases/non-cases (same unit). Variables: n 0..4, cases 5..9,
   * non-cases 10..14. */
  function table(n: number[], cases: number[]): LinkedTable {
    const non = n.map((x, i) => x - cases[i]);
    const relations = [
      sumRelation(0, [1, 2, 3, 4]),
      sumRelation(5, [6, 7, 8, 9]),
      sumRelation(10, [11, 12, 13, 14]),
      ...n.map((_, i) => ({ vars: [i, 5 + i, 10 + i], coefs: [1, -1, -1], eq: true })),
    ];
    return {
      value: [...n, ...cases, ...non],
      unit: [...n.keys(), ...n.keys(), ...n.keys()],
      kind: [...n.map(() => KIND_N), ...n.map(() => KIND_OTHER), ...n.map(() => KIND_OTHER)],
      relations,
    };
  }

  it('hidden desa whose cases add up to 0 are not left alone: a desa with cases is hidden with them', () => {
    // Desa 1 (n 6) is small; desa 2 (n 12) is the smallest complement by n, but both have 0 cases: the parent's
    // cases minus the published ones would say 0 for each. Desa 3 (1 case) must join.
    const n = [12 + 6 + 30 + 40, 6, 12, 30, 40];
    const cases = [0 + 0 + 1 + 5, 0, 0, 1, 5];
    const t = table(n, cases);
    const primary = n.map((x, i) => i > 0 && x < 10);
    const old = suppressCells(n, 10, [{ parent: 0, children: [1, 2, 3, 4] }]);
    expect(narrowedVariables(t, old, 10)).toContain(6); // the n-only rule leaks desa 1's 0 cases
    const s = protectTable(t, 5, primary, n, 10);
    expect(narrowedVariables(t, s, 10)).toEqual([]);
    expect([...s]).toEqual([PUBLISHED, PRIMARY, COMPLEMENTARY, COMPLEMENTARY, PUBLISHED]);
  });

  it('hidden desa that are all cases are not left alone (the non-cases would add up to 0)', () => {
    const n = [3 + 11 + 20 + 25, 3, 11, 20, 25];
    const cases = [3 + 11 + 2 + 2, 3, 11, 2, 2];
    const t = table(n, cases);
    const s = protectTable(t, 5, n.map((x, i) => i > 0 && x < 10), n, 10);
    expect(narrowedVariables(t, s, 10)).toEqual([]);
    expect(s[3]).toBe(COMPLEMENTARY);
  });

  it('resists every chain of subtractions on random two-level tables with cases', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let trial = 0; trial < 200; trial++) {
      const n = [0, 1, 2, 3].map(() => Math.floor(rnd() * 30));
      const cases = n.map((x) => Math.floor(rnd() * rnd() * (x + 1)));
      n.unshift(n.reduce((a, b) => a + b, 0));
      cases.unshift(cases.reduce((a, b) => a + b, 0));
      const t = table(n, cases);
      const s = protectTable(t, 5, n.map((x, i) => i > 0 && x > 0 && x < 10), n, 10);
      for (let i = 1; i < 5; i++) if (n[i] > 0 && n[i] < 10) expect(s[i]).not.toBe(PUBLISHED);
      // Either nothing is pinned, or (tiny tables) everything non-empty is hidden.
      const pinned = narrowedVariables(t, s, 10);
      if (pinned.length > 0) expect(n.every((x, i) => x === 0 || s[i] !== PUBLISHED)).toBe(true);
    }
  });
});
