/**
 * Sasaran (target children per desa and year, `desa_code,year,target`): strict validation, every problem with
 * file:line:column and the raw value, and the totals rolled up to kecamatan and kabupaten. A target is a count: an
 * empty cell is an error (not 0), and so are signs, decimals, exponents and hex; a desa and year given twice is an
 * error (which figure is right?), never summed.
 */
import type { Registry } from '../areas.ts';
import type { StructuralError } from '../types.ts';
import { cellProblem, parseCount, parseTable, type Parsed } from './table.ts';

/** One validated target row. */
export interface TargetRow {
  code: string;
  year: number;
  target: number;
  line: number;
}

/** The largest target accepted for one desa (no desa has ten million children under five). */
export const MAX_TARGET = 9_999_999;

/** Validates the sasaran file's text; valid rows are kept whatever the others hold. */
export function parseTargets(text: string, file: string, registry: Pick<Registry, 'byCode' | 'region'>): Parsed<TargetRow> {
  const t = parseTable(text, file, ['desa_code', 'year', 'target']);
  if (t.problems.length) return { rows: [], problems: t.problems };
  const [ci, yi, ti] = ['desa_code', 'year', 'target'].map((c) => t.header.indexOf(c));
  const rows: TargetRow[] = [];
  const problems: StructuralError[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const code = row.cells[ci] ?? '';
    const codeProblem = desaCodeProblem(code, registry);
    if (codeProblem) {
      problems.push(cellProblem(file, row, ci, codeProblem.expected, codeProblem.message));
      continue;
    }
    const yearText = row.cells[yi] ?? '';
    if (!/^\d{4}$/.test(yearText)) {
      problems.push(cellProblem(file, row, yi, 'tahun empat angka / a four-digit year, e.g. 2025'));
      continue;
    }
    const raw = row.cells[ti] ?? '';
    const target = parseCount(raw);
    if (target === null || target > MAX_TARGET) {
      problems.push(cellProblem(file, row, ti, `bilangan bulat 0..${MAX_TARGET} tanpa tanda, desimal atau eksponen / a whole number 0..${MAX_TARGET} (no sign, decimal or exponent)`, raw === '' ? 'Sasaran kosong; isi angkanya atau hapus baris ini / Empty target; fill in the number or delete the row' : 'Sasaran bukan bilangan bulat yang sah / The target is not a valid whole number'));
      continue;
    }
    const key = `${code}|${yearText}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(cellProblem(file, row, ci, 'satu baris per desa dan tahun / one row per desa and year', `Desa ${code} tahun ${yearText} sudah ada di baris ${first}; hapus salah satu / already given on line ${first}; delete one of them`));
      continue;
    }
    seen.set(key, row.line);
    rows.push({ code, year: Number(yearText), target, line: row.line });
  }
  return { rows, problems };
}

/** What is wrong with a desa code of this region's input, and what to do; null when it is a desa of the region. */
export function desaCodeProblem(code: string, registry: Pick<Registry, 'byCode' | 'region'>): { message: string; expected: string } | null {
  const area = registry.byCode.get(code);
  if (area?.level === 'desa') return null;
  const region = `${registry.region.name} (${registry.region.code})`;
  const expected = `kode desa/kelurahan ${region} seperti / a desa/kelurahan code of ${region} such as ${registry.region.code}.01.2001`;
  if (area) return { expected, message: `${code} adalah ${area.level}, bukan desa; tulis kode desanya / is a ${area.level}, not a desa; write the desa's code` };
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code) && !code.startsWith(`${registry.region.code}.`)) {
    return { expected, message: `Kode desa wilayah lain (${code.slice(0, 5)}), bukan ${region}; hapus baris ini atau periksa "region" di site.config.json / A desa of another region (${code.slice(0, 5)}), not ${region}; delete the row or check "region" in site.config.json` };
  }
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) {
    return { expected, message: `Kode ${code} tidak ada di daftar wilayah; periksa angkanya / Code ${code} is not in the area list; check the digits` };
  }
  return { expected, message: 'Bukan kode desa bertitik / Not a dotted desa code' };
}

/** Target per area index and year (`"<area>|<year>"`): each desa's own, summed into every ancestor. */
export function targetTotals(rows: readonly TargetRow[], indexOf: ReadonlyMap<string, number>, parentOf: Int32Array): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    for (let a = indexOf.get(r.code) ?? -1; a >= 0; a = parentOf[a]) {
      const key = `${a}|${r.year}`;
      out.set(key, (out.get(key) ?? 0) + r.target);
    }
  }
  return out;
}
