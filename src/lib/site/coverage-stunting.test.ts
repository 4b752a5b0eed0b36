import { describe, expect, it } from 'vitest';
import { coverageStuntingModel } from './coverage-stunting.ts';

const rows = [
  { code: 'a', name: 'A', stunting: 30, coverage: 50 },
  { code: 'b', name: 'B', stunting: 10, coverage: 95 },
  { code: 'c', name: 'C', stunting: 25, coverage: 90 },
  { code: 'd', name: 'D', stunting: 12, coverage: 60 },
  { code: 'e', name: 'E', stunting: 35, coverage: 70 },
  { code: 'f', name: 'F', stunting: null, coverage: 80 },
];

describe('coverageStuntingModel', () => {
  it('puts high stunting with low coverage first, then high stunting, then low coverage, then the rest', () => {
    const m = coverageStuntingModel(rows, 20, { value: 80, kind: 'target' })!;
    expect(m.points.map((p) => [p.code, p.quadrant])).toEqual([['e', 'attention'], ['a', 'attention'], ['c', 'high_stunting'], ['d', 'low_coverage'], ['b', 'fine']]);
    expect(m.counts).toEqual({ attention: 2, high_stunting: 1, low_coverage: 1, fine: 1 });
    expect(m.missing.map((r) => r.code)).toEqual(['f']);
  });

  it('places points and reference lines on the scales (higher stunting is higher up)', () => {
    const m = coverageStuntingModel(rows, 20, { value: 80, kind: 'target' })!;
    const e = m.points.find((p) => p.code === 'e')!;
    const b = m.points.find((p) => p.code === 'b')!;
    expect(e.y).toBeLessThan(b.y);
    expect(e.x).toBeLessThan(b.x);
    expect(m.refX.x).toBeGreaterThan(e.x);
    expect(m.refX.x).toBeLessThan(b.x);
    expect(m.refY.y).toBeGreaterThan(e.y);
    expect(m.xTicks.at(-1)!.value).toBe(100);
  });

  it('flips the coverage side for an indicator where lower is better, and needs three desa', () => {
    const m = coverageStuntingModel(rows, 20, { value: 60, kind: 'target' }, { lowerBetter: true })!;
    expect(m.points.find((p) => p.code === 'e')!.quadrant).toBe('attention');
    expect(m.points.find((p) => p.code === 'a')!.quadrant).toBe('high_stunting');
    expect(coverageStuntingModel(rows.slice(0, 2), 20, { value: 80, kind: 'target' })).toBeNull();
  });
});
