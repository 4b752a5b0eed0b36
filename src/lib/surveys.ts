/**
 * Published survey figures (SSGI 2021/2022/2024, SKI 2023) and routine e-PPGBM figures from `data/surveys/prevalence.csv`
 * (columns `kode,nama,level,tahun,sumber_data,prevalensi_stunting_pct,jumlah_balita_stunting,source_url,catatan`),
 * grouped into series for the region, its province and Indonesia (`kode` 0).
 *
 * One series = one area and one source: a survey estimate and an e-PPGBM weighing figure measure different things
 * (the latter is routinely far lower), so they must never be joined into one line; even SSGI and SKI are kept apart
 * because their sampling differs, and the chart labels each.
 */
import { provinceOf } from './areas.ts';
import { isWebUrl } from './config.ts';
import type { StructuralError } from './types.ts';
import type { SurveySeries as PublishedSurveySeries } from './site/contract.ts';
import { toCsv } from './publish/csv.ts';
import { cellProblem, parseCount, parseTable, type Parsed } from './inputs/table.ts';

/** The level of a survey series. */
export type SurveyLevel = 'kabupaten' | 'provinsi' | 'nasional';
/** Where a figure comes from; `unspecified` when the reporting page did not name the survey. */
export type SurveySource = 'SSGI' | 'SKI' | 'e-PPGBM' | 'unspecified';

/** One published figure. */
export interface SurveyPoint {
  year: number;
  /** Stunting prevalence, percent. */
  prevalence: number;
  /** Number of stunted children, where published. */
  cases: number | null;
  sourceUrl: string;
  /** The caveat from the `catatan` column ('' when none). */
  note: string;
}

/** All figures of one area from one source, sorted by year. */
export interface SurveySeries {
  level: SurveyLevel;
  /** Kemendagri code; `0` for Indonesia. */
  code: string;
  name: string;
  source: SurveySource;
  points: SurveyPoint[];
}

const LEVELS: Record<string, SurveyLevel> = { kabkota: 'kabupaten', kabupaten: 'kabupaten', provinsi: 'provinsi', nasional: 'nasional' };
const SOURCES: readonly SurveySource[] = ['SSGI', 'SKI', 'e-PPGBM', 'unspecified'];
const COLUMNS = ['kode', 'nama', 'level', 'tahun', 'sumber_data', 'prevalensi_stunting_pct', 'jumlah_balita_stunting', 'source_url', 'catatan'] as const;

/**
 * Parses the survey file (`file` names it in problems) and returns the series of the region (`35.10`), its province
 * and Indonesia, ordered kabupaten → provinsi → nasional and SSGI → SKI → e-PPGBM → unspecified. Rows of other areas
 * are skipped unread. A bad year, prevalence, count, source, level or address, and the same area, source and year
 * twice (which figure would be right?), are problems with file:line:column and the raw value.
 */
export function parseSurveys(csvText: string, regionCode: string, file = 'surveys'): Parsed<SurveySeries> {
  const t = parseTable(csvText, file, COLUMNS);
  if (t.problems.length) return { rows: [], problems: t.problems };
  const idx = Object.fromEntries(COLUMNS.map((c) => [c, t.header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  // The region's own rows, its province's, Indonesia's and, on a province site, those of its kab/kota.
  const wanted = (code: string) => code === regionCode || code === provinceOf(regionCode) || code === '0' || (regionCode.length === 2 && code.startsWith(`${regionCode}.`));
  const series = new Map<string, SurveySeries>();
  const seen = new Map<string, number>();
  const problems: StructuralError[] = [];
  for (const row of t.rows) {
    const get = (c: (typeof COLUMNS)[number]) => row.cells[idx[c]] ?? '';
    const bad = (c: (typeof COLUMNS)[number], expected: string, message?: string) => problems.push(cellProblem(file, row, idx[c], expected, message));
    const code = get('kode');
    if (!wanted(code)) continue;
    const level = LEVELS[get('level')];
    if (!level) { bad('level', 'kabkota, provinsi atau/or nasional'); continue; }
    const source = get('sumber_data') as SurveySource;
    if (!SOURCES.includes(source)) { bad('sumber_data', SOURCES.join(', ')); continue; }
    if (!/^\d{4}$/.test(get('tahun'))) { bad('tahun', 'tahun empat angka / a four-digit year'); continue; }
    const year = Number(get('tahun'));
    const prevalence = Number(get('prevalensi_stunting_pct'));
    if (!/^\d{1,3}(\.\d+)?$/.test(get('prevalensi_stunting_pct')) || prevalence > 100) {
      bad('prevalensi_stunting_pct', 'persentase 0-100 dengan titik desimal / a percentage 0-100 with a decimal point', 'Prevalensi bukan angka persentase / The prevalence is not a percentage');
      continue;
    }
    const casesText = get('jumlah_balita_stunting');
    const cases = casesText === '' ? null : parseCount(casesText);
    if (casesText !== '' && cases === null) { bad('jumlah_balita_stunting', 'bilangan bulat ≥ 0 atau kosong / a whole number ≥ 0 or empty'); continue; }
    const sourceUrl = get('source_url');
    if (sourceUrl && !isWebUrl(sourceUrl)) { bad('source_url', 'alamat http:// atau https:// / an http:// or https:// address'); continue; }
    const key = `${code}|${source}`;
    const pointKey = `${key}|${year}`;
    const first = seen.get(pointKey);
    if (first !== undefined) { bad('tahun', 'satu angka per wilayah, sumber dan tahun / one figure per area, source and year', `${code} ${source} ${year} sudah ada di baris ${first} / already given on line ${first}`); continue; }
    seen.set(pointKey, row.line);
    if (!series.has(key)) series.set(key, { level, code, name: get('nama'), source, points: [] });
    series.get(key)!.points.push({ year, prevalence, cases, sourceUrl, note: get('catatan') });
  }
  const levelOrder: SurveyLevel[] = ['kabupaten', 'provinsi', 'nasional'];
  const rows = [...series.values()]
    .map((s) => ({ ...s, points: s.points.sort((a, b) => a.year - b.year) }))
    .sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source));
  return { rows, problems };
}

const CSV_COLUMNS = ['level', 'code', 'name', 'source', 'year', 'prevalence', 'source_url', 'note'];

/** The published forms of the series: surveys.json's array and surveys.csv's text (a header only when none). */
export function surveyOutputs(parsed: readonly SurveySeries[]): { series: PublishedSurveySeries[]; csv: string } {
  const series: PublishedSurveySeries[] = parsed.map((s) => ({
    level: s.level,
    code: s.code,
    name: s.name,
    source: s.source,
    points: s.points.map((p) => ({ year: p.year, prevalence: p.prevalence, source_url: p.sourceUrl, note: p.note })),
  }));
  const rows = series.flatMap((s) => s.points.map((p) => [s.level, s.code, s.name, s.source, p.year, p.prevalence, p.source_url, p.note ?? '']));
  return { series, csv: toCsv(CSV_COLUMNS, rows) };
}
