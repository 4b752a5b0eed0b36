/**
 * Small-area suppression. Primary: a cell with fewer children than the minimum is hidden. Complementary: wherever
 * a published total is the sum of its parts (desa in a kecamatan, kecamatan in the kabupaten, sexes or age groups
 * in an area, one age group across kecamatan), a part may not be the only hidden one, or it could be recovered by
 * subtraction. The rule applied until nothing changes: in every group whose total is published, zero or at least
 * two non-empty parts are hidden; when one is alone, hide the published non-empty part with the fewest children
 * (least information lost; ties by lowest index, so the result is deterministic); if there is none, hide the total.
 * This is the standard hypercube-free heuristic for linked tables; it guarantees no single-equation recovery.
 */

/** Publication status of one cell. */
export const PUBLISHED = 0;
export const PRIMARY = 1;
export const COMPLEMENTARY = 2;

/** A linear constraint: the parent cell is the sum of its children. Indexes into the cell arrays. */
export interface SumGroup {
  parent: number;
  children: readonly number[];
}

/** Returns each cell's status (PUBLISHED, PRIMARY or COMPLEMENTARY) given its count `n`, the minimum and the groups.
 * Cells with n = 0 carry no information to protect and are never used as complements. */
export function suppressCells(n: ArrayLike<number>, minimum: number, groups: readonly SumGroup[]): Uint8Array {
  const status = new Uint8Array(n.length);
  for (let i = 0; i < n.length; i++) if (n[i] > 0 && n[i] < minimum) status[i] = PRIMARY;
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      if (status[g.parent] !== PUBLISHED) continue;
      let hidden = 0;
      for (const c of g.children) if (status[c] !== PUBLISHED && n[c] > 0) hidden++;
      if (hidden !== 1) continue;
      let best = -1;
      for (const c of g.children) {
        if (status[c] !== PUBLISHED || !(n[c] > 0)) continue;
        if (best < 0 || n[c] < n[best] || (n[c] === n[best] && c < best)) best = c;
      }
      if (best >= 0) status[best] = COMPLEMENTARY;
      else status[g.parent] = COMPLEMENTARY;
      changed = true;
    }
  }
  return status;
}

/** For tests and audits: the hidden cells whose value follows from one group equation (parent minus the other
 * published parts). An empty list means no single-equation recovery is possible. */
export function recoverableCells(n: ArrayLike<number>, status: ArrayLike<number>, groups: readonly SumGroup[]): number[] {
  const out = new Set<number>();
  for (const g of groups) {
    if (status[g.parent] !== PUBLISHED) continue;
    const hidden = g.children.filter((c) => status[c] !== PUBLISHED && n[c] > 0);
    if (hidden.length === 1) out.add(hidden[0]);
  }
  return [...out].sort((a, b) => a - b);
}
