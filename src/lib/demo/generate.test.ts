/** The demo generator's output as files: format, size, determinism, and writing the demo data folder. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS_2025 } from '../../../scripts/lib/areas-file.ts';
import { deterministicGzip, ensureDemoData } from '../../../scripts/lib/demo-data.ts';
import { banyuwangiDemo, C, dmyDay, HEADER_LINE, metro, SEED, tables } from '../../../test/helpers/demo-export.ts';
import { dayNumber, daysInMonth } from '../csv/values.ts';
import { DEMO_HEADERS } from './export-format.ts';
import { generateDemo, type DemoFile } from './generate.ts';
import type { DemoManifest } from './manifest.ts';
import { BANYUWANGI_CHILDREN_PER_ROUND } from './params.ts';
import { planDemo, type DemoPlan } from './plan.ts';
import { FAKE_NIK_PATTERN } from './names.ts';

let plan: DemoPlan;
let files: DemoFile[];
let rowsByRound: string[][][];

beforeAll(() => {
  ({ plan, files, rowsByRound } = banyuwangiDemo());
}, 120_000); // about 4 s alone; generous because other suites run in parallel

describe('format', () => {
  it('has the documented e-PPGBM-style header, ; delimiter, CRLF line ends, no BOM and no quoting', () => {
    for (const f of files) {
      expect(f.text.startsWith(`${HEADER_LINE}\r\n`)).toBe(true);
      expect(/\r\n/.test(f.text) && !/[^\r]\n/.test(f.text)).toBe(true);
      expect(f.text.includes('"')).toBe(false);
    }
    expect(DEMO_HEADERS.join(';')).toBe(HEADER_LINE);
  });

  it('writes 8 rounds, February and August 2022-2025, named demo-YYYY-MM.csv.gz', () => {
    expect(files.map((f) => f.fileName)).toEqual([
      'demo-2022-02.csv.gz', 'demo-2022-08.csv.gz', 'demo-2023-02.csv.gz', 'demo-2023-08.csv.gz',
      'demo-2024-02.csv.gz', 'demo-2024-08.csv.gz', 'demo-2025-02.csv.gz', 'demo-2025-08.csv.gz',
    ]);
  });

  it('uses L/P, DD/MM/YYYY, decimal commas, Terlentang/Berdiri, names not codes', () => {
    const rows = rowsByRound[3];
    const desaNames = new Set(plan.desa.map((d) => d.exportName));
    const date = /^\d{2}\/\d{2}\/\d{4}$/;
    const bad: string[] = [];
    let named = 0;
    for (const r of rows) {
      const ok =
        r.length === 18 &&
        (r[C.JK] === 'L' || r[C.JK] === 'P') &&
        date.test(r[C['Tgl Lahir']]) &&
        date.test(r[C['Tanggal Pengukuran']]) &&
        (r[C['Cara Ukur']] === 'Terlentang' || r[C['Cara Ukur']] === 'Berdiri') &&
        (r[C.Edema] === 'Ya' || r[C.Edema] === 'Tidak') &&
        !/\d/.test(r[C['Desa/Kel']]) &&
        (r[C.Berat] === '' || /^\d+(,\d)?$/.test(r[C.Berat])) &&
        (r[C.Tinggi] === '' || /^\d+(,\d)?$/.test(r[C.Tinggi])) &&
        (r[C.LiLA] === '' || /^\d+,\d$/.test(r[C.LiLA]));
      if (!ok) bad.push(r.join(';'));
      if (desaNames.has(r[C['Desa/Kel']])) named++;
    }
    expect(bad.slice(0, 3)).toEqual([]);
    expect(named / rows.length).toBeGreaterThan(0.98);
    expect(rows[0][C.Prov]).toBe('JAWA TIMUR');
    expect(rows[0][C['Kab/Kota']]).toBe('KAB. BANYUWANGI');
    expect(rows.map((r) => Number(r[C.No]))).toEqual(rows.map((_, i) => i + 1));
  });

  it('uses only clearly fake identities', () => {
    const bad: string[] = [];
    for (const rows of rowsByRound) {
      for (const r of rows) {
        if (
          !FAKE_NIK_PATTERN.test(r[C.NIK]) ||
          !r[C['Nama Anak']].endsWith(' (Contoh)') ||
          !r[C['Nama Ortu']].endsWith(' (Contoh)') ||
          !r[C.Alamat].startsWith('Jl. Contoh No. ')
        ) {
          bad.push(r.join(';'));
        }
      }
    }
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('spreads measurement dates across the month', () => {
    for (const [ri, rows] of rowsByRound.entries()) {
      const [y, m] = plan.periods[ri].split('-').map(Number);
      const days = new Set<number>();
      for (const r of rows) {
        const d = dmyDay(r[C['Tanggal Pengukuran']]);
        if (d === d && d >= dayNumber(y, m, 1) && d <= dayNumber(y, m, daysInMonth(y, m))) days.add(d);
      }
      expect(days.size).toBeGreaterThanOrEqual(daysInMonth(y, m) - 1);
    }
  });
});

describe('size', () => {
  it('has about 55,000 rows per round for Banyuwangi (within 5%)', () => {
    for (const rows of rowsByRound) {
      expect(Math.abs(rows.length / BANYUWANGI_CHILDREN_PER_ROUND - 1)).toBeLessThan(0.05);
    }
  });

  it('spreads children over desa by a skewed population, kelurahan larger, with a few desa under 10', () => {
    for (const f of files) {
      const counts = f.round.counts.map((c) => c.children);
      expect(counts.filter((c) => c > 0 && c < 10).length).toBeGreaterThanOrEqual(1);
      const sorted = [...counts].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
      expect(mean).toBeGreaterThan(median); // right-skewed
      expect(sorted[sorted.length - 1]).toBeGreaterThan(3 * median);
    }
    const avg = (kind: string) => {
      const xs = plan.desa.filter((d) => d.kind === kind && !d.small).map((d) => d.expectedMeasured);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(avg('kelurahan')).toBeGreaterThan(1.3 * avg('desa'));
  });

  it('scales to other regions by number of desa, or to childrenPerRound', () => {
    const m = generateDemo(metro, tables, { seed: SEED });
    const target = Math.round((BANYUWANGI_CHILDREN_PER_ROUND / 217) * metro.desa.length);
    expect(m.plan.childrenPerRound).toBe(target);
    for (const f of m.files) expect(Math.abs(f.round.rows.length / target - 1)).toBeLessThan(0.06);
    expect(m.files[0].text.split('\r\n')[1].split(';')[C['Kab/Kota']]).toBe('KOTA METRO');
    const small = generateDemo(metro, tables, { seed: SEED, childrenPerRound: 2000, from: '2024-02', to: '2024-08' });
    expect(small.files.map((f) => f.period)).toEqual(['2024-02', '2024-08']);
    for (const f of small.files) expect(Math.abs(f.round.rows.length / 2000 - 1)).toBeLessThan(0.08);
  });
});


describe('determinism', () => {
  it('same seed, same bytes (text and gzip); another seed, other bytes', () => {
    const a = generateDemo(metro, tables, { seed: 11 });
    const b = generateDemo(metro, tables, { seed: 11 });
    const c = generateDemo(metro, tables, { seed: 12 });
    for (let i = 0; i < a.files.length; i++) {
      expect(a.files[i].text).toBe(b.files[i].text);
      expect(deterministicGzip(a.files[i].text).equals(deterministicGzip(b.files[i].text))).toBe(true);
      expect(a.files[i].text).not.toBe(c.files[i].text);
    }
    expect(JSON.stringify(a.manifest)).toBe(JSON.stringify(b.manifest));
    // Same seed over a different region: a desa's plan depends on its own code, not on the other desa.
    expect(planDemo(metro, { seed: 11 }).desa.map((d) => d.coverage)).toEqual(a.plan.desa.map((d) => d.coverage));
  });

  it('writes a reproducible gzip header (no mtime, no name, OS byte fixed)', () => {
    const gz = deterministicGzip('a;b\r\n');
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(gunzipSync(gz).toString()).toBe('a;b\r\n');
  });
});

describe('ensureDemoData', () => {
  it('writes the rounds and the manifest atomically when there is no measurement file, and nothing otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-data-'));
    try {
      writeFileSync(
        join(dir, 'site.config.json'),
        JSON.stringify({
          region: '18.72',
          boundaries: 'boundaries',
          areas: { file: AREAS_2025 },
          periods: { from: '2024-08', to: '2025-08' },
          demo: { synthetic: true, seed: 5 },
        }),
      );
      const s = await ensureDemoData(dir);
      expect(s).not.toBeNull();
      const names = readdirSync(join(dir, 'measurements')).sort();
      expect(names).toEqual(['demo-2024-08.csv.gz', 'demo-2025-02.csv.gz', 'demo-2025-08.csv.gz', 'demo-manifest.json']);
      const text = gunzipSync(readFileSync(join(dir, 'measurements', 'demo-2025-02.csv.gz'))).toString('utf8');
      expect(text.startsWith(HEADER_LINE)).toBe(true);
      const m = JSON.parse(readFileSync(join(dir, 'measurements', 'demo-manifest.json'), 'utf8')) as DemoManifest;
      expect(m.periods).toEqual(['2024-08', '2025-02', '2025-08']);
      expect(m.totals['2025-02'].rows).toBe(text.split('\r\n').length - 2);
      const before = readFileSync(join(dir, 'measurements', 'demo-2024-08.csv.gz'));
      expect(await ensureDemoData(dir)).toBeNull();
      expect(readFileSync(join(dir, 'measurements', 'demo-2024-08.csv.gz')).equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
