/** The per-area CSV equals the area's rows of the tidy stunting.csv, byte for byte (golden fixture). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaCsv } from '../../../src/lib/share/area-csv.ts';

const dir = join(import.meta.dirname, '..', '..', 'golden', 'expected');
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
const tidy = readFileSync(join(dir, 'stunting.csv'), 'utf8').split('\n');
const codes = readdirSync(join(dir, 'series')).map((f) => f.replace(/\.json$/, ''));

describe('areaCsv', () => {
  it.each(codes)('%s: header + exactly the rows of stunting.csv for that code', (code) => {
    const series = JSON.parse(readFileSync(join(dir, 'series', `${code}.json`), 'utf8'));
    const expected = [tidy[0], ...tidy.filter((l) => l.startsWith(`${code},`))].join('\n') + '\n';
    expect(areaCsv(series, meta)).toBe(expected);
  });
  it('neutralises formulas in names and writes empty cells for nulls', () => {
    const series = { code: '35.10.01', name: '=HYPERLINK("x")', level: 'kecamatan', parent: '35.10', periods: { '2025-08': { indicators: { stunting: { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed' } } } } };
    const csv = areaCsv(series as never, { periods: ['2025-08'], indicators: [{ id: 'stunting', label: { id: 's' } }] });
    expect(csv.split('\n')[1]).toBe(`35.10.01,"'=HYPERLINK(""x"")",kecamatan,2025-08,stunting,,,,,,suppressed`);
  });
});
