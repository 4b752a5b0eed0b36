/**
 * The downloads page's content as data: the published files with a description in both languages, and the data
 * dictionary of the tidy CSV. Pure; sizes come from the loader.
 */
import type { Lang } from './format.ts';
import { EXCEL_EXTRA_CODEBOOK, TIDY_CODEBOOK } from '../publish/codebook.ts';

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
  { path: 'stunting-excel.csv', format: 'CSV (Excel)', description: { id: 'Tabel yang sama untuk Excel berbahasa Indonesia: titik koma sebagai pemisah, koma desimal, UTF-8 dengan BOM; ditambah kolom jenis penyembunyian (suppression) dan tanda data sintetis (synthetic).', en: 'The same table for Excel under an Indonesian locale: semicolon-separated, decimal comma, UTF-8 with BOM; plus the kind of suppression and the synthetic-data flag.' } },
  { path: 'kamus-data.csv', format: 'CSV (Excel)', description: { id: 'Kamus data: arti setiap kolom CSV dalam bahasa Indonesia dan Inggris.', en: 'Codebook: every CSV column explained in Bahasa Indonesia and English.' } },
  { path: 'konvergensi.csv', format: 'CSV', description: { id: 'Indikator konvergensi (Perpres 72/2021 dan scorecard desa): satu baris per wilayah × periode × indikator, dengan pembilang, penyebut, cakupan, SK 95%, penyembunyian dan berapa desa yang melapor.', en: 'Convergence indicators (Perpres 72/2021 and the desa scorecard): one row per area × period × indicator, with numerator, denominator, coverage, 95% CI, suppression and how many villages reported.' } },
  { path: 'konvergensi-excel.csv', format: 'CSV (Excel)', description: { id: 'Tabel konvergensi yang sama untuk Excel berbahasa Indonesia (titik koma, koma desimal, BOM), ditambah tanda data sintetis.', en: 'The same convergence table for Excel under an Indonesian locale (semicolon, decimal comma, BOM), plus the synthetic-data flag.' } },
  { path: 'konvergensi-meta.json', format: 'JSON', description: { id: 'Definisi indikator konvergensi (pembilang, penyebut, arah, sumber) dan target dengan dokumen sumbernya.', en: 'Convergence indicator definitions (numerator, denominator, direction, source) and targets with the document that sets them.' } },
  { path: 'datapackage.json', format: 'JSON', description: { id: 'Deskripsi Frictionless Data Package: lisensi, sumber, skema tabel dan SHA-256 setiap berkas.', en: 'Frictionless Data Package descriptor: licence, sources, table schema and SHA-256 of every file.' } },
  { path: 'meta.json', format: 'JSON', description: { id: 'Periode, indikator, target, batas penyembunyian, versi data.', en: 'Rounds, indicators, targets, suppression minimum, data version.' } },
  { path: 'areas.json', format: 'JSON', description: { id: 'Daftar wilayah dengan kode Kemendagri, induk dan tahun lokus.', en: 'Areas with Kemendagri codes, parent and priority (lokus) years.' } },
  { path: 'surveys.csv', format: 'CSV', description: { id: 'Angka survei SSGI/SKI dan angka resmi yang dilaporkan, dengan tautan sumber.', en: 'SSGI/SKI survey figures and officially reported figures, with source links.' } },
  { path: 'surveys.json', format: 'JSON', description: { id: 'Sama, dalam JSON.', en: 'The same, as JSON.' } },
  { path: 'quality.csv', format: 'CSV', description: { id: 'Ukuran kualitas data per wilayah dan periode.', en: 'Data quality metrics per area and round.' } },
  { path: 'quality.json', format: 'JSON', description: { id: 'Ukuran dan nilai kualitas data per wilayah dan periode.', en: 'Data quality metrics and grades per area and round.' } },
  { path: 'validation.json', format: 'JSON', description: { id: 'Baris yang dibaca, diterima dan ditolak beserta alasannya (tanpa data pribadi).', en: 'Rows read, accepted and rejected with reasons (no personal data).' } },
  { path: 'csv/<kode>.csv', format: 'CSV', pattern: true, description: { id: 'Baris stunting.csv untuk satu wilayah saja (kolom dan aturan sama). Contoh:', en: 'The rows of stunting.csv for one area only (same columns and rules). Example:' } },
  { path: 'csv-excel/<kode>.csv', format: 'CSV (Excel)', pattern: true, description: { id: 'Baris stunting-excel.csv untuk satu wilayah saja. Contoh:', en: 'The rows of stunting-excel.csv for one area only. Example:' } },
  { path: 'series/<kode>.json', format: 'JSON', pattern: true, description: { id: 'Seluruh periode satu wilayah, termasuk rincian jenis kelamin dan umur (kabupaten, kecamatan). Contoh:', en: 'Every round of one area, with sex and age breakdowns (regency, districts). Example:' } },
  { path: 'map/<tingkat>/<periode>.json', format: 'JSON', pattern: true, description: { id: 'Nilai semua wilayah satu tingkat dalam satu periode (untuk peta). Contoh:', en: 'Values of every area of one level in one round (for maps). Example:' } },
  { path: 'konvergensi/<kode>.json', format: 'JSON', pattern: true, description: { id: 'Indikator konvergensi satu wilayah, per periode. Contoh:', en: 'One area\'s convergence indicators, per period. Example:' } },
  { path: 'konvergensi-map/<tingkat>/<periode>.json', format: 'JSON', pattern: true, description: { id: 'Indikator konvergensi semua wilayah satu tingkat dalam satu periode. Contoh:', en: 'Convergence indicators of every area of one level in one period. Example:' } },
  { path: 'boundaries/<tingkat>.topo.json', format: 'TopoJSON', pattern: true, description: { id: 'Batas wilayah; id fitur = kode Kemendagri. Contoh:', en: 'Boundaries; feature id = Kemendagri code. Example:' } },
];

/** One column of the tidy CSV. */
export interface DictionaryRow {
  column: string;
  type: string;
  meaning: Record<Lang, string>;
}

/** Data dictionary of stunting.csv (one source with the published codebook). */
export const CSV_DICTIONARY: readonly DictionaryRow[] = TIDY_CODEBOOK;

/** The columns the Excel variants add, explained on the data page. */
export const EXCEL_EXTRA_DICTIONARY: readonly DictionaryRow[] = EXCEL_EXTRA_CODEBOOK;
