import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addObservation, createCountTable, rollUp } from '../aggregate/counts.ts';
import { publishedValues, type PublishedValues } from '../aggregate/values.ts';
import { parseSiteConfig, type SiteConfig } from '../config.ts';
import { INDICATORS, type Area, type Observation } from '../types.ts';
import { smoothPublished } from '../aggregate/smooth-values.ts';
import { collectFiles } from './files.ts';
import { latestPeriod, mapValuesJson, publishFiles, seriesJson, tidyTables, type PublishInput } from './publish.ts';

const sha256 = (text: string | readonly string[]) => createHash('sha256').update(typeof text === 'string' ? text : text.join(''), 'utf8').digest('hex');
const PERIODS = ['2025-02', '2025-08'];
const AREAS: Area[] = [
  { code: '18.72', name: 'Metro', level: 'kabupaten', parent: null, kind: 'kota' },
  { code: '18.72.01', name: 'Metro Pusat', level: 'kecamatan', parent: '18.72', kind: 'kecamatan' },
  { code: '18.72.01.1001', name: 'Imopuro', level: 'desa', parent: '18.72.01', kind: 'kelurahan' },
  { code: '18.72.01.1002', name: '=Hadimulyo, "Barat"', level: 'desa', parent: '18.72.01', kind: 'kelurahan' },
  { code: '18.72.01.1003', name: 'Yosodadi', level: 'desa', parent: '18.72.01', kind: 'kelurahan' },
  { code: '18.72.01.1004', name: 'Metro', level: 'desa', parent: '18.72.01', kind: 'kelurahan' },
];
const PARENT = Int32Array.from(AREAS.map((a) => AREAS.findIndex((p) => p.code === a.parent)));

function config(extra: Record<string, unknown> = {}): SiteConfig {
  const r = parseSiteConfig({ region: '18.72', boundaries: 'b', title: { id: 'Data Stunting Metro', en: 'Stunting data, Metro' }, suppression: { minMeasured: 5 }, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

/** Desa 1001: 12 and 15 children, desa 1002: 20 and 0, desa 1003: 3 in the first period only (under the minimum),
 * desa 1004: 6 in the first period (the smallest sibling, so the complementary cell). */
function values(extraCase = 0): PublishedValues {
  const t = createCountTable(AREAS.length, PERIODS.length);
  const put = (a: number, p: number, n: number, cases: number) => {
    for (let i = 0; i < n; i++) {
      const o = {
        sex: ((i % 2) + 1) as 1 | 2, ageDays: 100 + i * 53, zlen: i < cases ? -2.4 : 0, flen: 0, zwei: 0, fwei: 0, zwfl: i === 0 ? 2.5 : 0,
        fwfl: 0, zbmi: 0, fbmi: 0,
      } as Observation;
      addObservation(t, a, p, o);
    }
  };
  put(2, 0, 12, 3 + extraCase);
  put(2, 1, 15, 2);
  put(3, 0, 20, 5);
  put(4, 0, 3, 1);
  put(5, 0, 6, 2);
  rollUp(t, PARENT);
  return publishedValues(t, AREAS, PARENT, PERIODS, 5);
}

function input(over: Partial<PublishInput> = {}): PublishInput {
  return {
    config: config(),
    region: AREAS[0],
    province: { code: '18', name: 'Lampung' },
    values: values(),
    target: (a, p) => (a === 2 && p === 0 ? 40 : null),
    lokus: new Map([['18.72.01.1002', [2025, 2024]]]),
    surveys: [],
    surveysCsv: 'level,year,value\n',
    boundaries: { desa: '{"type":"Topology"}' },
    quality: null,
    qualityCsv: null,
    validation: { rows_read: 60, rows_accepted: 50, rows_rejected: 10, by_reason: { future_date: 10 } },
    children: 50,
    sha256,
    ...over,
  };
}

/** Splits CSV text into rows of cells (quotes, doubled quotes), for reading back what the publisher wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trimEnd().split('\n')) {
    const cells: string[] = [];
    let cell = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (q && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') q = !q;
      else if (c === ',' && !q) cells.push(cell), (cell = '');
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

describe('publishFiles', () => {
  const files = publishFiles(input());
  const json = (p: string) => JSON.parse(files.get(p)!);

  it('writes the tidy CSV: one row per area, period and indicator, suppressed cells empty', () => {
    const rows = parseCsv(files.get('stunting.csv')!);
    expect(rows[0]).toEqual(['area_code', 'area_name', 'level', 'period', 'indicator', 'measured', 'cases', 'prevalence', 'ci_low', 'ci_high', 'status', 'smoothed_prevalence', 'smoothed_ci_low', 'smoothed_ci_high']);
    expect(rows.length - 1).toBe(AREAS.length * PERIODS.length * INDICATORS.length);
    const row = (code: string, period: string, ind: string) => rows.find((r) => r[0] === code && r[3] === period && r[4] === ind)!;
    // 3 of 12: 25.0 %.
    expect(row('18.72.01.1001', '2025-02', 'stunting').slice(5, 8)).toEqual(['12', '3', '25']);
    expect(row('18.72.01.1003', '2025-02', 'stunting').slice(5)).toEqual(['', '', '', '', '', 'suppressed', '', '', '']);
    expect(row('18.72.01.1002', '2025-08', 'stunting').slice(5)).toEqual(['', '', '', '', '', 'not_measured', '', '', '']);
    expect(row('18.72.01.1004', '2025-02', 'stunting').slice(5)).toEqual(['', '', '', '', '', 'suppressed', '', '', '']);
    // The kecamatan: 12 + 20 + 3 + 6 = 41 children, 3 + 5 + 1 + 2 = 11 cases.
    expect(row('18.72.01', '2025-02', 'stunting').slice(5, 7)).toEqual(['41', '11']);
    // A name that starts like a formula is neutralised, and quotes survive.
    expect(row('18.72.01.1002', '2025-02', 'wasting')[1]).toBe('\'=Hadimulyo, "Barat"');
  });

  it('writes each area CSV as exactly its rows of the tidy CSV', () => {
    const tidy = files.get('stunting.csv')!.split('\n');
    const header = tidy[0];
    const body = AREAS.map((a) => {
      const own = files.get(`csv/${a.code}.csv`)!.split('\n');
      expect(own[0]).toBe(header);
      return own.slice(1, -1);
    }).flat();
    expect(body).toEqual(tidy.slice(1, -1));
  });

  it('versions the data by the SHA-256 of the tidy CSV and names the latest measured period', () => {
    const meta = json('meta.json');
    expect(meta.data_version).toBe(sha256(files.get('stunting.csv')!).slice(0, 12));
    expect(meta.periods).toEqual(PERIODS);
    expect(meta.latest_period).toBe('2025-08');
    expect(meta.region).toEqual({ code: '18.72', name: 'Metro', province: { code: '18', name: 'Lampung' } });
    expect(meta.counts).toEqual({ rows_read: 60, rows_accepted: 50, rows_rejected: 10, children: 50 });
    expect(meta.suppression_min).toBe(5);
    expect(meta.indicators.map((i: { id: string }) => i.id)).toEqual([...INDICATORS]);
    expect(meta.basemap).toBeUndefined();
  });

  it('changes the data version with any number, and gives the same bytes for the same input', () => {
    expect(publishFiles(input())).toEqual(files);
    const other = publishFiles(input({ values: values(1) }));
    expect(JSON.parse(other.get('meta.json')!).data_version).not.toBe(json('meta.json').data_version);
  });

  it('writes areas with sorted lokus years, and series with coverage against the target', () => {
    expect(json('areas.json')[3]).toEqual({ code: '18.72.01.1002', name: '=Hadimulyo, "Barat"', level: 'desa', parent: '18.72.01', kind: 'kelurahan', lokus: [2024, 2025] });
    const s = json('series/18.72.01.1001.json');
    expect(Object.keys(s.periods)).toEqual(PERIODS);
    // 12 measured of a target of 40: 30.0 %.
    expect(s.periods['2025-02']).toMatchObject({ measured: 12, target: 40, coverage: 30, measured_status: 'ok' });
    expect(s.periods['2025-08']).toMatchObject({ measured: 15, target: null, coverage: null });
    expect(Object.keys(s.periods['2025-02'].indicators.stunting)).toEqual(['n', 'cases', 'prevalence', 'ci_low', 'ci_high', 'status', 'smoothed_prevalence', 'smoothed_ci_low', 'smoothed_ci_high']);
    expect(s.breakdowns).toBeUndefined();
    const kec = json('series/18.72.01.json');
    expect(Object.keys(kec.breakdowns['2025-02'].sex)).toEqual(['1', '2']);
    expect(Object.keys(kec.breakdowns['2025-02'].age).sort()).toEqual(['0-5', '12-23', '24-35', '36-47', '48-59', '6-11'].sort());
    expect(json('series/18.72.01.1003.json').periods['2025-02'].indicators.stunting).toMatchObject({ status: 'suppressed', suppression: 'primary', n: null });
    expect(json('series/18.72.01.1004.json').periods['2025-02'].indicators.stunting).toMatchObject({ status: 'suppressed', suppression: 'complementary', n: null });
  });

  it('writes one map file per level and period holding exactly the areas of that level', () => {
    for (const level of ['kabupaten', 'kecamatan', 'desa']) {
      for (const period of PERIODS) {
        const m = json(`map/${level}/${period}.json`);
        expect(m.level).toBe(level);
        expect(Object.keys(m.values)).toEqual(AREAS.filter((a) => a.level === level).map((a) => a.code));
      }
    }
    expect(json('map/desa/2025-02.json').values['18.72.01.1002']).toMatchObject({ measured: 20, stunting: { n: 20, cases: 5, prevalence: 25 } });
  });

  it('passes boundaries and validation through, and writes quality only when given', () => {
    expect(files.get('boundaries/desa.topo.json')).toBe('{"type":"Topology"}');
    expect(files.has('boundaries/kecamatan.topo.json')).toBe(false);
    expect(json('validation.json').by_reason).toEqual({ future_date: 10 });
    expect(files.has('quality.json')).toBe(false);
    const withQuality = publishFiles(input({ quality: { areas: {} }, qualityCsv: 'a\n' }));
    expect(withQuality.get('quality.json')).toBe('{"areas":{}}\n');
    expect(withQuality.get('quality.csv')).toBe('a\n');
  });

  it('lists every other file in datapackage.json with its size in bytes and its SHA-256, under unique names', () => {
    const d = json('datapackage.json');
    const paths = d.resources.map((r: { path: string }) => r.path);
    expect(paths).toEqual([...files.keys()].filter((p) => p !== 'datapackage.json').sort());
    for (const r of d.resources) {
      const text = files.get(r.path)!;
      expect(r.bytes, r.path).toBe(Buffer.byteLength(text, 'utf8'));
      expect(r.hash, r.path).toBe(`sha256:${sha256(text)}`);
    }
    const names = d.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('surveys-csv');
    expect(d.version).toBe(json('meta.json').data_version);
    expect(d.licenses[0].name).toBe('CC-BY-4.0');
  });
});

describe('the parts of publishFiles', () => {
  const v = values();
  const smoothed = smoothPublished(v).values;

  it('latestPeriod names the last period the region has a published count in, else the last period', () => {
    expect(latestPeriod(v)).toBe('2025-08');
    const hiddenLast: PublishedValues = { ...v, values: v.values.map((row, a) => (a === 0 ? [row[0], { ...row[1], measuredStatus: 'suppressed' as const }] : row)) };
    expect(latestPeriod(hiddenLast)).toBe('2025-02');
    const none: PublishedValues = { ...v, values: v.values.map((row) => row.map((c) => ({ ...c, measuredStatus: 'no_data' as const }))) };
    expect(latestPeriod(none)).toBe('2025-08');
    expect(latestPeriod({ areas: AREAS, periods: [], values: AREAS.map(() => []) })).toBe('');
  });

  it('tidyTables gives one CSV per area in each dialect, in area order, whose rows make up the whole table', () => {
    const t = tidyTables(v, smoothed, true);
    const perArea = [...collectFiles(t.perArea).files];
    expect(perArea.map(([path]) => path)).toEqual(AREAS.flatMap((a) => [`csv/${a.code}.csv`, `csv-excel/${a.code}.csv`]));
    const body = (text: string) => text.split('\n').slice(1).filter(Boolean);
    expect(perArea.filter(([path]) => path.startsWith('csv/')).flatMap(([, text]) => body(text))).toEqual(body(t.tidy().join('')));
    // The Excel row of a complementary cell names the kind and the synthetic flag.
    const excelRow = t.excel().join('').split('\r\n').find((l) => l.startsWith('18.72.01.1004;') && l.includes(';2025-02;stunting;'))!;
    expect(excelRow.endsWith(';complementary;yes')).toBe(true);
    expect(tidyTables(v, smoothed, false).excel().join('')).toContain(';complementary;no');
  });

  it('seriesJson gives no target or coverage where the count is hidden, and no coverage against a target of 0', () => {
    const target = () => 0;
    const s = seriesJson(v, 2, smoothed, target);
    expect(s.periods['2025-02']).toMatchObject({ measured: 12, target: 0, coverage: null });
    const hidden = seriesJson(v, 4, smoothed, () => 40);
    expect(hidden.periods['2025-02']).toMatchObject({ measured: null, target: null, coverage: null, measured_status: 'suppressed' });
    expect(hidden.breakdowns).toBeUndefined();
    // The kabupaten has breakdowns in every period: by sex, and by age without the 'age:' prefix.
    const kab = seriesJson(v, 0, smoothed, () => null).breakdowns!;
    expect(Object.keys(kab)).toEqual(PERIODS);
    expect(Object.keys(kab['2025-02'].age)).toEqual(['0-5', '6-11', '12-23', '24-35', '36-47', '48-59']);
    expect(kab['2025-08'].sex['1']?.stunting).toMatchObject({ n: 8, status: 'ok' });
  });

  it('mapValuesJson holds the areas of one level in one period, with the smoothed figure for desa', () => {
    const m = mapValuesJson(v, 'desa', 1, smoothed);
    expect(m.period).toBe('2025-08');
    expect(Object.keys(m.values)).toEqual(AREAS.filter((a) => a.level === 'desa').map((a) => a.code));
    expect(m.values['18.72.01.1001']).toMatchObject({ measured: 15, stunting: { n: 15, cases: 2 } });
    expect(Object.keys(m.values['18.72.01.1001'].stunting!)).toContain('smoothed_prevalence');
    expect(Object.keys(mapValuesJson(v, 'kabupaten', 0, smoothed).values['18.72'].stunting!)).not.toContain('smoothed_prevalence');
  });
});
