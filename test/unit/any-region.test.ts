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
        demo: { synthetic: true, seed: 7 },
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
  });
});
