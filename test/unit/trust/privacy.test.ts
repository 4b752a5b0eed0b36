/**
 * Privacy of the published data: a synthetic e-PPGBM export (the demo generator, Kota Metro, four rounds, with its
 * injected faults) goes through the real build; then no NIK, child or parent name, address or birth date may appear
 * in any published file, no published count may describe fewer than `suppression_min` children, and no suppressed
 * cell may be recovered by subtraction: under every published total (desa → kecamatan → kabupaten, sexes and age
 * groups → area, a kecamatan's sex/age cell → the kabupaten's), a hidden non-empty part is never alone.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoConfig, writeDemoData } from '../../../scripts/lib/demo-data.ts';
import { AGE_GROUPS, INDICATORS } from '../../../src/lib/types.ts';
import { build, cleanup, listFiles, makeDataDir, type Outcome } from './harness.ts';
import { decodeEscapes, scanForLeaks, secretsOf, type Secret } from './leaks.ts';

const MIN = 10;
let dir: string;
let r: Extract<Outcome, { ok: true }>;
let secrets: Secret[];
let v1: string;

beforeAll(async () => {
  dir = makeDataDir({ config: { demo: { synthetic: true, seed: 4242 }, periods: { from: '2024-02', to: '2025-08' }, maxBadRowShare: 0.5, suppression: { minMeasured: MIN } } });
  // Few children per round, so that small desa, sex and age cells (primary and complementary suppression) occur.
  await writeDemoData(dir, readDemoConfig(dir), { childrenPerRound: 450, log: () => {} });
  const files = readdirSync(join(dir, 'measurements')).filter((f) => f.endsWith('.csv.gz'));
  expect(files.length).toBe(4);
  secrets = files.flatMap((f) => secretsOf(gunzipSync(readFileSync(join(dir, 'measurements', f))).toString('utf8')));
  const out = await build(dir, { workers: 2 });
  if (!out.ok) throw new Error(out.message);
  r = out;
  v1 = join(r.out, 'data/v1');
}, 120_000);
afterAll(() => cleanup(dir));

describe('privacy: no personal data in the published files', () => {
  it('the demo export holds personal data to look for', () => {
    const kinds = new Set(secrets.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['address', 'birth_date', 'name', 'nik', 'parent_name']);
    expect(secrets.filter((s) => s.kind === 'nik').length).toBeGreaterThan(1000);
  });

  it('finds no NIK, name, parent name, address or birth date in any data file (JSON, CSV)', () => {
    const files = listFiles(v1);
    expect(files.some((f) => f.endsWith('.csv')) && files.some((f) => f.endsWith('.json'))).toBe(true);
    const leaks = scanForLeaks(v1, secrets);
    expect(leaks, JSON.stringify(leaks.slice(0, 5), null, 1)).toEqual([]);
  });

  it('the scanner itself finds what it looks for (positive control: the export, escaped HTML, JSON \\u escapes, gzip)', () => {
    const s = secrets.find((x) => x.kind === 'name')!;
    const nik = secrets.find((x) => x.kind === 'nik')!;
    expect(scanForLeaks(join(dir, 'measurements'), [s, nik]).length).toBeGreaterThanOrEqual(2);
    const probe = join(dir, 'probe.html');
    writeFileSync(probe, `<p>${s.value.replace(/ /g, '&#32;').toUpperCase()}</p><script>var x="${nik.value.split('').map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('')}"</script>`);
    expect(scanForLeaks(probe, [s, nik]).map((l) => l.kind).sort()).toEqual(['name', 'nik']);
    expect(decodeEscapes('Jos&eacute;&#233;\\u00e9&amp;')).toBe('Jos&eacute;éé&');
  });

  it('validation.json names files, lines and columns but hides identity cells', () => {
    const v = JSON.parse(readFileSync(join(v1, 'validation.json'), 'utf8'));
    expect(v.rows_read).toBeGreaterThan(1000);
    for (const [reason, list] of Object.entries(v.examples as Record<string, { column?: string; raw?: string }[]>)) {
      for (const e of list) {
        if (e.column && /NIK|Nama|Tgl Lahir|Alamat|Ortu/i.test(e.column)) expect(e.raw, `${reason} ${e.column}`).toMatch(/disembunyikan/);
      }
    }
  });

  it('publishes no count of fewer than suppression_min children (no single child\'s record)', () => {
    const small = (n: unknown) => typeof n === 'number' && n > 0 && n < MIN;
    const bad: string[] = [];
    for (const f of listFiles(join(v1, 'series'))) {
      const s = JSON.parse(readFileSync(f, 'utf8'));
      for (const [p, x] of Object.entries<any>(s.periods)) {
        if (small(x.measured) || small(x.valid)) bad.push(`${s.code} ${p} measured ${x.measured}`);
        for (const [id, iv] of Object.entries<any>(x.indicators)) if (small(iv.n)) bad.push(`${s.code} ${p} ${id} n=${iv.n}`);
      }
      for (const [p, b] of Object.entries<any>(s.breakdowns ?? {})) {
        for (const group of [b.sex, b.age]) for (const [g, cell] of Object.entries<any>(group)) for (const [id, iv] of Object.entries<any>(cell)) if (small(iv.n)) bad.push(`${s.code} ${p} ${g} ${id} n=${iv.n}`);
      }
    }
    for (const f of listFiles(join(v1, 'map'))) {
      const m = JSON.parse(readFileSync(f, 'utf8'));
      for (const [code, x] of Object.entries<any>(m.values)) {
        if (small(x.measured)) bad.push(`map ${code} measured ${x.measured}`);
        for (const id of INDICATORS) if (small(x[id]?.n)) bad.push(`map ${code} ${id}`);
      }
    }
    const csv = readFileSync(join(v1, 'stunting.csv'), 'utf8').trim().split('\n');
    const mi = csv[0].split(',').indexOf('measured');
    for (const l of csv.slice(1)) if (small(Number(l.split(',')[mi]) || 0)) bad.push(`stunting.csv ${l}`);
    expect(bad).toEqual([]);
  });
});

describe('privacy: suppression cannot be undone by subtraction', () => {
  type IV = { n: number | null; status: string };
  const series = () => new Map(listFiles(join(v1, 'series')).map((f) => { const s = JSON.parse(readFileSync(f, 'utf8')); return [s.code as string, s]; }));

  /** For one published total and its parts: a hidden (suppressed) part is never alone; returns a problem or null. */
  function audit(where: string, total: IV | undefined, parts: (IV | undefined)[]): string | null {
    if (!total || total.status !== 'ok') return null;
    const hidden = parts.filter((p) => p?.status === 'suppressed').length;
    return hidden === 1 ? `${where}: one hidden part under a published total (n=${total.n})` : null;
  }

  it('the build suppresses something (primary and complementary), so the audit is not vacuous', () => {
    const text = listFiles(join(v1, 'series')).map((f) => readFileSync(f, 'utf8')).join('');
    expect(text).toContain('"suppression":"primary"');
    expect(text).toContain('"suppression":"complementary"');
  });

  it('for every parent, period and indicator: desa under kecamatan, kecamatan under kabupaten', () => {
    const all = series();
    const problems: string[] = [];
    let checked = 0;
    for (const parent of all.values()) {
      const kids = [...all.values()].filter((s) => s.parent === parent.code);
      if (kids.length === 0) continue;
      for (const p of Object.keys(parent.periods)) {
        for (const id of INDICATORS) {
          const pr = audit(`${parent.code} ${p} ${id}`, parent.periods[p].indicators[id], kids.map((k) => k.periods[p]?.indicators[id]));
          checked++;
          if (pr) problems.push(pr);
        }
        // The number measured is published too: the same rule for it.
        const m = (s: any): IV | undefined => s.periods[p] && { n: s.periods[p].measured, status: s.periods[p].measured_status ?? (s.periods[p].measured === null ? 'suppressed' : 'ok') };
        const pr = audit(`${parent.code} ${p} measured`, m(parent), kids.map(m));
        if (pr) problems.push(pr);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('across the sex and age breakdowns: parts under the area, and each kecamatan cell under the kabupaten cell', () => {
    const all = series();
    const problems: string[] = [];
    let checked = 0;
    const withBreakdowns = [...all.values()].filter((s) => s.breakdowns);
    expect(withBreakdowns.length).toBeGreaterThan(1);
    const kab = withBreakdowns.find((s) => s.level === 'kabupaten')!;
    for (const s of withBreakdowns) {
      for (const [p, b] of Object.entries<any>(s.breakdowns)) {
        for (const id of INDICATORS) {
          const total = s.periods[p]?.indicators[id];
          for (const [name, group, keys] of [['sex', b.sex, ['1', '2']], ['age', b.age, AGE_GROUPS]] as const) {
            const pr = audit(`${s.code} ${p} ${id} ${name}`, total, keys.map((k) => group[k]?.[id]));
            checked++;
            if (pr) problems.push(pr);
          }
        }
      }
    }
    // A kecamatan's sex or age cell is a part of the same cell of the kabupaten.
    const kecs = withBreakdowns.filter((s) => s.parent === kab.code);
    for (const [p, b] of Object.entries<any>(kab.breakdowns)) {
      for (const id of INDICATORS) {
        for (const [name, keys] of [['sex', ['1', '2']], ['age', AGE_GROUPS]] as const) {
          for (const k of keys) {
            const pr = audit(`${kab.code} ${p} ${id} ${name}=${k}`, b[name][k]?.[id], kecs.map((c) => c.breakdowns?.[p]?.[name]?.[k]?.[id]));
            checked++;
            if (pr) problems.push(pr);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('a hidden value is hidden everywhere: map files and stunting.csv agree with the series', () => {
    const all = series();
    const leaks: string[] = [];
    for (const f of listFiles(join(v1, 'map'))) {
      const m = JSON.parse(readFileSync(f, 'utf8'));
      for (const [code, x] of Object.entries<any>(m.values)) {
        for (const id of INDICATORS) {
          const s = all.get(code)?.periods[m.period]?.indicators[id];
          if (s?.status === 'suppressed' && x[id]?.n !== null) leaks.push(`${f} ${code} ${id}`);
        }
      }
    }
    const csv = readFileSync(join(v1, 'stunting.csv'), 'utf8').trim().split('\n');
    const h = csv[0].split(',');
    for (const l of csv.slice(1)) {
      const c = l.split(',');
      const row = Object.fromEntries(h.map((k, i) => [k, c[i]]));
      const s = all.get(row.area_code)?.periods[row.period]?.indicators[row.indicator];
      if (s?.status === 'suppressed' && (row.measured !== '' || row.cases !== '')) leaks.push(`stunting.csv ${l}`);
    }
    expect(leaks).toEqual([]);
  });
});
