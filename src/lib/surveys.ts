/**
 * Published survey figures (SSGI 2021/2022/2024, SKI 2023) and routine e-PPGBM figures from `data/surveys/prevalence.csv`
 * (columns `kode,nama,level,tahun,sumber_data,prevalensi_stunting_pct,jumlah_balita_stunting,source_url,catatan`),
 * grouped into series for the region, its province and Indonesia (`kode` 0).
 *
 * One series = one area and one source: a survey estimate and an e-PPGBM weighing figure measure different things
 * (the latter is routinely far lower), so they must never be joined into one line; even SSGI and SKI are kept apart
 * because their sampling differs, and the chart labels each.
 */
import { provinceOf, splitCsvLine } from './areas.ts';

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
 * Parses the survey file and returns the series of the region (`35.10`), its province and Indonesia, ordered
 * kabupaten → provinsi → nasional and SSGI → SKI → e-PPGBM → unspecified. Throws with the line number on a bad
 * year, prevalence, source or level, and on the same area, source and year twice (which figure would be right?).
 */
export function parseSurveys(csvText: string, regionCode: string): SurveySeries[] {
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const header = splitCsvLine(lines[0]).map((h) => h.trim());
  const idx = Object.fromEntries(
    COLUMNS.map((c) => {
      const i = header.indexOf(c);
      if (i < 0) throw new Error(`surveys: missing column "${c}" (header: ${header.join(',')})`);
      return [c, i];
    }),
  ) as Record<(typeof COLUMNS)[number], number>;

  const wanted = new Set([regionCode, provinceOf(regionCode), '0']);
  const series = new Map<string, SurveySeries>();
  const seen = new Map<string, number>();
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n].trim()) continue;
    const cells = splitCsvLine(lines[n]);
    const get = (c: (typeof COLUMNS)[number]) => (cells[idx[c]] ?? '').trim();
    const code = get('kode');
    if (!wanted.has(code)) continue;
    const where = `surveys line ${n + 1}`;
    const level = LEVELS[get('level')];
    if (!level) throw new Error(`${where}: level "${get('level')}", expected kabkota, provinsi or nasional`);
    const source = get('sumber_data') as SurveySource;
    if (!SOURCES.includes(source)) throw new Error(`${where}: sumber_data "${source}", expected one of ${SOURCES.join(', ')}`);
    const year = Number(get('tahun'));
    if (!/^\d{4}$/.test(get('tahun'))) throw new Error(`${where}: tahun "${get('tahun')}" is not a year`);
    const prevalence = Number(get('prevalensi_stunting_pct'));
    if (get('prevalensi_stunting_pct') === '' || !Number.isFinite(prevalence) || prevalence < 0 || prevalence > 100) {
      throw new Error(`${where}: prevalensi_stunting_pct "${get('prevalensi_stunting_pct')}" is not a percentage (0-100, decimal point)`);
    }
    const casesText = get('jumlah_balita_stunting');
    const cases = casesText === '' ? null : Number(casesText);
    if (cases !== null && !(Number.isInteger(cases) && cases >= 0)) throw new Error(`${where}: jumlah_balita_stunting "${casesText}" is not a count`);
    const key = `${code}|${source}`;
    const pointKey = `${key}|${year}`;
    if (seen.has(pointKey)) throw new Error(`${where}: ${code} ${source} ${year} already given on line ${seen.get(pointKey)}`);
    seen.set(pointKey, n + 1);
    if (!series.has(key)) series.set(key, { level, code, name: get('nama'), source, points: [] });
    series.get(key)!.points.push({ year, prevalence, cases, sourceUrl: get('source_url'), note: get('catatan') });
  }
  const levelOrder: SurveyLevel[] = ['kabupaten', 'provinsi', 'nasional'];
  return [...series.values()]
    .map((s) => ({ ...s, points: s.points.sort((a, b) => a.year - b.year) }))
    .sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source));
}
