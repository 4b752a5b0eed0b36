/**
 * Child keys: opaque, salted 64-bit FNV-1a hashes that let the build count children, not rows, without holding an
 * identity. A child is keyed by its NIK when the NIK is usable, else by normalised name + birth date + desa.
 */
import { normaliseName } from './names.ts';
import { isNA } from './values.ts';

/** 64-bit FNV-1a of a string (UTF-16 code units hashed as little-endian bytes; equal to byte-wise FNV-1a over
 * ASCII), as 16 hex digits. Fast and non-cryptographic: used only to avoid holding identities in keys. */
export function fnv1a64(s: string): string {
  fnvHi = FNV_OFFSET_HI;
  fnvLo = FNV_OFFSET_LO;
  fnvFeed(s);
  return fnvHex();
}

const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
// The 64-bit state in two 32-bit halves, between fnvFeed calls (hashing then allocates nothing but the hex text).
let fnvHi = 0;
let fnvLo = 0;

/** Hashes the code units of `s` into the state. */
function fnvFeed(s: string): void {
  // the prime 2^40 + 0x1b3 multiplies as h*0x1b3 + (lo << 40); every intermediate stays below 2^53
  let hi = fnvHi;
  let lo = fnvLo;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    lo = (lo ^ (c & 0xff)) >>> 0;
    let t = lo * 0x1b3;
    hi = (hi * 0x1b3 + ((t / 0x100000000) | 0) + ((lo << 8) >>> 0)) >>> 0;
    lo = t >>> 0;
    if (c >= 0x80) {
      lo = (lo ^ (c >>> 8)) >>> 0;
      t = lo * 0x1b3;
      hi = (hi * 0x1b3 + ((t / 0x100000000) | 0) + ((lo << 8) >>> 0)) >>> 0;
      lo = t >>> 0;
    }
  }
  fnvHi = hi;
  fnvLo = lo;
}

function fnvHex(): string {
  return fnvHi.toString(16).padStart(8, '0') + fnvLo.toString(16).padStart(8, '0');
}

/** Hashes of texts that all start with the same prefix: `of(rest)` = fnv1a64(prefix + rest), the prefix hashed once. */
function prefixedHash(prefix: string): (rest: string) => string {
  fnvHi = FNV_OFFSET_HI;
  fnvLo = FNV_OFFSET_LO;
  fnvFeed(prefix);
  const hi = fnvHi;
  const lo = fnvLo;
  return (rest) => {
    fnvHi = hi;
    fnvLo = lo;
    fnvFeed(rest);
    return fnvHex();
  };
}

/** Opaque child key: from the NIK when usable (digits only, not all zeros, not mangled by Excel into 3.51E+15),
 * else from normalised name + birth date + desa; null when neither is available (the row then counts alone). */
export function childKeyOf(nik: string, name: string, birthIso: string, areaCode: string, salt = ''): string | null {
  if (keyer === null || keyer.salt !== salt) keyer = childKeyer(salt);
  return keyer.of(nik, name, birthIso, areaCode);
}

let keyer: ReturnType<typeof childKeyer> | null = null;

/** childKeyOf for one salt, with the salted prefixes hashed once. */
export function childKeyer(salt: string) {
  const byNik = prefixedHash(`${salt}n:`);
  const byPerson = prefixedHash(`${salt}p:`);
  return {
    salt,
    of(nik: string, name: string, birthIso: string, areaCode: string): string | null {
      // The usual NIK, digits only: the checks below would keep it as it is.
      let digits = nik.length > 0;
      let zeros = true;
      for (let i = 0; digits && i < nik.length; i++) {
        const c = nik.charCodeAt(i);
        if (c < 48 || c > 57) digits = false;
        else if (c !== 48) zeros = false;
      }
      if (digits && !zeros) return byNik(nik);
      if (!digits && !isNA(nik)) {
        const d = nik.replace(/[\s.'-]/g, '');
        // Excel turns 16-digit NIKs into 3.51001E+15, which collide; such a cell is not an identifier. Placeholders
        // of zeros are not identifiers either. Other letters-and-digits ids (the plain format's child_id) are used.
        const excel = /^\d+([.,]\d+)?e\+?\d+$/i.test(nik.trim());
        if (!excel && /^[0-9A-Za-z]+$/.test(d) && !/^0+$/.test(d)) return byNik(d);
      }
      if (!isNA(name)) {
        const n = normaliseName(name);
        if (n !== '') return byPerson(`${n}|${birthIso}|${areaCode}`);
      }
      return null;
    },
  };
}
