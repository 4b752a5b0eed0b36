/**
 * A generic personal-data scanner for published output: `scanForLeaks(dir, secrets)` reads every file under `dir`
 * (data JSON/CSV here; dist/ HTML, JS, SVG and images in the browser tests) and reports each secret (NIK, name,
 * address, birth date ...) found in it. Matching is case-insensitive, after decoding HTML entities and JSON
 * `\uXXXX` escapes, so `Siti &#39;Ani&#39;` or `Jos\u00e9` still match. Gzip files are scanned decompressed; other
 * binary files (images, fonts) are scanned as Latin-1 and UTF-8 text, which finds text embedded in metadata.
 *
 * Fast for thousands of secrets: each secret is indexed by its longest word, the text is split into words once, and
 * only secrets whose key word occurs are confirmed with a substring search.
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
  const index = new Map<string, { kind: string; value: string; folded: string }[]>();
  for (const s of secrets) {
    const folded = fold(s.value.trim());
    if (folded === '') continue;
    const words = folded.match(WORD) ?? [folded];
    const key = words.reduce((a, b) => (b.length > a.length ? b : a));
    const list = index.get(key) ?? [];
    list.push({ kind: s.kind, value: s.value, folded });
    index.set(key, list);
  }
  const files = statSync(dir).isDirectory() ? walk(dir) : [dir];
  const leaks: Leak[] = [];
  for (const file of files) {
    const seen = new Set<string>();
    for (const raw of textsOf(readFileSync(file))) {
      const text = fold(decodeEscapes(raw));
      const words = new Set(text.match(WORD) ?? []);
      for (const w of words) {
        for (const s of index.get(w) ?? []) {
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
