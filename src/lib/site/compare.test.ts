import { describe, expect, it } from 'vitest';
import type { SeriesJson } from './contract.ts';
import { COMPARE_MAX, compareFromQuery, compareModel, compareSvg, compareToQuery, defaultComparison } from './compare.ts';

const v = (p: number | null, status = 'ok') => ({ n: 100, cases: null, prevalence: p, ci_low: p === null ? null : p - 2, ci_high: p === null ? null : p + 2, status }) as never;
const mk = (code: string, name: string, vals: (number | null)[]): SeriesJson => ({
  code, name, level: 'kecamatan', parent: '35.10',
  periods: Object.fromEntries(['2024-02', '2024-08', '2025-02'].map((p, i) => [p, { measured: 100, valid: 100, target: null, coverage: null, indicators: { stunting: v(vals[i], vals[i] === null ? 'suppressed' : 'ok') } }])) as never,
});
const areas = new Set(['35.10', '35.10.01', '35.10.02', '35.10.01.2001']);
const fallback = { codes: ['35.10.01', '35.10'], indicator: 'stunting' as const };
const opts = { areas, indicators: ['stunting', 'wasting'], fallback };

describe('comparison URL state', () => {
  it('reads the codes and the indicator, and writes them back the same', () => {
    const { state, invalid, given } = compareFromQuery('?banding=35.10.01,35.10.02,35.10&indikator=wasting', opts);
    expect(state).toEqual({ codes: ['35.10.01', '35.10.02', '35.10'], indicator: 'wasting' });
    expect(invalid).toEqual([]);
    expect(given).toBe(true);
    const q = compareToQuery(state, 'stunting');
    expect(q).toBe('?banding=35.10.01,35.10.02,35.10&indikator=wasting');
    expect(compareFromQuery(q, opts).state).toEqual(state);
  });
  it('keeps other keys, drops the default indicator, reads the English alias', () => {
    expect(compareToQuery({ codes: ['35.10'], indicator: 'stunting' }, 'stunting', '?x=1&indikator=wasting')).toBe('?x=1&banding=35.10');
    expect(compareFromQuery('?compare=35.10.02', opts).state.codes).toEqual(['35.10.02']);
  });
  it('drops unknown, malformed and repeated codes (saying so) and falls back when none is left', () => {
    const a = compareFromQuery('?banding=35.10.01,99.99,<x>,35.10.01', opts);
    expect(a.state.codes).toEqual(['35.10.01']);
    expect(a.invalid).toEqual(['banding']);
    const b = compareFromQuery('?banding=nope&indikator=zzz', opts);
    expect(b.state).toEqual(fallback);
    expect(b.invalid).toEqual(['banding', 'indikator']);
    expect(compareFromQuery('', opts)).toEqual({ state: fallback, invalid: [], given: false });
  });
  it('caps the number of areas', () => {
    const many = new Set(Array.from({ length: 10 }, (_, i) => `35.10.0${i}`));
    const q = `?banding=${[...many].join(',')}`;
    expect(compareFromQuery(q, { ...opts, areas: many }).state.codes).toHaveLength(COMPARE_MAX);
  });
  it('compares an area with the areas above it by default', () => {
    const parent: Record<string, string | null> = { '35.10.01.2001': '35.10.01', '35.10.01': '35.10', '35.10': null };
    expect(defaultComparison('35.10.01.2001', (c) => parent[c] ?? null)).toEqual(['35.10.01.2001', '35.10.01', '35.10']);
    expect(defaultComparison('35.10', (c) => parent[c] ?? null)).toEqual(['35.10']);
  });
});

describe('comparison chart', () => {
  const periods = ['2024-02', '2024-08', '2025-02'];
  const m = compareModel([mk('35.10.01', 'Pesanggaran', [20, null, 18]), mk('35.10', 'Banyuwangi', [15, 14, 13.5]), mk('35.10.02', 'Siliragung', [14, 14.5, 13.4])], periods, { indicator: 'stunting', lang: 'id' });
  it('draws one line per area from a zero baseline, broken at unpublished rounds', () => {
    expect(m.lines.map((l) => l.code)).toEqual(['35.10.01', '35.10', '35.10.02']);
    expect(m.yTicks[0].label).toBe('0%');
    expect(m.lines[0].points).toHaveLength(2);
    expect((m.lines[0].path.match(/M/g) ?? []).length).toBe(2);
    expect(new Set(m.lines.map((l) => l.style.stroke)).size).toBe(3);
    expect(new Set(m.lines.map((l) => l.style.dash)).size).toBe(3);
  });
  it('keeps end labels apart when the last values are close', () => {
    const [b, c] = [m.lines[1].label!.y, m.lines[2].label!.y];
    expect(Math.abs(b - c)).toBeGreaterThanOrEqual(14);
  });
  it('renders an SVG with each point titled with its interval and n', () => {
    const svg = compareSvg(m, 'cap');
    expect(svg).toMatch(/^<svg class="cmp-svg"/);
    expect(svg).toContain('aria-labelledby="cap"');
    expect(svg).toContain('<title>Pesanggaran, Februari 2024: 20,0% (18,0–22,0); n = 100</title>');
    expect(svg.match(/class="cmp-line"/g)).toHaveLength(3);
  });
});
