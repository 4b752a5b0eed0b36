import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS_2025, readAreaListText, readRegistry } from '../../../scripts/lib/areas-file.ts';
import { readWhoTables } from '../../../scripts/lib/who-files.ts';
import { deterministicGzip, writeDemoData } from '../../../scripts/lib/demo-data.ts';
import { parseSiteConfig } from '../config.ts';
import { formatHeader, formatRows } from './export-format.ts';
import { generateDemo } from './generate.ts';
import { addDesaToManifest, createManifest } from './manifest.ts';
import { FAKE_NIK_PATTERN } from './names.ts';
import { planDemo, type DemoOptions, type DemoRegistry } from './plan.ts';
import { provinceDemoRegistry } from './province.ts';
import { streamDemoByDesa, type DemoStreamStats } from './stream.ts';

const tables = readWhoTables();
const areaText = readAreaListText(AREAS_2025);

/** The streaming path's round texts, manifest and row truths, assembled the way the writer assembles them. */
function streamed(registry: DemoRegistry, options: DemoOptions) {
  const plan = planDemo(registry, options);
  const manifest = createManifest(plan);
  const texts = plan.periods.map(() => formatHeader());
  const counts = plan.periods.map(() => 0);
  const rows = plan.periods.map(() => [] as { child: number; desa: number; fault: string | null }[]);
  const stats: DemoStreamStats = { children: 0, peakMovers: 0 };
  for (const part of streamDemoByDesa(plan, tables, stats)) {
    addDesaToManifest(manifest, plan, part.di, part.counts);
    part.rows.forEach((rs, r) => {
      texts[r] += formatRows(rs, counts[r] + 1);
      counts[r] += rs.length;
      for (const x of rs) rows[r].push({ child: x.child, desa: x.desa, fault: x.fault });
    });
  }
  return { plan, manifest, texts, rows, stats };
}

/** Asserts that the streaming path gives exactly the whole-region path's output. */
function expectSameAsWholeRegion(registry: DemoRegistry, options: DemoOptions): ReturnType<typeof streamed> {
  const whole = generateDemo(registry, tables, options);
  const s = streamed(registry, options);
  expect(s.texts.length).toBe(whole.files.length);
  whole.files.forEach((f, r) => {
    expect(s.texts[r] === f.text, `round ${f.period} text`).toBe(true);
    expect(s.rows[r]).toEqual(f.round.rows.map((x) => ({ child: x.child, desa: x.desa, fault: x.fault })));
  });
  expect(JSON.stringify(s.manifest)).toBe(JSON.stringify(whole.manifest));
  return s;
}

describe('streaming the demo one desa at a time', () => {
  it('gives the same rows, text and manifest as the whole-region path, movers included (Kota Metro)', () => {
    const s = expectSameAsWholeRegion(readRegistry('18.72'), { seed: 3, from: '2023-02', to: '2025-08' });
    // Children moving between desa were carried over from their birth desa (both directions occur in 22 desa).
    expect(s.stats.peakMovers).toBeGreaterThan(0);
    expect(s.stats.children).toBeGreaterThan(s.rows[0].length);
    const ids = s.rows.flat().map((r) => r.child);
    expect(Math.max(...ids)).toBeLessThan(s.stats.children);
  });

  it('writes gzip files byte-identical to compressing each whole round at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-stream-'));
    try {
      const parsed = parseSiteConfig({
        region: '18.72',
        boundaries: 'boundaries',
        areas: { file: AREAS_2025 },
        periods: { from: '2024-08', to: '2025-08' },
        demo: { synthetic: true, seed: 9 },
      });
      if (!parsed.ok) throw new Error('config');
      const summary = await writeDemoData(dir, parsed.config);
      const whole = generateDemo(readRegistry('18.72'), tables, { seed: 9, from: '2024-08', to: '2025-08' });
      expect(summary.files.map((f) => f.period)).toEqual(whole.files.map((f) => f.period));
      for (const [i, f] of summary.files.entries()) {
        const bytes = readFileSync(f.path);
        expect(bytes.equals(deterministicGzip(whole.files[i].text)), f.path).toBe(true);
        expect(f.rows).toBe(whole.files[i].round.rows.length);
        expect(f.gzipBytes).toBe(bytes.length);
      }
      expect(readFileSync(summary.manifestPath, 'utf8')).toBe(`${JSON.stringify(whole.manifest, null, 1)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a province as the demo region', () => {
  it('lists every kab/kota of the province, or the first N, with their kecamatan and desa', () => {
    const all = provinceDemoRegistry(areaText, '35');
    expect(all.region).toEqual({ code: '35', name: 'Jawa Timur', level: 'provinsi', parent: null, kind: 'provinsi' });
    expect(all.kabupaten).toHaveLength(38);
    expect(all.kecamatan).toHaveLength(666);
    expect(all.desa).toHaveLength(8494);
    expect(all.desa.every((d) => d.code.startsWith('35.'))).toBe(true);
    const two = provinceDemoRegistry(areaText, '35', 2);
    expect(two.kabupaten!.map((k) => k.code)).toEqual(['35.01', '35.02']);
    expect(two.desa.length).toBe(readRegistry('35.01').desa.length + readRegistry('35.02').desa.length);
    expect(() => provinceDemoRegistry(areaText, '35.10')).toThrow(/not a province code/);
    expect(() => provinceDemoRegistry(areaText, '98')).toThrow(/region 98 is not in the area list/);
  });

  it('streams a two-kab/kota province like the whole-region path, each row naming its own kab/kota', () => {
    const registry = provinceDemoRegistry(areaText, '35', 2);
    const s = expectSameAsWholeRegion(registry, { seed: 4, childrenPerRound: 1500, from: '2025-02', to: '2025-08' });
    const lines = s.texts[1].split('\r\n').slice(1, -1).map((l) => l.split(';'));
    const kabOf = new Map([['35.01', 'KAB. PACITAN'], ['35.02', 'KAB. PONOROGO']]);
    lines.forEach((cells, k) => {
      const d = s.plan.desa[s.rows[1][k].desa];
      expect(cells[8]).toBe(kabOf.get(d.code.slice(0, 5)));
      expect(cells[7]).toBe('JAWA TIMUR');
      expect(cells[1]).toMatch(FAKE_NIK_PATTERN);
    });
    // NIK area digits: a child born in the province carries its kab/kota's digits; one who moved in never carries
    // the digits of a kab/kota of the province.
    const kabDigits = lines.map((c) => c[1].slice(2, 4));
    expect(new Set(kabDigits)).toContain('01');
    expect(new Set(kabDigits)).toContain('02');
    // One NIK is one child: the same NIK never appears for two children.
    const childOf = new Map<string, number>();
    lines.forEach((c, k) => {
      const prev = childOf.get(c[1]);
      if (prev !== undefined) expect(prev).toBe(s.rows[1][k].child);
      childOf.set(c[1], s.rows[1][k].child);
    });
  });
});

describe('the writer cleans up on failure', () => {
  it('leaves no file behind when the region is unknown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-stream-'));
    try {
      writeFileSync(join(dir, 'x'), '');
      const parsed = parseSiteConfig({ region: '18.72', boundaries: 'b', areas: { file: AREAS_2025 }, demo: { synthetic: true, seed: 1 } });
      if (!parsed.ok) throw new Error('config');
      await expect(writeDemoData(dir, { ...parsed.config, region: '98' })).rejects.toThrow(/region 98 is not in the area list/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
