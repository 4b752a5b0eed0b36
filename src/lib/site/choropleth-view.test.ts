import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { AreaJson, MapAreaValues, Meta } from './contract.ts';
import { choroplethView } from './choropleth-view.ts';

/** A square near Banyuwangi (lng, lat; sides exact in binary, so neighbours share arcs) as a polygon with the area's code as id. */
const square = (id: string, x: number, y: number, size = 0.125) => ({
  type: 'Feature' as const,
  id,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]]] } as Polygon,
});
const desa: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square('35.10.01.2001', 114, -8.5), square('35.10.01.2002', 114.125, -8.5), square('35.10.02.2001', 114.25, -8.5)],
};
const topo = topology({ desa }) as unknown as Topology;

const meta = {
  periods: ['2025-02', '2025-08'],
  latest_period: '2025-08',
  levels: ['kabupaten', 'kecamatan', 'desa'],
  indicators: [{ id: 'stunting', label: { id: 'Stunting (pendek)', en: 'Stunting (short)' } }],
} as unknown as Meta;
const areas: AreaJson[] = [
  { code: '35.10.01', name: 'Kec A', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.02', name: 'Kec B', level: 'kecamatan', parent: '35.10', kind: 'kecamatan', lokus: [] },
  { code: '35.10.01.2001', name: 'Desa <1>', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [2025] },
  { code: '35.10.01.2002', name: 'Desa 2', level: 'desa', parent: '35.10.01', kind: 'desa', lokus: [] },
  { code: '35.10.02.2001', name: 'Desa 3', level: 'desa', parent: '35.10.02', kind: 'desa', lokus: [] },
];
const ok = (p: number, smoothed?: number) => ({ n: 100, cases: p, prevalence: p, ci_low: p - 3, ci_high: p + 3, status: 'ok' as const, ...(smoothed === undefined ? {} : { smoothed_prevalence: smoothed, smoothed_ci_low: smoothed - 1, smoothed_ci_high: smoothed + 1 }) });
const values: Record<string, MapAreaValues> = { '35.10.01.2001': { stunting: ok(32) }, '35.10.02.2001': { stunting: ok(8) } };
const qualityAreas = { '35.10.01.2002': { '2025-08': { status: 'ok', grade: 'lemah' } } };
const data = { meta, areas, values, topology: topo, qualityAreas, base: '/stunting/' };
const props = { level: 'desa' as const, period: '2025-08', indicator: 'stunting' as const, lang: 'id' as const };

describe('choroplethView', () => {
  it('fills in the defaults and names the map by indicator, level and period', () => {
    const v = choroplethView(props, data);
    expect(v).toMatchObject({ interactive: true, legend: true, table: true, explorer: false, width: 800, detail: 0.25, id: 'peta-desa-all', smoothed: false, highlight: null, parent: null });
    expect(v.title).toBe('Stunting (pendek) per desa/kelurahan, Agustus 2025');
    expect(choroplethView({ ...props, lang: 'en' }, data).title).toBe('Stunting (short) by village, August 2025');
    expect(choroplethView({ ...props, caption: 'Peta saya' }, data).title).toBe('Peta saya');
    expect(choroplethView({ ...props, parent: '35.10.01' }, data).id).toBe('peta-desa-35-10-01');
  });

  it('draws one linked, escaped path per area with its tooltip, the borders and the lokus dot', () => {
    const v = choroplethView(props, data);
    expect(v.viewBox).toBe(`0 0 800 ${v.height}`);
    expect(v.svgHtml.match(/<a class="a"/g)).toHaveLength(3);
    expect(v.svgHtml).toContain('href="/stunting/wilayah/35.10.01.2001/"');
    expect(v.svgHtml).toContain('<title>Desa &#60;1&#62; (Kec. Kec A) · ');
    expect(v.svgHtml).toContain('<path class="kb"');
    expect(v.svgHtml).toContain('<path class="ob"');
    expect(v.svgHtml.match(/<circle class="lk"/g)).toHaveLength(1);
    expect(v.svgHtml).not.toContain('class="hl"');
    expect(choroplethView({ ...props, highlight: '35.10.02.2001' }, data).svgHtml).toContain('<path class="hl"');
  });

  it('says in words that the highlighted area has no shape (a desa without a polygon), instead of drawing nothing', () => {
    const withoutShape: AreaJson = { code: '35.10.02.2002', name: 'Desa Tanpa Batas', level: 'desa', parent: '35.10.02', kind: 'desa', lokus: [] };
    const d = { ...data, areas: [...areas, withoutShape] };
    const v = choroplethView({ ...props, parent: '35.10.02', highlight: withoutShape.code }, d);
    expect(v.svgHtml).not.toContain('class="hl"');
    expect(v.svgHtml.match(/<a class="a"/g)).toHaveLength(1);
    expect(v.noShape).toBe('Batas wilayah Desa Tanpa Batas tidak tersedia, sehingga tidak tergambar di peta ini. Angkanya tetap diterbitkan di halaman ini.');
    expect(choroplethView({ ...props, lang: 'en', parent: '35.10.02', highlight: withoutShape.code }, d).noShape).toMatch(/^The boundary of Desa Tanpa Batas is not available/);
    expect(choroplethView({ ...props, highlight: '35.10.02.2001' }, data).noShape).toBeNull();
    expect(choroplethView(props, data).noShape).toBeNull();
  });

  it('keeps the aspect within its bounds (a wide strip is drawn at least 0.45 as high as wide)', () => {
    const v = choroplethView(props, data);
    expect(v.height).toBe(Math.round(800 * 0.45));
  });

  it('maps only the children of a parent, without kecamatan borders', () => {
    const v = choroplethView({ ...props, parent: '35.10.02' }, data);
    expect(v.svgHtml.match(/<a class="a"/g)).toHaveLength(1);
    expect(v.svgHtml).not.toContain('class="kb"');
  });

  it('counts the legend, marks weak quality and writes the table only when asked', () => {
    const v = choroplethView(props, data);
    expect(v.hasSmoothed).toBe(false);
    expect(v.legends).toHaveLength(1);
    expect(v.legends[0].variant).toBeNull();
    expect(v.legends[0].counts.very_high).toBe(1);
    expect(v.lokusCount).toBe(1);
    expect(v.weakCount).toBe(1);
    expect(v.tableRowsHtml.match(/<tr /g)).toHaveLength(3);
    const noTable = choroplethView({ ...props, table: false }, data);
    expect(noTable.tableRowsHtml).toBe('');
    expect(noTable.weakCount).toBeNull();
    expect(choroplethView({ ...props, table: false, explorer: true }, data).weakCount).toBe(1);
    expect(choroplethView({ ...props, level: 'kecamatan' }, { ...data, topology: topology({ kecamatan: desa }) as unknown as Topology }).lokusCount).toBeNull();
  });

  it('adds the smoothed legend when the values carry smoothed figures', () => {
    const v = choroplethView(props, { ...data, values: { ...values, '35.10.02.2001': { stunting: ok(8, 12) } } });
    expect(v.hasSmoothed).toBe(true);
    expect(v.legends.map((l) => l.variant)).toEqual(['raw', 'smoothed']);
    expect(v.legends[1].counts.medium).toBe(1);
  });

  it('configures the interactive map: data path under the base, the map levels, weak areas per period', () => {
    const v = choroplethView({ ...props, basemap: 'https://tiles/{z}/{x}/{y}.png' }, data);
    expect(v.config).toMatchObject({ data: '/stunting/data/v1/', areaHref: '/stunting/wilayah/', basemap: 'https://tiles/{z}/{x}/{y}.png', basemapAttribution: null, levels: ['kecamatan', 'desa'], indicators: [{ id: 'stunting', label: 'Stunting (pendek)' }], width: 800, height: v.height });
    expect(Object.keys(v.config.quality)).toEqual(['2025-08']);
    expect(v.config.quality['2025-08']).toEqual({ '35.10.01.2002': 'lemah' });
    const ex = choroplethView({ ...props, explorer: true, lang: 'en' }, { ...data, meta: { ...meta, basemap: { tiles: 't', attribution: 'a' } } });
    expect(Object.keys(ex.config.quality)).toEqual(['2025-02', '2025-08']);
    expect(ex.config).toMatchObject({ areaHref: '/stunting/en/wilayah/', basemap: 't', basemapAttribution: 'a' });
    expect(ex.T.table).toBe('Show as a table');
  });

  it('carries the weak-quality marks of the areas the map can show only (a province report has ≈9,200 areas)', () => {
    const weak = { status: 'ok', grade: 'lemah' };
    const qa = { '35.10': { '2025-08': weak }, '35.10.01': { '2025-08': weak }, '35.10.01.2002': { '2025-08': weak }, '35.10.02.2001': { '2025-08': weak } };
    const desa = choroplethView(props, { ...data, qualityAreas: qa });
    expect(desa.config.quality['2025-08']).toEqual({ '35.10.01.2002': 'lemah', '35.10.02.2001': 'lemah' });
    const within = choroplethView({ ...props, parent: '35.10.01' }, { ...data, qualityAreas: qa });
    expect(within.config.quality['2025-08']).toEqual({ '35.10.01.2002': 'lemah' });
    const ex = choroplethView({ ...props, explorer: true }, { ...data, qualityAreas: qa });
    expect(ex.config.quality['2025-08']).toEqual({ '35.10.01': 'lemah', '35.10.01.2002': 'lemah', '35.10.02.2001': 'lemah' });
  });
});
