/**
 * Grades the quality of one area's data from its QualityMetrics: every check gives a level (0 baik, 1 cukup,
 * 2 lemah, 3 sangat lemah) and the grade is the worst level, with every non-zero check listed as a reason.
 * Below MIN_N_GRADE children the area is not graded ('tidak_dinilai'): the checks would grade sampling noise.
 *
 * Thresholds and their sources (full discussion in docs/quality.md):
 * - SMART plausibility check (SMART Manual 2.0, 2017; as implemented in nutriverse nipnTK `digitPreference()` and
 *   mwana `rate_std()`, `rate_agesex_ratio()`): DPS classes 0-7 excellent, 8-12 good, 13-20 acceptable, > 20
 *   problematic; SD of z-scores acceptable within 0.8-1.2; sex ratio p-value <= 0.001 problematic.
 * - Mei & Grummer-Strawn, Bull WHO 2007;85:441-8: 95th percentile of the SD (WHO standards, 51 DHS surveys):
 *   HAZ 1.95, WAZ 1.46, WHZ 1.50.
 * - WHO/UNICEF 2019 Recommendations (anthropometric indicators in children under 5) list the checks to report
 *   (% flagged, SD, digit preference, age heaping, sex ratio, completeness) but fix no pass/fail cut-offs; the
 *   remaining cut-offs (flagged %, missing, position, coverage, rejected rows, heaping excess) are this project's
 *   choices, stated as such in docs/quality.md.
 */
import type { QualityIndex } from './accumulator.ts';
import type { QualityMetrics } from './metrics.ts';

/** Grades, best to worst, plus 'tidak_dinilai' (not graded: too few children). */
export type QualityGrade = 'baik' | 'cukup' | 'lemah' | 'sangat_lemah' | 'tidak_dinilai';
/** Severity of one check: 0 baik, 1 cukup, 2 lemah, 3 sangat lemah. */
export type QualityLevel = 0 | 1 | 2 | 3;
/** Grade of each level. */
export const GRADE_OF_LEVEL: readonly QualityGrade[] = ['baik', 'cukup', 'lemah', 'sangat_lemah'];
/** Grade labels for display. */
export const GRADE_LABELS: Record<QualityGrade, { id: string; en: string }> = {
  baik: { id: 'Baik', en: 'Good' },
  cukup: { id: 'Cukup', en: 'Fair' },
  lemah: { id: 'Lemah', en: 'Weak' },
  sangat_lemah: { id: 'Sangat lemah', en: 'Very weak' },
  tidak_dinilai: { id: 'Belum dapat dinilai', en: 'Not graded' },
};

/** Minimum number of children for a grade (below it: 'tidak_dinilai'). With 100 children the SD of a z-score
 * is known to about +/-14% (95%), and one flagged child is 1%: smaller areas would be graded on noise. */
export const MIN_N_GRADE = 100;
/** Minimum children under 9 months with a recorded position before that share is graded. */
export const MIN_N_UNDER9M = 20;

/** Every cut-off used by gradeQuality. A value strictly beyond a cut-off gets that level. */
export const QUALITY_THRESHOLDS = {
  /** % WHO-flagged z-scores (HAZ, WAZ, WHZ): > 1 cukup, > 2 lemah, > 5 sangat lemah (project choice). */
  flaggedPct: [1, 2, 5],
  /** SD of unflagged z-scores: < 0.8 lemah (SMART lower limit); > 1.2 cukup (SMART upper limit); above the
   * 95th percentile of national surveys lemah (Mei & Grummer-Strawn 2007). */
  sdLow: 0.8,
  sdHigh: 1.2,
  sdP95: { haz: 1.95, waz: 1.46, whz: 1.5 } as Record<'haz' | 'waz' | 'whz', number>,
  /** Bias-corrected digit preference score: > 12 cukup (SMART "acceptable" 13-20), > 20 lemah (SMART
   * "problematic"), > 40 sangat lemah (project: about 40% of values or more rounded to one digit). */
  dps: [12, 20, 40],
  /** Excess of children measured exactly on a birthday, percentage points above the 0.27% expected, with
   * p < 0.001: > 2 cukup, > 5 lemah, > 15 sangat lemah (project choice). */
  birthdayExcess: [2, 5, 15],
  /** Excess of children born on the 1st, percentage points above 3.3%, with p < 0.001: > 5 cukup, > 20 lemah. */
  firstOfMonthExcess: [5, 20],
  heapingP: 0.001,
  /** Sex ratio: p <= 0.001 (SMART "problematic") gives cukup, and lemah when the ratio is also outside 0.9-1.2. */
  sexRatioP: 0.001,
  sexRatioBand: [0.9, 1.2],
  /** % of children under 9 months recorded standing: > 2 cukup, > 10 lemah (project choice). */
  under9mStandingPct: [2, 10],
  /** % missing weight or height: > 2 cukup, > 5 lemah, > 20 sangat lemah (project choice). */
  missingPct: [2, 5, 20],
  /** Coverage (% of target): < 80 cukup, < 60 lemah, < 40 sangat lemah; > 110 cukup (target probably wrong). */
  coverageLow: [80, 60, 40],
  coverageHigh: 110,
  /** % of rows rejected by validation (errors only): > 2 cukup, > 5 lemah, > 15 sangat lemah (project choice). */
  rejectedPct: [2, 5, 15],
} as const;

/** Stable reason codes (they appear in quality.json). */
export type QualityReasonCode =
  | 'small_n'
  | `${'haz' | 'waz' | 'whz'}_flagged_high`
  | `${'haz' | 'waz' | 'whz'}_sd_high`
  | `${'haz' | 'waz' | 'whz'}_sd_low`
  | 'height_digit_preference'
  | 'weight_digit_preference'
  | 'age_birthday_heaping'
  | 'birth_first_of_month'
  | 'sex_ratio'
  | 'under9m_standing'
  | 'weight_missing'
  | 'height_missing'
  | 'coverage_low'
  | 'coverage_over_target'
  | 'rejected_rows';

/** One reason a grade is below 'baik' (or why it is not given). */
export interface QualityReason {
  code: QualityReasonCode;
  level: QualityLevel;
  message: { id: string; en: string };
  value: number;
  threshold: number;
}

/** Result of gradeQuality. */
export interface QualityGradeResult {
  grade: QualityGrade;
  /** Children assessed. */
  n: number;
  reasons: QualityReason[];
}

const IDX_LABEL: Record<'haz' | 'waz' | 'whz', { id: string; en: string }> = {
  haz: { id: 'TB/U (HAZ)', en: 'height-for-age (HAZ)' },
  waz: { id: 'BB/U (WAZ)', en: 'weight-for-age (WAZ)' },
  whz: { id: 'BB/TB (WHZ)', en: 'weight-for-height (WHZ)' },
};

/** Plain-language description of every reason code, without numbers (the numbers are in value/threshold). */
export const REASON_TEXT: Record<QualityReasonCode, { id: string; en: string }> = {
  small_n: {
    id: 'Terlalu sedikit anak yang diukur untuk menilai kualitas data dengan andal.',
    en: 'Too few children measured to grade data quality reliably.',
  },
  ...(Object.fromEntries(
    (['haz', 'waz', 'whz'] as const).flatMap((k) => [
      [
        `${k}_flagged_high`,
        {
          id: `Banyak nilai z ${IDX_LABEL[k].id} yang mustahil secara biologis (ditandai WHO), tanda salah ukur atau salah catat.`,
          en: `Many biologically implausible ${IDX_LABEL[k].en} z-scores (WHO flags), a sign of measurement or recording errors.`,
        },
      ],
      [
        `${k}_sd_high`,
        {
          id: `Sebaran nilai z ${IDX_LABEL[k].id} terlalu lebar (simpangan baku tinggi), tanda pengukuran yang kurang teliti; prevalensi bisa terlalu tinggi.`,
          en: `The ${IDX_LABEL[k].en} z-scores are too spread out (high SD), a sign of imprecise measurement; prevalence may be overstated.`,
        },
      ],
      [
        `${k}_sd_low`,
        {
          id: `Sebaran nilai z ${IDX_LABEL[k].id} terlalu sempit (simpangan baku rendah), tidak wajar untuk pengukuran sungguhan.`,
          en: `The ${IDX_LABEL[k].en} z-scores are too narrow (low SD), implausible for real measurements.`,
        },
      ],
    ]),
  ) as Record<`${'haz' | 'waz' | 'whz'}_${'flagged_high' | 'sd_high' | 'sd_low'}`, { id: string; en: string }>),
  height_digit_preference: {
    id: 'Banyak tinggi/panjang badan dibulatkan (angka desimal terakhir tidak merata).',
    en: 'Many heights/lengths are rounded (the last decimal digit is not evenly spread).',
  },
  weight_digit_preference: {
    id: 'Banyak berat badan dibulatkan (angka desimal terakhir tidak merata).',
    en: 'Many weights are rounded (the last decimal digit is not evenly spread).',
  },
  age_birthday_heaping: {
    id: 'Terlalu banyak anak diukur tepat pada hari ulang tahunnya: tanggal lahir tampaknya dihitung mundur dari umur dalam tahun.',
    en: 'Too many children measured exactly on their birthday: birth dates seem computed back from an age in years.',
  },
  birth_first_of_month: {
    id: 'Terlalu banyak anak lahir tanggal 1: tanggal lahir yang tidak diketahui tampaknya diisi "01".',
    en: 'Too many children born on the 1st: unknown birth days seem filled in as "01".',
  },
  sex_ratio: {
    id: 'Perbandingan anak laki-laki dan perempuan jauh dari yang diharapkan (sekitar 105 laki-laki per 100 perempuan).',
    en: 'The ratio of boys to girls is far from the expected (about 105 boys per 100 girls).',
  },
  under9m_standing: {
    id: 'Bayi di bawah 9 bulan tercatat diukur berdiri; bayi seharusnya diukur berbaring (panjang badan).',
    en: 'Infants under 9 months recorded as measured standing; infants should be measured lying down (length).',
  },
  weight_missing: { id: 'Banyak data berat badan kosong.', en: 'Many weights are missing.' },
  height_missing: { id: 'Banyak data tinggi/panjang badan kosong.', en: 'Many heights/lengths are missing.' },
  coverage_low: {
    id: 'Cakupan rendah: banyak balita sasaran tidak diukur, sehingga angka mungkin tidak mewakili semua balita.',
    en: 'Low coverage: many target children were not measured, so the figures may not represent all children.',
  },
  coverage_over_target: {
    id: 'Jumlah anak yang diukur melebihi sasaran: angka sasaran kemungkinan keliru.',
    en: 'More children measured than the target: the target figure is probably wrong.',
  },
  rejected_rows: {
    id: 'Banyak baris data ditolak saat validasi (tanggal, angka, atau wilayah tidak valid).',
    en: 'Many data rows were rejected in validation (invalid dates, numbers or areas).',
  },
};

/** Short labels of the reason codes, for tables (the full sentence is in REASON_TEXT). */
export const REASON_SHORT: Record<QualityReasonCode, { id: string; en: string }> = {
  small_n: { id: 'Terlalu sedikit anak', en: 'Too few children' },
  haz_flagged_high: { id: 'Nilai TB/U mustahil', en: 'Implausible HAZ' },
  waz_flagged_high: { id: 'Nilai BB/U mustahil', en: 'Implausible WAZ' },
  whz_flagged_high: { id: 'Nilai BB/TB mustahil', en: 'Implausible WHZ' },
  haz_sd_high: { id: 'Sebaran TB/U terlalu lebar', en: 'HAZ spread too wide' },
  waz_sd_high: { id: 'Sebaran BB/U terlalu lebar', en: 'WAZ spread too wide' },
  whz_sd_high: { id: 'Sebaran BB/TB terlalu lebar', en: 'WHZ spread too wide' },
  haz_sd_low: { id: 'Sebaran TB/U terlalu sempit', en: 'HAZ spread too narrow' },
  waz_sd_low: { id: 'Sebaran BB/U terlalu sempit', en: 'WAZ spread too narrow' },
  whz_sd_low: { id: 'Sebaran BB/TB terlalu sempit', en: 'WHZ spread too narrow' },
  height_digit_preference: { id: 'Tinggi dibulatkan', en: 'Heights rounded' },
  weight_digit_preference: { id: 'Berat dibulatkan', en: 'Weights rounded' },
  age_birthday_heaping: { id: 'Tanggal lahir dihitung dari umur', en: 'Birth dates computed from age' },
  birth_first_of_month: { id: 'Banyak lahir tanggal 1', en: 'Many born on the 1st' },
  sex_ratio: { id: 'Rasio jenis kelamin tidak wajar', en: 'Unusual sex ratio' },
  under9m_standing: { id: 'Bayi diukur berdiri', en: 'Infants measured standing' },
  weight_missing: { id: 'Berat kosong', en: 'Weight missing' },
  height_missing: { id: 'Tinggi kosong', en: 'Height missing' },
  coverage_low: { id: 'Cakupan rendah', en: 'Low coverage' },
  coverage_over_target: { id: 'Melebihi sasaran', en: 'Above target' },
  rejected_rows: { id: 'Banyak baris ditolak', en: 'Many rows rejected' },
};

/** Short form with value and limit, for tables: "Tinggi dibulatkan (22,5; batas 20,0)". */
export function describeReasonShort(r: { code: QualityReasonCode; value: number; threshold: number }, lang: 'id' | 'en'): string {
  const t = REASON_SHORT[r.code];
  if (!t) return r.code;
  const u = REASON_UNITS[r.code];
  const d = distinctDigits(r.value, r.threshold, u.digits);
  const unit = u.unit === '%' ? '%' : u.unit === 'pp' ? (lang === 'id' ? ' poin' : ' points') : '';
  return `${t[lang]} (${fmt(r.value, lang, d)}${unit}; ${lang === 'id' ? 'batas' : 'limit'} ${fmt(r.threshold, lang, u.digits)}${unit})`;
}

/** Unit and decimals used when a reason's value and threshold are put in words. */
export const REASON_UNITS: Record<QualityReasonCode, { unit: '' | '%' | 'pp'; digits: number }> = {
  small_n: { unit: '', digits: 0 },
  haz_flagged_high: { unit: '%', digits: 1 },
  waz_flagged_high: { unit: '%', digits: 1 },
  whz_flagged_high: { unit: '%', digits: 1 },
  haz_sd_high: { unit: '', digits: 2 },
  waz_sd_high: { unit: '', digits: 2 },
  whz_sd_high: { unit: '', digits: 2 },
  haz_sd_low: { unit: '', digits: 2 },
  waz_sd_low: { unit: '', digits: 2 },
  whz_sd_low: { unit: '', digits: 2 },
  height_digit_preference: { unit: '', digits: 1 },
  weight_digit_preference: { unit: '', digits: 1 },
  age_birthday_heaping: { unit: 'pp', digits: 1 },
  birth_first_of_month: { unit: 'pp', digits: 1 },
  sex_ratio: { unit: '', digits: 2 },
  under9m_standing: { unit: '%', digits: 1 },
  weight_missing: { unit: '%', digits: 1 },
  height_missing: { unit: '%', digits: 1 },
  coverage_low: { unit: '%', digits: 1 },
  coverage_over_target: { unit: '%', digits: 1 },
  rejected_rows: { unit: '%', digits: 1 },
};

/** Decimals that keep a value distinguishable from its limit (79.96 vs 80 prints as 79.96, not 80.0). */
function distinctDigits(value: number, threshold: number, digits: number): number {
  let d = digits;
  while (d < digits + 2 && value !== threshold && value.toFixed(d) === threshold.toFixed(d)) d++;
  return d;
}

function fmt(v: number, lang: 'id' | 'en', digits: number): string {
  const s = Math.abs(v).toFixed(digits);
  const sign = v < 0 && Number(s) !== 0 ? '−' : '';
  return sign + (lang === 'id' ? s.replace('.', ',') : s);
}

/** The reason in words with its value and limit, e.g. "... (nilai 22,5; batas 20,0)". */
export function describeReason(r: { code: QualityReasonCode; value: number; threshold: number }, lang: 'id' | 'en'): string {
  const t = REASON_TEXT[r.code];
  if (!t) return r.code;
  const u = REASON_UNITS[r.code];
  const d = distinctDigits(r.value, r.threshold, u.digits);
  const unit = u.unit === '%' ? '%' : u.unit === 'pp' ? (lang === 'id' ? ' poin persen' : ' percentage points') : '';
  if (r.code === 'small_n') {
    return lang === 'id'
      ? `${t.id} (${fmt(r.value, 'id', 0)} anak; paling sedikit ${fmt(r.threshold, 'id', 0)})`
      : `${t.en} (${fmt(r.value, 'en', 0)} children; at least ${fmt(r.threshold, 'en', 0)})`;
  }
  return lang === 'id'
    ? `${t.id} (nilai ${fmt(r.value, 'id', d)}${unit}; batas ${fmt(r.threshold, 'id', u.digits)}${unit})`
    : `${t.en} (value ${fmt(r.value, 'en', d)}${unit}; limit ${fmt(r.threshold, 'en', u.digits)}${unit})`;
}

function reason(code: QualityReasonCode, level: QualityLevel, value: number, threshold: number): QualityReason {
  const r = { code, value, threshold };
  return { code, level, value, threshold, message: { id: describeReason(r, 'id'), en: describeReason(r, 'en') } };
}

/** Level of a value against ascending "greater than" cut-offs; returns the level and the cut-off crossed. */
export function levelAbove(value: number, cuts: readonly number[]): { level: QualityLevel; threshold: number } {
  let level = 0;
  for (let i = 0; i < cuts.length; i++) if (value > cuts[i]) level = i + 1;
  return { level: level as QualityLevel, threshold: level > 0 ? cuts[level - 1] : cuts[0] };
}

/** Level of a value against descending "less than" cut-offs. */
export function levelBelow(value: number, cuts: readonly number[]): { level: QualityLevel; threshold: number } {
  let level = 0;
  for (let i = 0; i < cuts.length; i++) if (value < cuts[i]) level = i + 1;
  return { level: level as QualityLevel, threshold: level > 0 ? cuts[level - 1] : cuts[0] };
}

const SD_INDICES: readonly ('haz' | 'waz' | 'whz')[] = ['haz', 'waz', 'whz'];

/** Grades one area's metrics (see the module comment and docs/quality.md for every rule and source). */
export function gradeQuality(m: QualityMetrics, minN = MIN_N_GRADE): QualityGradeResult {
  const T = QUALITY_THRESHOLDS;
  const n = m.children;
  if (n < minN) {
    return { grade: 'tidak_dinilai', n, reasons: [reason('small_n', 0, n, minN)] };
  }
  const out: QualityReason[] = [];
  const push = (code: QualityReasonCode, r: { level: QualityLevel; threshold: number }, value: number) => {
    if (r.level > 0) out.push(reason(code, r.level, value, r.threshold));
  };

  for (const k of SD_INDICES) {
    const im = m.indices[k as QualityIndex];
    if (im.flaggedPct !== null) push(`${k}_flagged_high`, levelAbove(im.flaggedPct, T.flaggedPct), im.flaggedPct);
    if (im.sd !== null && im.n >= minN) {
      if (im.sd < T.sdLow) push(`${k}_sd_low`, { level: 2, threshold: T.sdLow }, im.sd);
      else if (im.sd > T.sdP95[k]) push(`${k}_sd_high`, { level: 2, threshold: T.sdP95[k] }, im.sd);
      else if (im.sd > T.sdHigh) push(`${k}_sd_high`, { level: 1, threshold: T.sdHigh }, im.sd);
    }
  }

  if (m.heightDigits.dps !== null) push('height_digit_preference', levelAbove(m.heightDigits.dps, T.dps), m.heightDigits.dps);
  if (m.weightDigits.dps !== null) push('weight_digit_preference', levelAbove(m.weightDigits.dps, T.dps), m.weightDigits.dps);

  const bd = m.age.birthday;
  if (bd.pct !== null && bd.p !== null && bd.p < T.heapingP) {
    const excess = bd.pct - bd.expectedPct;
    push('age_birthday_heaping', levelAbove(excess, T.birthdayExcess), excess);
  }
  const fm = m.age.firstOfMonth;
  if (fm.pct !== null && fm.p !== null && fm.p < T.heapingP) {
    const excess = fm.pct - fm.expectedPct;
    push('birth_first_of_month', levelAbove(excess, T.firstOfMonthExcess), excess);
  }

  if (m.sex.p !== null && m.sex.p <= T.sexRatioP) {
    const r = m.sex.ratio ?? Infinity;
    const outside = r < T.sexRatioBand[0] || r > T.sexRatioBand[1];
    const threshold = r < T.sexRatioBand[0] ? T.sexRatioBand[0] : T.sexRatioBand[1];
    push('sex_ratio', { level: outside ? 2 : 1, threshold }, Number.isFinite(r) ? r : m.sex.boys);
  }

  if (m.under9m.pct !== null && m.under9m.withPosition >= MIN_N_UNDER9M) {
    push('under9m_standing', levelAbove(m.under9m.pct, T.under9mStandingPct), m.under9m.pct);
  }
  if (m.missing.weightPct !== null) push('weight_missing', levelAbove(m.missing.weightPct, T.missingPct), m.missing.weightPct);
  if (m.missing.heightPct !== null) push('height_missing', levelAbove(m.missing.heightPct, T.missingPct), m.missing.heightPct);

  if (m.coverage.pct !== null) {
    if (m.coverage.pct > T.coverageHigh) push('coverage_over_target', { level: 1, threshold: T.coverageHigh }, m.coverage.pct);
    else push('coverage_low', levelBelow(m.coverage.pct, T.coverageLow), m.coverage.pct);
  }
  if (m.rejected.pct !== null) push('rejected_rows', levelAbove(m.rejected.pct, T.rejectedPct), m.rejected.pct);

  // Worst first; ties keep the rule order above (stable sort).
  out.sort((a, b) => b.level - a.level);
  const worst = out.reduce((w, r) => (r.level > w ? r.level : w), 0);
  return { grade: GRADE_OF_LEVEL[worst], n, reasons: out };
}
