/**
 * A generic personal-data scanner for published output: `scanForLeaks(dir, secrets)` reads every file under `dir`
 * (data JSON/CSV here; dist/ HTML, JS, SVG and images in the browser tests) and reports each secret (NIK, name,
 * address, birth date ...) found in it. Matching is case-insensitive, after decoding HTML entities and JSON
 * `\uXXXX` escapes, so `Siti &#39;Ani&#39;` or `Jos\u00e9` still match. Gzip files are scanned decompressed; other
 * binary files (images, fonts) are scanned as Latin-1 and UTF-8 text, which finds text embedded in metadata.
 *
 * Fast for hundreds of thousands of secrets: each secret is indexed by its word or its rarest pair of adjacent
 * words, the text is split into words once, and only secrets whose key occurs are confirmed by substring search.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One value that must never be published. `kind` is only for the report (nik, name, address, birth_date ...). */
export interface Secret {
  kind: string;
  value: string;
}

/** One secret found in one file. */
export interface Leak {
  file: string;
  kind: string;
  value: string;
  /** A few characters around the first occurrence. */
  context: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const fold = (s: string) => s.normalize('NFC').toLowerCase();

/** Decodes the escapes under which a secret could hide in HTML or JSON text. */
export function decodeEscapes(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

/** The texts of a file to scan: gunzipped when gzip, UTF-8 always, plus Latin-1 when the bytes are not UTF-8. */
function textsOf(bytes: Buffer): string[] {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      /* not really gzip: scan as is */
    }
  }
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\ufffd') ? [utf8, bytes.toString('latin1')] : [utf8];
}

/** Scans every file under `dir` (or one file) for the secrets; returns the leaks, in file order. */
export function scanForLeaks(dir: string, secrets: readonly Secret[]): Leak[] {
  // Keys: a one-word secret by its word; a longer one by its rarest pair of adjacent words among all secrets (an
  // address "Jl. Contoh No. 148 RT 006/RW 008" by "148 rt", not by the "contoh" every address shares; a date
  // "05/02/2022" by "05 02"). A file is split into words once; a secret is confirmed by substring search only when
  // its key occurs in the file.
  const SEP = '\u0001';
  const pairsOf = (words: readonly string[]) => words.slice(1).map((w, i) => words[i] + SEP + w);
  const prepared = secrets
    .map((s) => {
      const folded = fold(s.value.trim());
      const words = folded.match(WORD) ?? [folded];
      return { kind: s.kind, value: s.value, folded, keys: words.length === 1 ? words : [...new Set(pairsOf(words))] };
    })
    .filter((s) => s.folded !== '');
  const df = new Map<string, number>();
  for (const s of prepared) for (const k of s.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const index = new Map<string, typeof prepared>();
  for (const s of prepared) {
    const key = s.keys.reduce((a, b) => (df.get(b)! < df.get(a)! ? b : a));
    const list = index.get(key) ?? [];
    list.push(s);
    index.set(key, list);
  }
  const files = statSync(dir).isDirectory() ? walk(dir) : [dir];
  const leaks: Leak[] = [];
  for (const file of files) {
    const seen = new Set<string>();
    for (const raw of textsOf(readFileSync(file))) {
      const text = fold(decodeEscapes(raw));
      const words = text.match(WORD) ?? [];
      const keys = new Set(words);
      for (const p of pairsOf(words)) keys.add(p);
      for (const k of keys) {
        for (const s of index.get(k) ?? []) {
          if (seen.has(s.folded)) continue;
          const at = text.indexOf(s.folded);
          if (at < 0) continue;
          seen.add(s.folded);
          leaks.push({ file: relative(dir, file) || file, kind: s.kind, value: s.value, context: text.slice(Math.max(0, at - 40), at + s.folded.length + 40) });
        }
      }
    }
  }
  return leaks;
}

/** Secrets of one demo (e-PPGBM style, `;`-separated) export: every identity cell, birth dates also in ISO form,
 * each value once. Throws when the export lacks an identity column (the scan would prove nothing). */
export function secretsOf(text: string): Secret[] {
  return exportSecrets(text).secrets;
}

/** A DD/MM/YYYY date and its ISO form, or null. */
function dmyForms(v: string): [string, string] | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  return m ? [v, `${m[3]}-${m[2]}-${m[1]}`] : null;
}

/**
 * The secrets of a demo export (as secretsOf) and its measurement dates in both forms, in one pass: a birth date that
 * equals a measurement date is not evidence of a leak where it appears (validation.json names rejected measurement
 * dates, which thousands of children share).
 */
export function exportSecrets(text: string): { secrets: Secret[]; measurementDates: Set<string> } {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0].split(';');
  const cols = ['NIK', 'Nama Anak', 'Tgl Lahir', 'Nama Ortu', 'Alamat'].map((c) => header.indexOf(c));
  if (cols.some((c) => c < 0)) throw new Error(`secretsOf: identity column missing in header ${lines[0]}`);
  const [nik, child, birth, parent, address] = cols;
  const measured = header.indexOf('Tanggal Pengukuran');
  const out = new Map<string, Secret>();
  const measurementDates = new Set<string>();
  const add = (kind: string, value: string) => out.set(`${kind}\u0000${value}`, { kind, value });
  for (const l of lines.slice(1)) {
    const c = l.split(';');
    if (/^\d{16}$/.test(c[nik])) add('nik', c[nik]);
    if (c[child]?.includes(' ')) add('name', c[child]);
    if (c[parent]?.includes(' ')) add('parent_name', c[parent]);
    if ((c[address] ?? '').length >= 8) add('address', c[address]);
    for (const f of dmyForms(c[birth] ?? '') ?? []) add('birth_date', f);
    if (measured >= 0) for (const f of dmyForms(c[measured] ?? '') ?? []) measurementDates.add(f);
  }
  return { secrets: [...out.values()], measurementDates };
}
