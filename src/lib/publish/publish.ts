/**
 * The published data contract v1 (docs/data-contract.md) as a map of relative path → file text. Pure and
 * deterministic: keys in a fixed order, rows sorted by code, no timestamps; the data version is a hash of the
 * tidy CSV, so the same numbers always give the same bytes and any change gives a new version.
 */
import type { SiteConfig } from '../config.ts';
import type { AreaPeriodValues, PublishedValues } from '../aggregate/values.ts';
import type {
  AreaJson,
  IndicatorValueJson,
  MapValuesJson,
  Meta,
  SeriesJson,
  SeriesPeriod,
  SurveySeries,
  ValidationJson,
} from '../site/contract.ts';
import { INDICATORS, isProvinceSite, siteLevels, type Area, type IndicatorId, type IndicatorValue, type Level } from '../types.ts';
import { CODEBOOK_PATH, EXCEL_ALL_PATH, codebookCsv } from './excel.ts';
import { tidyTables } from './tidy.ts';
import { EXCEL_DIALECT } from './csv.ts';
export { areaCsvPath, TIDY_COLUMNS, tidyTables } from './tidy.ts';
import { smoothPublished, type SmoothedValue, type SmoothedValues } from '../aggregate/smooth-values.ts';
import { INDICATOR_META, NATIONAL_TARGETS } from './indicators.ts';
import { collectFiles, textParts, type FileText, type PutFile } from './files.ts';

/** Everything the publisher needs; file contents of boundaries and quality arrive ready-made. */
export interface PublishInput {
  config: SiteConfig;
  region: Area;
  province: { code: string; name: string } | null;
  values: PublishedValues;
  /** Target children (sasaran) per area index and period index, or null. */
  target: (area: number, period: number) => number | null;
  lokus: ReadonlyMap<string, readonly number[]>;
  surveys: SurveySeries[];
  surveysCsv: string;
  /** TopoJSON text per level. */
  /** Boundary files by path under `boundaries/` without `.topo.json` (`desa`, `35.78/desa` ...). */
  boundaries: Record<string, string>;
  quality: unknown;
  qualityCsv: string | null;
  validation: ValidationJson;
  children: number;
  /** Hex SHA-256 of a text given in parts (injected: the core does no crypto or I/O of its own). */
  sha256: (parts: readonly string[]) => string;
  /** Files made by another publisher (the convergence indicators: publish/coverage.ts) and what the data package
   * says of each (description, schema); listed in datapackage.json like the others. */
  extra?: { write: (put: PutFile) => void; resource: (path: string) => Record<string, unknown> | undefined };
}

/** JSON of an IndicatorValue, keys in contract order; the smoothed figure (desa and kecamatan totals only) when
 * given, its three keys null where there is none. */
export function indicatorJson(v: IndicatorValue, smoothed?: SmoothedValue | null): IndicatorValueJson {
  const o: IndicatorValueJson = { n: v.n, cases: v.cases, prevalence: v.prevalence, ci_low: v.ciLow, ci_high: v.ciHigh, status: v.status };
  if (v.suppression) o.suppression = v.suppression;
  if (smoothed !== undefined) {
    o.smoothed_prevalence = smoothed?.prevalence ?? null;
    o.smoothed_ci_low = smoothed?.ciLow ?? null;
    o.smoothed_ci_high = smoothed?.ciHigh ?? null;
  }
  return o;
}

const indicatorsJson = (r: Record<IndicatorId, IndicatorValue>, smoothed?: Record<IndicatorId, SmoothedValue | null>) => {
  const o: Partial<Record<IndicatorId, IndicatorValueJson>> = {};
  for (const id of INDICATORS) o[id] = indicatorJson(r[id], smoothed ? smoothed[id] : undefined);
  return o;
};

const json = (v: unknown) => JSON.stringify(v) + '\n';
const pct1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;

/** The Table Schemas of the tidy CSV and its Excel variant, as files the per-area CSV resources point to. */
export const SCHEMA_PATHS = { tidy: 'schema/stunting.json', excel: 'schema/stunting-excel.json' } as const;

/** Builds every published file: relative path under `data/v1/` → text (all at once: for tests and small sites). */
export function publishFiles(input: PublishInput): Map<string, string> {
  return collectFiles((put) => writePublishedFiles(input, put)).files;
}

/** Size and hash of a published file, for datapackage.json. */
interface FileRecord {
  bytes: number;
  hash: string;
  extra: boolean;
}

/**
 * Builds every published file and puts each as soon as it is made (a province's ≈37,000 files are never all in
 * memory); returns meta.json's content. datapackage.json comes last: it lists every other file with its size and hash.
 */
export function writePublishedFiles(input: PublishInput, put: PutFile): Meta {
  const { config, values } = input;
  const records = new Map<string, FileRecord>();
  const enc = new TextEncoder();
  let extra = false;
  const files = {
    set(path: string, text: FileText): void {
      const parts = textParts(text);
      let bytes = 0;
      for (const p of parts) bytes += enc.encode(p).length;
      records.set(path, { bytes, hash: `sha256:${input.sha256(parts)}`, extra });
      put(path, text);
    },
  };
  // Smoothed figures (desa and kecamatan), computed from the published cells only.
  const smoothed = smoothPublished(values).values;

  // Tidy CSV first: its hash is the data version. The two whole-region tables are made, written and dropped one
  // after the other, in parts (a province's are ≈ 75 MB of text; held together, joined, they were ≈ 280 MB of the
  // data build's peak).
  const tables = tidyTables(values, smoothed, config.demo.synthetic);
  files.set('stunting.csv', tables.tidy());
  const dataVersion = records.get('stunting.csv')!.hash.slice('sha256:'.length, 'sha256:'.length + 12);
  files.set(EXCEL_ALL_PATH, tables.excel());
  files.set(CODEBOOK_PATH, codebookCsv({ suppressionMin: config.suppression.minMeasured, synthetic: config.demo.synthetic }));
  tables.perArea((path, text) => files.set(path, text));

  const meta = metaJson(input, dataVersion);
  files.set('meta.json', json(meta));
  files.set('areas.json', json(areasJson(values.areas, input.lokus)));
  values.areas.forEach((area, a) => files.set(`series/${area.code}.json`, json(seriesJson(values, a, smoothed, input.target))));
  const levels = siteLevels(values.areas);
  for (const level of levels) {
    values.periods.forEach((period, p) => files.set(`map/${level}/${period}.json`, json(mapValuesJson(values, level, p, smoothed))));
  }
  // A province site also splits the kecamatan and desa maps by kab/kota: a kab/kota's page and map load only its own.
  if (isProvinceSite(levels)) {
    for (const kab of values.areas.filter((a) => a.level === 'kabupaten')) {
      for (const level of ['kecamatan', 'desa'] as const) {
        values.periods.forEach((period, p) => files.set(`map/${level}/${kab.code}/${period}.json`, json(mapValuesJson(values, level, p, smoothed, `${kab.code}.`))));
      }
    }
  }

  for (const [level, topo] of Object.entries(input.boundaries)) if (topo) files.set(`boundaries/${level}.topo.json`, topo);
  files.set('surveys.json', json(input.surveys));
  files.set('surveys.csv', input.surveysCsv);
  if (input.quality !== null && input.quality !== undefined) files.set('quality.json', json(input.quality));
  if (input.qualityCsv) files.set('quality.csv', input.qualityCsv);
  files.set('validation.json', json(input.validation));
  extra = true;
  input.extra?.write((path, text) => files.set(path, text));
  extra = false;
  // The per-area CSVs share the tidy schemas by path (Table Schema allows a path): inline, 9,000 areas of a province
  // would repeat them 18,000 times.
  const tidy = tidySchema(siteLevels(values.areas));
  files.set(SCHEMA_PATHS.tidy, json(tidy));
  files.set(SCHEMA_PATHS.excel, json(excelSchema(tidy)));
  put('datapackage.json', json(dataPackage(input, records, dataVersion)));
  return meta;
}

type Smoothed = SmoothedValues['values'];

/** The latest period in which the region (the first area) has a published measured count, else the last period
 * ('' when there are none). */
export function latestPeriod(values: PublishedValues): string {
  const { periods } = values;
  for (let p = periods.length - 1; p >= 0; p--) if (values.values[0][p].measuredStatus === 'ok') return periods[p];
  return periods[periods.length - 1] ?? '';
}

/** meta.json: the region, titles, licence, periods, indicators, targets, sources and row counts. */
function metaJson(input: PublishInput, dataVersion: string): Meta {
  const { config, region, values } = input;
  const targets = [...NATIONAL_TARGETS, ...config.localTargets].map((t) => ({ year: t.year, value: t.value, label: { ...t.label } }));
  return {
    schema_version: 1,
    data_version: dataVersion,
    region: { code: region.code, name: region.name, ...(input.province ? { province: input.province } : {}) },
    title: config.title ?? { id: `Data Stunting ${region.name}`, en: `Stunting data, ${region.name}` },
    publisher: config.publisher,
    licence: config.licence,
    synthetic: config.demo.synthetic,
    periods: [...values.periods],
    latest_period: latestPeriod(values),
    levels: siteLevels(values.areas),
    indicators: INDICATORS.map((id) => ({ id, label: INDICATOR_META[id].label, definition: INDICATOR_META[id].definition, z: INDICATOR_META[id].z })),
    suppression_min: config.suppression.minMeasured,
    targets,
    ...(config.basemap ? { basemap: { ...config.basemap } } : {}),
    sources: [
      { name: 'WHO Child Growth Standards (2006)', url: 'https://www.who.int/tools/child-growth-standards' },
      { name: 'Kemendagri kode wilayah (cahyadsn/wilayah, MIT)', url: 'https://github.com/cahyadsn/wilayah' },
      { name: 'Batas wilayah (cahyadsn/wilayah_boundaries, MIT)', url: 'https://github.com/cahyadsn/wilayah_boundaries' },
    ],
    counts: {
      rows_read: input.validation.rows_read,
      rows_accepted: input.validation.rows_accepted,
      rows_rejected: input.validation.rows_rejected,
      children: input.children,
    },
  };
}

/** areas.json: every area with its lokus years in ascending order. */
function areasJson(areas: readonly Area[], lokus: PublishInput['lokus']): AreaJson[] {
  return areas.map((a) => ({
    code: a.code,
    name: a.name,
    level: a.level,
    parent: a.parent,
    kind: a.kind,
    lokus: [...(lokus.get(a.code) ?? [])].sort((x, y) => x - y),
  }));
}

/** series/<kode>.json of area `a`: every period's counts, coverage against the target and indicators, and the
 * breakdowns by sex and age where the area has them. */
export function seriesJson(values: PublishedValues, a: number, smoothed: Smoothed, target: PublishInput['target']): SeriesJson {
  const area = values.areas[a];
  const s: SeriesJson = { code: area.code, name: area.name, level: area.level, parent: area.parent, periods: {} };
  const breakdowns: NonNullable<SeriesJson['breakdowns']> = {};
  values.periods.forEach((period, p) => {
    const v = values.values[a][p];
    s.periods[period] = seriesPeriod(v, v.measured === null ? null : target(a, p), smoothed[a][p]);
    if (v.breakdowns) breakdowns[period] = breakdownsJson(v.breakdowns);
  });
  if (Object.keys(breakdowns).length > 0) s.breakdowns = breakdowns;
  return s;
}

/** One period of a series; coverage is the measured share of the target in percent, one decimal. */
function seriesPeriod(v: AreaPeriodValues, target: number | null, smoothed: Smoothed[number][number]): SeriesPeriod {
  return {
    measured: v.measured,
    valid: v.valid,
    flagged: v.flagged,
    target,
    coverage: target && v.measured !== null ? pct1((100 * v.measured) / target) : null,
    measured_status: v.measuredStatus,
    indicators: indicatorsJson(v.indicators, smoothed),
  };
}

/** The breakdowns of one period: by sex ('1', '2') and by age group (the key without its 'age:' prefix). */
function breakdownsJson(b: NonNullable<AreaPeriodValues['breakdowns']>): NonNullable<SeriesJson['breakdowns']>[string] {
  return {
    sex: { '1': indicatorsJson(b['sex:1']), '2': indicatorsJson(b['sex:2']) },
    age: Object.fromEntries(
      Object.entries(b)
        .filter(([k]) => k.startsWith('age:'))
        .map(([k, r]) => [k.slice(4), indicatorsJson(r)]),
    ),
  };
}

/** map/<level>/<period>.json: the measured count and indicators of every area of the level in period `p` (only
 * those whose code starts with `within`, when given: map/<level>/<kab/kota>/<period>.json). */
export function mapValuesJson(values: PublishedValues, level: Level, p: number, smoothed: Smoothed, within = ''): MapValuesJson {
  const m: MapValuesJson = { level, period: values.periods[p], values: {} };
  values.areas.forEach((area, a) => {
    if (area.level !== level || !area.code.startsWith(within)) return;
    const v = values.values[a][p];
    m.values[area.code] = { measured: v.measured, ...indicatorsJson(v.indicators, smoothed[a][p]) };
  });
  return m;
}

/** The Frictionless Data Package descriptor for the published files, with a SHA-256 of each. */
function dataPackage(input: PublishInput, files: ReadonlyMap<string, FileRecord>, version: string) {
  const { config, region } = input;
  const slug = `stunting-${region.code.replace(/\./g, '-')}`;
  const paths = [...files.keys()].sort();
  const describe: Record<string, string> = {
    'stunting.csv': 'Prevalensi per wilayah, periode dan indikator (tidy) / Prevalence per area, period and indicator',
    'meta.json': 'Metadata',
    'areas.json': 'Daftar wilayah / Area list',
    'surveys.csv': 'Angka survei SSGI/SKI / SSGI/SKI survey figures',
    'validation.json': 'Laporan validasi data / Data validation report',
    'quality.json': 'Laporan kualitas data / Data quality report',
    [EXCEL_ALL_PATH]: 'Sama dengan stunting.csv untuk Excel berbahasa Indonesia (BOM, titik koma, koma desimal) ditambah jenis penyembunyian dan tanda data sintetis / stunting.csv for Excel under an Indonesian locale (BOM, semicolon, decimal comma) plus the suppression kind and the synthetic flag',
    [CODEBOOK_PATH]: 'Kamus data kolom CSV dalam dua bahasa / Codebook of the CSV columns in both languages',
  };
  const tidy = tidySchema(siteLevels(input.values.areas));
  const excel = excelSchema(tidy);
  // Resource names must be unique: the file name without extension, or with it where two files share a stem
  // (surveys.csv and surveys.json).
  const stem = (p: string) => p.replace(/\.[a-z.]+$/, '');
  const stems = new Map<string, number>();
  for (const p of paths) stems.set(stem(p), (stems.get(stem(p)) ?? 0) + 1);
  const resourceName = (p: string) => (stems.get(stem(p))! > 1 ? p : stem(p)).replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return {
    profile: 'data-package',
    name: slug,
    title: (config.title ?? { id: `Data Stunting ${region.name}` }).id,
    version,
    licenses: [{ name: config.licence.id, path: config.licence.url, title: config.licence.name }],
    sources: [
      { title: 'Pengukuran rutin posyandu (e-PPGBM) / Routine posyandu measurements' + (config.demo.synthetic ? ' — DATA SINTETIS (DEMO)' : '') },
      { title: 'WHO Child Growth Standards (2006)', path: 'https://www.who.int/tools/child-growth-standards' },
    ],
    resources: paths.map((p) => {
      const file = files.get(p)!;
      const name = resourceName(p);
      const isCsv = p.endsWith('.csv');
      const r: Record<string, unknown> = {
        name,
        path: p,
        format: isCsv ? 'csv' : 'json',
        mediatype: isCsv ? 'text/csv' : 'application/json',
        encoding: 'utf-8',
        bytes: file.bytes,
        hash: file.hash,
      };
      if (describe[p]) r.description = describe[p];
      if (p === 'stunting.csv') r.schema = tidy;
      if (p.startsWith('csv/')) r.schema = SCHEMA_PATHS.tidy;
      if (p === EXCEL_ALL_PATH || p.startsWith('csv-excel/')) {
        r.dialect = EXCEL_CSV_DIALECT;
        r.schema = p === EXCEL_ALL_PATH ? excel : SCHEMA_PATHS.excel;
      }
      if (p === CODEBOOK_PATH) r.dialect = EXCEL_CSV_DIALECT;
      if (file.extra) Object.assign(r, input.extra?.resource(p));
      return r;
    }),
  };
}

/** The tidy CSV's Table Schema for a site with these levels. */
const tidySchema = (levels: Level[]) => ({
  fields: [
    { name: 'area_code', type: 'string', description: 'Kode wilayah Kemendagri / Kemendagri area code' },
    { name: 'area_name', type: 'string', description: 'Nama wilayah / Area name' },
    { name: 'level', type: 'string', constraints: { enum: levels } },
    { name: 'period', type: 'yearmonth', description: 'Bulan pengukuran / Measurement month' },
    { name: 'indicator', type: 'string', constraints: { enum: [...INDICATORS] } },
    { name: 'measured', type: 'integer', description: 'Anak dengan z-score valid (penyebut) / Children with a valid z-score (denominator)' },
    { name: 'cases', type: 'integer', description: 'Jumlah kasus / Cases' },
    { name: 'prevalence', type: 'number', description: 'Prevalensi (%) / Prevalence (%)' },
    { name: 'ci_low', type: 'number', description: 'Batas bawah SK 95% Wilson / Wilson 95% CI lower bound (%)' },
    { name: 'ci_high', type: 'number', description: 'Batas atas SK 95% / 95% CI upper bound (%)' },
    { name: 'status', type: 'string', constraints: { enum: ['ok', 'suppressed', 'no_data', 'not_measured'] } },
    { name: 'smoothed_prevalence', type: 'number', description: 'Prevalensi terhaluskan (%, empirical Bayes; desa dan kecamatan) / Smoothed prevalence (%, empirical Bayes; desa and kecamatan)' },
    { name: 'smoothed_ci_low', type: 'number', description: 'Batas bawah interval 95% terhaluskan / Smoothed 95% interval lower bound (%)' },
    { name: 'smoothed_ci_high', type: 'number', description: 'Batas atas interval 95% terhaluskan / Smoothed 95% interval upper bound (%)' },
  ],
  missingValues: [''],
  primaryKey: ['area_code', 'period', 'indicator'],
});

/** Frictionless CSV dialect of the Excel variants and the codebook (the BOM is read as part of UTF-8). */
const EXCEL_CSV_DIALECT = { delimiter: EXCEL_DIALECT.delimiter, lineTerminator: EXCEL_DIALECT.eol };

/** The tidy schema with a decimal comma for the numbers, plus the suppression kind and the synthetic flag. */
const excelSchema = (tidy: ReturnType<typeof tidySchema>) => ({
  ...tidy,
  fields: [
    ...tidy.fields.map((f) => (f.type === 'number' ? { ...f, decimalChar: ',' } : f)),
    { name: 'suppression', type: 'string', constraints: { enum: ['primary', 'complementary'] }, description: 'Jenis penyembunyian / Kind of suppression' },
    { name: 'synthetic', type: 'string', constraints: { enum: ['yes', 'no'] }, description: 'Data sintetis (demo) / Synthetic (demo) data' },
  ],
});
