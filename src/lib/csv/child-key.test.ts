import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { childKeyOf, fnv1a64 } from './child-key.ts';

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j to the published FNV-1a 64 test vector', (s, h) => expect(fnv1a64(s)).toBe(h));
});

/** The byte-wise definition, as the module had it first (one code unit = 1 byte below 0x80, else 2). */
function fnvReference(s: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    for (let b = 0; b < (c < 0x80 ? 1 : 2); b++) {
      lo = (lo ^ (b === 0 ? c & 0xff : c >>> 8)) >>> 0;
      const tLo = lo * 0x1b3;
      hi = (hi * 0x1b3 + Math.floor(tLo / 0x100000000) + ((lo << 8) >>> 0)) >>> 0;
      lo = tLo >>> 0;
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

describe('fnv1a64 against the reference', () => {
  it('agrees on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(fnv1a64(s)).toBe(fnvReference(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('childKeyOf', () => {
  it('hashes the salted NIK, or the salted name + birth date + desa, as the reference would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('0', '1', '3', '9', ' ', '.', 'E', '+', 'a', '-'), { maxLength: 18 }).map((c) => c.join('')),
        fc.constantFrom('', 'Siti Aminah', ' ', 'NA'),
        fc.constantFrom('', 'salt1', 'salt2'),
        (nik, name, salt) => {
          const d = nik.replace(/[\s.'-]/g, '');
          const trimmedNA = ['', 'na', '-'].includes(nik.trim().toLowerCase()) || nik.trim() === '';
          const excel = /^\d+([.,]\d+)?e\+?\d+$/i.test(nik.trim());
          let expected: string | null = null;
          if (!trimmedNA && !excel && /^[0-9A-Za-z]+$/.test(d) && !/^0+$/.test(d)) expected = fnvReference(`${salt}n:${d}`);
          else if (name.trim() !== '' && name !== 'NA') expected = fnvReference(`${salt}p:sitiaminah|2022-02-15|35.10.01.1001`);
          expect(childKeyOf(nik, name, '2022-02-15', '35.10.01.1001', salt)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('uses the NIK when present, regardless of name', () => {
    expect(childKeyOf('3510015502220001', 'A', '2022-02-15', 'x')).toBe(childKeyOf('3510 0155 0222 0001', 'B', '2022-01-01', 'y'));
  });
  it.each(['', '0000000000000000', '3.51002E+15', '3,51002E15', 'NA', '-'])('falls back to name + birth date + desa when NIK is %j', (nik) => {
    const k = childKeyOf(nik, 'Siti  Aminah', '2022-02-15', '35.10.01.1001');
    expect(k).toBe(childKeyOf('', 'SITI AMINAH', '2022-02-15', '35.10.01.1001'));
    expect(k).not.toBe(childKeyOf('', 'SITI AMINAH', '2022-02-16', '35.10.01.1001'));
  });
  it('returns null without NIK and name', () => expect(childKeyOf('', '', '2022-02-15', 'x')).toBeNull());
  it('never contains the NIK or the name', () => {
    const k = childKeyOf('3510015502220001', 'Siti', '2022-02-15', 'x')!;
    expect(k).toMatch(/^[0-9a-f]{16}$/);
  });
});
