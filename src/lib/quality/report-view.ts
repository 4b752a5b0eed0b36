/**
 * The view of the data-quality report (QualityReport.astro, shared by /kualitas-data/ and /en/kualitas-data/): the
 * page model of view.ts plus the report's texts, the grading cut-offs as a table, the rows of the HAZ table, the
 * digit charts with their captions and the download links. Pure: the component loads the contract files and renders
 * what this returns.
 */
import type { AreaJson, Meta } from '../site/contract.ts';
import { formatPeriod } from '../site/format.ts';
import type { DigitChart, HistogramChart } from './charts.ts';
import { MIN_N_GRADE, QUALITY_THRESHOLDS } from './grade.ts';
import type { QualityFileJson, QualityMetricsJson } from './records.ts';
import { fmtNum, fmtPct, qualityPageModel, type QLang, type QualityPageModel } from './view.ts';

/** Texts of the report that do not depend on the region or period. */
const STATIC_TEXT = {
  id: {
    title: 'Kualitas data',
    lede: 'Seberapa dapat dipercaya angka pengukuran balita? Halaman ini memeriksa tanda-tanda umum data yang kurang baik untuk setiap wilayah dan memberi nilai baik, cukup, lemah atau sangat lemah.',
    notAvailable: 'Laporan kualitas data belum tersedia untuk data ini. Jalankan build data (npm run data) untuk membuatnya.',
    regionH: 'Ringkasan',
    metric: 'Pemeriksaan', value: 'Hasil', reference: 'Acuan', status: 'Penilaian',
    ok: 'baik', checkLevel: ['baik', 'cukup', 'lemah', 'sangat lemah'],
    chartsH: 'Grafik',
    hazH: 'Sebaran nilai z tinggi badan menurut umur (TB/U)',
    hazIntro: 'Batang: persentase anak per kelas 0,25 SB (tanpa nilai bertanda WHO). Garis: kurva normal baku standar WHO (rata-rata 0, SB 1). Garis putus-putus: batas stunting −2 SB. Sebaran yang bergeser ke kiri menunjukkan stunting; sebaran yang jauh lebih lebar dari kurva menunjukkan pengukuran yang kurang teliti.',
    hazAxis: 'Nilai z TB/U',
    hazTable: 'Tabel sebaran TB/U per kelas', bin: 'Kelas nilai z', observed: 'Anak', observedPct: '% anak', expectedPct: '% standar WHO',
    noHist: 'Histogram hanya tersedia untuk kabupaten dan kecamatan.',
    digitsH: 'Angka desimal terakhir tinggi dan berat badan',
    digitsIntro: 'Bila tinggi dan berat dibaca teliti sampai 0,1, setiap angka desimal terakhir 0–9 muncul kira-kira 10% (garis putus-putus). Batang yang jauh lebih tinggi pada 0 atau 5 menunjukkan pembulatan.',
    height: 'Tinggi/panjang badan', weight: 'Berat badan',
    digit: 'Angka terakhir', digitTable: 'Tabel angka desimal terakhir',
    gradesH: 'Nilai per wilayah',
    level: 'Tingkat', total: 'Jumlah', suppressed: 'Disembunyikan (terlalu sedikit anak)',
    kecamatan: 'Kecamatan', desa: 'Desa/kelurahan',
    weakH: 'Wilayah dengan data terlemah',
    area: 'Wilayah', grade: 'Nilai', children: 'Anak', reasons: 'Alasan',
    noWeak: 'Tidak ada kecamatan atau desa dengan nilai di bawah "baik" pada periode ini.',
    trendH: 'Dari waktu ke waktu',
    period: 'Periode', sdHaz: 'SB TB/U', dpsH: 'Skor digit tinggi', dpsW: 'Skor digit berat',
    rejectedH: 'Baris yang ditolak',
    reason: 'Alasan', rows: 'Baris',
    methodH: 'Cara menilai',
    methodIntro: 'Setiap pemeriksaan memberi tingkat baik, cukup, lemah atau sangat lemah; nilai wilayah adalah tingkat terburuk. Ambang berasal dari metode SMART, dari Mei & Grummer-Strawn (2007), atau merupakan pilihan proyek. Daftar pemeriksaan mengikuti rekomendasi WHO/UNICEF 2019 tentang indikator antropometri balita. Nilai ini tanda untuk memeriksa data, bukan vonis; angka stunting tetap diterbitkan apa adanya.',
    rulesCaption: 'Ambang penilaian',
    rule: 'Pemeriksaan', cukup: 'Cukup bila', lemah: 'Lemah bila', sangat: 'Sangat lemah bila', src: 'Sumber',
    downloads: 'Unduh laporan kualitas data lengkap untuk semua wilayah:',
    sources: 'Sumber',
  },
  en: {
    title: 'Data quality',
    lede: 'How far can the child measurement figures be trusted? This page checks the usual signs of weak data for every area and grades it good, fair, weak or very weak.',
    notAvailable: 'No data-quality report is available for these data yet. Run the data build (npm run data) to produce it.',
    regionH: 'Summary',
    metric: 'Check', value: 'Result', reference: 'Reference', status: 'Grade',
    ok: 'good', checkLevel: ['good', 'fair', 'weak', 'very weak'],
    chartsH: 'Charts',
    hazH: 'Distribution of height-for-age z-scores (HAZ)',
    hazIntro: 'Bars: percentage of children per 0.25-SD bin (WHO-flagged values excluded). Line: the WHO standard normal curve (mean 0, SD 1). Dashed line: the stunting cut-off at −2 SD. A shift to the left shows stunting; a distribution much wider than the curve suggests imprecise measurement.',
    hazAxis: 'HAZ',
    hazTable: 'Table of the HAZ distribution by bin', bin: 'z-score bin', observed: 'Children', observedPct: '% of children', expectedPct: '% WHO standard',
    noHist: 'The histogram is published for kabupaten and kecamatan only.',
    digitsH: 'Last decimal digit of height and weight',
    digitsIntro: 'When heights and weights are read to 0.1, each last digit 0–9 appears about 10% of the time (dashed line). Much taller bars at 0 or 5 show rounding.',
    height: 'Height/length', weight: 'Weight',
    digit: 'Last digit', digitTable: 'Table of last decimal digits',
    gradesH: 'Grades by area',
    level: 'Level', total: 'Total', suppressed: 'Hidden (too few children)',
    kecamatan: 'Kecamatan (district)', desa: 'Desa/kelurahan (village)',
    weakH: 'Areas with the weakest data',
    area: 'Area', grade: 'Grade', children: 'Children', reasons: 'Reasons',
    noWeak: 'No kecamatan or desa graded below "good" in this period.',
    trendH: 'Over time',
    period: 'Period', sdHaz: 'SD of HAZ', dpsH: 'Height digit score', dpsW: 'Weight digit score',
    rejectedH: 'Rejected rows',
    reason: 'Reason', rows: 'Rows',
    methodH: 'How grades are given',
    methodIntro: 'Each check gives good, fair, weak or very weak; the area\'s grade is the worst of them. Cut-offs come from SMART, from Mei & Grummer-Strawn (2007), or are project choices. The list of checks follows the WHO/UNICEF 2019 recommendations on anthropometric indicators in children under five. A grade is a prompt to check the data, not a verdict; stunting figures are published as they are.',
    rulesCaption: 'Grading cut-offs',
    rule: 'Check', cukup: 'Fair if', lemah: 'Weak if', sangat: 'Very weak if', src: 'Source',
    downloads: 'Download the full data-quality report for every area:',
    sources: 'Sources',
  },
} as const;

/** Texts of the report that name the region or the period. */
function contextText(lang: QLang, region: { name: string }, periodLabel: string) {
  return lang === 'id'
    ? {
        regionIntro: `Pemeriksaan kualitas data ${region.name}, pengukuran ${periodLabel}.`,
        metricsCaption: `Hasil pemeriksaan, ${region.name}, ${periodLabel}`,
        hazAlt: (n: string, mean: string, sd: string, below: string, exp: string) => `Histogram TB/U ${region.name}, ${periodLabel}: ${n} anak, rata-rata ${mean}, simpangan baku ${sd} (standar WHO: 0 dan 1). ${below} anak di bawah −2 SB, dibanding ${exp} pada populasi standar WHO.`,
        digitAlt: (what: string, top: string, topPct: string, dps: string) => `${what}: angka terakhir yang paling sering ${top} (${topPct}); skor preferensi digit ${dps} (0 = merata, 100 = semua sama).`,
        gradesCaption: `Jumlah wilayah menurut nilai kualitas data, ${periodLabel}`,
        weakIntro: `Kecamatan dan desa dengan nilai terburuk pada ${periodLabel} (paling banyak 20), beserta alasannya. Wilayah dengan kurang dari ${MIN_N_GRADE} anak tidak dinilai.`,
        weakCaption: `Wilayah dengan data terlemah, ${periodLabel}`,
        trendCaption: `Nilai kualitas data ${region.name} per periode`,
        rejectedCaption: `Baris data ditolak menurut alasan, ${region.name}, ${periodLabel}`,
      }
    : {
        regionIntro: `Data-quality checks for ${region.name}, ${periodLabel} measurements.`,
        metricsCaption: `Check results, ${region.name}, ${periodLabel}`,
        hazAlt: (n: string, mean: string, sd: string, below: string, exp: string) => `HAZ histogram, ${region.name}, ${periodLabel}: ${n} children, mean ${mean}, SD ${sd} (WHO standard: 0 and 1). ${below} of children are below −2 SD, against ${exp} in the WHO standard population.`,
        digitAlt: (what: string, top: string, topPct: string, dps: string) => `${what}: the most frequent last digit is ${top} (${topPct}); digit preference score ${dps} (0 = even, 100 = all the same).`,
        gradesCaption: `Areas by data-quality grade, ${periodLabel}`,
        weakIntro: `Kecamatan and desa with the worst grades in ${periodLabel} (at most 20), with the reasons. Areas with fewer than ${MIN_N_GRADE} children are not graded.`,
        weakCaption: `Areas with the weakest data, ${periodLabel}`,
        trendCaption: `Data-quality grade of ${region.name} by period`,
        rejectedCaption: `Data rows rejected by reason, ${region.name}, ${periodLabel}`,
      };
}

/** Every text of the report in one language. */
export type ReportText = (typeof STATIC_TEXT)[QLang] & ReturnType<typeof contextText>;

/** The grading cut-offs as table rows: check, then the bound for cukup, lemah and sangat lemah, then the source. */
export function gradingRules(lang: QLang): string[][] {
  const T = QUALITY_THRESHOLDS;
  const n1 = (x: number | null | undefined, d = 1) => fmtNum(x, lang, d);
  return lang === 'id'
    ? [
        ['% nilai z bertanda WHO (TB/U, BB/U, BB/TB)', `> ${n1(T.flaggedPct[0], 0)}%`, `> ${n1(T.flaggedPct[1], 0)}%`, `> ${n1(T.flaggedPct[2], 0)}%`, 'pilihan proyek'],
        ['Simpangan baku nilai z', `> ${n1(T.sdHigh)}`, `< ${n1(T.sdLow)}, atau > ${n1(T.sdP95.haz, 2)} (TB/U), ${n1(T.sdP95.waz, 2)} (BB/U), ${n1(T.sdP95.whz, 2)} (BB/TB)`, '–', 'SMART; Mei & Grummer-Strawn 2007'],
        ['Skor preferensi digit (terkoreksi)', `> ${T.dps[0]}`, `> ${T.dps[1]}`, `> ${T.dps[2]}`, 'SMART; > 40 pilihan proyek'],
        ['Diukur tepat ulang tahun (kelebihan, poin persen; p < 0,001)', `> ${T.birthdayExcess[0]}`, `> ${T.birthdayExcess[1]}`, `> ${T.birthdayExcess[2]}`, 'pilihan proyek'],
        ['Lahir tanggal 1 (kelebihan, poin persen; p < 0,001)', `> ${T.firstOfMonthExcess[0]}`, `> ${T.firstOfMonthExcess[1]}`, '–', 'pilihan proyek'],
        ['Rasio jenis kelamin', 'p ≤ 0,001', `p ≤ 0,001 dan di luar ${n1(T.sexRatioBand[0])}–${n1(T.sexRatioBand[1])}`, '–', 'SMART; batas besaran pilihan proyek'],
        ['Bayi < 9 bulan diukur berdiri', `> ${T.under9mStandingPct[0]}%`, `> ${T.under9mStandingPct[1]}%`, '–', 'pilihan proyek'],
        ['Berat atau tinggi kosong', `> ${T.missingPct[0]}%`, `> ${T.missingPct[1]}%`, `> ${T.missingPct[2]}%`, 'pilihan proyek'],
        ['Cakupan', `< ${T.coverageLow[0]}% atau > ${T.coverageHigh}%`, `< ${T.coverageLow[1]}%`, `< ${T.coverageLow[2]}%`, 'pilihan proyek'],
        ['Baris ditolak', `> ${T.rejectedPct[0]}%`, `> ${T.rejectedPct[1]}%`, `> ${T.rejectedPct[2]}%`, 'pilihan proyek'],
      ]
    : [
        ['% WHO-flagged z-scores (HAZ, WAZ, WHZ)', `> ${T.flaggedPct[0]}%`, `> ${T.flaggedPct[1]}%`, `> ${T.flaggedPct[2]}%`, 'project choice'],
        ['SD of z-scores', `> ${n1(T.sdHigh)}`, `< ${n1(T.sdLow)}, or > ${n1(T.sdP95.haz, 2)} (HAZ), ${n1(T.sdP95.waz, 2)} (WAZ), ${n1(T.sdP95.whz, 2)} (WHZ)`, '–', 'SMART; Mei & Grummer-Strawn 2007'],
        ['Digit preference score (bias-corrected)', `> ${T.dps[0]}`, `> ${T.dps[1]}`, `> ${T.dps[2]}`, 'SMART; > 40 project choice'],
        ['Measured exactly on a birthday (excess, percentage points; p < 0.001)', `> ${T.birthdayExcess[0]}`, `> ${T.birthdayExcess[1]}`, `> ${T.birthdayExcess[2]}`, 'project choice'],
        ['Born on the 1st (excess, percentage points; p < 0.001)', `> ${T.firstOfMonthExcess[0]}`, `> ${T.firstOfMonthExcess[1]}`, '–', 'project choice'],
        ['Sex ratio', 'p ≤ 0.001', `p ≤ 0.001 and outside ${n1(T.sexRatioBand[0])}–${n1(T.sexRatioBand[1])}`, '–', 'SMART; size band project choice'],
        ['Infants < 9 months measured standing', `> ${T.under9mStandingPct[0]}%`, `> ${T.under9mStandingPct[1]}%`, '–', 'project choice'],
        ['Missing weight or height', `> ${T.missingPct[0]}%`, `> ${T.missingPct[1]}%`, `> ${T.missingPct[2]}%`, 'project choice'],
        ['Coverage', `< ${T.coverageLow[0]}% or > ${T.coverageHigh}%`, `< ${T.coverageLow[1]}%`, `< ${T.coverageLow[2]}%`, 'project choice'],
        ['Rejected rows', `> ${T.rejectedPct[0]}%`, `> ${T.rejectedPct[1]}%`, `> ${T.rejectedPct[2]}%`, 'project choice'],
      ];
}

/** A terminal-digit chart of the report with its title and caption (chart null when there are no counts). */
export interface DigitChartView {
  key: 'height' | 'weight';
  title: string;
  chart: DigitChart | null;
  caption: string;
}

/** Everything QualityReport.astro renders. */
export interface QualityReportView {
  model: QualityPageModel;
  text: ReportText;
  /** The grading cut-offs (gradingRules). */
  rules: string[][];
  /** HAZ bins listed in the table: those with children or an expected share of at least 0.05%. */
  hazRows: HistogramChart['bars'];
  /** Text alternative of the HAZ histogram; null without one. */
  hazCaption: string | null;
  digitCharts: DigitChartView[];
  /** Name of a level in the tables. */
  levelName: (level: string) => string;
  /** Links to the full report files. */
  downloads: { json: string; csv: string };
}

/** The report of the region (meta.region, named as in areas.json when listed there) in the latest period. */
export function qualityReportView(
  q: QualityFileJson | null,
  areas: readonly AreaJson[],
  meta: Pick<Meta, 'region' | 'latest_period'>,
  lang: QLang,
  base: string,
): QualityReportView {
  const period = meta.latest_period;
  const regionArea = areas.find((a) => a.code === meta.region.code);
  const region = { code: meta.region.code, name: regionArea?.name ?? meta.region.name };
  const model = qualityPageModel(q, areas, region, period, lang);
  const text: ReportText = { ...STATIC_TEXT[lang], ...contextText(lang, region, formatPeriod(period, lang)) };
  const haz = model.haz;
  const dataHref = (f: string) => `${base.replace(/\/?$/, '/')}data/v1/${f}`;
  return {
    model,
    text,
    rules: gradingRules(lang),
    hazRows: haz ? haz.bars.filter((b) => b.count > 0 || b.expectedPct >= 0.05) : [],
    hazCaption: haz
      ? text.hazAlt(fmtNum(haz.n, lang), fmtNum(model.hazMean, lang, 2), fmtNum(model.hazSd, lang, 2), fmtPct(haz.belowMinus2Pct, lang), fmtPct(haz.expectedBelowMinus2Pct, lang))
      : null,
    digitCharts: digitChartViews(model, text, lang),
    levelName: (lv) => (lv === 'kecamatan' ? text.kecamatan : lv === 'desa' ? text.desa : lv),
    downloads: { json: dataHref('quality.json'), csv: dataHref('quality.csv') },
  };
}

/** The height and weight digit charts, each captioned with its most frequent digit and its digit preference score. */
function digitChartViews(model: QualityPageModel, text: ReportText, lang: QLang): DigitChartView[] {
  const digits = model.record?.metrics?.digits;
  const caption = (title: string, d: QualityMetricsJson['digits']['height'] | undefined) =>
    text.digitAlt(title, d?.top_digit === null || d?.top_digit === undefined ? '–' : String(d.top_digit), fmtPct(d?.top_digit_pct, lang), fmtNum(d?.dps, lang, 1));
  return [
    { key: 'height', title: text.height, chart: model.heightDigits, caption: caption(text.height, digits?.height) },
    { key: 'weight', title: text.weight, chart: model.weightDigits, caption: caption(text.weight, digits?.weight) },
  ];
}
