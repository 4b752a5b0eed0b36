/**
 * The disclosure attack (attacker.ts) on a real build of the bundled demo (Banyuwangi, eight rounds): every
 * published file, every chain of subtractions across areas, indicators, breakdowns and quality figures. No hidden
 * count — children measured, an indicator's n, its cases or its non-cases, 0 included — may be pinned to one value.
 * The attacker itself is tested on a small hand-made publication that leaks the way the old suppression did.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../scripts/lib/build.ts';
import { attack, type AttackResult } from './attacker.ts';
import { REPO, cleanup } from './harness.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const IDS = ['stunting', 'severe_stunting', 'wasting', 'severe_wasting', 'underweight', 'overweight'];

/** A minimal publication: kabupaten 1 > kecamatan 1.1 > desa 1.1.1 … 1.1.{k}; per desa n and cases (every
 * indicator alike but overweight, which has the non-cases), null for hidden ones with the given
 * label. */
function publication(desa: { n: number; cases: number; label?: 'primary' | 'complementary' }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'attacker-'));
  dirs.push(dir);
  const p = '2025-08';
  const total = { n: desa.reduce((s, d) => s + d.n, 0), cases: desa.reduce((s, d) => s + d.cases, 0) };
  const areas = [
    { code: '1', parent: null, level: 'kabupaten', kids: ['1.1'], v: total },
    { code: '1.1', parent: '1', level: 'kecamatan', kids: desa.map((_, i) => `1.1.${i + 1}`), v: total },
    ...desa.map((d, i) => ({ code: `1.1.${i + 1}`, parent: '1.1', level: 'desa', kids: [], v: d })),
  ];
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ periods: [p], suppression_min: 10 }));
  writeFileSync(join(dir, 'areas.json'), JSON.stringify(areas.map(({ code, parent, level }) => ({ code, parent, level }))));
  mkdirSync(join(dir, 'series'));
  mkdirSync(join(dir, 'map/desa'), { recursive: true });
  let tidy = 'area_code,area_name,level,period,indicator,measured,cases,prevalence,ci_low,ci_high,status\n';
  for (const a of areas) {
    const d = a.v as { n: number; cases: number; label?: string };
    const hidden = d.label !== undefined;
    const casesOf = (id: string) => (id === 'overweight' ? d.n - d.cases : d.cases);
    const ind = (id: string) => (hidden ? { n: null, cases: null, status: 'suppressed', suppression: d.label } : { n: d.n, cases: casesOf(id), status: 'ok' });
    const indicators = Object.fromEntries(IDS.map((id) => [id, ind(id)]));
    const sp = { measured: hidden ? null : d.n, valid: null, flagged: null, measured_status: hidden ? 'suppressed' : 'ok', indicators };
    writeFileSync(join(dir, 'series', `${a.code}.json`), JSON.stringify({ code: a.code, periods: { [p]: sp } }));
    for (const id of IDS) tidy += `${a.code},X,${a.level},${p},${id},${hidden ? '' : d.n},${hidden ? '' : casesOf(id)},,,,${ind(id).status}\n`;
  }
  writeFileSync(join(dir, 'stunting.csv'), tidy);
  return dir;
}

describe('the attacker', () => {
  it('finds hidden desa whose cases add up to 0 (the leak of the n-only suppression)', () => {
    const r = attack(publication([{ n: 6, cases: 0, label: 'primary' }, { n: 12, cases: 0, label: 'complementary' }, { n: 30, cases: 4 }, { n: 40, cases: 5 }]));
    expect(r.zeroCaseGroups).toBeGreaterThan(0);
    expect(r.narrowed.map((f) => f.key)).toContain('2025-08|1.1.1|all|c:stunting');
    expect(r.narrowed.find((f) => f.key === '2025-08|1.1.1|all|c:stunting')!.value).toBe(0);
  });

  it('finds a desa hidden alone, and hidden desa that are all cases (non-cases 0)', () => {
    const alone = attack(publication([{ n: 6, cases: 2, label: 'primary' }, { n: 30, cases: 4 }, { n: 40, cases: 5 }]));
    expect(alone.narrowed).toContainEqual({ key: '2025-08|1.1.1|all|n:zlen', value: 6 });
    const all = attack(publication([{ n: 6, cases: 6, label: 'primary' }, { n: 12, cases: 12, label: 'complementary' }, { n: 30, cases: 4 }]));
    expect(all.narrowed).toContainEqual({ key: '2025-08|1.1.1|all|m:stunting', value: 0 });
  });

  it('uses the labels: primary (< 10) and complementary (>= 10) hidden with 11 between them pins both', () => {
    const r = attack(publication([{ n: 1, cases: 1, label: 'primary' }, { n: 10, cases: 3, label: 'complementary' }, { n: 30, cases: 4 }]));
    expect(r.narrowed).toContainEqual({ key: '2025-08|1.1.2|all|n:zlen', value: 10 });
  });

  it('pins nothing when two hidden desa share a non-trivial remainder', () => {
    const r = attack(publication([{ n: 6, cases: 1, label: 'primary' }, { n: 15, cases: 3, label: 'complementary' }, { n: 30, cases: 4 }]));
    expect(r.narrowed).toEqual([]);
    expect(r.contradictions).toEqual([]);
  });
});

describe('the demo build', () => {
  let out: string;
  let result: AttackResult;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'attacker-demo-'));
    dirs.push(out);
    await runBuild({ configPath: join(REPO, 'data/site.config.json'), outDir: join(out, 'out'), log: () => {}, workers: 2 });
    result = attack(join(out, 'out/data/v1'));
  }, 300_000);

  it('has hidden values to attack', () => {
    expect(result.hidden).toBeGreaterThan(500);
    expect(result.hiddenGroups).toBeGreaterThan(100);
  });

  it('no hidden count can be narrowed to one value from the published files', () => {
    expect(result.contradictions).toEqual([]);
    expect(result.zeroCaseGroups).toBe(0);
    expect(result.narrowed).toEqual([]);
  });
});

describe('the golden fixture (Kota Metro, 256 children: small cells everywhere)', () => {
  it('no hidden count can be narrowed to one value', async () => {
    const out = mkdtempSync(join(tmpdir(), 'attacker-golden-'));
    dirs.push(out);
    await runBuild({ configPath: join(REPO, 'test/fixtures/golden/site.config.json'), outDir: join(out, 'out'), log: () => {}, workers: 1 });
    const r = attack(join(out, 'out/data/v1'));
    expect(r.hiddenGroups).toBeGreaterThan(10);
    expect(r.contradictions).toEqual([]);
    expect(r.zeroCaseGroups).toBe(0);
    expect(r.narrowed).toEqual([]);
  }, 120_000);
});
