import { describe, expect, it } from 'vitest';
import { controlLimit, funnelModel, standingAmong, verdict } from './funnel.ts';
import type { IndicatorValueJson } from './contract.ts';

const val = (n: number, cases: number): IndicatorValueJson => {
  const p = cases / n;
  const h = 1.96 * Math.sqrt((p * (1 - p)) / n);
  return { n, cases, prevalence: Math.round(1000 * p) / 10, ci_low: Math.round(1000 * Math.max(0, p - h)) / 10, ci_high: Math.round(1000 * Math.min(1, p + h)) / 10, status: 'ok' };
};
const hidden: IndicatorValueJson = { n: null, cases: null, prevalence: null, ci_low: null, ci_high: null, status: 'suppressed', suppression: 'primary' };

describe('controlLimit (exact binomial, interpolated)', () => {
  it('matches the quantile and interpolation computed with SciPy', () => {
    expect(controlLimit(0.2, 100, 0.975)).toBeCloseTo(0.2764760850335919, 10);
    expect(controlLimit(0.1, 40, 0.999)).toBeCloseTo(0.2607844516101927, 10);
    expect(controlLimit(0.1, 40, 0.025)).toBeCloseTo(0.0038889783297919368, 10);
    expect(controlLimit(0.15, 500, 0.001)).toBeCloseTo(0.10174701090508612, 10);
  });
  it('narrows towards the parent rate as n grows and approaches the normal limits', () => {
    let prev = Infinity;
    for (const n of [10, 30, 100, 300, 1000, 3000]) {
      const hi = controlLimit(0.2, n, 0.975);
      expect(hi).toBeLessThan(prev);
      prev = hi;
    }
    const normal = 0.2 + 1.959964 * Math.sqrt((0.2 * 0.8) / 3000);
    expect(Math.abs(controlLimit(0.2, 3000, 0.975) - normal)).toBeLessThan(0.001);
  });
});

describe('verdict', () => {
  it('says above or below only outside the limits', () => {
    expect(verdict(20, 100, 0.2)).toBe(0);
    expect(verdict(30, 100, 0.2)).toBe(1); // above the 95% limit (27.6%), below the 99.8% one
    expect(verdict(40, 100, 0.2)).toBe(2);
    expect(verdict(11, 100, 0.2)).toBe(-1); // below the 95% limit (12.0%), above the 99.8% one (8.1%)
    expect(verdict(5, 100, 0.2)).toBe(-2);
    // The same 30% of 20 children is well within chance.
    expect(verdict(6, 20, 0.2)).toBe(0);
  });
});

describe('funnelModel', () => {
  it('places published children, counts the hidden ones and draws four limits', () => {
    const m = funnelModel(val(1000, 200), [
      { code: 'a', name: 'Alas', value: val(100, 40) },
      { code: 'b', name: 'Bumi', value: val(30, 6) },
      { code: 'c', name: 'Cerme', value: hidden },
    ])!;
    expect(m.points.map((p) => [p.code, p.verdict])).toEqual([['a', 2], ['b', 0]]);
    expect(m.hidden).toBe(1);
    expect(m.parentRate).toBe(20);
    expect(m.limits).toHaveLength(4);
    for (const l of m.limits) expect(l.d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    // More children: further right; higher rate: higher up (smaller y).
    const [a, b] = m.points;
    expect(a.x).toBeGreaterThan(b.x);
    expect(a.y).toBeLessThan(b.y);
    expect(m.xTicks.every((t) => /^[125]0*$/.test(String(t.value)))).toBe(true);
  });
  it('is null without a published parent or child', () => {
    expect(funnelModel(hidden, [{ code: 'a', name: 'A', value: val(50, 5) }])).toBeNull();
    expect(funnelModel(val(500, 50), [{ code: 'a', name: 'A', value: hidden }])).toBeNull();
  });
});

describe('standingAmong', () => {
  it('gives the verdict, the rank and how many intervals overlap', () => {
    const sib = [
      { code: 'a', value: val(200, 80) },
      { code: 'b', value: val(200, 40) },
      { code: 'c', value: val(200, 38) },
      { code: 'd', value: hidden },
    ];
    const s = standingAmong('a', val(2000, 400), sib)!;
    expect(s).toMatchObject({ verdict: 2, rank: 1, total: 3, overlapping: 0, parentRate: 20 });
    const b = standingAmong('b', val(2000, 400), sib)!;
    expect(b).toMatchObject({ verdict: 0, rank: 2, total: 3, overlapping: 1 });
    expect(standingAmong('d', val(2000, 400), sib)).toBeNull();
  });
});
