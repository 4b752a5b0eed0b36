import { describe, expect, it } from 'vitest';
import type { Area } from '../types.ts';
import { addAggregate, createCountTable, rollUp } from './counts.ts';
import { publishedValues } from './values.ts';

/** Kabupaten 0 > kecamatan 1 > desa 2..; kecamatan 1 is one of two (the other, 2nd kecamatan, has one big desa). */
function build(desa: { n: number; cases: number }[]) {
  const areas: Area[] = [
    { code: '99.01', name: 'Kab', level: 'kabupaten', parent: null, kind: 'kabupaten' },
    { code: '99.01.01', name: 'Kec A', level: 'kecamatan', parent: '99.01', kind: 'kecamatan' },
    ...desa.map((_, i) => ({ code: `99.01.01.200${i + 1}`, name: `Desa ${i + 1}`, level: 'desa' as const, parent: '99.01.01', kind: 'desa' as const })),
    { code: '99.01.02', name: 'Kec B', level: 'kecamatan', parent: '99.01', kind: 'kecamatan' },
    { code: '99.01.02.2001', name: 'Desa B', level: 'desa', parent: '99.01.02', kind: 'desa' },
  ];
  const index = new Map(areas.map((a, i) => [a.code, i]));
  const parentOf = Int32Array.from(areas.map((a) => (a.parent ? index.get(a.parent)! : -1)));
  const t = createCountTable(areas.length, 1);
  desa.forEach((d, i) => addAggregate(t, 2 + i, 0, d.n, { stunting: d.cases, severe_stunting: 0, wasting: d.cases, severe_wasting: 0, underweight: d.cases, overweight: 0 }));
  addAggregate(t, areas.length - 1, 0, 200, { stunting: 30, severe_stunting: 5, wasting: 10, severe_wasting: 2, underweight: 20, overweight: 4 });
  rollUp(t, parentOf);
  return publishedValues(t, areas, parentOf, ['2025-08'], 10);
}

describe('publishedValues: suppression of numerators and its labels', () => {
  it('does not leave hidden desa whose cases add up to 0: a desa with cases joins them', () => {
    // Desa 1 (6 children) is small; desa 2 (12, 0 cases) is the smallest complement by size, but with it alone the
    // kecamatan's cases minus the published desa's would say 0 for both. Desa 3 (15, 2 cases) joins.
    const v = build([{ n: 6, cases: 0 }, { n: 12, cases: 0 }, { n: 15, cases: 2 }, { n: 40, cases: 5 }]);
    const s = (a: number) => v.values[a][0].indicators.stunting;
    expect(s(2)).toMatchObject({ status: 'suppressed', suppression: 'primary' });
    expect(s(3)).toMatchObject({ status: 'suppressed', suppression: 'complementary' });
    expect(s(4)).toMatchObject({ status: 'suppressed', suppression: 'complementary' });
    expect(s(5)).toMatchObject({ status: 'ok', n: 40, cases: 5 });
    // Published total minus published parts: the hidden desa share 2 cases, not 0.
    const hiddenCases = s(1).cases! - s(5).cases!;
    expect(hiddenCases).toBe(2);
  });

  it('labels a hidden area by its own count: primary below the minimum, complementary (protecting another) above', () => {
    const v = build([{ n: 6, cases: 1 }, { n: 12, cases: 3 }, { n: 40, cases: 5 }]);
    const rows = v.values.slice(2, 5).map((r) => r[0]);
    expect(rows[0].indicators.stunting.suppression).toBe('primary');
    expect(rows[1].indicators.stunting.suppression).toBe('complementary');
    // The row is one unit: measured and every indicator are hidden together.
    expect(rows[1].measured).toBeNull();
    expect(rows[1].measuredStatus).toBe('suppressed');
    expect(Object.values(rows[1].indicators).every((x) => x.status === 'suppressed' && x.suppression === 'complementary')).toBe(true);
    expect(rows[2].indicators.stunting.status).toBe('ok');
  });
});
