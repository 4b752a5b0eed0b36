/**
 * Indicators are data: a made-up indicator added as one definition, with its rows in the coverage input, reaches
 * the tidy CSV, the area file, the map file, the definitions file and the area page's section, with no other code.
 */
import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/lib/areas.ts';
import { readAreaListText } from '../../scripts/lib/areas-file.ts';
import { COVERAGE_INDICATORS, type CoverageIndicator } from '../../src/lib/indicators/coverage-defs.ts';
import { parseCoverage, parseCoverageTargets } from '../../src/lib/inputs/coverage.ts';
import { coverageTable } from '../../src/lib/aggregate/coverage.ts';
import { coverageFiles, type CoverageAreaJson, type CoverageMetaJson } from '../../src/lib/publish/coverage.ts';
import { convergenceView } from '../../src/lib/site/convergence-view.ts';
import { mapCells, mapIndicators } from '../../src/lib/site/map-indicator.ts';
import { buildSearchIndex, indexedIndicators, indicatorLinks, searchIndex } from '../../src/lib/site/search-index.ts';
import { coverageOptions, mapStateFromQuery, viewHref, withCoverage } from '../../src/lib/share/state.ts';
import { coverageTrend } from '../../src/lib/site/coverage-trend.ts';
import { coverageMapOfPath, coverageOgInput } from '../../src/lib/share/social.ts';
import type { Meta } from '../../src/lib/site/contract.ts';

const registry = parseRegistry(readAreaListText(), '18.72');
const areas = [registry.region, ...registry.kecamatan, ...registry.desa].sort((a, b) => (a.code < b.code ? -1 : 1));

const madeUp: CoverageIndicator = {
  id: 'kelas_ayah',
  group: 'sensitive',
  name: { id: 'Ayah ikut kelas pengasuhan', en: 'Fathers in parenting classes' },
  definition: { id: 'Persentase ayah balita yang mengikuti kelas pengasuhan', en: 'Share of fathers of under-fives attending a parenting class' },
  numerator: { id: 'Ayah yang ikut kelas', en: 'Fathers attending' },
  denominator: { id: 'Ayah balita', en: 'Fathers of under-fives' },
  direction: 'higher_better',
  source: 'counts',
  unit: 'percent',
  counts: 'people',
  citation: 'Contoh uji / test example',
};
const defs = [...COVERAGE_INDICATORS, madeUp];

describe('a made-up indicator, from its definition and its input alone', () => {
  const input = ['kode,period,indicator,numerator,denominator', ...registry.desa.map((d, i) => `${d.code},2025-08,kelas_ayah,${10 + i},${40 + i}`)].join('\n');
  const parsed = parseCoverage(input, 'konvergensi/ayah.csv', registry, defs);
  const targets = parseCoverageTargets('indicator,year,target,source\nkelas_ayah,2025,50,Rencana Aksi Daerah (contoh)\n', 'target.csv', defs);
  const table = coverageTable(parsed.rows, areas, defs, 10);
  const files = coverageFiles({ table, areas, defs, targets: targets.rows, suppressionMin: 10 });

  it('is unknown without its definition', () => {
    expect(parseCoverage(input, 'x.csv', registry, COVERAGE_INDICATORS).problems[0].message).toBe('Indikator tidak dikenal / Unknown indicator');
  });

  it('is in the tidy CSV: one row per area, summed upwards', () => {
    expect(parsed.problems).toEqual([]);
    const rows = files.get('konvergensi.csv')!.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(areas.length);
    const kab = rows.find((r) => r[0] === '18.72')!;
    const n = registry.desa.length;
    expect(kab.slice(4, 7)).toEqual(['kelas_ayah', String(n * 10 + (n * (n - 1)) / 2), String(n * 40 + (n * (n - 1)) / 2)]);
  });

  it('is in the map file of its level and in the definitions with its target and source', () => {
    const map = JSON.parse(files.get('konvergensi-map/kecamatan/2025-08.json')!);
    expect(map.values['18.72.01'].kelas_ayah.status).toBe('ok');
    const meta = JSON.parse(files.get('konvergensi-meta.json')!) as CoverageMetaJson;
    expect(meta.indicators.map((d) => d.id)).toEqual(['kelas_ayah']);
    expect(meta.indicators[0].targets).toEqual([{ year: 2025, target: 50, source: 'Rencana Aksi Daerah (contoh)' }]);
  });

  it('is an indicator of the map explorer, drawn from its map file', () => {
    const meta = JSON.parse(files.get('konvergensi-meta.json')!) as CoverageMetaJson;
    const ind = mapIndicators({ indicators: [], periods: [] }, meta, 'en').find((i) => i.id === 'kelas_ayah')!;
    expect([ind.kind, ind.label, ind.periods, ind.targets]).toEqual(['coverage', 'Fathers in parenting classes', ['2025-08'], [{ year: 2025, target: 50, source: 'Rencana Aksi Daerah (contoh)' }]]);
    const map = JSON.parse(files.get('konvergensi-map/desa/2025-08.json')!);
    const cells = mapCells('coverage', map.values) as Record<string, Record<string, { n: number; cases: number; status: string }>>;
    expect(cells[registry.desa[0].code].kelas_ayah).toMatchObject({ n: 40, cases: 10, status: 'ok' });
  });

  it('is on the area page section, in both languages, against its target', () => {
    const meta = JSON.parse(files.get('konvergensi-meta.json')!) as CoverageMetaJson;
    const area = JSON.parse(files.get('konvergensi/18.72.01.1001.json')!) as CoverageAreaJson;
    for (const lang of ['id', 'en'] as const) {
      const view = convergenceView(meta, area, lang)!;
      const row = view.groups.flatMap((g) => g.rows).find((r) => r.id === 'kelas_ayah')!;
      expect(row.name).toBe(madeUp.name[lang]);
      expect(row.counts).toBe('10 / 40');
      expect(row.meets).toBe(false);
      expect(row.target!.label).toContain('Rencana Aksi Daerah (contoh)');
    }
  });

  it('is found by the search in both languages, with its map view and its definition', () => {
    const meta = JSON.parse(files.get('konvergensi-meta.json')!) as CoverageMetaJson;
    const ix = buildSearchIndex(areas.map((a) => ({ code: a.code, name: a.name, level: a.level, parent: a.parent, kind: a.kind, lokus: [] })), indexedIndicators([], meta.indicators));
    for (const q of ['kelas pengasuhan', 'parenting']) {
      const hit = searchIndex(ix, q).find((h) => h.kind === 'indicator');
      expect(hit?.row[0], q).toBe('kelas_ayah');
      if (hit?.kind === 'indicator') expect(indicatorLinks(hit.row)).toEqual({ map: '/peta/?indikator=kelas_ayah', definition: '/metodologi/#k-kelas_ayah' });
    }
  });

  it('is a view of the map embed whose code keeps it, and has a trend chart with its target', () => {
    const meta = JSON.parse(files.get('konvergensi-meta.json')!) as CoverageMetaJson;
    const opts = withCoverage({ periods: ['2024-08', '2025-08'], indicators: ['stunting'], levels: ['kecamatan', 'desa'] }, coverageOptions(meta));
    const { state, invalid } = mapStateFromQuery('?indikator=kelas_ayah&periode=2024-08', opts);
    // Its own periods only: 2024-08 falls back to its latest.
    expect([state.indicator, state.period, invalid]).toEqual(['kelas_ayah', '2025-08', []]);
    expect(viewHref({ kind: 'embed-map', state }, 'id', opts)).toBe('/embed/peta/?indikator=kelas_ayah');
    const file = JSON.parse(files.get('konvergensi/18.72.01.1001.json')!) as CoverageAreaJson;
    const desa = areas.find((a) => a.code === '18.72.01.1001')!;
    const trend = coverageTrend(meta.indicators[0], { ...desa, kind: desa.kind }, file, meta.periods, 'id');
    expect(trend.series.periods['2025-08'].indicators[trend.key]).toMatchObject({ n: 40, cases: 10, prevalence: 25, status: 'ok' });
    expect(trend.targets).toEqual([{ year: 2025, value: 50, label: 'Target 2025', long: 'Target 2025 (Rencana Aksi Daerah (contoh))' }]);
    expect(trend.counts).toEqual({ '2025-08': '10 / 40' });
  });

  it('has the link preview of its map pages', () => {
    const meta = JSON.parse(files.get('konvergensi-meta.json')!) as CoverageMetaJson;
    expect(coverageMapOfPath('/peta/desa/kelas_ayah/2025-08/', meta)).toEqual({ indicator: 'kelas_ayah', period: '2025-08' });
    const site = { title: { id: 'Data', en: 'Data' }, region: { code: '18.72', name: 'Kota Metro' }, publisher: { name: 'Dinkes' }, licence: { id: 'CC-BY-4.0' }, synthetic: false } as unknown as Meta;
    const map = JSON.parse(files.get('konvergensi-map/desa/2025-08.json')!);
    const region = JSON.parse(files.get('konvergensi/18.72.json')!) as CoverageAreaJson;
    const og = coverageOgInput({ meta: site, coverage: meta, indicator: 'kelas_ayah', period: '2025-08', region, desa: map.values, lang: 'en', host: '' });
    expect(og.areaTitle).toBe('Fathers in parenting classes');
    expect(og.valueNote).toContain('Target 2025: 50%');
    expect(og.classes!.items.reduce((n, i) => n + i.count, 0)).toBe(registry.desa.length);
  });
});
