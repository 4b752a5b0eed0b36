import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultState, fromQuery, mapLevels, toQuery, type MapState, type MapStateOptions, stateFromPath, statePath, staticStates } from './map-state.ts';
import { INDICATORS } from '../types.ts';

const periods = ['2024-02', '2024-08', '2025-02', '2025-08'];
const areas = ['35.10', '35.10.01', '35.10.01.2001', '35.10.01.2002', '35.10.02.1001'];
const o: MapStateOptions = { periods, indicators: INDICATORS, areas: new Set(areas) };

describe('map state in the URL', () => {
  it('defaults to desa, stunting and the latest period, with a clean URL', () => {
    expect(defaultState(o)).toEqual({ level: 'desa', indicator: 'stunting', period: '2025-08', area: null });
    expect(toQuery(defaultState(o), o)).toBe('');
    expect(fromQuery('', o)).toEqual({ state: defaultState(o), invalid: [] });
  });

  it('writes only what differs from the defaults, with the Indonesian keys', () => {
    const s: MapState = { level: 'kecamatan', indicator: 'wasting', period: '2025-08', area: '35.10.01' };
    expect(toQuery(s, o)).toBe('?tingkat=kecamatan&indikator=wasting&wilayah=35.10.01');
  });

  it('reads the documented example', () => {
    const { state, invalid } = fromQuery('?tingkat=desa&indikator=stunting&periode=2025-02&wilayah=35.10.01.2001', o);
    expect(invalid).toEqual([]);
    expect(state).toEqual({ level: 'desa', indicator: 'stunting', period: '2025-02', area: '35.10.01.2001' });
  });

  it('carries the smoothed colouring as nilai=terhaluskan (value=smoothed read too), and rejects other values', () => {
    const s: MapState = { ...defaultState(o), smoothed: true };
    expect(toQuery(s, o)).toBe('?nilai=terhaluskan');
    expect(fromQuery('?nilai=terhaluskan', o)).toEqual({ state: s, invalid: [] });
    expect(fromQuery('?value=Smoothed', o).state.smoothed).toBe(true);
    expect(fromQuery('?nilai=mentah', o)).toEqual({ state: defaultState(o), invalid: [] });
    expect(fromQuery('?nilai=halus', o)).toEqual({ state: defaultState(o), invalid: ['nilai'] });
    expect(toQuery({ ...defaultState(o), smoothed: false }, o)).toBe('');
  });

  it('reads English aliases and URLSearchParams', () => {
    const { state } = fromQuery(new URLSearchParams('level=kecamatan&indicator=severe-wasting&period=2024-02'), o);
    expect(state).toMatchObject({ level: 'kecamatan', indicator: 'severe_wasting', period: '2024-02' });
  });

  it.each([
    ['?tingkat=provinsi', ['tingkat']],
    ['?tingkat=kabupaten', ['tingkat']],
    ['?indikator=obesity', ['indikator']],
    ['?periode=2025-13', ['periode']],
    ['?periode=2019-08', ['periode']],
    ['?periode=', ['periode']],
    ['?wilayah=35.10.99.9999', ['wilayah']],
    ['?wilayah=<script>', ['wilayah']],
    ['?wilayah=%E0%A4%A', ['wilayah']],
    ['?tingkat=desa&tingkat=kecamatan', []],
    ['?foo=bar', []],
    ['?%%%', []],
  ])('falls back to the default for %s without throwing', (q, keys) => {
    const r = fromQuery(q, o);
    expect(r.invalid).toEqual(keys);
    expect(r.state.period).toMatch(/^\d{4}-\d{2}$/);
  });

  it('never throws on null or garbage', () => {
    expect(fromQuery(null, o).state).toEqual(defaultState(o));
    expect(fromQuery(undefined, o).state).toEqual(defaultState(o));
    fc.assert(fc.property(fc.string(), (q) => { fromQuery(q, o); }));
  });

  it('round-trips every valid state: fromQuery(toQuery(s)) equals s', () => {
    const state = fc.record({
      level: fc.constantFrom('kecamatan' as const, 'desa' as const),
      indicator: fc.constantFrom(...INDICATORS),
      period: fc.constantFrom(...periods),
      area: fc.option(fc.constantFrom(...areas), { nil: null }),
    });
    fc.assert(
      fc.property(state, (s) => {
        const r = fromQuery(toQuery(s, o), o);
        expect(r.invalid).toEqual([]);
        expect(r.state).toEqual(s);
      }),
    );
  });

  it('honours configured defaults and restricted levels', () => {
    const o2: MapStateOptions = { periods, indicators: ['wasting'], levels: ['kecamatan'], defaults: { period: '2024-08' } };
    expect(defaultState(o2)).toEqual({ level: 'kecamatan', indicator: 'wasting', period: '2024-08', area: null });
    expect(fromQuery('?tingkat=desa', o2).invalid).toEqual(['tingkat']);
  });

  it('maps the two levels below the region: kecamatan and desa of a kab/kota, kab/kota and kecamatan of a province', () => {
    expect(mapLevels(['kabupaten', 'kecamatan', 'desa'])).toEqual(['kecamatan', 'desa']);
    expect(mapLevels(['provinsi', 'kabupaten', 'kecamatan', 'desa'])).toEqual(['kabupaten', 'kecamatan']);
    const province: MapStateOptions = { periods, indicators: ['stunting'], levels: mapLevels(['provinsi', 'kabupaten', 'kecamatan', 'desa']) };
    expect(defaultState(province).level).toBe('kabupaten');
    expect(fromQuery('?tingkat=kecamatan', province).state.level).toBe('kecamatan');
    expect(fromQuery('?tingkat=desa', province).invalid).toEqual(['tingkat']);
    expect(defaultState({ periods, indicators: ['stunting'] }).level).toBe('desa');
  });
});

describe('static explorer pages', () => {
  const o = { periods: ['2025-02', '2025-08'], indicators: ['stunting', 'wasting'], levels: mapLevels(['kabupaten', 'kecamatan', 'desa']) };
  it('statePath names level, indicator and period', () => {
    expect(statePath({ level: 'desa', indicator: 'stunting', period: '2025-08' })).toBe('/peta/desa/stunting/2025-08/');
  });
  it('staticStates lists every mapped level × indicator × period, the kabupaten excluded', () => {
    const all = staticStates(o);
    expect(all).toHaveLength(8);
    expect(new Set(all.map(statePath)).size).toBe(8);
    expect(all.some((s) => (s.level as string) === 'kabupaten')).toBe(false);
    expect(staticStates(o, ['2025-08'])).toHaveLength(4);
  });
});

describe('the view of a static explorer page path', () => {
  it('reads level, indicator and period from the path under any base or language, and nothing from other paths', () => {
    const s = { level: 'kecamatan', indicator: 'imunisasi_dasar', period: '2024-08' } as const;
    expect(stateFromPath(statePath(s))).toEqual(s);
    expect(stateFromPath(`/sub/en${statePath(s)}`)).toEqual(s);
    expect(stateFromPath('/peta/desa/stunting/2025-08')).toEqual({ level: 'desa', indicator: 'stunting', period: '2025-08' });
    expect(stateFromPath('/en/peta/kabupaten/wasting/2024-08/')).toEqual({ level: 'kabupaten', indicator: 'wasting', period: '2024-08' });
    for (const p of ['/peta/', '/embed/peta/', '/peta/provinsi/stunting/2025-08/', '/peta/desa/Stunting/2025-8/', '/wilayah/35.10/']) expect(stateFromPath(p), p).toBeNull();
  });
  it('as defaults, a query relative to the page: an unknown indicator in the path falls back to the site default', () => {
    const page = stateFromPath('/peta/kecamatan/wasting/2024-08/')!;
    expect(fromQuery('', { ...o, defaults: page }).state).toMatchObject(page);
    expect(fromQuery('?periode=2025-02', { ...o, defaults: page }).state).toMatchObject({ ...page, period: '2025-02' });
    expect(fromQuery('', { ...o, defaults: stateFromPath('/peta/desa/nope/2024-08/')! }).state.indicator).toBe('stunting');
  });
});
