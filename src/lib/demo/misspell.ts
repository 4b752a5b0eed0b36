/**
 * Misspelled desa names as an operator types them: one or two typing slips that the area matcher cannot resolve.
 */
import { foldOldSpelling, normaliseName } from '../csv/names.ts';
import type { Rng } from './prng.ts';

/** Levenshtein distance (small strings only: desa names). */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = t;
    }
  }
  return prev[b.length];
}

const VOWEL_SWAP: Record<string, string> = { A: 'E', E: 'I', I: 'E', O: 'U', U: 'O' };

/** One random typing slip on an upper-case name: a dropped, doubled or swapped letter, or a vowel confusion. */
function slip(name: string, rng: Rng): string {
  const letters = [...name].map((c, i) => (/[A-Z]/.test(c) ? i : -1)).filter((i) => i > 0);
  if (letters.length < 2) return `${name}H`;
  const i = rng.pick(letters);
  const drop = () => name.slice(0, i) + name.slice(i + 1);
  switch (rng.int(4)) {
    case 0:
      return drop();
    case 1:
      return name.slice(0, i) + name[i] + name.slice(i);
    case 2:
      if (i + 1 < name.length && /[A-Z]/.test(name[i + 1]) && name[i] !== name[i + 1]) {
        return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
      }
      return drop();
    default: {
      const vowels = letters.filter((k) => VOWEL_SWAP[name[k]] !== undefined);
      if (vowels.length === 0) return drop();
      const k = rng.pick(vowels);
      return name.slice(0, k) + VOWEL_SWAP[name[k]] + name.slice(k + 1);
    }
  }
}

/**
 * A misspelling of a desa name that the area matcher cannot resolve: after normalisation (and the old-spelling
 * fold) it equals no desa name of the region, and it is at least 2 edits from every desa of its kecamatan, so even
 * a one-typo fuzzy matcher would leave it unmatched. Two slips, retried until both hold.
 */
export function misspell(name: string, kecamatanNames: string[], regionKeys: Set<string>, rng: Rng): string {
  const upper = name.toUpperCase();
  const kecKeys = kecamatanNames.map((n) => normaliseName(n));
  for (let attempt = 0; attempt < 50; attempt++) {
    const s = slip(slip(upper, rng), rng);
    const k = normaliseName(s);
    if (k === '' || regionKeys.has(k) || regionKeys.has(foldOldSpelling(k))) continue;
    if (kecKeys.some((o) => editDistance(o, k) < 2)) continue;
    return s;
  }
  return `${upper} XX`;
}
