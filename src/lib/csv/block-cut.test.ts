import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutPoint, firstRecordEnd, mostFrequentDelimiter } from './block-cut.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('cutPoint', () => {
  it('cuts after the last newline outside quotes', () => {
    expect(cutPoint(bytes('a,b\nc,d\ne'))).toBe(8);
    // the last newline is inside an open quote: cut before that record
    expect(cutPoint(bytes('a,b\nc,"x\ny'))).toBe(4);
    // doubled quotes keep the parity
    expect(cutPoint(bytes('a,"say ""hi""\nthere"\nb,c\nd'))).toBe(25);
    expect(cutPoint(bytes('a,"""\n'))).toBe(-1);
    expect(cutPoint(bytes('no newline'))).toBe(-1);
    expect(cutPoint(bytes('\n'))).toBe(1);
  });

  it('agrees with a forward scan on random quoted text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ',', '"', '\n', '\r'), { maxLength: 60 }), (chars) => {
        const s = chars.join('');
        let inQ = false;
        let expected = -1;
        for (let i = 0; i < s.length; i++) {
          if (s[i] === '"') inQ = !inQ;
          else if (s[i] === '\n' && !inQ) expected = i + 1;
        }
        expect(cutPoint(bytes(s))).toBe(expected);
      }),
    );
  });
});

describe('mostFrequentDelimiter', () => {
  it('picks the most frequent candidate outside quotes', () => {
    expect(mostFrequentDelimiter('No;NIK;Nama Anak;JK')).toBe(';');
    expect(mostFrequentDelimiter('sex,dob,"a;b;c"')).toBe(',');
    expect(mostFrequentDelimiter('single')).toBe(',');
  });
});

describe('firstRecordEnd', () => {
  it('ends the first record at the first newline outside quotes', () => {
    expect(firstRecordEnd(bytes('a,b\nc'), 5)).toBe(4);
    expect(firstRecordEnd(bytes('"a\nb",c\nd'), 9)).toBe(8);
    expect(firstRecordEnd(bytes('a,b'), 3)).toBe(-1);
  });
});
