/**
 * Golden test: the fixture folder test/fixtures/golden (Kota Metro, two rounds, known problems) through the whole
 * data build to the published files. Goldens change only with UPDATE_GOLDEN=1, which refuses to run in CI (`CI` set,
 * as .ci/run's environment has it). Besides the byte
 * comparison, the numbers are recounted independently from the raw fixture rows.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/lib/build.ts';
import { readWhoTables } from '../../scripts/lib/who-files.ts';
import { computeZScores, ageInDays } from '../../src/lib/who/zscore.ts';
import { parse } from 'csv-parse/sync';
import { smoothLevel, type SmoothCell } from '../../src/lib/aggregate/smooth.ts';
import { toPercent1 } from '../../src/lib/aggregate/wilson.ts';

const FIXTURE = new URL('../fixtures/golden/', import.meta.url).pathname;
const EXPECTED = new URL('../golden/expected/', import.meta.url).pathname;
const GOLDEN_FILES = ['meta.json', 'areas.json', 'stunting.csv', 'validation.json', 'series/18.72.json', 'series/18.72.01.json', 'series/18.72.01.1003.json', 'csv/18.72.csv', 'csv/18.72.01.csv', 'csv/18.72.01.1003.csv', 'map/desa/2025-08.json', 'datapackage.json', 'schema/stunting.json', 'schema/stunting-excel.json', 'stunting-excel.csv', 'csv-excel/18.72.01.1003.csv', 'kamus-data.csv'];

let out: string;
const v1 = (p: string) => join(out, 'data/v1', p);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'golden-'));
  await runBuild({ configPath: join(FIXTURE, 'site.config.json'), outDir: join(out), log: () => {} });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** True when the goldens are to be rewritten (UPDATE_GOLDEN=1). Throws in CI, where goldens are only compared: an
 * update there would make the comparison pass whatever the build wrote. */
function updateRequested(env: Record<string, string | undefined>): boolean {
  if (env.UPDATE_GOLDEN !== '1') return false;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') {
    throw new Error('UPDATE_GOLDEN=1 refuses to run in CI (CI is set): update the goldens on a developer machine and commit them.');
  }
  return true;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? listFiles(join(dir, f)) : [join(dir, f)]));
}

describe('golden: fixture folder to published files', () => {
  it('matches the expected files byte for byte', () => {
    if (updateRequested(process.env)) {
      for (const f of GOLDEN_FILES) {
        mkdirSync(join(EXPECTED, f, '..'), { recursive: true });
        writeFileSync(join(EXPECTED, f), readFileSync(v1(f)));
      }
    }
    for (const f of GOLDEN_FILES) {
      expect(existsSync(join(EXPECTED, f)), `golden ${f} missing: run npm run golden:update`).toBe(true);
      expect(readFileSync(v1(f), 'utf8'), f).toBe(readFileSync(join(EXPECTED, f), 'utf8'));
    }
  });

  it('the update mode refuses to run in CI, and runs only when asked', () => {
    expect(() => updateRequested({ UPDATE_GOLDEN: '1', CI: 'true' })).toThrow(/refuses to run in CI/);
    expect(() => updateRequested({ UPDATE_GOLDEN: '1', CI: '1' })).toThrow(/refuses to run in CI/);
    expect(updateRequested({ UPDATE_GOLDEN: '1' })).toBe(true);
    expect(updateRequested({ UPDATE_GOLDEN: '1', CI: 'false' })).toBe(true);
    expect(updateRequested({ CI: 'true' })).toBe(false);
    expect(updateRequested({})).toBe(false);
  });

  it('counts stunting exactly as an independent recount of the raw rows (latest measurement per child and round)', () => {
    const t = readWhoTables();
    const lines = readFileSync(join(FIXTURE, 'measurements/metro.csv'), 'utf8').trim().split('\n').slice(1);
    const latest = new Map<string, string[]>();
    for (const l of lines) {
      const c = l.split(',');
      const [id, , dob, date] = c;
      if (date > '2025-12-31' || dob > date || Number(c[4]) > 60 || !c[8].startsWith('18.72.0') || c[8] === '18.72.09.1001') continue;
      const key = `${date.slice(0, 7)}|${id}`;
      const prev = latest.get(key);
      if (!prev || prev[3] <= date) latest.set(key, c);
    }
    const counts = new Map<string, { n: number; cases: number }>();
    for (const [key, c] of latest) {
      const z = computeZScores({ sex: Number(c[1]) as 1 | 2, ageDays: ageInDays(c[2], c[3]), weightKg: Number(c[4]), lengthHeightCm: Number(c[5]), position: c[6] as 'L' | 'H', oedema: false }, t);
      if (z.zlen === null || z.flen !== 0) continue;
      for (const k of [`${key.split('|')[0]}|${c[8]}`, `${key.split('|')[0]}|${c[8].slice(0, 8)}`, `${key.split('|')[0]}|18.72`]) {
        const x = counts.get(k) ?? { n: 0, cases: 0 };
        x.n++;
        if (z.zlen < -2) x.cases++;
        counts.set(k, x);
      }
    }
    let compared = 0;
    for (const [k, want] of counts) {
      const [period, code] = k.split('|');
      const s = JSON.parse(readFileSync(v1(`series/${code}.json`), 'utf8'));
      const got = s.periods[period].indicators.stunting;
      if (got.status !== 'ok') continue;
      expect({ code, period, n: got.n, cases: got.cases }).toEqual({ code, period, n: want.n, cases: want.cases });
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('suppresses the kelurahan with 3 children and one complement in its kecamatan, so nothing is recoverable', () => {
    const areas = JSON.parse(readFileSync(v1('areas.json'), 'utf8')) as { code: string; parent: string | null }[];
    const s = JSON.parse(readFileSync(v1('series/18.72.01.1003.json'), 'utf8'));
    expect(s.periods['2025-08'].indicators.stunting).toMatchObject({ status: 'suppressed', suppression: 'primary', cases: null });
    for (const period of ['2025-02', '2025-08']) {
      const map = JSON.parse(readFileSync(v1(`map/desa/${period}.json`), 'utf8')).values;
      for (const kec of areas.filter((a) => a.parent === '18.72')) {
        const kids = areas.filter((a) => a.parent === kec.code && map[a.code].measured !== undefined);
        const hidden = kids.filter((a) => map[a.code].stunting.status === 'suppressed');
        expect(hidden.length === 0 || hidden.length >= 2, `${kec.code} ${period}: ${hidden.length} hidden`).toBe(true);
      }
    }
  });

  it('publishes smoothed figures for every published desa row, none where suppressed, recomputable from the CSV alone', () => {
    const rows = parse(readFileSync(v1('stunting.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const smoothCols = ['smoothed_prevalence', 'smoothed_ci_low', 'smoothed_ci_high'];
    let filled = 0;
    for (const r of rows) {
      if (r.status !== 'ok' || r.level === 'kabupaten') for (const c of smoothCols) expect(r[c], `${r.area_code} ${r.period} ${r.indicator}`).toBe('');
      if (r.status === 'ok' && r.level === 'desa') {
        for (const c of smoothCols) expect(r[c], `${r.area_code} ${r.period} ${r.indicator}`).not.toBe('');
        filled++;
      }
    }
    expect(filled).toBeGreaterThan(50);
    // Anyone can recompute the desa figures from the published rows: the smoothing uses nothing that is hidden.
    const byKey = new Map(rows.map((r) => [`${r.area_code}|${r.period}|${r.indicator}`, r]));
    const groups = new Map<string, { cells: SmoothCell[]; rows: Record<string, string>[] }>();
    for (const r of rows) {
      if (r.level !== 'desa' || r.status !== 'ok') continue;
      const parent = byKey.get(`${r.area_code.slice(0, 8)}|${r.period}|${r.indicator}`)!;
      const g = groups.get(`${r.period}|${r.indicator}`) ?? { cells: [], rows: [] };
      g.cells.push({ n: Number(r.measured), cases: Number(r.cases), parentN: Number(parent.measured), parentCases: Number(parent.cases) });
      g.rows.push(r);
      groups.set(`${r.period}|${r.indicator}`, g);
    }
    for (const g of groups.values()) {
      smoothLevel(g.cells).values.forEach((v, i) => {
        expect([g.rows[i].smoothed_prevalence, g.rows[i].smoothed_ci_low, g.rows[i].smoothed_ci_high].map(Number)).toEqual([toPercent1(v!.mean), toPercent1(v!.low), toPercent1(v!.high)]);
      });
    }
  });

  it('reports every bad row by reason with file and line, and keeps every valid row', () => {
    const v = JSON.parse(readFileSync(v1('validation.json'), 'utf8'));
    expect(v.rows_read).toBe(262);
    expect(v.by_reason).toEqual({ future_date: 1, implausible_weight: 1, measured_before_birth: 1, unknown_area: 1 });
    expect(v.rows_accepted).toBe(258);
    // the published report numbers files (a file name may hold a name or a NIK): metro.csv is the first file
    expect(v.examples.implausible_weight[0]).toMatchObject({ file: 'measurements/file-1.csv', line: 262, column: 'weight_kg', raw: '9500' });
    const meta = JSON.parse(readFileSync(v1('meta.json'), 'utf8'));
    expect(meta.counts.children).toBe(256); // 258 accepted minus one re-measurement and one exact duplicate
  });

  it('never publishes a child identifier or birth date', () => {
    const text = listFiles(join(out, 'data/v1')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const lines = readFileSync(join(FIXTURE, 'measurements/metro.csv'), 'utf8').trim().split('\n').slice(1);
    for (const l of lines) {
      const [id, , dob] = l.split(',');
      expect(text.includes(id), `child id ${id} leaked`).toBe(false);
      expect(text.includes(dob), `birth date ${dob} leaked`).toBe(false);
    }
  });

  it('is deterministic: a second build gives byte-identical files', async () => {
    const again = mkdtempSync(join(tmpdir(), 'golden2-'));
    try {
      await runBuild({ configPath: join(FIXTURE, 'site.config.json'), outDir: again, log: () => {}, workers: 1 });
      const a = listFiles(join(out, 'data/v1')).map((f) => relative(out, f)).sort();
      const b = listFiles(join(again, 'data/v1')).map((f) => relative(again, f)).sort();
      expect(b).toEqual(a);
      for (const f of a) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('leaves the previous output intact when a build fails before committing', async () => {
    const before = readFileSync(v1('stunting.csv'));
    await expect(
      runBuild({ configPath: join(FIXTURE, 'site.config.json'), outDir: out, log: () => {}, beforeCommit: () => { throw new Error('killed'); } }),
    ).rejects.toThrow('killed');
    expect(readFileSync(v1('stunting.csv')).equals(before)).toBe(true);
  });
});
