import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configPaths, fingerprint } from './fingerprint.ts';

const REPO = resolve(import.meta.dirname, '../..');
const tmps: string[] = [];
afterAll(() => tmps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  tmps.push(d);
  return d;
};

describe('fingerprint', () => {
  it('is the same for the same contents and changes with any content, name or value', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.csv'), 'x\n1\n');
    writeFileSync(join(d, 'b.csv'), 'y\n');
    const of = (values: Record<string, string> = {}) => fingerprint({ base: d, paths: ['.'], values });
    const first = of();
    expect(of()).toBe(first);
    writeFileSync(join(d, 'a.csv'), 'x\n2\n');
    const changed = of();
    expect(changed).not.toBe(first);
    writeFileSync(join(d, 'a.csv'), 'x\n1\n');
    expect(of()).toBe(first); // contents, not times
    writeFileSync(join(d, 'c.csv'), '');
    expect(of()).not.toBe(first);
    rmSync(join(d, 'c.csv'));
    expect(of({ SITE_URL: 'https://x.id' })).not.toBe(first);
    writeFileSync(join(d, '.hidden'), 'ignored');
    expect(of()).toBe(first);
  });

  it('watches the files the config names outside the data folder', () => {
    const d = tmp();
    const other = tmp();
    writeFileSync(join(other, 'kode.csv'), 'x');
    expect(configPaths({ areas: { file: join(other, 'kode.csv') }, title: { id: 'Data' }, siteUrl: 'https://a.id/', n: 3 }, d)).toEqual([join(other, 'kode.csv')]);
  });
});

describe('the data build CLI is incremental', () => {
  it('skips when nothing changed, rebuilds when a measurement file changes or with --force', () => {
    const d = tmp();
    cpSync(join(REPO, 'test/fixtures/golden/measurements'), join(d, 'measurements'), { recursive: true });
    const config = JSON.parse(readFileSync(join(REPO, 'test/fixtures/golden/site.config.json'), 'utf8'));
    const fixture = join(REPO, 'test/fixtures/golden');
    config.surveys = resolve(fixture, config.surveys);
    config.areas.file = resolve(fixture, config.areas.file);
    config.boundaries = resolve(fixture, config.boundaries);
    writeFileSync(join(d, 'site.config.json'), JSON.stringify(config));
    const out = join(d, 'out');
    const run = (...extra: string[]) => {
      const r = spawnSync(process.execPath, [join(REPO, 'scripts/build-data.ts'), '--config', join(d, 'site.config.json'), '--out', out, ...extra], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const meta = join(out, 'data/v1/meta.json');
    expect(run()).toContain('data v');
    const written = statSync(meta).mtimeMs;
    const again = run();
    expect(again).toContain('Inputs unchanged since the last build');
    expect(statSync(meta).mtimeMs).toBe(written);
    appendFileSync(join(d, 'measurements/metro.csv'), readFileSync(join(d, 'measurements/metro.csv'), 'utf8').split('\n')[1] + '\n');
    expect(run()).toContain('data v');
    expect(run()).toContain('Inputs unchanged');
    expect(run('--force')).toContain('data v');
  }, 120_000);
});

describe('the data build reads only the exports that changed', () => {
  it('replays unchanged files from the cache and publishes what a build from scratch publishes', () => {
    const d = tmp();
    const fixture = join(REPO, 'test/fixtures/golden');
    const [header, ...rows] = readFileSync(join(fixture, 'measurements/metro.csv'), 'utf8').trim().split('\n');
    mkdirSync(join(d, 'measurements'));
    // One file per round, as the posyandu rounds arrive.
    for (const round of ['2025-02', '2025-08']) writeFileSync(join(d, `measurements/${round}.csv`), [header, ...rows.filter((r) => r.split(',')[3].startsWith(round))].join('\n') + '\n');
    const config = JSON.parse(readFileSync(join(fixture, 'site.config.json'), 'utf8'));
    config.surveys = resolve(fixture, config.surveys);
    config.areas.file = resolve(fixture, config.areas.file);
    config.boundaries = resolve(fixture, config.boundaries);
    writeFileSync(join(d, 'site.config.json'), JSON.stringify(config));
    const run = (out: string, ...extra: string[]) => {
      const r = spawnSync(process.execPath, [join(REPO, 'scripts/build-data.ts'), '--config', join(d, 'site.config.json'), '--out', join(d, out), ...extra], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    expect(run('out')).not.toContain('read from the cache');
    expect(readdirSync(join(d, '.out.cache')).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
    // The August export is corrected: one more child row (a copy of a row, another child id).
    const aug = join(d, 'measurements/2025-08.csv');
    const last = readFileSync(aug, 'utf8').trim().split('\n').at(-1)!;
    appendFileSync(aug, `9${last.slice(1)}\n`);
    const second = run('out');
    expect(second).toContain('1 file pengukuran tidak berubah');
    expect(second).toContain('; 1 dibaca / read');
    expect(readdirSync(join(d, '.out.cache')).filter((f) => f.endsWith('.bin'))).toHaveLength(2); // the old August reading is gone
    run('scratch', '--force');
    const published = (out: string) => readFileSync(join(d, out, 'data/v1/stunting.csv'), 'utf8');
    expect(published('out')).toBe(published('scratch'));
    expect(readFileSync(join(d, 'out/data/v1/validation.json'), 'utf8')).toBe(readFileSync(join(d, 'scratch/data/v1/validation.json'), 'utf8'));
    expect(published('out')).not.toBe('');
  }, 120_000);
});
