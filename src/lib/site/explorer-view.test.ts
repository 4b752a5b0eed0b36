import { describe, expect, it } from 'vitest';
import type { AreaJson, MapAreaValues, Meta } from './contract.ts';
import type { Level } from '../types.ts';
import { explorerView } from './explorer-view.ts';

const meta = {
  periods: ['2025-02', '2025-08'],
  latest_period: '2025-08',
  levels: ['kabupaten', 'kecamatan', 'desa'],
  indicators: [
    { id: 'stunting', label: { id: 'Stunting (pendek)', en: 'Stunting (short)' } },
    { id: 'wasting', label: { id: 'Wasting (gizi kurang)', en: 'Wasting' } },
  ],
} as unknown as Meta;
const areas: AreaJson[] = [
  { code: '35.10.01', name: 'Kec A', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Desa 1', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
];
const ok = (p: number) => ({ n: 100, cases: p, prevalence: p, ci_low: p - 3, ci_high: p + 3, status: 'ok' as const });
const asked: string[] = [];
const mapValues = (level: Level, period: string): Record<string, MapAreaValues> => {
  asked.push(`${level}/${period}`);
  return { '35.10.01': { stunting: ok(20), wasting: ok(5) }, '35.10.01.2001': { stunting: ok(30) } };
};
const input = { lang: 'id' as const, meta, areas, mapValues, qualityAreas: null, base: '/' };

describe('explorerView', () => {
  it('renders the site default (desa, stunting, latest period) on the explorer itself', () => {
    asked.length = 0;
    const v = explorerView(input);
    expect(v.state).toEqual({ level: 'desa', indicator: 'stunting', period: '2025-08', area: null });
    expect(asked).toEqual(['desa/2025-08']);
    expect(v.mapState).toBeUndefined();
    expect(v.sharePath).toBe('/peta/');
    expect(v.explorerDefaults).toEqual({ level: 'desa', indicator: 'stunting', period: '2025-08' });
    expect(v.tableCaption).toBe('Stunting (pendek) per desa/kelurahan, Agustus 2025');
    expect(v.tableRowsHtml).toContain('<td>Kec A</td>');
  });

  it('renders a static state page and links the views that differ in one control', () => {
    const v = explorerView({ ...input, lang: 'en', given: { level: 'kecamatan', indicator: 'wasting', period: '2025-02' } });
    expect(v.state).toEqual({ level: 'kecamatan', indicator: 'wasting', period: '2025-02', area: null });
    expect(v.mapState).toBe(v.state);
    expect(v.sharePath).toBe('/peta/kecamatan/wasting/2025-02/');
    expect(v.explorerPath).toBe('/en/peta/');
    expect(v.dataPath).toBe('/en/data/');
    expect(v.linkGroups.map((g) => g.legend)).toEqual(['Level', 'Indicator', 'Period']);
    expect(v.linkGroups[0].items).toEqual([
      { value: 'kecamatan', href: '/en/peta/kecamatan/wasting/2025-02/', text: 'District (kecamatan)', current: true },
      { value: 'desa', href: '/en/peta/desa/wasting/2025-02/', text: 'Village (desa/kelurahan)', current: false },
    ]);
    // Links carry the short label; the select keeps the full one. Latest period first.
    expect(v.linkGroups[1].items.map((i) => i.text)).toEqual(['Stunting', 'Wasting']);
    expect(v.options.indicator.flatMap((g) => g.items).map((i) => i.text)).toEqual(['Stunting (short)', 'Wasting']);
    expect(v.options.period.map((p) => [p.value, p.current])).toEqual([['2025-08', false], ['2025-02', true]]);
    expect(v.tableCaption).toBe('Wasting by district (kecamatan), February 2025');
    expect(v.tableRowsHtml).not.toContain('<td>Kec A</td>');
  });
});
