/**
 * Indicators are data, z-score side: a made-up indicator (severely underweight, WAZ < −3) added as one definition in
 * src/lib/indicators/zscore-defs.ts — nothing else — goes through the whole data build of the golden fixture and
 * reaches the tidy CSV, the area series, the map file, meta.json (label, definition), the data package, the codebook,
 * its legend classes, the map explorer and the area page's indicator table, counted by its own rule and linked to
 * underweight by the suppression audit (its cases never exceed underweight's).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZScoreIndicator } from '../../src/lib/indicators/zscore-defs.ts';

const MADE_UP = {
  id: 'severe_underweight',
  name: { id: 'Berat badan sangat kurang', en: 'Severely underweight' },
  label: { id: 'Berat badan sangat kurang (BB/U < -3 SD)', en: 'Severely underweight (weight-for-age < -3 SD)' },
  definition: { id: 'Balita dengan berat badan menurut umur di bawah −3 SD', en: 'Children whose weight-for-age is below −3 SD' },
  numerator: { id: 'Balita dengan BB/U < −3 SD', en: 'Children with weight-for-age < −3 SD' },
  denominator: { id: 'Balita dengan z-skor BB/U sah', en: 'Children with a valid weight-for-age z-score' },
  formula: 'WAZ < -3',
  rule: { z: 'zwei', side: 'below', cut: -3 },
  classes: { breaks: [1, 2, 4, 8], source: 'display' },
  source: 'zscore',
  direction: 'lower_better',
  unit: 'percent',
  citation: 'Contoh uji / test example',
} as const satisfies ZScoreIndicator;

vi.mock('../../src/lib/indicators/zscore-defs.ts', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/lib/indicators/zscore-defs.ts')>();
  return { ...m, ZSCORE_DEFINITIONS: [...m.ZSCORE_DEFINITIONS, MADE_UP] };
});

const { runBuild } = await import('../../scripts/lib/build.ts');
const { INDICATORS } = await import('../../src/lib/types.ts');
const { addObservation, blockOf, createCountTable, slotOf } = await import('../../src/lib/aggregate/counts.ts');
const { legendModel, thresholdsFor } = await import('../../src/lib/site/thresholds.ts');
const { mapIndicators } = await import('../../src/lib/site/map-indicator.ts');
const { areaPageView } = await import('../../src/lib/site/area-page-view.ts');

const FIXTURE = new URL('../fixtures/golden/', import.meta.url).pathname;
let out = '';
const read = (p: string) => readFileSync(join(out, 'data/v1', p), 'utf8');
const json = (p: string) => JSON.parse(read(p));

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'zscore-indicator-'));
  await runBuild({ configPath: join(FIXTURE, 'site.config.json'), outDir: out, log: () => {} });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Rows of the tidy CSV as objects by column name. */
function tidy(): Record<string, string>[] {
  const [head, ...lines] = read('stunting.csv').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('a made-up z-score indicator, from its definition alone', () => {
  it('is counted by its own rule: a child below −3 SD weight-for-age is a case, one between −3 and −2 is not', () => {
    const k = INDICATORS.indexOf('severe_underweight' as never);
    expect(k).toBe(INDICATORS.length - 1);
    const t = createCountTable(1, 1);
    const child = (zwei: number) => ({ sex: 1, ageDays: 400, oedema: false, zlen: 0, flen: 0, zwei, fwei: 0, zwfl: 0, fwfl: 0, zbmi: 0, fbmi: 0 }) as never;
    for (const z of [-3.5, -2.5, 0.4]) addObservation(t, 0, 0, child(z));
    const s = blockOf(t, 0, 0) + slotOf(0, k);
    expect([t.data[s], t.data[s + 1]]).toEqual([3, 1]);
  });

  it('has a row per area × period in the tidy CSV, hidden exactly where underweight (same z-score, same children) is', () => {
    const rows = tidy();
    const mine = rows.filter((r) => r.indicator === 'severe_underweight');
    const under = new Map(rows.filter((r) => r.indicator === 'underweight').map((r) => [`${r.area_code} ${r.period}`, r]));
    expect(mine.length).toBe(under.size);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      const u = under.get(`${r.area_code} ${r.period}`)!;
      expect(r.status === 'ok').toBe(u.status === 'ok');
      if (r.status === 'ok') {
        expect(Number(r.cases)).toBeLessThanOrEqual(Number(u.cases));
        expect(r.measured).toBe(u.measured);
      }
    }
  });

  it('is in meta.json with its label and rule, in the data package and in the codebook', () => {
    const meta = json('meta.json');
    expect(meta.indicators.at(-1)).toEqual({ id: 'severe_underweight', label: MADE_UP.label, definition: 'WAZ < -3', z: 'zwei' });
    expect(read('datapackage.json')).toContain('"severe_underweight"');
    expect(read('kamus-data.csv')).toContain('severe_underweight');
  });

  it('is in the area series and the map file, and draws with its own classes in the map explorer', () => {
    const meta = json('meta.json');
    const series = json(`series/${meta.region.code}.json`);
    expect(JSON.stringify(series)).toContain('"severe_underweight"');
    const map = json(`map/desa/${meta.periods.at(-1)}.json`);
    const anyDesa = Object.values(map.values as Record<string, Record<string, unknown>>)[0];
    expect(Object.keys(anyDesa)).toContain('severe_underweight');
    expect(thresholdsFor('severe_underweight').breaks).toEqual([1, 2, 4, 8]);
    const ranges = legendModel('severe_underweight', 'id').items.filter((i) => i.index !== null).map((i) => i.range);
    expect(ranges).toHaveLength(5);
    expect(ranges.join(' ')).toMatch(/4.*8/);
    const ind = mapIndicators(meta, null, 'en').find((i) => i.id === 'severe_underweight')!;
    expect([ind.kind, ind.label]).toMatchObject(['zscore', expect.stringContaining('Severely underweight')]);
  });

  it('is on the area page, in both languages', () => {
    const meta = json('meta.json');
    const areas = json('areas.json');
    const list: { code: string; parent: string | null; level: string }[] = areas.areas ?? areas;
    const src = {
      meta,
      area: (code: string) => list.find((a) => a.code === code)!,
      series: (code: string) => json(`series/${code}.json`),
      children: (code: string) => list.filter((a) => a.parent === code),
      areasOfLevel: (level: string) => list.filter((a) => a.level === level),
      mapValues: (level: string, period: string) => json(`map/${level}/${period}.json`),
      quality: () => null,
    };
    for (const lang of ['id', 'en'] as const) {
      const view = areaPageView(src as never, meta.region.code, 'stunting', lang, '/');
      const row = view.indicators!.find((i) => (i.id as string) === 'severe_underweight')!;
      expect(row.label).toContain(MADE_UP.name[lang]);
      expect(row.value?.status).toBeDefined();
    }
  });
});
