/**
 * View models for the data-quality page (/kualitas-data/) and the quality badge, from the published quality.json.
 * Pure: no file I/O; the pages pass in the parsed contract files. Texts in Bahasa Indonesia and English.
 */
import type { AreaJson } from '../site/contract.ts';
import type { Level } from '../types.ts';
import { digitChart, hazHistogramChart, type DigitChart, type HistogramChart } from './charts.ts';
import { GRADE_LABELS, MIN_N_UNDER9M, describeReason, describeReasonShort, type QualityGrade, type QualityLevel, type QualityReasonCode } from './grade.ts';
import type { QualityFileJson, QualityMetricsJson, QualityRecordJson } from './records.ts';

/** Page language. */
export type QLang = 'id' | 'en';

/** Grades from best to worst, with 'tidak_dinilai' last. */
export const GRADE_ORDER: readonly QualityGrade[] = ['baik', 'cukup', 'lemah', 'sangat_lemah', 'tidak_dinilai'];

const GRADE_RANK: Record<QualityGrade, number> = { baik: 0, cukup: 1, lemah: 2, sangat_lemah: 3, tidak_dinilai: -1 };

/** A reason as it appears in quality.json (the message is optional). */
export interface ReasonLike {
  code: QualityReasonCode | string;
  level: QualityLevel | number;
  value?: number;
  threshold?: number;
  message?: { id: string; en: string };
}

/** What a quality badge shows. */
export interface BadgeModel {
  grade: QualityGrade;
  /** "Kualitas data: Cukup". */
  label: string;
  /** The grade alone: "Cukup". */
  gradeLabel: string;
  /** One sentence explaining the grade in words. */
  summary: string;
  /** Each reason in words, worst first. */
  items: string[];
  /** CSS modifier: q-baik, q-cukup, ... */
  className: string;
}

const S = {
  id: {
    badgePrefix: 'Kualitas data',
    sumBaik: 'Tidak ada tanda masalah pada pemeriksaan kualitas data.',
    sumCukup: 'Ada tanda masalah ringan; angka dapat dipakai dengan hati-hati.',
    sumLemah: 'Ada tanda masalah yang jelas; baca angka dengan hati-hati dan periksa pengukurannya.',
    sumSangat: 'Ada tanda masalah berat; angka dari wilayah ini kurang dapat dipercaya sampai data diperiksa.',
    sumNone: 'Terlalu sedikit anak yang diukur untuk menilai kualitas data.',
    sumSuppressed: 'Disembunyikan karena terlalu sedikit anak yang diukur.',
  },
  en: {
    badgePrefix: 'Data quality',
    sumBaik: 'No sign of a problem in the data-quality checks.',
    sumCukup: 'Minor signs of problems; the figures can be used with care.',
    sumLemah: 'Clear signs of problems; read the figures with care and check the measurements.',
    sumSangat: 'Serious signs of problems; figures from this area are unreliable until the data are checked.',
    sumNone: 'Too few children measured to grade data quality.',
    sumSuppressed: 'Hidden because too few children were measured.',
  },
} as const;

/** Describes any reason (from gradeQuality or from quality.json) in words. */
export function reasonText(r: ReasonLike, lang: QLang): string {
  if (r.message) return r.message[lang];
  if (typeof r.value === 'number' && typeof r.threshold === 'number') {
    return describeReason({ code: r.code as QualityReasonCode, value: r.value, threshold: r.threshold }, lang);
  }
  return r.code;
}

/** The badge of one grade and its reasons (QualityBadge.astro renders it; the map can use it for tooltips). */
export function badgeModel(grade: QualityGrade, reasons: readonly ReasonLike[] = [], lang: QLang = 'id', suppressed = false): BadgeModel {
  const s = S[lang];
  const gradeLabel = GRADE_LABELS[grade]?.[lang] ?? grade;
  const summary = suppressed
    ? s.sumSuppressed
    : grade === 'baik'
      ? s.sumBaik
      : grade === 'cukup'
        ? s.sumCukup
        : grade === 'lemah'
          ? s.sumLemah
          : grade === 'sangat_lemah'
            ? s.sumSangat
            : s.sumNone;
  const sorted = [...reasons].sort((a, b) => Number(b.level) - Number(a.level));
  return {
    grade,
    label: `${s.badgePrefix}: ${gradeLabel}`,
    gradeLabel,
    summary,
    items: sorted.filter((r) => grade === 'tidak_dinilai' || r.level > 0).map((r) => reasonText(r, lang)),
    className: `q-${grade.replace('_', '-')}`,
  };
}

/** One row of the weakest-areas table. */
export interface WeakAreaRow {
  code: string;
  name: string;
  level: Level;
  grade: QualityGrade;
  n: number;
  reasons: string[];
  /** Short forms of the reasons, for tables. */
  shortReasons: string[];
  reasonCodes: string[];
}

/** One row of the region's metrics table. */
export interface MetricRow {
  key: string;
  label: string;
  value: string;
  reference: string;
  /** Worst level among the reasons tied to this row (0 when none); -1 when the row is not graded (no value, too
   * few children, or a descriptive row). */
  level: number;
}

/** Everything the quality page shows. */
export interface QualityPageModel {
  available: boolean;
  region: { code: string; name: string };
  period: string;
  record: QualityRecordJson | null;
  badge: BadgeModel | null;
  metricRows: MetricRow[];
  rejectedByReason: { reason: string; count: number }[];
  gradeCounts: { level: Level; counts: Record<QualityGrade, number>; suppressed: number; total: number }[];
  weakest: WeakAreaRow[];
  trend: { period: string; grade: QualityGrade; n: number | null; hazSd: number | null; heightDps: number | null; weightDps: number | null }[];
  haz: HistogramChart | null;
  heightDigits: DigitChart | null;
  weightDigits: DigitChart | null;
  hazMean: number | null;
  hazSd: number | null;
}

function num(x: number | null | undefined, lang: QLang, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = Math.abs(x).toFixed(digits);
  const [int, frac] = s.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
  const sign = x < 0 && Number(s) !== 0 ? '−' : '';
  return sign + g + (frac ? (lang === 'id' ? ',' : '.') + frac : '');
}

/** Number formatting used by the quality page (decimal comma in Indonesian; null → en dash). */
export function fmtNum(x: number | null | undefined, lang: QLang, digits = 0): string {
  return num(x, lang, digits);
}

/** Percentage formatting used by the quality page. */
export function fmtPct(x: number | null | undefined, lang: QLang, digits = 1): string {
  const s = num(x, lang, digits);
  return s === '–' ? s : `${s}%`;
}

const ROW_TEXT = {
  id: {
    children: ['Balita diukur (setelah duplikat dibuang)', ''],
    flagged: ['Nilai z mustahil (tanda WHO): TB/U · BB/U · BB/TB', 'sebaiknya ≤ 1%'],
    sd: ['Simpangan baku nilai z: TB/U · BB/U · BB/TB', 'standar WHO 1; dapat diterima 0,8–1,2'],
    mean: ['Rata-rata nilai z TB/U', 'standar WHO 0'],
    shape: ['Kemencengan · keruncingan TB/U', 'normal 0 · 0 (tidak dinilai)'],
    dpsH: ['Skor preferensi digit tinggi badan', '0 = merata; ≤ 12 baik (SMART)'],
    dpsW: ['Skor preferensi digit berat badan', '0 = merata; ≤ 12 baik (SMART)'],
    birthday: ['Diukur tepat pada hari ulang tahun', 'diharapkan 0,27%'],
    first: ['Lahir tanggal 1', 'diharapkan 3,29%'],
    sex: ['Rasio laki-laki per perempuan (p)', 'diharapkan 1,05'],
    under9m: ['Bayi < 9 bulan tercatat diukur berdiri', 'sebaiknya 0'],
    missing: ['Berat kosong · tinggi kosong', 'sebaiknya ≤ 2%'],
    dup: ['Pengukuran ganda dalam periode yang sama (dibuang)', 'tidak dinilai'],
    coverage: ['Cakupan (diukur / sasaran)', 'sebaiknya ≥ 80%'],
    rejected: ['Baris data ditolak saat validasi', 'sebaiknya ≤ 2%'],
  },
  en: {
    children: ['Children measured (after removing duplicates)', ''],
    flagged: ['Implausible z-scores (WHO flags): HAZ · WAZ · WHZ', 'ideally ≤ 1%'],
    sd: ['SD of z-scores: HAZ · WAZ · WHZ', 'WHO standard 1; acceptable 0.8–1.2'],
    mean: ['Mean HAZ', 'WHO standard 0'],
    shape: ['Skewness · kurtosis of HAZ', 'normal 0 · 0 (not graded)'],
    dpsH: ['Digit preference score, height', '0 = even; ≤ 12 good (SMART)'],
    dpsW: ['Digit preference score, weight', '0 = even; ≤ 12 good (SMART)'],
    birthday: ['Measured exactly on their birthday', 'expected 0.27%'],
    first: ['Born on the 1st of a month', 'expected 3.29%'],
    sex: ['Boys per girl (p)', 'expected 1.05'],
    under9m: ['Infants < 9 months recorded as measured standing', 'ideally 0'],
    missing: ['Missing weight · missing height', 'ideally ≤ 2%'],
    dup: ['Repeat measurements in the same period (removed)', 'not graded'],
    coverage: ['Coverage (measured / target)', 'ideally ≥ 80%'],
    rejected: ['Data rows rejected in validation', 'ideally ≤ 2%'],
  },
} as const;

const ROW_CODES: Record<string, string[]> = {
  flagged: ['haz_flagged_high', 'waz_flagged_high', 'whz_flagged_high'],
  sd: ['haz_sd_high', 'waz_sd_high', 'whz_sd_high', 'haz_sd_low', 'waz_sd_low', 'whz_sd_low'],
  dpsH: ['height_digit_preference'],
  dpsW: ['weight_digit_preference'],
  birthday: ['age_birthday_heaping'],
  first: ['birth_first_of_month'],
  sex: ['sex_ratio'],
  under9m: ['under9m_standing'],
  missing: ['weight_missing', 'height_missing'],
  coverage: ['coverage_low', 'coverage_over_target'],
  rejected: ['rejected_rows'],
};

/** The region's metrics as labelled rows, each with the worst level of the reasons tied to it. */
export function metricRows(m: QualityMetricsJson, reasons: readonly ReasonLike[], lang: QLang, graded = true): MetricRow[] {
  const T = ROW_TEXT[lang];
  const z = m.zscores;
  const sep = ' · ';
  const value: Record<keyof typeof T, string> = {
    children: fmtNum(m.children, lang),
    flagged: [z.haz, z.waz, z.whz].map((x) => fmtPct(x.flagged_pct, lang)).join(sep),
    sd: [z.haz, z.waz, z.whz].map((x) => fmtNum(x.sd, lang, 2)).join(sep),
    mean: fmtNum(z.haz.mean, lang, 2),
    shape: `${fmtNum(z.haz.skewness, lang, 2)}${sep}${fmtNum(z.haz.kurtosis, lang, 2)}`,
    dpsH: fmtNum(m.digits.height.dps, lang, 1),
    dpsW: fmtNum(m.digits.weight.dps, lang, 1),
    birthday: `${fmtPct(m.age.birthday.pct, lang, 2)} (${fmtNum(m.age.birthday.count, lang)})`,
    first: `${fmtPct(m.age.first_of_month.pct, lang, 2)} (${fmtNum(m.age.first_of_month.count, lang)})`,
    sex: `${fmtNum(m.sex.ratio, lang, 2)} (p ${m.sex.p === null ? '–' : m.sex.p < 0.0001 ? '< 0' + (lang === 'id' ? ',' : '.') + '0001' : fmtNum(m.sex.p, lang, 4)})`,
    under9m: `${fmtNum(m.under9m.standing, lang)} / ${fmtNum(m.under9m.with_position, lang)} (${fmtPct(m.under9m.standing_pct, lang)})`,
    missing: `${fmtPct(m.missing.weight_pct, lang)}${sep}${fmtPct(m.missing.height_pct, lang)}`,
    dup: fmtNum(m.duplicates_removed, lang),
    coverage: m.coverage.pct === null ? '–' : `${fmtPct(m.coverage.pct, lang)} (${fmtNum(m.children, lang)} / ${fmtNum(m.coverage.target, lang)})`,
    rejected: `${fmtNum(m.rejected.total, lang)} (${fmtPct(m.rejected.pct, lang)})`,
  };
  const notGraded: Record<string, boolean> = {
    coverage: m.coverage.pct === null,
    under9m: m.under9m.with_position < MIN_N_UNDER9M,
    birthday: m.age.birthday.p === null,
    first: m.age.first_of_month.p === null,
    sex: m.sex.p === null,
  };
  return (Object.keys(T) as (keyof typeof T)[]).map((key) => {
    const codes = ROW_CODES[key];
    const level =
      !graded || !codes || notGraded[key]
        ? -1
        : reasons.filter((r) => codes.includes(r.code)).reduce((w, r) => Math.max(w, Number(r.level)), 0);
    return { key, label: T[key][0], value: value[key], reference: T[key][1], level };
  });
}

/** Builds the whole page model for the region (the kabupaten) in one period. */
export function qualityPageModel(
  q: QualityFileJson | null,
  areas: readonly AreaJson[],
  region: { code: string; name: string },
  period: string,
  lang: QLang,
  limit = 20,
): QualityPageModel {
  const empty = emptyPageModel(region, period);
  if (!q || typeof q !== 'object' || !q.areas) return empty;
  const rec = q.areas[region.code]?.[period] ?? null;
  const model: QualityPageModel = { ...empty, available: true, record: rec };
  if (rec) model.badge = badgeModel(rec.grade, rec.reasons, lang, rec.status === 'suppressed');
  if (rec?.metrics) Object.assign(model, metricsParts(q, rec, rec.metrics, lang));
  model.trend = gradeTrend(q.areas[region.code] ?? {});
  // Grade counts and the weakest areas among kecamatan and desa.
  const byLevel = (['kecamatan', 'desa'] as const).map((level) => levelGrades(q, areas, level, period, lang));
  model.gradeCounts = byLevel.map((l) => l.count);
  model.weakest = weakestFirst(byLevel.flatMap((l) => l.weak)).slice(0, limit);
  return model;
}

/** The page model when there is no quality report. */
function emptyPageModel(region: { code: string; name: string }, period: string): QualityPageModel {
  return {
    available: false,
    region,
    period,
    record: null,
    badge: null,
    metricRows: [],
    rejectedByReason: [],
    gradeCounts: [],
    weakest: [],
    trend: [],
    haz: null,
    heightDigits: null,
    weightDigits: null,
    hazMean: null,
    hazSd: null,
  };
}

/** The parts of the page drawn from the region's metrics: the metrics table, rejected rows by reason (most first),
 * the HAZ histogram and the terminal-digit charts. */
function metricsParts(q: QualityFileJson, rec: QualityRecordJson, m: QualityMetricsJson, lang: QLang) {
  return {
    metricRows: metricRows(m, rec.reasons ?? [], lang, rec.grade !== 'tidak_dinilai'),
    rejectedByReason: Object.entries(m.rejected.by_reason)
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
    ...(m.haz_histogram ? { haz: hazHistogramChart(m.haz_histogram, q.method.haz_histogram.from, q.method.haz_histogram.width) } : {}),
    heightDigits: digitChart(m.digits.height.counts),
    weightDigits: digitChart(m.digits.weight.counts),
    hazMean: m.zscores.haz.mean,
    hazSd: m.zscores.haz.sd,
  } satisfies Partial<QualityPageModel>;
}

/** The region's grade and key figures in every published period, oldest first. */
export function gradeTrend(regionPeriods: Record<string, QualityRecordJson>): QualityPageModel['trend'] {
  return Object.keys(regionPeriods)
    .sort()
    .map((p) => {
      const r = regionPeriods[p];
      return {
        period: p,
        grade: r.grade,
        n: r.n,
        hazSd: r.metrics?.zscores.haz.sd ?? null,
        heightDps: r.metrics?.digits.height.dps ?? null,
        weightDps: r.metrics?.digits.weight.dps ?? null,
      };
    });
}

/** Grade counts of one level in one period (areas without data left out, suppressed ones counted apart), and its
 * areas graded below 'baik' with their reasons. */
export function levelGrades(
  q: QualityFileJson,
  areas: readonly AreaJson[],
  level: Level,
  period: string,
  lang: QLang,
): { count: QualityPageModel['gradeCounts'][number]; weak: WeakAreaRow[] } {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const counts = Object.fromEntries(GRADE_ORDER.map((g) => [g, 0])) as Record<QualityGrade, number>;
  const weak: WeakAreaRow[] = [];
  let suppressed = 0;
  let total = 0;
  for (const a of areas) {
    if (a.level !== level) continue;
    const r = q.areas[a.code]?.[period];
    if (!r || r.status === 'no_data') continue;
    total++;
    if (r.status === 'suppressed') {
      suppressed++;
      continue;
    }
    counts[r.grade]++;
    if (GRADE_RANK[r.grade] > 0) weak.push(weakAreaRow(r, a.code, byCode.get(a.code)?.name ?? a.code, level, lang));
  }
  return { count: { level, counts, suppressed, total }, weak };
}

/** A weak area's row: its graded reasons in words, in short words and as codes. */
function weakAreaRow(r: QualityRecordJson, code: string, name: string, level: Level, lang: QLang): WeakAreaRow {
  const graded = r.reasons.filter((x) => x.level > 0);
  return {
    code,
    name,
    level,
    grade: r.grade,
    n: r.n ?? 0,
    reasons: graded.map((x) => reasonText(x, lang)),
    shortReasons: graded.map((x) => describeReasonShort(x, lang)),
    reasonCodes: graded.map((x) => x.code),
  };
}

/** Weak areas worst grade first, then more reasons, then more children, then by code. */
export function weakestFirst(rows: readonly WeakAreaRow[]): WeakAreaRow[] {
  return [...rows].sort(
    (a, b) =>
      GRADE_RANK[b.grade] - GRADE_RANK[a.grade] ||
      b.reasons.length - a.reasons.length ||
      b.n - a.n ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
