/**
 * The downloads page's content as data: the published files with a description in both languages, and the data
 * dictionary of the tidy CSV. Pure; sizes come from the loader.
 */
import type { Lang } from './format.ts';

/** One downloadable file (path relative to /data/v1/). */
export interface DownloadFile {
  path: string;
  format: string;
  description: Record<Lang, string>;
  /** A path pattern rather than one file (series/<kode>.json). */
  pattern?: boolean;
}

/** The published files, most useful first. */
export const DOWNLOADS: readonly DownloadFile[] = [
  { path: 'stunting.csv', format: 'CSV', description: { id: 'Tabel rapi: satu baris per wilayah × periode × indikator. Paling mudah dibuka di spreadsheet.', en: 'Tidy table: one row per area × round × indicator. Easiest to open in a spreadsheet.' } },
  { path: 'datapackage.json', format: 'JSON', description: { id: 'Deskripsi Frictionless Data Package: lisensi, sumber, skema tabel dan SHA-256 setiap berkas.', en: 'Frictionless Data Package descriptor: licence, sources, table schema and SHA-256 of every file.' } },
  { path: 'meta.json', format: 'JSON', description: { id: 'Periode, indikator, target, batas penyembunyian, versi data.', en: 'Rounds, indicators, targets, suppression minimum, data version.' } },
  { path: 'areas.json', format: 'JSON', description: { id: 'Daftar wilayah dengan kode Kemendagri, induk dan tahun lokus.', en: 'Areas with Kemendagri codes, parent and priority (lokus) years.' } },
  { path: 'surveys.csv', format: 'CSV', description: { id: 'Angka survei SSGI/SKI dan angka resmi yang dilaporkan, dengan tautan sumber.', en: 'SSGI/SKI survey figures and officially reported figures, with source links.' } },
  { path: 'surveys.json', format: 'JSON', description: { id: 'Sama, dalam JSON.', en: 'The same, as JSON.' } },
  { path: 'quality.csv', format: 'CSV', description: { id: 'Ukuran kualitas data per wilayah dan periode.', en: 'Data quality metrics per area and round.' } },
  { path: 'quality.json', format: 'JSON', description: { id: 'Ukuran dan nilai kualitas data per wilayah dan periode.', en: 'Data quality metrics and grades per area and round.' } },
  { path: 'validation.json', format: 'JSON', description: { id: 'Baris yang dibaca, diterima dan ditolak beserta alasannya (tanpa data pribadi).', en: 'Rows read, accepted and rejected with reasons (no personal data).' } },
  { path: 'csv/<kode>.csv', format: 'CSV', pattern: true, description: { id: 'Baris stunting.csv untuk satu wilayah saja (kolom dan aturan sama). Contoh:', en: 'The rows of stunting.csv for one area only (same columns and rules). Example:' } },
  { path: 'series/<kode>.json', format: 'JSON', pattern: true, description: { id: 'Seluruh periode satu wilayah, termasuk rincian jenis kelamin dan umur (kabupaten, kecamatan). Contoh:', en: 'Every round of one area, with sex and age breakdowns (regency, districts). Example:' } },
  { path: 'map/<tingkat>/<periode>.json', format: 'JSON', pattern: true, description: { id: 'Nilai semua wilayah satu tingkat dalam satu periode (untuk peta). Contoh:', en: 'Values of every area of one level in one round (for maps). Example:' } },
  { path: 'boundaries/<tingkat>.topo.json', format: 'TopoJSON', pattern: true, description: { id: 'Batas wilayah; id fitur = kode Kemendagri. Contoh:', en: 'Boundaries; feature id = Kemendagri code. Example:' } },
];

/** One column of the tidy CSV. */
export interface DictionaryRow {
  column: string;
  type: string;
  meaning: Record<Lang, string>;
}

/** Data dictionary of stunting.csv. */
export const CSV_DICTIONARY: readonly DictionaryRow[] = [
  { column: 'area_code', type: 'text', meaning: { id: 'Kode wilayah Kemendagri bertitik: provinsi.kab/kota.kecamatan.desa (2, 2, 2 dan 4 angka).', en: 'Dotted Kemendagri area code: province.kab/kota.kecamatan.desa (2, 2, 2 and 4 digits).' } },
  { column: 'area_name', type: 'text', meaning: { id: 'Nama wilayah.', en: 'Area name.' } },
  { column: 'level', type: 'text', meaning: { id: 'kabupaten, kecamatan atau desa (termasuk kelurahan).', en: 'kabupaten (regency), kecamatan (district) or desa (village, incl. kelurahan).' } },
  { column: 'period', type: 'YYYY-MM', meaning: { id: 'Bulan pengukuran (periode).', en: 'Measurement month (round).' } },
  { column: 'indicator', type: 'text', meaning: { id: 'stunting, severe_stunting, wasting, severe_wasting, underweight, overweight (lihat Metodologi).', en: 'stunting, severe_stunting, wasting, severe_wasting, underweight, overweight (see Methodology).' } },
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
