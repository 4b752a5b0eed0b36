/**
 * Pre-aggregated village counts (`area_code, period, measured, <indicator>...`: children measured and cases per
 * indicator, for desa whose individual records are not available), validated strictly through the small-input CSV
 * path: every problem names file, line, column and the raw value.
 */
import type { Registry } from '../areas.ts';
import { INDICATORS, type IndicatorId, type StructuralError } from '../types.ts';
import { cellProblem, parseCount, parseTable, type Parsed } from './table.ts';
import { desaCodeProblem } from './targets.ts';

/** One validated row of counts. */
export interface AggregateRow {
  code: string;
  /** `YYYY-MM`. */
  period: string;
  measured: number;
  cases: Partial<Record<IndicatorId, number>>;
  line: number;
}

/** Validates one aggregates file; valid rows are kept whatever the others hold. */
export function parseAggregates(text: string, file: string, registry: Pick<Registry, 'byCode' | 'region'>): Parsed<AggregateRow> {
  const t = parseTable(text, file, ['area_code', 'period', 'measured']);
  if (t.problems.length) return { rows: [], problems: t.problems };
  const col = (name: string) => t.header.indexOf(name);
  const rows: AggregateRow[] = [];
  const problems: StructuralError[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const cell = (name: string) => row.cells[col(name)] ?? '';
    const bad = (name: string, expected: string, message?: string) => problems.push(cellProblem(file, row, col(name), expected, message));
    const code = cell('area_code');
    const codeProblem = desaCodeProblem(code, registry);
    if (codeProblem) { bad('area_code', codeProblem.expected, codeProblem.message); continue; }
    const period = cell('period');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) { bad('period', 'YYYY-MM'); continue; }
    const measured = parseCount(cell('measured'));
    if (measured === null) { bad('measured', 'bilangan bulat ≥ 0 / a whole number ≥ 0'); continue; }
    const key = `${code}|${period}`;
    const first = seen.get(key);
    if (first !== undefined) { bad('area_code', 'satu baris per desa dan periode / one row per desa and period', `Sudah ada di baris ${first} / Already given on line ${first}`); continue; }
    seen.set(key, row.line);
    const cases: Partial<Record<IndicatorId, number>> = {};
    let ok = true;
    for (const id of INDICATORS) {
      const c = col(id);
      if (c < 0 || (row.cells[c] ?? '') === '') continue;
      const v = parseCount(row.cells[c]);
      if (v === null || v > measured) { bad(id, `bilangan bulat 0..${measured}`); ok = false; continue; }
      cases[id] = v;
    }
    if (ok) rows.push({ code, period, measured, cases, line: row.line });
  }
  return { rows, problems };
}
