/**
 * The convergence inputs: coverage counts (`kode, period, indicator, numerator, denominator`: one row per area,
 * period and indicator, for a desa or any higher area of the region) and targets per indicator and year with their
 * source (`indicator, year, target, source`). Validated strictly through the small-input CSV path: every problem
 * names file, line, column and the raw value; valid rows are kept whatever the others hold.
 */
import type { Registry } from '../areas.ts';
import type { CoverageIndicator } from '../indicators/coverage-defs.ts';
import type { StructuralError } from '../types.ts';
import { cellProblem, parseCount, parseTable, type Parsed, type TableRow } from './table.ts';

/** One validated row of coverage counts. */
export interface CoverageRow {
  code: string;
  /** `YYYY-MM`. */
  period: string;
  indicator: string;
  numerator: number;
  denominator: number;
  line: number;
  file: string;
}

/** One target: the value (percent) an indicator should reach by a year, as a named document sets it. */
export interface CoverageTarget {
  indicator: string;
  year: number;
  target: number;
  source: string;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Column of `names` (first that exists) in a header, -1 when none. */
function columnOf(header: readonly string[], names: readonly string[]): number {
  for (const n of names) {
    const i = header.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** The nearest known ids to an unknown one (same prefix or containing it), for the message. */
function closeIds(raw: string, ids: readonly string[]): string[] {
  const r = raw.toLowerCase();
  const near = ids.filter((id) => id.startsWith(r.slice(0, 4)) || (r.length >= 3 && id.includes(r)));
  return (near.length ? near : ids).slice(0, 5);
}

/** Validates one coverage counts file against the region and the indicator definitions. */
export function parseCoverage(text: string, file: string, registry: Pick<Registry, 'byCode' | 'region'>, defs: readonly CoverageIndicator[]): Parsed<CoverageRow> {
  const t = parseTable(text, file, []);
  if (t.problems.length) return { rows: [], problems: t.problems };
  const col = {
    code: columnOf(t.header, ['kode', 'area_code', 'kode_wilayah']),
    period: columnOf(t.header, ['period', 'periode']),
    indicator: columnOf(t.header, ['indicator', 'indikator']),
    numerator: columnOf(t.header, ['numerator', 'pembilang']),
    denominator: columnOf(t.header, ['denominator', 'penyebut']),
  };
  const missing = Object.entries(col).filter(([, i]) => i < 0).map(([k]) => k);
  if (missing.length) {
    return { rows: [], problems: missing.map((k) => ({ file, line: 1, raw: t.header.join(','), expected: 'kolom / columns kode, period, indicator, numerator, denominator', message: `Kolom wajib tidak ditemukan / Required column missing: ${k === 'code' ? 'kode' : k}` })) };
  }
  const ids = defs.map((d) => d.id);
  const known = new Set(ids);
  const rows: CoverageRow[] = [];
  const problems: StructuralError[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const r = checkRow(row, file, col, registry, known, ids, problems);
    if (!r) continue;
    const key = `${r.code}|${r.period}|${r.indicator}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(cellProblem(file, row, col.indicator, 'satu baris per wilayah, periode dan indikator / one row per area, period and indicator', `Sudah ada di baris ${first} / Already given on line ${first}`));
      continue;
    }
    seen.set(key, row.line);
    rows.push(r);
  }
  return { rows, problems };
}

type Columns = Record<'code' | 'period' | 'indicator' | 'numerator' | 'denominator', number>;

function checkRow(row: TableRow, file: string, col: Columns, registry: Pick<Registry, 'byCode' | 'region'>, known: Set<string>, ids: readonly string[], problems: StructuralError[]): CoverageRow | null {
  const cell = (c: number) => row.cells[c] ?? '';
  const bad = (c: number, expected: string, message?: string) => {
    problems.push(cellProblem(file, row, c, expected, message));
    return null;
  };
  const code = cell(col.code);
  const area = registry.byCode.get(code);
  const region = registry.region.code;
  if (!area) {
    const expected = `kode wilayah bertitik di ${registry.region.name}: ${region}, ${region}.01 atau ${region}.01.2001 / a dotted area code of this region`;
    const shaped = /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/.test(code);
    if (shaped && code !== region && !code.startsWith(`${region}.`)) return bad(col.code, expected, `Wilayah lain (${code.slice(0, 5)}), bukan ${registry.region.name}; hapus baris ini atau periksa "region" di site.config.json / An area of another region; delete the row or check "region"`);
    return bad(col.code, expected, shaped ? `Kode ${code} tidak ada di daftar wilayah; periksa angkanya / Not in the area list; check the digits` : 'Bukan kode wilayah bertitik / Not a dotted area code');
  }
  const period = cell(col.period);
  if (!PERIOD.test(period)) return bad(col.period, 'YYYY-MM (mis. 2025-08)');
  const indicator = cell(col.indicator);
  if (!known.has(indicator)) return bad(col.indicator, `id indikator / an indicator id: ${closeIds(indicator, ids).join(', ')}…`, 'Indikator tidak dikenal / Unknown indicator');
  const denominator = parseCount(cell(col.denominator));
  if (denominator === null) return bad(col.denominator, 'bilangan bulat ≥ 0 / a whole number ≥ 0');
  const numerator = parseCount(cell(col.numerator));
  if (numerator === null) return bad(col.numerator, 'bilangan bulat ≥ 0 / a whole number ≥ 0');
  if (numerator > denominator) return bad(col.numerator, `bilangan bulat 0..${denominator} (tidak lebih dari penyebut / not more than the denominator)`, 'Pembilang lebih besar dari penyebut / Numerator larger than the denominator');
  return { code, period, indicator, numerator, denominator, line: row.line, file };
}

/** Validates the targets file: indicator, year, target (percent, decimal point), source (the document). */
export function parseCoverageTargets(text: string, file: string, defs: readonly CoverageIndicator[]): Parsed<CoverageTarget> {
  const t = parseTable(text, file, ['indicator', 'year', 'target', 'source']);
  if (t.problems.length) return { rows: [], problems: t.problems };
  const c = (name: string) => t.header.indexOf(name);
  const ids = defs.map((d) => d.id);
  const known = new Set(ids);
  const rows: CoverageTarget[] = [];
  const problems: StructuralError[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const cell = (name: string) => row.cells[c(name)] ?? '';
    const bad = (name: string, expected: string, message?: string) => problems.push(cellProblem(file, row, c(name), expected, message));
    const indicator = cell('indicator');
    if (!known.has(indicator)) { bad('indicator', `id indikator / an indicator id: ${closeIds(indicator, ids).join(', ')}…`, 'Indikator tidak dikenal / Unknown indicator'); continue; }
    const year = Number(cell('year'));
    if (!/^\d{4}$/.test(cell('year')) || year < 2000 || year > 2100) { bad('year', 'tahun / a year (YYYY)'); continue; }
    const raw = cell('target');
    const target = /^\d{1,3}(\.\d{1,2})?$/.test(raw) ? Number(raw) : NaN;
    if (!(target >= 0 && target <= 100)) { bad('target', 'persen 0–100 dengan titik desimal / percent 0–100 with a decimal point'); continue; }
    const source = cell('source');
    if (!source) { bad('source', 'dokumen sumber target / the document that sets the target'); continue; }
    const key = `${indicator}|${year}|${source}`;
    const first = seen.get(key);
    if (first !== undefined) { bad('indicator', 'satu target per indikator, tahun dan sumber / one target per indicator, year and source', `Sudah ada di baris ${first} / Already given on line ${first}`); continue; }
    seen.set(key, row.line);
    rows.push({ indicator, year, target, source });
  }
  return { rows, problems };
}
