/**
 * The data dictionary of the published CSVs in both languages: one source for the data page's dictionary
 * (src/lib/site/downloads.ts) and the codebook file `kamus-data.csv` published beside the Excel variants.
 */
import { INDICATORS } from '../types.ts';

/** One column of a published CSV. */
export interface CodebookRow {
  column: string;
  type: string;
  meaning: { id: string; en: string };
}

/** Columns of stunting.csv and csv/<kode>.csv. */
export const TIDY_CODEBOOK: readonly CodebookRow[] = [
  { column: 'area_code', type: 'text', meaning: { id: 'Kode wilayah Kemendagri bertitik: provinsi.kab/kota.kecamatan.desa (2, 2, 2 dan 4 angka).', en: 'Dotted Kemendagri area code: province.kab/kota.kecamatan.desa (2, 2, 2 and 4 digits).' } },
  { column: 'area_name', type: 'text', meaning: { id: 'Nama wilayah.', en: 'Area name.' } },
  { column: 'level', type: 'text', meaning: { id: 'kabupaten, kecamatan atau desa (termasuk kelurahan).', en: 'kabupaten (regency), kecamatan (district) or desa (village, incl. kelurahan).' } },
  { column: 'period', type: 'YYYY-MM', meaning: { id: 'Bulan pengukuran (periode).', en: 'Measurement month (round).' } },
  { column: 'indicator', type: 'text', meaning: { id: `${INDICATORS.join(', ')} (lihat Metodologi).`, en: `${INDICATORS.join(', ')} (see Methodology).` } },
  { column: 'measured', type: 'integer', meaning: { id: 'Penyebut n: balita dengan z-skor sah untuk indikator ini (termasuk anak dengan edema untuk indikator berbasis berat) — bukan jumlah balita diukur, yang bisa sedikit lebih besar (ada di series/<kode>.json). Kosong bila disembunyikan.', en: 'Denominator n: children with a valid z-score for this indicator (including children with oedema for the weight-based indicators) — not the number of children measured, which can be slightly larger (in series/<code>.json). Empty when suppressed.' } },
  { column: 'cases', type: 'integer', meaning: { id: 'Jumlah balita yang memenuhi definisi indikator.', en: 'Children meeting the indicator definition.' } },
  { column: 'prevalence', type: 'number', meaning: { id: 'cases / measured × 100, satu desimal (titik desimal).', en: 'cases / measured × 100, one decimal.' } },
  { column: 'ci_low', type: 'number', meaning: { id: 'Batas bawah selang kepercayaan 95% (Wilson), persen.', en: 'Lower bound of the 95% confidence interval (Wilson), percent.' } },
  { column: 'ci_high', type: 'number', meaning: { id: 'Batas atas selang kepercayaan 95% (Wilson), persen.', en: 'Upper bound of the 95% confidence interval (Wilson), percent.' } },
  { column: 'status', type: 'text', meaning: { id: 'ok; suppressed (disembunyikan: terlalu sedikit anak, atau komplementer — untuk melindungi angka kecil wilayah lain); no_data (tidak ada data); not_measured (tidak diukur pada periode ini). Sel kosong tidak pernah berarti nol.', en: 'ok; suppressed (too few children, or complementary — to protect another area’s small count); no_data; not_measured (no child measured this round). An empty cell never means zero.' } },
  { column: 'smoothed_prevalence', type: 'number', meaning: { id: 'Prevalensi terhaluskan (empirical Bayes, ditarik ke arah wilayah induk), persen; hanya desa dan kecamatan, kosong bila angka mentah tidak dipublikasikan. Tidak menggantikan prevalence.', en: 'Smoothed prevalence (empirical Bayes, pulled towards the parent area), percent; desa and kecamatan only, empty where the raw figure is not published. Does not replace prevalence.' } },
  { column: 'smoothed_ci_low', type: 'number', meaning: { id: 'Batas bawah interval 95% angka terhaluskan (posterior beta), persen.', en: 'Lower bound of the smoothed 95% interval (beta posterior), percent.' } },
  { column: 'smoothed_ci_high', type: 'number', meaning: { id: 'Batas atas interval 95% angka terhaluskan, persen.', en: 'Upper bound of the smoothed 95% interval, percent.' } },
];

/** The two columns the Excel variants add after the tidy ones. */
export const EXCEL_EXTRA_CODEBOOK: readonly CodebookRow[] = [
  { column: 'suppression', type: 'text', meaning: { id: 'Jenis penyembunyian bila status = suppressed: primary (kurang dari {min} balita diukur) atau complementary (disembunyikan agar angka yang primer tidak bisa dihitung dengan pengurangan). Kosong bila tidak disembunyikan.', en: 'Kind of suppression when status = suppressed: primary (fewer than {min} children measured) or complementary (hidden so that a primary cell cannot be recovered by subtraction). Empty when not suppressed.' } },
  { column: 'synthetic', type: 'yes/no', meaning: { id: 'yes = DATA SINTETIS (demo), bukan pengukuran nyata; no = data pengukuran rutin.', en: 'yes = SYNTHETIC (demo) data, not real measurements; no = routine measurement data.' } },
];

/** The columns of the Excel variants (stunting-excel.csv, csv-excel/<kode>.csv). */
export const EXCEL_CODEBOOK: readonly CodebookRow[] = [
  ...TIDY_CODEBOOK.map((r) =>
    r.column === 'prevalence' ? { ...r, meaning: { id: 'cases / measured × 100, satu desimal (koma desimal pada varian Excel).', en: 'cases / measured × 100, one decimal (decimal comma in the Excel variant).' } } : r,
  ),
  ...EXCEL_EXTRA_CODEBOOK,
];
