/**
 * The published files of the convergence indicators (data contract v1, docs/data-contract.md):
 *
 * - `konvergensi.csv`: tidy, one row per area × period × indicator;
 * - `konvergensi/<kode>.json`: one area's figures per period and indicator (for its page);
 * - `konvergensi-map/<level>/<period>.json`: every area of a level, for maps;
 * - `konvergensi-meta.json`: the indicator definitions, groups, targets with their sources, periods.
 *
 * Everything derives from the definitions (src/lib/indicators/coverage-defs.ts). Pure.
 */
import { siteLevels, type Area, type Level } from '../types.ts';
import type { CoverageTable, CoverageValue } from '../aggregate/coverage.ts';
import { COVERAGE_GROUPS, type CoverageIndicator } from '../indicators/coverage-defs.ts';
import type { CoverageTarget } from '../inputs/coverage.ts';
import { DelimitedText, EXCEL_DIALECT, TIDY_DIALECT } from './csv.ts';
import { collectFiles, type PutFile } from './files.ts';

/** A coverage cell as published (snake_case, contract order). */
export interface CoverageValueJson {
  numerator: number | null;
  denominator: number | null;
  coverage: number | null;
  ci_low: number | null;
  ci_high: number | null;
  status: CoverageValue['status'];
  suppression?: 'primary' | 'complementary';
  basis: CoverageValue['basis'];
  desa_reporting: number;
  desa_total: number;
}

/** `konvergensi/<kode>.json`. */
export interface CoverageAreaJson {
  code: string;
  periods: string[];
  /** Per period, per indicator id. */
  values: Record<string, Record<string, CoverageValueJson>>;
}

/** `konvergensi-meta.json`. */
export interface CoverageMetaJson {
  periods: string[];
  groups: { id: string; name: { id: string; en: string } }[];
  indicators: (Omit<CoverageIndicator, 'source'> & { targets: { year: number; target: number; source: string }[] })[];
  suppression_min: number;
}

/** `konvergensi-map/<level>/<period>.json`. */
export interface CoverageMapJson {
  level: Level;
  period: string;
  values: Record<string, Record<string, CoverageValueJson>>;
}

export const COVERAGE_CSV = 'konvergensi.csv';
/** The same for Excel under an Indonesian locale (BOM, `;`, decimal comma), plus the synthetic flag. */
export const COVERAGE_EXCEL_CSV = 'konvergensi-excel.csv';
export const COVERAGE_META = 'konvergensi-meta.json';
export const coverageAreaPath = (code: string) => `konvergensi/${code}.json`;
export const coverageMapPath = (level: Level, period: string) => `konvergensi-map/${level}/${period}.json`;

export const COVERAGE_COLUMNS = [
  'area_code', 'area_name', 'level', 'period', 'indicator', 'numerator', 'denominator', 'coverage', 'ci_low', 'ci_high', 'status',
  'suppression', 'basis', 'desa_reporting', 'desa_total',
] as const;

/** Schema of konvergensi.csv for datapackage.json. */
export function coverageSchema(ids: readonly string[], levels: readonly Level[]) {
  return {
    fields: [
      { name: 'area_code', type: 'string', description: 'Kode wilayah Kemendagri / Kemendagri area code' },
      { name: 'area_name', type: 'string', description: 'Nama wilayah / Area name' },
      { name: 'level', type: 'string', constraints: { enum: [...levels] } },
      { name: 'period', type: 'yearmonth', description: 'Periode / Period' },
      { name: 'indicator', type: 'string', constraints: { enum: [...ids] } },
      { name: 'numerator', type: 'integer', description: 'Pembilang / Numerator' },
      { name: 'denominator', type: 'integer', description: 'Penyebut / Denominator' },
      { name: 'coverage', type: 'number', description: 'Cakupan (%) / Coverage (%)' },
      { name: 'ci_low', type: 'number', description: 'Batas bawah SK 95% Wilson / Wilson 95% CI lower bound (%)' },
      { name: 'ci_high', type: 'number', description: 'Batas atas SK 95% / 95% CI upper bound (%)' },
      { name: 'status', type: 'string', constraints: { enum: ['ok', 'suppressed', 'no_data'] } },
      { name: 'suppression', type: 'string', constraints: { enum: ['primary', 'complementary'] } },
      { name: 'basis', type: 'string', constraints: { enum: ['reported', 'sum'] }, description: 'Dilaporkan untuk wilayah ini, atau jumlah wilayah di bawahnya / Reported for this area, or the sum of the areas below it' },
      { name: 'desa_reporting', type: 'integer', description: 'Desa yang melapor / Desa reporting' },
      { name: 'desa_total', type: 'integer', description: 'Jumlah desa / Desa in the area' },
    ],
    missingValues: [''],
    primaryKey: ['area_code', 'period', 'indicator'],
  };
}

function excelSchema(ids: readonly string[], levels: readonly Level[]) {
  const base = coverageSchema(ids, levels);
  return {
    ...base,
    fields: [
      ...base.fields.map((f) => (f.type === 'number' ? { ...f, decimalChar: ',' } : f)),
      { name: 'synthetic', type: 'string', constraints: { enum: ['yes', 'no'] }, description: 'Data sintetis (demo) / Synthetic (demo) data' },
    ],
  };
}

function valueJson(v: CoverageValue): CoverageValueJson {
  return {
    numerator: v.numerator,
    denominator: v.denominator,
    coverage: v.coverage,
    ci_low: v.ciLow,
    ci_high: v.ciHigh,
    status: v.status,
    ...(v.suppression ? { suppression: v.suppression } : {}),
    basis: v.basis,
    desa_reporting: v.desaReporting,
    desa_total: v.desaTotal,
  };
}

const json = (v: unknown) => `${JSON.stringify(v)}\n`;

/** What the convergence publisher needs. */
export interface CoverageFilesInput {
  table: CoverageTable;
  areas: readonly Area[];
  defs: readonly CoverageIndicator[];
  targets: readonly CoverageTarget[];
  suppressionMin: number;
  synthetic?: boolean;
}

/** Every published file of the convergence indicators: path under `data/v1/` → text. Empty without a table. */
export function coverageFiles(input: CoverageFilesInput): Map<string, string> {
  return collectFiles((put) => writeCoverageFiles(input, put)).files;
}

/** Puts every published file of the convergence indicators, one at a time (none without a table). */
export function writeCoverageFiles(input: CoverageFilesInput, put: PutFile): void {
  const { table, areas, defs } = input;
  if (table.indicators.length === 0) return;
  const used = defs.filter((d) => table.indicators.includes(d.id));
  const csv = new DelimitedText(COVERAGE_COLUMNS, TIDY_DIALECT);
  const excel = new DelimitedText([...COVERAGE_COLUMNS, 'synthetic'], EXCEL_DIALECT);
  const flag = input.synthetic ? 'yes' : 'no';
  areas.forEach((area, a) => {
    const own: CoverageAreaJson = { code: area.code, periods: table.periods, values: {} };
    table.periods.forEach((period, p) => {
      own.values[period] = {};
      for (const id of table.indicators) {
        const v = table.values[a][p][id];
        own.values[period][id] = valueJson(v);
        const row = [area.code, area.name, area.level, period, id, v.numerator, v.denominator, v.coverage, v.ciLow, v.ciHigh, v.status, v.suppression ?? null, v.basis, v.desaReporting, v.desaTotal];
        csv.add(row);
        excel.add([...row, flag]);
      }
    });
    csv.flush();
    excel.flush();
    put(coverageAreaPath(area.code), json(own));
  });
  put(COVERAGE_CSV, csv.parts());
  put(COVERAGE_EXCEL_CSV, excel.parts());
  for (const level of siteLevels(areas)) {
    table.periods.forEach((period, p) => {
      const m: CoverageMapJson = { level, period, values: {} };
      areas.forEach((area, a) => {
        if (area.level !== level) return;
        m.values[area.code] = Object.fromEntries(table.indicators.map((id) => [id, valueJson(table.values[a][p][id])]));
      });
      put(coverageMapPath(level, period), json(m));
    });
  }
  const meta: CoverageMetaJson = {
    periods: table.periods,
    groups: COVERAGE_GROUPS.filter((g) => used.some((d) => d.group === g.id)).map((g) => ({ id: g.id, name: g.name })),
    indicators: used.map(({ source: _source, ...d }) => ({
      ...d,
      targets: input.targets.filter((t) => t.indicator === d.id).map((t) => ({ year: t.year, target: t.target, source: t.source })).sort((x, y) => x.year - y.year || x.source.localeCompare(y.source)),
    })),
    suppression_min: input.suppressionMin,
  };
  put(COVERAGE_META, json(meta));
}

/** What datapackage.json says of a convergence file (description, schema), or undefined for other files. */
export function coverageResource(path: string, ids: readonly string[], levels: readonly Level[]): Record<string, unknown> | undefined {
  if (path === COVERAGE_CSV) return { description: 'Cakupan indikator konvergensi per wilayah, periode dan indikator (tidy) / Convergence indicator coverage per area, period and indicator', schema: coverageSchema(ids, levels) };
  if (path === COVERAGE_EXCEL_CSV) return { description: 'Sama dengan konvergensi.csv untuk Excel berbahasa Indonesia (BOM, titik koma, koma desimal) ditambah tanda data sintetis / konvergensi.csv for Excel under an Indonesian locale (BOM, semicolon, decimal comma) plus the synthetic flag', dialect: { delimiter: ';', lineTerminator: '\r\n' }, schema: excelSchema(ids, levels) };
  if (path === COVERAGE_META) return { description: 'Definisi dan target indikator konvergensi / Convergence indicator definitions and targets' };
  return undefined;
}
