import { describe, expect, it } from 'vitest';
import type { AreaJson, MapAreaValues } from './contract.ts';
import { mapRows } from './map-model.ts';
import { explorerTexts, explorerUrl, stateFromControls } from './map-explorer.ts';
import { parentColumnLevel, type MapState, type MapStateOptions } from './map-state.ts';

const o: MapStateOptions = { periods: ['2025-02', '2025-08'], indicators: ['stunting', 'wasting'], levels: ['kecamatan', 'desa'] };
const site: MapState = { level: 'desa', indicator: 'stunting', period: '2025-08', area: null };
const here = { pathname: '/peta/', hash: '' };

describe('stateFromControls', () => {
  const current: MapState = { ...site, area: '35.10.01.2001' };
  it('reads the controls and keeps the selected area on the same level', () => {
    const v: Record<string, string> = { tingkat: 'desa', indikator: 'wasting', periode: '2025-02' };
    expect(stateFromControls((k) => v[k], o, current)).toEqual({ state: { level: 'desa', indicator: 'wasting', period: '2025-02', area: '35.10.01.2001' }, levelChanged: false });
  });
  it('drops the selected area when the level changes', () => {
    const v: Record<string, string> = { tingkat: 'kecamatan', indikator: 'stunting', periode: '2025-08' };
    expect(stateFromControls((k) => v[k], o, current)).toEqual({ state: { level: 'kecamatan', indicator: 'stunting', period: '2025-08', area: null }, levelChanged: true });
  });
  it('falls back to the defaults for values it does not know', () => {
    const { state } = stateFromControls(() => 'nonsense', o, current);
    expect(state).toMatchObject({ level: 'desa', indicator: 'stunting', period: '2025-08' });
  });
});

describe('explorerUrl', () => {
  it('writes a clean URL for the default view and only what differs otherwise', () => {
    expect(explorerUrl(site, o, site, here)).toBe('/peta/');
    expect(explorerUrl({ ...site, area: '35.10.01', smoothed: true }, o, site, { pathname: '/peta/', hash: '#x' })).toBe('/peta/?wilayah=35.10.01&nilai=terhaluskan#x');
  });
  it('keeps a static state page on its own path while the view is the one it rendered', () => {
    const rendered: MapState = { level: 'kecamatan', indicator: 'wasting', period: '2025-02', area: null };
    const page = { pathname: '/peta/kecamatan/wasting/2025-02/', hash: '' };
    expect(explorerUrl({ ...rendered, area: '35.10.01' }, o, rendered, page, '/peta/')).toBe('/peta/kecamatan/wasting/2025-02/?wilayah=35.10.01');
    // Another view goes to the explorer's path, relative to the site's defaults.
    expect(explorerUrl({ ...rendered, period: '2025-08' }, o, rendered, page, '/peta/')).toBe('/peta/?tingkat=kecamatan&indikator=wasting');
    // Without an explorer path the page's own path is used.
    expect(explorerUrl({ ...rendered, period: '2025-08' }, o, rendered, page)).toBe('/peta/kecamatan/wasting/2025-02/?tingkat=kecamatan&indikator=wasting');
  });
});

describe('explorerTexts', () => {
  const areas: AreaJson[] = [
    { code: '35.10.01', name: 'Kec A', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
    { code: '35.10.01.2001', name: 'Desa <B>', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [2025] },
    { code: '35.10.01.2002', name: 'Desa C', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  ];
  const values: Record<string, MapAreaValues> = { '35.10.01.2001': { stunting: { n: 100, cases: 32, prevalence: 32, ci_low: 24, ci_high: 41, status: 'ok' } } };
  const rows = mapRows({ areas, values, indicator: 'stunting', level: 'desa', period: '2025-08', parentNames: { '35.10.01': 'Kec A' }, quality: { '35.10.01.2002': 'lemah' } });
  const opts = { indicatorLabel: 'Stunting', levelWord: 'desa/kelurahan', areaHref: (c: string) => `/wilayah/${c}/`, mapLevels: ['kecamatan', 'desa'] as const };

  it('captions the view in the reader’s language', () => {
    expect(explorerTexts(rows, site, { ...opts, lang: 'id' }).title).toBe('Stunting per desa/kelurahan, Agustus 2025');
    expect(explorerTexts(rows, site, { ...opts, lang: 'en', levelWord: 'village' }).title).toBe('Stunting by village, August 2025');
  });

  it('lists the lokus and weak-quality rows in the legend on a desa map only', () => {
    const t = explorerTexts(rows, site, { ...opts, lang: 'id' });
    expect(t.legendHtml).toContain('chm-sw lk');
    expect(t.legendHtml).toContain('chm-q');
    expect(t.smoothedLegendHtml).toContain('chm-sw lk');
    const kec = explorerTexts(rows, { ...site, level: 'kecamatan' }, { ...opts, lang: 'id' });
    expect(kec.legendHtml).not.toContain('chm-sw lk');
  });

  it('links and escapes each area in the table rows, with the kecamatan on a desa map', () => {
    const t = explorerTexts(rows, site, { ...opts, lang: 'id' });
    expect(t.tableRowsHtml.match(/<tr /g)).toHaveLength(2);
    expect(t.tableRowsHtml).toContain('<a href="/wilayah/35.10.01.2001/">Desa &#60;B&#62;</a>');
    expect(t.tableRowsHtml).toContain('<td>Kec A</td>');
    expect(t.summary).toContain('2 wilayah');
    expect(t.note.length).toBeGreaterThan(0);
  });
  it('names each kecamatan’s kab/kota on a province site, and no parent for a kab/kota site’s kecamatan', () => {
    const prov: AreaJson[] = [
      { code: '35.07', name: 'Kab. Malang', level: 'kabupaten', parent: '35', kind: 'kabupaten', lokus: [] },
      { code: '35.07.01', name: 'Kec Sumberpucung', level: 'kecamatan', parent: '35.07', kind: 'kecamatan', lokus: [] },
    ];
    const names = { '35.07': 'Kab. Malang' };
    const kecRows = mapRows({ areas: prov, values: {}, indicator: 'stunting', level: 'kecamatan', period: '2025-08', parentNames: names, quality: {} });
    const kec = { ...site, level: 'kecamatan' as const };
    const inProvince = explorerTexts(kecRows, kec, { ...opts, lang: 'id', mapLevels: ['kabupaten', 'kecamatan'] });
    expect(inProvince.tableRowsHtml).toContain('<td>Kab. Malang</td>');
    const inKab = explorerTexts(kecRows, kec, { ...opts, lang: 'id' });
    expect(inKab.tableRowsHtml).not.toContain('<td>Kab. Malang</td>');
    expect(parentColumnLevel('kecamatan', ['kabupaten', 'kecamatan'])).toBe('kabupaten');
    expect(parentColumnLevel('kecamatan', ['kecamatan', 'desa'])).toBeNull();
    expect(parentColumnLevel('kabupaten', ['kabupaten', 'kecamatan'])).toBeNull();
    expect(parentColumnLevel('desa', ['kecamatan', 'desa'])).toBe('kecamatan');
  });
});
