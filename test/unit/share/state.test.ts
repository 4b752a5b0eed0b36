import { describe, expect, it } from 'vitest';
import {
  coverageOptions,
  defaultTrend,
  mapStateFromQuery,
  withCoverage,
  embedId,
  embedsOf,
  permalink,
  trendFromQuery,
  trendToQuery,
  viewFromUrl,
  viewHref,
  type ShareOptions,
  type View,
} from '../../../src/lib/share/state.ts';

const o: ShareOptions = {
  periods: ['2024-02', '2024-08', '2025-02', '2025-08'],
  indicators: ['stunting', 'severe_stunting', 'wasting', 'severe_wasting', 'underweight', 'overweight'],
  levels: ['kecamatan', 'desa'],
  areas: new Set(['35.10', '35.10.01', '35.10.01.2001']),
  region: '35.10',
};

describe('trend state', () => {
  it('defaults to stunting and writes nothing for the default', () => {
    expect(defaultTrend(o)).toEqual({ indicator: 'stunting' });
    expect(trendToQuery({ indicator: 'stunting' }, o)).toBe('');
  });
  it.each(['wasting', 'overweight', 'severe_stunting'] as const)('round-trips %s', (indicator) => {
    const q = trendToQuery({ indicator }, o);
    expect(q).toBe(`?indikator=${indicator}`);
    expect(trendFromQuery(q, o)).toEqual({ state: { indicator }, invalid: [] });
  });
  it('reads the English alias, case and dashes', () => {
    expect(trendFromQuery('?indicator=Severe-Wasting', o).state.indicator).toBe('severe_wasting');
  });
  it.each(['?indikator=obesity', '?indikator=', '?indikator=%E0%A4%A', '?indikator=<script>'])('falls back to the default for %s without throwing', (q) => {
    const r = trendFromQuery(q, o);
    expect(r.state.indicator).toBe('stunting');
    expect(r.invalid).toEqual(['indikator']);
  });
  it('ignores unrelated keys', () => {
    expect(trendFromQuery('?utm_source=x&fbclid=1', o)).toEqual({ state: { indicator: 'stunting' }, invalid: [] });
  });
});

describe('views and URLs', () => {
  const views: View[] = [
    { kind: 'overview' },
    { kind: 'map', state: { level: 'desa', indicator: 'stunting', period: '2025-08', area: null } },
    { kind: 'map', state: { level: 'kecamatan', indicator: 'wasting', period: '2024-02', area: '35.10.01' } },
    { kind: 'embed-map', state: { level: 'desa', indicator: 'overweight', period: '2025-02', area: '35.10.01.2001' } },
    { kind: 'area', code: '35.10.01', trend: { indicator: 'stunting' } },
    { kind: 'embed-trend', code: '35.10.01.2001', trend: { indicator: 'underweight' } },
  ];
  it.each(views.flatMap((v) => (['id', 'en'] as const).map((lang) => [v, lang] as const)))('viewFromUrl(permalink(v)) restores %j (%s)', (v, lang) => {
    for (const base of ['/', '/stunting/']) {
      const url = new URL(permalink(v, lang, o, 'https://data.example.id', base));
      const back = viewFromUrl(url.pathname, url.search, o, base);
      expect(back).toEqual({ view: v, lang, invalid: [] });
    }
  });
  it('writes a clean URL for the default map view and the default trend', () => {
    expect(viewHref({ kind: 'map', state: { level: 'desa', indicator: 'stunting', period: '2025-08', area: null } }, 'id', o)).toBe('/peta/');
    expect(viewHref({ kind: 'embed-trend', code: '35.10', trend: { indicator: 'stunting' } }, 'en', o, '/x/')).toBe('/x/en/embed/tren/35.10/');
  });
  it('an outdated period and an unknown area fall back to the defaults and are reported', () => {
    const r = viewFromUrl('/peta/', '?periode=2019-02&wilayah=99.99.99&indikator=stunting&tingkat=provinsi', o);
    expect(r?.view).toEqual({ kind: 'map', state: { level: 'desa', indicator: 'stunting', period: '2025-08', area: null } });
    expect(r?.invalid.sort()).toEqual(['periode', 'tingkat', 'wilayah']);
  });
  it('returns null for pages that are not views and for areas that do not exist', () => {
    expect(viewFromUrl('/metodologi/', '', o)).toBeNull();
    expect(viewFromUrl('/wilayah/99.99/', '', o)).toBeNull();
    expect(viewFromUrl('/wilayah/not-a-code/', '', o)).toBeNull();
  });
  it('embedsOf lists the embeds of each page', () => {
    expect(embedsOf({ kind: 'overview' }, o).map((v) => v.kind)).toEqual(['embed-trend', 'embed-map']);
    expect(embedsOf({ kind: 'area', code: '35.10.01', trend: { indicator: 'wasting' } }, o)).toEqual([{ kind: 'embed-trend', code: '35.10.01', trend: { indicator: 'wasting' } }]);
  });
  it('embedId is stable and readable', () => {
    expect(embedId({ kind: 'embed-trend', code: '35.10.01', trend: { indicator: 'stunting' } })).toBe('tren-35.10.01-stunting');
    expect(embedId({ kind: 'embed-map', state: { level: 'desa', indicator: 'wasting', period: '2025-08', area: null } })).toBe('peta-desa-wasting-2025-08');
  });
});

describe('map views of convergence indicators', () => {
  const cov = coverageOptions({ periods: ['2024-08', '2025-08'], indicators: [{ id: 'imunisasi_dasar' }, { id: 'sanitasi' }] as never })!;
  const oc = withCoverage(o, cov);
  it('adds the convergence ids with their own periods, and nothing without convergence figures', () => {
    expect(cov).toEqual({ ids: ['imunisasi_dasar', 'sanitasi'], periods: ['2024-08', '2025-08'] });
    expect(oc.indicators.slice(-2)).toEqual(['imunisasi_dasar', 'sanitasi']);
    expect(oc.indicatorPeriods).toEqual({ imunisasi_dasar: ['2024-08', '2025-08'], sanitasi: ['2024-08', '2025-08'] });
    expect(withCoverage(o, undefined)).toBe(o);
    expect(coverageOptions(null)).toBeUndefined();
    expect(coverageOptions({ periods: [], indicators: [] })).toBeUndefined();
  });
  it('an embed code of a convergence view keeps its indicator (without them it fell back to stunting)', () => {
    const q = '?indikator=sanitasi&periode=2024-08&tingkat=kecamatan';
    expect(mapStateFromQuery(q, o).state.indicator).toBe('stunting');
    const { state, invalid } = mapStateFromQuery(q, oc);
    expect([state.indicator, state.period, state.level, invalid]).toEqual(['sanitasi', '2024-08', 'kecamatan', []]);
    expect(viewHref({ kind: 'embed-map', state }, 'en', oc)).toBe('/en/embed/peta/?tingkat=kecamatan&indikator=sanitasi&periode=2024-08');
    // A period the indicator has no figures for falls back to its latest.
    expect(mapStateFromQuery('?indikator=sanitasi&periode=2025-02', oc).state.period).toBe('2025-08');
    expect(embedId({ kind: 'embed-map', state })).toBe('peta-kecamatan-sanitasi-2024-08');
  });
});
