/**
 * Small-area suppression over a linked table of counts, for denominators and numerators alike.
 *
 * Primary: a cell with fewer children than the minimum is hidden. Complementary: every published figure is a known
 * linear relation of the hidden ones — a total is the sum of its parts (desa in a kecamatan, kecamatan in the
 * kabupaten, sexes or age groups in an area, one age group across kecamatan), an indicator's n is its cases plus its
 * non-cases, severe ≤ moderate, n ≤ children measured — and a suppression label says on which side of the minimum a
 * hidden n lies. An attacker who combines all of them (bounds propagation: every chain of subtractions) must not pin
 * any hidden count to one value, 0 included: not an n, not the cases (a hidden group whose cases add up to 0 tells
 * that every hidden part has 0 cases) and not the non-cases (all cases). The one exception is a zero that published
 * zeros imply by themselves (no severe wasting in the whole kecamatan, so none in any of its desa): that is what
 * the published total says, and no hiding of parts could protect it.
 *
 * The method is audit and repair: propagate interval bounds through every relation (`narrowedVariables`); for
 * every hidden value pinned to one value, hide one more published unit in a relation of that value — the one with
 * the fewest children among those that would widen it (a non-zero value of the same kind; ties by lowest index, so
 * the result is deterministic); repeat until no hidden value is pinned. Units group the variables that are shown or
 * hidden together (an area's row: its measured children and every indicator).
 */

/** Publication status of one unit. */
export const PUBLISHED = 0;
export const PRIMARY = 1;
export const COMPLEMENTARY = 2;

/** Variable kinds: what a suppression label says about a hidden value. */
export const KIND_OTHER = 0;
/** An indicator's denominator: label `primary` when below the minimum (0 included), else `complementary`. */
export const KIND_N = 1;
/** Children measured: hidden values are at least 1; `primary` below the minimum, else `complementary`. */
export const KIND_MEASURED = 2;

/** A linear relation Σ coef·x = 0 (eq) or ≤ 0, coefficients ±1. */
export interface Relation {
  vars: readonly number[];
  coefs: readonly number[];
  eq: boolean;
}

/** The linked table: one value per variable, the unit that shows or hides it (-1: never hidden), its kind, and the
 * relations between the variables. */
export interface LinkedTable {
  value: ArrayLike<number>;
  unit: ArrayLike<number>;
  kind: ArrayLike<number>;
  relations: readonly Relation[];
}

/** A linear constraint used to build relations: the parent cell is the sum of its children. */
export interface SumGroup {
  parent: number;
  children: readonly number[];
}

/** The relation parent − Σ children = 0 over variable indexes. */
export function sumRelation(parent: number, children: readonly number[]): Relation {
  return { vars: [parent, ...children], coefs: [1, ...children.map(() => -1)], eq: true };
}

/** Bounds an outsider gives a hidden value from its label. A `primary` n is taken as at least 1 unless it is 0:
 * the audit's attacker knows a little more than the labels say (an empty breakdown cell is never hidden, so there
 * a primary n is at least 1), which only errs on the side of hiding more. */
function labelBounds(kind: number, value: number, minimum: number): [number, number] {
  if (kind === KIND_N) return value < minimum ? [value > 0 ? 1 : 0, minimum - 1] : [minimum, Infinity];
  if (kind === KIND_MEASURED) return value < minimum ? [1, minimum - 1] : [minimum, Infinity];
  return [0, Infinity];
}

/**
 * The hidden variables an outsider pins to one value: bounds propagation over every relation, starting from the
 * published values and the label bounds of the hidden ones. `status` is per unit.
 */
export function narrowedVariables(t: LinkedTable, status: ArrayLike<number>, minimum: number): number[] {
  const nv = t.value.length;
  const lo = new Float64Array(nv);
  const hi = new Float64Array(nv);
  const hidden = new Uint8Array(nv);
  for (let i = 0; i < nv; i++) {
    const u = t.unit[i];
    if (u >= 0 && status[u] !== PUBLISHED) {
      hidden[i] = 1;
      [lo[i], hi[i]] = labelBounds(t.kind[i], t.value[i], minimum);
    } else lo[i] = hi[i] = t.value[i];
  }
  // Only relations with a hidden variable can narrow anything.
  const rels = t.relations.filter((r) => r.vars.some((x) => hidden[x]));
  propagate(rels, lo, hi, hidden);
  // A zero that follows from published zeros alone (no severe wasting in the whole kecamatan, so none in any of its
  // desa) is what the published total says, not a failure of suppression: no hiding of parts can protect it.
  const zlo = new Float64Array(nv);
  const zhi = new Float64Array(nv).fill(Infinity);
  for (let i = 0; i < nv; i++) if (!hidden[i] && t.value[i] === 0) zhi[i] = 0;
  propagate(rels, zlo, zhi, hidden);
  const out: number[] = [];
  for (let i = 0; i < nv; i++) if (hidden[i] && lo[i] >= hi[i] && !(zhi[i] === 0)) out.push(i);

  return out;
}

/** Bounds propagation (bounds consistency) of the hidden variables through the relations until stable. */
function propagate(rels: readonly Relation[], lo: Float64Array, hi: Float64Array, hidden: Uint8Array): void {
  for (let sweep = 0; sweep < 1000; sweep++) {
    let changed = false;
    for (const r of rels) {
      let sLo = 0;
      let sHi = 0;
      let infLo = 0;
      let infHi = 0;
      for (let j = 0; j < r.vars.length; j++) {
        const x = r.vars[j];
        const a = r.coefs[j] > 0 ? lo[x] : -hi[x];
        const b = r.coefs[j] > 0 ? hi[x] : -lo[x];
        if (a === -Infinity) infLo++;
        else sLo += a;
        if (b === Infinity) infHi++;
        else sHi += b;
      }
      for (let j = 0; j < r.vars.length; j++) {
        const x = r.vars[j];
        if (!hidden[x]) continue;
        const a = r.coefs[j] > 0 ? lo[x] : -hi[x];
        const b = r.coefs[j] > 0 ? hi[x] : -lo[x];
        const oLo = infLo - (a === -Infinity ? 1 : 0) > 0 ? -Infinity : sLo - (a === -Infinity ? 0 : a);
        const oHi = infHi - (b === Infinity ? 1 : 0) > 0 ? Infinity : sHi - (b === Infinity ? 0 : b);
        let tLo = r.eq ? -oHi : -Infinity;
        let tHi = -oLo;
        if (r.coefs[j] < 0) [tLo, tHi] = [-tHi, -tLo];
        const nl = Math.max(lo[x], Math.ceil(tLo - 1e-9));
        const nh = Math.min(hi[x], Math.floor(tHi + 1e-9));
        if (nl > lo[x] || nh < hi[x]) {
          lo[x] = nl;
          hi[x] = nh;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
}

/**
 * Returns each unit's status (PUBLISHED, PRIMARY or COMPLEMENTARY) given the primary units, the number of children
 * of each unit (to prefer hiding small ones) and the linked table. Units with no children are never hidden.
 */
export function protectTable(t: LinkedTable, nUnits: number, primary: ArrayLike<boolean | number>, size: ArrayLike<number>, minimum: number): Uint8Array {
  const status = new Uint8Array(nUnits);
  for (let u = 0; u < nUnits; u++) if (primary[u]) status[u] = PRIMARY;
  // Relations of each variable (equalities only: they carry the values a repair can widen).
  const relsOf: number[][] = Array.from({ length: t.value.length }, () => []);
  t.relations.forEach((r, ri) => {
    if (r.eq) for (const x of r.vars) relsOf[x].push(ri);
  });
  const varsOf: number[][] = Array.from({ length: nUnits }, () => []);
  for (let x = 0; x < t.value.length; x++) if (t.unit[x] >= 0) varsOf[t.unit[x]].push(x);
  // Root units (never a part of a sum, e.g. the kabupaten's row) are hidden only when nothing else can help.
  const isPart = new Uint8Array(nUnits);
  for (const r of t.relations) {
    if (!r.eq || r.vars.every((x) => t.unit[x] === t.unit[r.vars[0]])) continue; // within one unit: not a sum of parts
    r.vars.forEach((x, j) => r.coefs[j] < 0 && t.unit[x] >= 0 && (isPart[t.unit[x]] = 1));
  }
  for (let round = 0; round < 10000; round++) {
    const pinned = narrowedVariables(t, status, minimum);
    if (pinned.length === 0) break;
    // One repair per hidden unit and round, and none in a relation that a repair of this round already entered: a
    // repair widens every relation of the unit it hides, so those pinned values are looked at again next round
    // (repairing them now could hide a second unit where one suffices).
    const touchedUnits = new Set<number>();
    const touched = new Set<number>();
    let repaired = 0;
    for (const x of pinned) {
      if (touchedUnits.has(t.unit[x]) || relsOf[x].some((ri) => touched.has(ri))) continue;
      const u = repairFor(t, x, status, size, relsOf, isPart);
      if (u < 0) continue;
      status[u] = COMPLEMENTARY;
      repaired++;
      touchedUnits.add(t.unit[x]);
      for (const ri of relsOf[x]) touched.add(ri);
      for (const y of varsOf[u]) for (const ri of relsOf[y]) touched.add(ri);
    }
    if (repaired === 0) break; // nothing left that could widen a pinned value (the audit test would show it)
  }
  return status;
}

/** The published unit to hide so that variable x is no longer pinned: in the relations of x (then of the other
 * hidden variables there, breadth first), a published variable with a non-zero value on the same side as the
 * pinned one (a sibling), in the unit with the fewest children (ties: lowest index). A total (the other side) only
 * when no sibling is found at any depth, a root unit only when nothing else is. -1 when there is none. */
function repairFor(t: LinkedTable, x: number, status: Uint8Array, size: ArrayLike<number>, relsOf: number[][], isPart: Uint8Array): number {
  const seenRel = new Set<number>();
  const seenVar = new Set<number>([x]);
  let frontier = [x];
  let fallback = -1;
  let total = -1;
  const better = (u: number, best: number) => best < 0 || size[u] < size[best] || (size[u] === size[best] && u < best);
  while (frontier.length > 0) {
    let sibling = -1;
    const next: number[] = [];
    for (const y of frontier) {
      for (const ri of relsOf[y]) {
        if (seenRel.has(ri)) continue;
        seenRel.add(ri);
        const r = t.relations[ri];
        const side = r.coefs[r.vars.indexOf(y)];
        r.vars.forEach((z, j) => {
          const u = t.unit[z];
          if (u < 0) return;
          if (status[u] === PUBLISHED) {
            if (!(t.value[z] > 0 && size[u] > 0)) return;
            if (!isPart[u]) {
              if (better(u, fallback)) fallback = u;
            } else if (r.coefs[j] === side) {
              if (better(u, sibling)) sibling = u;
            } else if (total < 0) total = u; // the nearest total
            else if (better(u, total) && seenVar.size === 1) total = u;
          } else if (!seenVar.has(z)) {
            seenVar.add(z);
            next.push(z);
          }
        });
      }
    }
    if (sibling >= 0) return sibling;
    frontier = next;
  }
  return total >= 0 ? total : fallback;
}

/** One count per cell (unit = cell, kind n) with sum groups: the simple case, for tests and small tables. */
export function suppressCells(n: ArrayLike<number>, minimum: number, groups: readonly SumGroup[]): Uint8Array {
  const t: LinkedTable = {
    value: n,
    unit: Int32Array.from({ length: n.length }, (_, i) => i),
    kind: new Uint8Array(n.length).fill(KIND_N),
    relations: groups.map((g) => sumRelation(g.parent, g.children)),
  };
  const primary = Array.from({ length: n.length }, (_, i) => n[i] > 0 && n[i] < minimum);
  return protectTable(t, n.length, primary, n, minimum);
}
