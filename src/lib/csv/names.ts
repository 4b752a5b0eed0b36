/**
 * Matching area names and codes of an export to Kemendagri codes. Exports often carry only names ("KEL. GENTENG
 * WETAN", "Gentengwetan"); a desa is matched by normalised name within its kecamatan, and every distinct unmatched
 * name pair is collected, with a count and its first line, for the validation report.
 */
import type { Area } from '../types.ts';
import { maskLongNumbers } from './values.ts';

// Administrative prefixes typed in front of names. Dropped only as a whole leading word and only when a name
// remains, so a desa actually called "Kelurahan" would still match itself.
const PREFIXES = new Set(['desa', 'ds', 'kelurahan', 'kel', 'kec', 'kecamatan']);

/**
 * Normalised comparison key of an area name: accents removed, lower case, punctuation and spaces removed, a leading
 * "Desa"/"Ds."/"Kel."/"Kelurahan"/"Kec."/"Kecamatan" dropped. "KEL. GENTENG WETAN" and "Gentengwetan" give
 * "gentengwetan". Spacing is dropped because exports write compound names both joined and apart.
 */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  if (words.length > 1 && PREFIXES.has(words[0])) words.shift();
  return words.join('');
}

/**
 * Folds the pre-1972 (Van Ophuijsen / Soewandi) spellings still seen in names: oe → u, dj → j, tj → c
 * ("Tjilatjap" → "cilacap"). Used only as a second try, and only when it gives a single candidate, because a fold
 * could in principle join two different modern names.
 */
export function foldOldSpelling(key: string): string {
  return key.replace(/oe/g, 'u').replace(/dj/g, 'j').replace(/tj/g, 'c');
}

/** A dotted desa code from a code typed with or without dots or spaces (10 digits), or null. */
export function normaliseDesaCode(code: string): string | null {
  const d = code.replace(/[\s.\-]/g, '');
  if (!/^\d{10}$/.test(d)) return null;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}.${d.slice(6)}`;
}

/** A dotted kecamatan code from a code typed with or without dots (6 digits), or null. */
export function normaliseKecamatanCode(code: string): string | null {
  const d = code.replace(/[\s.\-]/g, '');
  if (!/^\d{6}$/.test(d)) return null;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4)}`;
}

/** What a row says about its area; any field may be empty. */
export interface AreaQuery {
  desaCode?: string;
  desaName?: string;
  kecamatanCode?: string;
  kecamatanName?: string;
}

/** Result of matching one row's area. */
export type AreaMatch = { ok: true; code: string } | { ok: false; reason: 'unknown_area'; message: string };

/** One distinct unmatched area of the input, as typed the first time it was seen. */
export interface UnmatchedArea {
  kecamatan: string;
  desa: string;
  /** The desa code as typed, when the row had one. */
  code?: string;
  count: number;
  file: string;
  firstLine: number;
}

/** Matches row areas to desa codes and remembers what could not be matched. */
export interface AreaMatcher {
  match(q: AreaQuery, file: string, line: number): AreaMatch;
  /** Every distinct unmatched (kecamatan, desa, code) triple, in order of first appearance. */
  unmatched(): UnmatchedArea[];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** An older name of an area (e.g. its name in the 2022 code list), accepted where no current name is the same. */
export interface AreaAlias {
  code: string;
  name: string;
}

/** The registry's areas by code and by normalised (and old-spelling folded) name, for matching. */
interface AreaIndex {
  desaByCode: Map<string, Area>;
  kecByCode: Map<string, Area>;
  kecByName: Map<string, Area[]>;
  kecByFold: Map<string, Area[]>;
  /** key: kecamatan code + '|' + normalised desa name */
  desaByKecName: Map<string, Area[]>;
  desaByKecFold: Map<string, Area[]>;
  desaByName: Map<string, Area[]>;
  desaByFold: Map<string, Area[]>;
}

/** Indexes the registry's kecamatan and desa by code and by name, then adds the older names. */
function indexAreas(areas: Area[], aliases: readonly AreaAlias[]): AreaIndex {
  const x: AreaIndex = {
    desaByCode: new Map(),
    kecByCode: new Map(),
    kecByName: new Map(),
    kecByFold: new Map(),
    desaByKecName: new Map(),
    desaByKecFold: new Map(),
    desaByName: new Map(),
    desaByFold: new Map(),
  };
  for (const a of areas) {
    const n = normaliseName(a.name);
    if (a.level === 'kecamatan') {
      x.kecByCode.set(a.code, a);
      push(x.kecByName, n, a);
      push(x.kecByFold, foldOldSpelling(n), a);
    } else if (a.level === 'desa') {
      x.desaByCode.set(a.code, a);
      push(x.desaByKecName, `${a.parent}|${n}`, a);
      push(x.desaByKecFold, `${a.parent}|${foldOldSpelling(n)}`, a);
      push(x.desaByName, n, a);
      push(x.desaByFold, foldOldSpelling(n), a);
    }
  }
  addAliases(x, aliases);
  return x;
}

function pushNew(m: Map<string, Area[]>, k: string, a: Area): void {
  if (!m.has(k)) m.set(k, [a]);
}

// Older names (code-list editions): added under their parent only where no current area already has that key, so
// a current name always wins and an old name never makes a current one ambiguous.
function addAliases(x: AreaIndex, aliases: readonly AreaAlias[]): void {
  for (const al of aliases) {
    const n = normaliseName(al.name);
    if (n === '') continue;
    const kec = x.kecByCode.get(al.code);
    if (kec) {
      pushNew(x.kecByName, n, kec);
      pushNew(x.kecByFold, foldOldSpelling(n), kec);
      continue;
    }
    const d = x.desaByCode.get(al.code);
    if (!d) continue;
    pushNew(x.desaByKecName, `${d.parent}|${n}`, d);
    pushNew(x.desaByKecFold, `${d.parent}|${foldOldSpelling(n)}`, d);
    pushNew(x.desaByName, n, d);
    pushNew(x.desaByFold, foldOldSpelling(n), d);
  }
}

/** Desa of normalised name `n` within the kecamatan `kecs`, or anywhere when no kecamatan is known (null). */
function findDesa(kecs: Area[] | null, n: string, byKec: Map<string, Area[]>, global: Map<string, Area[]>): Area[] {
  if (kecs === null) return global.get(n) ?? [];
  const out: Area[] = [];
  for (const k of kecs) for (const d of byKec.get(`${k.code}|${n}`) ?? []) out.push(d);
  return out;
}

/** Matches one row's area: a known desa code first, else the desa name within the kecamatan (by code or name). */
function resolveArea(x: AreaIndex, q: AreaQuery): AreaMatch {
  const codeText = q.desaCode?.trim() ?? '';
  if (codeText !== '') {
    const code = normaliseDesaCode(codeText);
    if (code && x.desaByCode.has(code)) return { ok: true, code };
    // A wrong code with a matching name falls through to the names below.
  }
  const desaName = q.desaName?.trim() ?? '';
  if (desaName === '') {
    return {
      ok: false,
      reason: 'unknown_area',
      message: codeText
        ? `Kode desa tidak ada di daftar wilayah / Desa code not in the area list`
        : 'Desa tidak diisi / Desa is empty',
    };
  }
  let kecs: Area[] | null = null;
  const kecCode = q.kecamatanCode ? normaliseKecamatanCode(q.kecamatanCode) : null;
  const kecName = q.kecamatanName?.trim() ?? '';
  if (kecCode && x.kecByCode.has(kecCode)) kecs = [x.kecByCode.get(kecCode)!];
  else if (kecName !== '') {
    const kn = normaliseName(kecName);
    kecs = x.kecByName.get(kn) ?? x.kecByFold.get(foldOldSpelling(kn)) ?? [];
    if (kecs.length === 0) {
      return { ok: false, reason: 'unknown_area', message: 'Kecamatan tidak ditemukan / Kecamatan not found' };
    }
  }
  const n = normaliseName(desaName);
  let found = findDesa(kecs, n, x.desaByKecName, x.desaByName);
  if (found.length === 0) found = findDesa(kecs, foldOldSpelling(n), x.desaByKecFold, x.desaByFold);
  if (found.length === 1) return { ok: true, code: found[0].code };
  return {
    ok: false,
    reason: 'unknown_area',
    message:
      found.length > 1
        ? 'Nama desa tidak unik, isi kode desa / Desa name is ambiguous, give the desa code'
        : kecs === null
          ? 'Desa tidak ditemukan (kecamatan kosong) / Desa not found (kecamatan empty)'
          : 'Desa tidak ditemukan di kecamatan ini / Desa not found in this kecamatan',
  };
}

/** resolveArea, trying again without invisible characters: a zero-width space or BOM pasted into a code or name
 * never changes which area is meant. `key` is the query's cache key (it holds every field). */
function resolveVisible(x: AreaIndex, q: AreaQuery, key: string): AreaMatch {
  const r = resolveArea(x, q);
  if (r.ok || !INVISIBLE.test(key)) return r;
  const again = resolveArea(x, {
    desaCode: visible(q.desaCode),
    desaName: visible(q.desaName),
    kecamatanCode: visible(q.kecamatanCode),
    kecamatanName: visible(q.kecamatanName),
  });
  return again.ok ? again : r;
}

function visible(v: string | undefined): string | undefined {
  return v === undefined ? v : v.replace(INVISIBLE_ALL, '');
}

/** The key unmatched areas are grouped by: normalised kecamatan and desa names, and the code's digits. */
function missKey(kecamatan: string, desa: string, code: string): string {
  return `${normaliseName(kecamatan)}|${normaliseName(desa)}|${code.replace(/\D/g, '')}`;
}

/** Counts an unmatched area in `misses`: one entry per distinct pair as an official would read it, not per spelling
 * of the raw cell, holding the text as first typed (an identity number typed in an area column is hidden, since the
 * list is published in the validation report). */
function recordMiss(misses: Map<string, UnmatchedArea>, q: AreaQuery, file: string, line: number): void {
  const kec = (q.kecamatanName ?? '').trim();
  const desa = (q.desaName ?? '').trim();
  const code = (q.desaCode ?? '').trim();
  const mk = missKey(kec, desa, code);
  const seen = misses.get(mk);
  if (seen) seen.count++;
  else misses.set(mk, { kecamatan: maskLongNumbers(kec), desa: maskLongNumbers(desa), ...(code ? { code: maskLongNumbers(code) } : {}), count: 1, file, firstLine: line });
}

/**
 * Adds one block's count of an unmatched area to the build's list (`into`, keyed as the matcher groups them: by
 * normalised names and the code's digits). Blocks are read by several workers, each of which keeps the spelling *it*
 * saw first; the list keeps the spelling of the earliest row (lowest file, then line), so the published list is the
 * same whichever worker read which block.
 */
export function addUnmatched<T extends UnmatchedArea & { fileIndex: number }>(into: Map<string, T>, u: UnmatchedArea, fileIndex: number): void {
  const key = missKey(u.kecamatan, u.desa, u.code ?? '');
  const prev = into.get(key);
  if (!prev) {
    into.set(key, { ...u, fileIndex } as T);
    return;
  }
  const count = prev.count + u.count;
  if (fileIndex < prev.fileIndex || (fileIndex === prev.fileIndex && u.firstLine < prev.firstLine)) into.set(key, { ...u, fileIndex, count } as T);
  else prev.count = count;
}

/** Builds a matcher over the registry: desa codes (dotted or not) directly, names by normalised desa name within
 * the kecamatan found by code or normalised name (kecamatan names are looked up across the registry's kabupaten;
 * a name shared by two kabupaten is resolved only if the desa name is unique among them). */
export function createAreaMatcher(areas: Area[], aliases: readonly AreaAlias[] = []): AreaMatcher {
  const index = indexAreas(areas, aliases);
  const cache = new Map<string, AreaMatch>();
  const misses = new Map<string, UnmatchedArea>();
  return {
    match(q, file, line) {
      const k = `${q.desaCode ?? ''}\u0001${q.desaName ?? ''}\u0001${q.kecamatanCode ?? ''}\u0001${q.kecamatanName ?? ''}`;
      let r = cache.get(k);
      if (!r) {
        r = resolveVisible(index, q, k);
        cache.set(k, r);
      }
      if (!r.ok) recordMiss(misses, q, file, line);
      return r;
    },
    unmatched() {
      return [...misses.values()];
    },
  };
}

/** Invisible characters ignored when an area does not match as written (zero-width space, joiners, BOM, soft
 * hyphen, the DOS end-of-file mark 0x1A). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u001A]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
