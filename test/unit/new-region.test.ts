/**
 * A new region from the data folder as shipped (Banyuwangi demo config, lokus-demo.json, a generated demo export and
 * its sasaran file): `npm run new-region` on a temporary copy, with the Kota Metro shapes of test/fixtures/regions
 * (a copy of the shared boundaries), then the data build. Nothing of Banyuwangi may reach the output. Also: the CLI
 * changes nothing when a check fails, and the build warns about another region's title or demo export.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/lib/build.ts';
import { newRegion, NewRegionError } from '../../scripts/lib/new-region.ts';
import { shippedDataCopy } from '../fixtures/shipped-data.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const METRO = join(ROOT, 'test/fixtures/regions/metro-1872/desa.geojson');
const BULELENG = join(ROOT, 'test/fixtures/regions/buleleng-5108/desa.geojson');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh copy of data/ with Banyuwangi demo leftovers (test/fixtures/shipped-data.ts), removed after the tests. */
function shippedData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-region-'));
  dirs.push(dir);
  return shippedDataCopy(dir);
}

/** Every file under dir, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

describe('npm run new-region', () => {
  it('sets the shipped data folder up for Kota Metro: clean config, shapes copied, Banyuwangi files archived or deleted', () => {
    const data = shippedData();
    const lines: string[] = [];
    const r = newRegion({ dataDir: data, region: '1872', geojson: METRO, log: (l) => lines.push(l), now: new Date('2026-01-02T03:04:05Z') });
    expect(r).toMatchObject({ region: { code: '18.72', name: 'Kota Metro' }, boundaries: 'boundaries/kota-metro-1872', demo: true, problems: [] });
    const config = JSON.parse(readFileSync(join(data, 'site.config.json'), 'utf8'));
    expect(config).toMatchObject({
      region: '18.72',
      title: { id: 'Data Stunting Kota Metro', en: 'Stunting data, Metro City' },
      publisher: { name: 'Dinas Kesehatan Kota Metro' },
      boundaries: 'boundaries/kota-metro-1872',
      demo: { synthetic: true, seed: 20250801 },
    });
    expect(JSON.stringify(config)).not.toMatch(/Banyuwangi|banyuwangi|35\.10/);
    expect(readFileSync(join(data, 'boundaries/kota-metro-1872/desa.geojson'))).toEqual(readFileSync(METRO));
    // The old config and lokus list are kept in the archive; the generated demo export of Banyuwangi is gone.
    const archive = join(data, 'arsip/35.10-2026-01-02T030405Z');
    expect(JSON.parse(readFileSync(join(archive, 'site.config.json'), 'utf8')).region).toBe('35.10');
    expect(existsSync(join(archive, 'lokus-demo.json'))).toBe(true);
    expect(existsSync(join(data, 'lokus-demo.json'))).toBe(false);
    expect(readdirSync(join(data, 'measurements'))).toEqual([]);
    expect(existsSync(join(data, 'sasaran/demo-sasaran.csv'))).toBe(false);
    expect(lines.join('\n')).toMatch(/lokus-demo\.json/);
    expect(lines.join('\n')).toMatch(/demo-2025-08\.csv\.gz, demo-manifest\.json/);
    expect(lines.join('\n')).toMatch(/DEMO SINTETIS/);
  });

  it('run again once a real export is in measurements/: demo off, the demo files deleted, the region\'s own settings kept', () => {
    const data = shippedData();
    newRegion({ dataDir: data, region: '18.72', geojson: METRO, log: () => {} });
    // The demo as the build left it, then the official's export and a title of their own.
    writeFileSync(join(data, 'measurements/demo-manifest.json'), JSON.stringify({ region: { code: '18.72', name: 'Kota Metro' } }));
    writeFileSync(join(data, 'measurements/demo-2025-08.csv.gz'), 'x');
    writeFileSync(join(data, 'sasaran/demo-sasaran.csv'), 'desa_code,year,target\n');
    writeFileSync(join(data, 'measurements/ekspor-ppgbm-2025-08.csv'), 'NIK,JK\n');
    const own = { ...JSON.parse(readFileSync(join(data, 'site.config.json'), 'utf8')), title: { id: 'Stunting Kota Metro' }, lokus: { '2025': ['18.72.01.1001'] } };
    writeFileSync(join(data, 'site.config.json'), JSON.stringify(own));
    const r = newRegion({ dataDir: data, region: '18.72', geojson: join(data, 'boundaries/kota-metro-1872/desa.geojson'), log: () => {}, now: new Date('2026-02-01T00:00:00Z') });
    expect(r.demo).toBe(false);
    expect(readdirSync(join(data, 'measurements'))).toEqual(['ekspor-ppgbm-2025-08.csv']);
    expect(existsSync(join(data, 'sasaran/demo-sasaran.csv'))).toBe(false);
    const config = JSON.parse(readFileSync(join(data, 'site.config.json'), 'utf8'));
    expect(config.demo).toEqual({ synthetic: false });
    expect(config.title).toEqual({ id: 'Stunting Kota Metro' });
    expect(config.lokus).toEqual({ '2025': ['18.72.01.1001'] });
    for (const k of ['periods', 'referenceDate', 'targets']) expect(config).not.toHaveProperty(k);
    expect(existsSync(join(data, 'arsip/18.72-2026-02-01T000000Z/site.config.json'))).toBe(true);
  });

  it('changes nothing when the shapes are another region\'s or the code is not a kab/kota', () => {
    const data = shippedData();
    const before = walk(data).map((f) => [relative(data, f), readFileSync(f).toString('base64')]);
    expect(() => newRegion({ dataDir: data, region: '18.72', geojson: BULELENG, log: () => {} })).toThrow(/tidak satu pun.*none of the 148 shapes is a desa of the region/);
    expect(() => newRegion({ dataDir: data, region: '18.7', geojson: METRO, log: () => {} })).toThrow(NewRegionError);
    expect(() => newRegion({ dataDir: data, region: '99.99', geojson: METRO, log: () => {} })).toThrow(/99\.99: tidak ada di daftar wilayah/);
    expect(() => newRegion({ dataDir: data, region: '18.72', geojson: join(data, 'nope.geojson'), log: () => {} })).toThrow(/file not found/);
    expect(walk(data).map((f) => [relative(data, f), readFileSync(f).toString('base64')])).toEqual(before);
  });

  it('as an npm script: exit code 1 and a message on a failed check, 0 on success', () => {
    const data = shippedData();
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/new-region.ts'), ...args, '--data', data], { encoding: 'utf8' });
    const bad = run('18.72', BULELENG);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/nothing was changed/);
    const ok = run('18.72', METRO);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Kota Metro \(18\.72\): 22 desa\/kelurahan in the area list, 22 shapes/);
    expect(JSON.parse(readFileSync(join(data, 'site.config.json'), 'utf8')).region).toBe('18.72');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['new-region']).toBe('node scripts/new-region.ts');
  });

  it('the new region builds with no mention of Banyuwangi anywhere in the published data', async () => {
    const data = shippedData();
    newRegion({ dataDir: data, region: '18.72', geojson: METRO, log: () => {} });
    const out = join(data, '..', 'generated');
    const log: string[] = [];
    await runBuild({ configPath: join(data, 'site.config.json'), outDir: out, log: (l) => log.push(l) });
    expect(log.join('\n')).not.toMatch(/peringatan\/warning: .*(menyebut|demo export)/);
    const files = walk(join(out, 'data/v1'));
    expect(files.length).toBeGreaterThan(50);
    const hits = files.filter((f) => /Banyuwangi|35\.10\.\d\d/i.test(readFileSync(f, 'utf8')));
    expect(hits.map((f) => relative(out, f))).toEqual([]);
    const meta = JSON.parse(readFileSync(join(out, 'data/v1/meta.json'), 'utf8'));
    expect(meta).toMatchObject({ region: { code: '18.72', name: 'Kota Metro' }, title: { id: 'Data Stunting Kota Metro' }, synthetic: true });
    expect(JSON.parse(readFileSync(join(out, 'data/v1/areas.json'), 'utf8')).every((a: { lokus: unknown[] }) => a.lokus.length === 0)).toBe(true);
    // The demo's sasaran were generated again, for Metro.
    expect(readFileSync(join(data, 'sasaran/demo-sasaran.csv'), 'utf8')).toMatch(/^desa_code,year,target\n18\.72\./);
  });

  it('the data build warns when the title or publisher names another region, or the demo export is another region\'s', async () => {
    const data = shippedData();
    const config = JSON.parse(readFileSync(join(data, 'site.config.json'), 'utf8'));
    // What a newcomer did by hand: region and boundaries changed, the rest left as shipped.
    writeFileSync(join(data, 'site.config.json'), JSON.stringify({ ...config, region: '18.72', boundaries: METRO.replace(/\/desa\.geojson$/, ''), lokus: {}, targets: undefined }));
    const log: string[] = [];
    await expect(runBuild({ configPath: join(data, 'site.config.json'), outDir: join(data, '..', 'generated'), log: (l) => log.push(l) })).rejects.toThrow();
    const warnings = log.filter((l) => l.startsWith('peringatan/warning: ') && !l.includes('boundaries:'));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/"title\.id" "Data Stunting Kabupaten Banyuwangi" menyebut Kabupaten Banyuwangi \(35\.10\), bukan Kota Metro \(18\.72\)/);
    expect(warnings[1]).toMatch(/"title\.en"/);
    expect(warnings[2]).toMatch(/"publisher\.name"/);
    expect(warnings[3]).toMatch(/demo-manifest\.json: ekspor demo .* untuk Kabupaten Banyuwangi \(35\.10\), bukan Kota Metro \(18\.72\).*npm run new-region/);
  });
});
