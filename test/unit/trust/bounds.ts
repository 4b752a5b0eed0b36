/**
 * The bounds machinery of the disclosure attacker (attacker.ts): its variables, each published or hidden with
 * integer bounds, the linear constraints between them, and propagation of the bounds through every constraint until
 * nothing changes (bounds consistency).
 */

/** The attacker's variables: every published or hidden value by key (`period|code|category|name`), known or with
 * bounds, in the order first seen. */
export class Variables {
  readonly index = new Map<string, number>();
  readonly lo: number[] = [];
  readonly hi: number[] = [];
  readonly known: boolean[] = [];
  readonly keys: string[] = [];
  /** Variables published with two values: the files contradict themselves. */
  readonly contradictions: string[] = [];

  /** The index of `key`, hidden with bounds [0, ∞) when first seen. */
  v(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.index.set(key, i);
      this.keys.push(key);
      this.lo.push(0);
      this.hi.push(Infinity);
      this.known.push(false);
    }
    return i;
  }

  /** Records a published value. */
  setKnown(key: string, value: number): void {
    const i = this.v(key);
    if (this.known[i] && this.lo[i] !== value) this.contradictions.push(`${key}: published as ${this.lo[i]} and ${value}`);
    this.known[i] = true;
    this.lo[i] = value;
    this.hi[i] = value;
  }

  /** Narrows a hidden value to [l, h]. */
  bound(key: string, l: number, h: number): void {
    const i = this.v(key);
    if (this.known[i]) return;
    this.lo[i] = Math.max(this.lo[i], l);
    this.hi[i] = Math.min(this.hi[i], h);
  }
}

/** A constraint Σ coef·x = 0 (eq) or ≤ 0 (le). */
export type Constraint = { vars: number[]; coefs: number[]; eq: boolean };
/** Zeros that published zeros imply by themselves (a kecamatan with no severe wasting has none in any desa): what
 * a published total says, not a failure of suppression; counted apart. Leaves the bounds as they were. */
export function impliedZeros(vars: Variables, cons: readonly Constraint[]): boolean[] {
  const { keys, lo, hi, known } = vars;
  const zlo = keys.map(() => 0);
  const zhi = keys.map((_, i) => (known[i] && lo[i] === 0 ? 0 : Infinity));
  const save = [lo.slice(), hi.slice()];
  for (let i = 0; i < keys.length; i++) [lo[i], hi[i]] = [zlo[i], zhi[i]];
  propagateAll(vars, cons);
  const out = keys.map((_, i) => !known[i] && hi[i] === 0);
  for (let i = 0; i < keys.length; i++) [lo[i], hi[i]] = [save[0][i], save[1][i]];
  return out;
}

/** Propagates the bounds through every constraint until nothing changes (bounds consistency). */
export function propagateAll(vars: Variables, cons: readonly Constraint[]): void {
  const { lo, hi, known } = vars;
  for (let sweep = 0; sweep < 500; sweep++) {
    let changed = false;
    for (const c of cons) {
      // Range of each term coef·x and of the sum.
      let sLo = 0;
      let sHi = 0;
      let infLo = 0;
      let infHi = 0;
      const tLo = c.vars.map((x, j) => (c.coefs[j] > 0 ? lo[x] : -hi[x]));
      const tHi = c.vars.map((x, j) => (c.coefs[j] > 0 ? hi[x] : -lo[x]));
      for (let j = 0; j < c.vars.length; j++) {
        if (tLo[j] === -Infinity) infLo++;
        else sLo += tLo[j];
        if (tHi[j] === Infinity) infHi++;
        else sHi += tHi[j];
      }
      for (let j = 0; j < c.vars.length; j++) {
        const x = c.vars[j];
        if (known[x]) continue;
        const oLo = infLo - (tLo[j] === -Infinity ? 1 : 0) > 0 ? -Infinity : sLo - (tLo[j] === -Infinity ? 0 : tLo[j]);
        const oHi = infHi - (tHi[j] === Infinity ? 1 : 0) > 0 ? Infinity : sHi - (tHi[j] === Infinity ? 0 : tHi[j]);
        // coef·x = −others (eq) or ≤ −others (le).
        let termHi = -oLo;
        let termLo = c.eq ? -oHi : -Infinity;
        if (c.coefs[j] < 0) [termLo, termHi] = [-termHi, -termLo];
        const nl = Math.max(lo[x], Math.ceil(termLo - 1e-9));
        const nh = Math.min(hi[x], Math.floor(termHi + 1e-9));
        if (nl !== lo[x] || nh !== hi[x]) {
          lo[x] = nl;
          hi[x] = nh;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
}
