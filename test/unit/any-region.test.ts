/**
 * "Any region": the same build, pointed at another kabupaten/kota by a config change only (region code and
 * boundaries folder), generates that region's demo export and publishes a complete output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/lib/build.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('building for another region with a config change only', () => {
  it('publishes Kota Metro (18.72) completely from its boundaries and a generated demo export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metro-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, 'site.config.json'),
      JSON.stringify({
        region: '18.72',
        referenceDate: '2025-12-31',
        areas: { file: join(ROOT, 'data/areas/kode_wilayah_2025.csv.gz') },
        boundaries: join(ROOT, 'test/fixtures/regions/metro-1872'),
        surveys: join(ROOT, 'data/surveys/prevalence.csv'),
        demo: { synthetic: true, seed: 11 },
      }),
    );
    const summary = await runBuild({ configPath: join(dir, 'site.config.json'), outDir: join(dir, 'out'), log: () => {} });
    const v1 = (p: string) => JSON.parse(readFileSync(join(dir, 'out/data/v1', p), 'utf8'));
    const meta = v1('meta.json');
    expect(meta.region).toMatchObject({ code: '18.72', name: 'Kota Metro' });
    expect(meta.synthetic).toBe(true);
    expect(meta.periods.length).toBe(8);
    const areas = v1('areas.json') as { code: string; level: string; kind: string }[];
    expect(areas.filter((a) => a.level === 'kecamatan')).toHaveLength(5);
    expect(areas.filter((a) => a.level === 'desa')).toHaveLength(22);
    expect(areas[0]).toMatchObject({ code: '18.72', kind: 'kota' });
    for (const a of areas) expect(existsSync(join(dir, 'out/data/v1/series', `${a.code}.json`)), a.code).toBe(true);
    const topo = v1('boundaries/desa.topo.json');
    expect(topo.objects.desa.geometries).toHaveLength(22);
    const kab = v1('series/18.72.json');
    const latest = kab.periods[meta.latest_period];
    expect(latest.measured).toBeGreaterThan(1000);
    expect(latest.indicators.stunting.status).toBe('ok');
    expect(latest.indicators.stunting.prevalence).toBeGreaterThan(0);
    expect(summary.rowsRejected).toBeGreaterThan(0); // the demo's injected errors are reported, not fatal
    const surveys = v1('surveys.json') as { code: string }[];
    expect(surveys.some((s) => s.code === '18.72')).toBe(true);
    built = dir;
  });

  // Issue "Data quality report": the demo's injected errors must show up in the report where they were injected.
  it('shows the injected errors of the demo in the quality and validation reports, where they were injected', () => {
    expect(built, 'the Metro build above must run first').toBeTruthy();
    const manifest = JSON.parse(readFileSync(join(built, 'measurements/demo-manifest.json'), 'utf8'));
    const validation = JSON.parse(readFileSync(join(built, 'out/data/v1/validation.json'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(built, 'out/data/v1/meta.json'), 'utf8'));
    const csv = readFileSync(join(built, 'out/data/v1/quality.csv'), 'utf8').trim().split('\n');
    const head = csv[0].split(',');
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v])));
    const latest = (code: string) => rows.find((r) => r.area_code === code && r.period === meta.latest_period)!;

    // Digit preference: the desa the generator rounded heights in has a far higher digit preference score and a
    // weak grade; desa without injected rounding stay low.
    const desa = Object.entries(manifest.desa) as [string, { digitPreference: string; misspelling: string | null; periods: Record<string, { faults: Record<string, number> }> }][];
    const heavy = desa.filter(([, d]) => d.digitPreference === 'heavy').map(([c]) => c);
    const clean = desa.filter(([, d]) => d.digitPreference === 'none').map(([c]) => c);
    expect(heavy.length).toBeGreaterThan(0);
    const dps = (c: string) => Number(latest(c).height_dps);
    // Suppressed desa (primary or complementary) publish no quality metrics either; check those that are published.
    const published = heavy.filter((c) => latest(c).status === 'ok');
    expect(published.length, 'a desa with injected digit preference whose figures are published').toBeGreaterThan(0);
    for (const c of published) {
      expect(dps(c), `height digit preference of ${c}`).toBeGreaterThan(20);
      expect(['lemah', 'sangat_lemah'], `grade of ${c}`).toContain(latest(c).grade);
    }
    const cleanScores = clean.filter((c) => latest(c).status === 'ok').map(dps).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    expect(cleanScores[Math.floor(cleanScores.length / 2)]).toBeLessThan(12);

    // Misspelled village names: reported as unknown areas with the rows the generator misspelled.
    for (const [code, d] of desa.filter(([, d]) => d.misspelling)) {
      const injected = Object.values(d.periods).reduce((s, p) => s + (p.faults.unknown_village ?? 0), 0);
      const reported = validation.unmatched_areas.filter((u: { desa: string }) => u.desa === d.misspelling);
      expect(reported.length, `${code} misspelled as ${d.misspelling}`).toBe(1);
      expect(reported[0].count).toBe(injected);
    }

    // Every injected row fault is rejected under the reason it should get, in the same numbers.
    const totals = (kind: string) => Object.values(manifest.totals as Record<string, { faults: Record<string, number> }>).reduce((s, t) => s + (t.faults[kind] ?? 0), 0);
    expect(validation.by_reason.future_date).toBe(totals('future_date'));
    expect(validation.by_reason.measured_before_birth).toBe(totals('measured_before_birth'));
    expect(validation.by_reason.bad_date).toBe(totals('impossible_date'));
    expect(validation.by_reason.unknown_area).toBe(totals('unknown_village'));
    expect(validation.by_reason.implausible_weight + validation.by_reason.implausible_height).toBe(
      totals('weight_decimal_shift') + totals('height_decimal_shift') + totals('swapped_weight_height'),
    );
    // Duplicates: identical rows and re-measurements are removed by deduplication and counted.
    expect(validation.duplicates_removed).toBe(totals('duplicate_identical') + totals('duplicate_remeasured'));
  });
});

let built = '';
