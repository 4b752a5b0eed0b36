import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayNumber,
  isNA,
  isoDayNumber,
  parseDate,
  parseDateGeneral,
  parseDecimal,
  parseDecimalGeneral,
  parseOedema,
  parsePosition,
  parseSex,
  type DateOrderOption,
  type DecimalOption,
} from './values.ts';

describe('isNA', () => {
  it.each(['', '   ', 'NA', 'na', 'N/A', '#N/A', '-', '\u2013', 'null', 'NULL', 'tidak ada', 'Tidak Ada', '\u00a0'])(
    'treats %j as missing',
    (s) => expect(isNA(s)).toBe(true),
  );
  it.each(['0', 'nan0', 'Ada', 'L', '12,5'])('keeps %j as a value', (s) => expect(isNA(s)).toBe(false));
});

describe('parseDecimal', () => {
  it.each<[string, DecimalOption, number]>([
    ['12.5', 'auto', 12.5],
    ['12,5', 'auto', 12.5],
    [' 12,5 ', ',', 12.5],
    ['\u00a09.8\u00a0', '.', 9.8],
    ['87', 'auto', 87],
    ['\u22121.5', 'auto', -1.5],
    ['-0,25', ',', -0.25],
    ['+3', '.', 3],
    [',5', 'auto', 0.5],
    ['105', 'auto', 105],
  ])('reads %j with decimal %s as %d', (s, d, v) => expect(parseDecimal(s, d)).toEqual({ ok: true, value: v }));

  it.each(['', 'NA', '-', 'tidak ada', 'N/A'])('returns null for the NA token %j', (s) =>
    expect(parseDecimal(s, 'auto')).toEqual({ ok: true, value: null }),
  );

  it.each<[string, DecimalOption, RegExp]>([
    ['1.234,5', 'auto', /ribuan/],
    ['1,234.5', 'auto', /Thousands/],
    ['1.234.567', 'auto', /Thousands/],
    ['12,5', '.', /must be "\."/],
    ['12.5', ',', /must be ","/],
    ['12 5', 'auto', /Not a number/],
    ['abc', 'auto', /Not a number/],
    ['1e3', 'auto', /Not a number/],
    ['12kg', 'auto', /Not a number/],
  ])('rejects %j (decimal %s) as bad_number', (s, d, msg) => {
    const r = parseDecimal(s, d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('bad_number');
      expect(r.message).toMatch(msg);
    }
  });
});

describe('parseDate', () => {
  it.each<[string, DateOrderOption, string]>([
    ['2024-02-05', 'auto', '2024-02-05'],
    ['2024-02-05 00:00:00', 'auto', '2024-02-05'],
    ['2024-02-05T00:00:00.000Z', 'YMD', '2024-02-05'],
    ['2024/2/5', 'auto', '2024-02-05'],
    ['05/02/2024', 'auto', '2024-02-05'],
    ['5/2/2024', 'auto', '2024-02-05'],
    ['05-02-2024', 'DMY', '2024-02-05'],
    ['05.02.2024', 'auto', '2024-02-05'],
    ['29/02/2024', 'auto', '2024-02-29'],
    ['2000-02-29', 'auto', '2000-02-29'],
    [' 31/12/2023 ', 'DMY', '2023-12-31'],
  ])('reads %j (order %s) as %s', (s, o, iso) => {
    const r = parseDate(s, o);
    expect(r).toEqual({ ok: true, value: { iso, day: isoDayNumber(iso) } });
  });

  it.each(['', 'NA', '-', 'null'])('returns null for %j', (s) => expect(parseDate(s)).toEqual({ ok: true, value: null }));

  it.each<[string, DateOrderOption]>([
    ['31/02/2024', 'auto'],
    ['29/02/2023', 'auto'],
    ['1900-02-29', 'auto'],
    ['02/13/2024', 'auto'], // month-first (US) is never read
    ['00/01/2024', 'auto'],
    ['05/02/24', 'auto'], // two-digit year
    ['45321', 'auto'], // Excel serial number
    ['2024-13-01', 'auto'],
    ['0202-02-05', 'auto'],
    ['5 Feb 2024', 'auto'],
    ['05/02/2024', 'YMD'],
    ['2024-02-05', 'DMY'],
  ])('rejects %j (order %s) as bad_date', (s, o) => {
    const r = parseDate(s, o);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('bad_date');
  });

  it('tells which order the config declares when a date has the other order', () => {
    const r = parseDate('05/02/2024', 'YMD');
    expect(!r.ok && r.message).toMatch(/YYYY-MM-DD/);
  });
});

describe('dayNumber', () => {
  it.each<[number, number, number]>([
    [1970, 1, 1],
    [2000, 2, 29],
    [2024, 3, 1],
    [1999, 12, 31],
    [2100, 12, 31],
    [1900, 1, 1],
  ])('matches Date.UTC for %d-%d-%d', (y, m, d) => {
    expect(dayNumber(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86400000);
  });
  it('counts whole days across a leap day', () => {
    expect(isoDayNumber('2024-03-01') - isoDayNumber('2024-02-28')).toBe(2);
    expect(isoDayNumber('2023-03-01') - isoDayNumber('2023-02-28')).toBe(1);
  });
});

describe('parseSex', () => {
  it.each<[string, 1 | 2]>([
    ['L', 1], ['l', 1], ['Laki-laki', 1], ['LAKI LAKI', 1], ['1', 1], ['M', 1], ['male', 1],
    ['P', 2], ['p', 2], ['Perempuan', 2], ['2', 2], ['F', 2], ['Female', 2], [' P ', 2],
  ])('reads %j as %d', (s, v) => expect(parseSex(s)).toEqual({ ok: true, value: v }));
  it('returns null when empty', () => expect(parseSex('')).toEqual({ ok: true, value: null }));
  it.each(['X', '3', 'LP', 'laki2'])('rejects %j as bad_sex', (s) => {
    const r = parseSex(s);
    expect(r.ok === false && r.reason).toBe('bad_sex');
  });
});

describe('parsePosition', () => {
  it.each<[string, 'L' | 'H']>([
    ['terlentang', 'L'], ['Terlentang', 'L'], ['telentang', 'L'], ['L', 'L'], ['recumbent', 'L'],
    ['berdiri', 'H'], ['Berdiri', 'H'], ['H', 'H'], ['standing', 'H'], ['BERDIRI ', 'H'],
  ])('reads %j as %s', (s, v) => expect(parsePosition(s)).toEqual({ ok: true, value: v }));
  it.each(['', 'NA', '-'])('returns null for missing %j', (s) => expect(parsePosition(s)).toEqual({ ok: true, value: null }));
  it('rejects an unknown position', () => {
    const r = parsePosition('duduk');
    expect(r.ok === false && r.reason).toBe('bad_position');
  });
});

describe('parseOedema', () => {
  it.each<[string, boolean]>([
    ['y', true], ['Ya', true], ['1', true], ['YES', true],
    ['n', false], ['Tidak', false], ['0', false], ['tidak ada', false], ['', false], ['NA', false],
  ])('reads %j as %s', (s, v) => expect(parseOedema(s)).toEqual({ ok: true, value: v }));
  it('rejects an unreadable oedema cell', () => expect(parseOedema('mungkin').ok).toBe(false));
});

describe('fast paths give what the general parsers give', () => {
  const orders: DateOrderOption[] = ['auto', 'DMY', 'YMD'];
  const decimals: DecimalOption[] = ['auto', '.', ','];
  // cells near the fast paths' shapes: digits, separators, signs, blanks, letters
  const cellOf = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((c) => c.join(''));

  it('isNA (property, against the token rule)', () => {
    const tokens = new Set(['', 'na', 'n/a', '#n/a', 'nan', '-', '--', '\u2013', '\u2014', 'null', 'tidak ada']);
    fc.assert(
      fc.property(cellOf(['n', 'N', 'a', 'A', '/', '#', '-', 't', 'T', 'i', 'd', 'k', ' ', '\u00a0', '\u2013', 'u', 'l', '1', 'x']), (cell) => {
        expect(isNA(cell)).toBe(tokens.has(cell.trim().toLowerCase()));
      }),
      { numRuns: 5000 },
    );
  });

  it('parseDate (property)', () => {
    fc.assert(
      fc.property(cellOf(['0', '1', '2', '3', '9', '/', '-', '.', ' ', 'T', ':']), fc.constantFrom(...orders), (cell, order) => {
        expect(parseDate(cell, order)).toEqual(parseDateGeneral(cell, order));
      }),
      { numRuns: 5000 },
    );
    const day = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const year = fc.integer({ min: 1850, max: 2150 }).map(String);
    const sep = fc.constantFrom('-', '/', '.');
    fc.assert(
      fc.property(day, day, year, sep, sep, fc.boolean(), fc.constantFrom(...orders), (d, m, y, s1, s2, ymd, order) => {
        const cell = ymd ? `${y}${s1}${m}${s2}${d}` : `${d}${s1}${m}${s2}${y}`;
        expect(parseDate(cell, order)).toEqual(parseDateGeneral(cell, order));
      }),
      { numRuns: 5000 },
    );
  });

  it('parseDecimal (property)', () => {
    fc.assert(
      fc.property(cellOf(['0', '1', '5', '9', '.', ',', '-', '+', ' ', 'e', '\u2212']), fc.constantFrom(...decimals), (cell, decimal) => {
        expect(parseDecimal(cell, decimal)).toEqual(parseDecimalGeneral(cell, decimal));
      }),
      { numRuns: 5000 },
    );
  });

  it('memoised sex, position and oedema results are shared and frozen', () => {
    expect(parseSex('P')).toBe(parseSex('P'));
    expect(Object.isFrozen(parsePosition('Berdiri'))).toBe(true);
    expect(parseOedema('Tidak')).toEqual({ ok: true, value: false });
  });
});
