/**
 * validation.json: the row accounting of a build (read, accepted, rejected by reason, first examples, unknown
 * areas), its console summary, and the bad-row-share check. Pure: the build passes in the tallies it collected.
 *
 * File names are personal data too (an export saved as `Budi Santoso NIK 3510… lahir 15-02-2022.csv`): the published
 * report names a measurement file only by its place in the sorted listing (`measurements/file-3.csv.gz`); the
 * console keeps the real names and prints which number is which file.
 */
import type { UnmatchedArea } from './csv/names.ts';
import type { ValidationJson } from './site/contract.ts';
import type { RowProblem, StructuralError } from './types.ts';

/** What the build tallied over the measurement files. */
export interface ValidationTally {
  read: number;
  rejected: Record<string, number>;
  examples: readonly RowProblem[];
  outsideRounds: number;
  duplicatesRemoved: number;
  duplicatesSameDay: number;
  unmatched: Iterable<UnmatchedArea & { fileIndex: number }>;
  /** Entries of the measurements folder that were not read, already in their published (nameless) form. */
  filesSkipped?: readonly FileSkipped[];
}

/** An entry of the measurements folder that was not read: position in the sorted listing, extension, reason. */
export interface FileSkipped {
  entry: number;
  extension: string;
  reason: string;
  sheet?: number;
}

/** The report with its extra counters (outside rounds, duplicates, codes of unknown areas). */
export type ValidationReport = Omit<ValidationJson, 'unmatched_areas'> & {
  rows_outside_rounds: number;
  duplicates_removed: number;
  duplicates_same_day: number;
  unmatched_areas: { kecamatan: string; desa: string; code?: string; count: number; first_line: number; file: string }[];
  files_skipped?: FileSkipped[];
};

/** The published label of a measurement file: its 1-based place in the sorted listing and its extension. */
export function safeFileLabel(name: string, index: number): string {
  const ext = /\.(csv|txt|tsv|xlsx)(\.gz)?$/i.exec(name)?.[0].toLowerCase() ?? '';
  return `measurements/file-${index + 1}${ext}`;
}

/** A labeller mapping each of `files` (display names, in listing order) to its safe label; others to `(file)`. */
export function safeLabels(files: readonly string[]): (file: string) => string {
  const index = new Map(files.map((f, i) => [f, i]));
  return (f) => {
    // One worksheet of a workbook: `name.xlsx (lembar/sheet 2)` keeps its sheet number, never its file name.
    const sheet = / \(lembar\/sheet (\d+)\)$/.exec(f);
    const name = sheet ? f.slice(0, sheet.index) : f;
    if (!index.has(name)) return '(file)';
    return safeFileLabel(name, index.get(name)!) + (sheet ? ` (lembar/sheet ${sheet[1]})` : '');
  };
}

/** The console line saying which published file number is which file (the first 50). */
export function fileLegend(files: readonly string[]): string {
  const shown = files.slice(0, 50).map((f, i) => `${safeFileLabel(f, i)} = ${f}`);
  return `  nama file di validation.json / file names in validation.json: ${shown.join('; ')}${files.length > 50 ? '; …' : ''}`;
}

/** Builds the report; `label` turns a file name into what is written (identity for the console). */
export function validationReport(t: ValidationTally, label: (file: string) => string = (f) => f): ValidationReport {
  const rejected = Object.values(t.rejected).reduce((s, v) => s + v, 0);
  return {
    rows_read: t.read,
    rows_accepted: t.read - rejected,
    rows_rejected: rejected,
    rows_outside_rounds: t.outsideRounds,
    // Accepted rows of a child already measured in the same period: only the latest measurement counts.
    duplicates_removed: t.duplicatesRemoved,
    duplicates_same_day: t.duplicatesSameDay,
    by_reason: sortObject(t.rejected),
    examples: groupExamples(t.examples, label),
    unmatched_areas: [...t.unmatched]
      .sort((x, y) => y.count - x.count || x.fileIndex - y.fileIndex || x.firstLine - y.firstLine)
      .map((u) => ({ kecamatan: u.kecamatan, desa: u.desa, ...(u.code ? { code: u.code } : {}), count: u.count, first_line: u.firstLine, file: label(u.file) })),
    ...(t.filesSkipped?.length ? { files_skipped: [...t.filesSkipped] } : {}),
  };
}

/** The build-stopping problem when more than `maxShare` of the rows were rejected; null otherwise. */
export function badRowShareProblem(v: ValidationReport, maxShare: number, configFile: string): StructuralError | null {
  const share = v.rows_read > 0 ? v.rows_rejected / v.rows_read : 0;
  if (share <= maxShare) return null;
  const pct = `${(share * 100).toFixed(1)}%`;
  return { file: configFile, expected: `paling banyak ${(maxShare * 100).toFixed(1)}% baris bermasalah (maxBadRowShare)`, message: `${pct} baris ditolak (${v.rows_rejected} dari ${v.rows_read}) / ${pct} of rows rejected` };
}

function sortObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function groupExamples(ex: readonly RowProblem[], label: (file: string) => string): NonNullable<ValidationJson['examples']> {
  const out: NonNullable<ValidationJson['examples']> = {};
  for (const e of [...ex].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))) {
    (out[e.reason] ??= []).push({ file: label(e.file), line: e.line, ...(e.column ? { column: e.column } : {}), ...(e.raw !== undefined ? { raw: e.raw } : {}) });
  }
  return sortObject(out);
}

/** A readable summary of the validation report (for the console). */
export function summaryLines(v: ValidationReport): string[] {
  const lines = [`baris dibaca/rows read: ${v.rows_read}, diterima/accepted: ${v.rows_accepted}, ditolak/rejected: ${v.rows_rejected}`];
  if (v.duplicates_removed > 0) {
    lines.push(`  pengukuran ganda dalam satu periode (hanya yang terakhir dihitung) / repeat measurements in a period (latest counts): ${v.duplicates_removed}, ${v.duplicates_same_day} pada hari yang sama / on the same day`);
  }
  for (const [reason, n] of Object.entries(v.by_reason)) {
    const ex = (v.examples?.[reason] ?? []).slice(0, 3).map((e) => `${e.file}:${e.line}${e.column ? ` [${e.column}${e.raw !== undefined ? `="${e.raw}"` : ''}]` : ''}`);
    lines.push(`  ${reason}: ${n}${ex.length ? ` — mis./e.g. ${ex.join('; ')}` : ''}`);
  }
  const um = v.unmatched_areas;
  if (um.length) {
    lines.push(`  wilayah tidak dikenal / unknown areas: ${um.length} nama`);
    for (const u of um.slice(0, 10)) {
      const what = u.code ? `kode "${u.code}"` : `Kec. "${u.kecamatan}" Desa "${u.desa}"`;
      lines.push(`    ${what}: ${u.count} baris (pertama/first ${u.file}:${u.first_line})`);
    }
  }
  return lines;
}
