import { describe, expect, it } from 'vitest';
import { detectBinary, detectDelimiter, detectEncoding } from './detect.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
function utf16le(s: string, bom: boolean): Uint8Array {
  const out = Buffer.from(s, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), out]) : out;
}
function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length + 2);
  be[0] = 0xfe;
  be[1] = 0xff;
  for (let i = 0; i < le.length; i += 2) {
    be[i + 2] = le[i + 1];
    be[i + 3] = le[i];
  }
  return be;
}

describe('detectEncoding', () => {
  it.each<[string, Uint8Array, string]>([
    ['UTF-8 with BOM', Buffer.from('\uFEFFNIK;Nama\n', 'utf8'), 'utf-8-bom'],
    ['plain ASCII', Buffer.from('NIK,Nama\n1,Ani\n'), 'utf-8'],
    ['UTF-8 accents', Buffer.from('Nama\nJosé\n', 'utf8'), 'utf-8'],
    ['windows-1252 accent (invalid UTF-8)', Buffer.from('Nama\nJos\xe9\n', 'latin1'), 'latin1'],
    ['UTF-16LE with BOM', utf16le('NIK,Nama\n', true), 'utf-16le'],
    ['UTF-16LE without BOM', utf16le('NIK,Nama\n1,Ani\n', false), 'utf-16le'],
    ['UTF-16BE with BOM', utf16be('NIK,Nama\n'), 'utf-16be'],
    ['empty', bytes(), 'utf-8'],
    ['UTF-8 cut inside a character at the end of the sample', Buffer.from('Nama\nJosé', 'utf8').subarray(0, 10), 'utf-8'],
  ])('%s → %s', (_, b, e) => expect(detectEncoding(b)).toBe(e));
});

describe('detectBinary', () => {
  it.each<[string, Uint8Array]>([
    ['xlsx', bytes(0x50, 0x4b, 0x03, 0x04, 0, 0)],
    ['xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
    ['gzip', bytes(0x1f, 0x8b, 8, 0)],
    ['NUL bytes', bytes(0x41, 0x00, 0x42, 0x43, 0x44)],
  ])('rejects %s', (_, b) => expect(detectBinary(b, 'utf-8')).toMatch(/ \/ /));
  it('accepts text and UTF-16 text', () => {
    expect(detectBinary(Buffer.from('a,b\n1,2\n'), 'utf-8')).toBeNull();
    expect(detectBinary(utf16le('a,b\n', true), 'utf-16le')).toBeNull();
  });
});

describe('detectDelimiter', () => {
  it.each<[string, string | null]>([
    ['NIK,Nama,JK,Tgl Lahir', ','],
    ['NIK;Nama;JK;Tgl Lahir', ';'],
    ['NIK\tNama\tJK', '\t'],
    ['"Berat (kg; desimal)",Tinggi,JK', ','],
    ['"a,b,c";d;e', ';'],
    ['Nama;"Alamat, RT/RW";JK\r', ';'],
    ['a,b;c', ';'], // tie → ';'
    ['NIK', null],
    ['', null],
  ])('%j → %j', (line, d) => expect(detectDelimiter(line)).toBe(d));
});
