/** Descriptions of the published files on the data page (DOWNLOADS in src/lib/site/downloads.ts). */
import type { Strings } from './lookup.ts';

export const DOWNLOAD_FILES = {
  dlStunting: {
    id: 'Tabel rapi: satu baris per wilayah × periode × indikator. Paling mudah dibuka di spreadsheet.',
    en: 'Tidy table: one row per area × round × indicator. Easiest to open in a spreadsheet.',
  },
  dlStuntingExcel: {
    id: 'Tabel yang sama untuk Excel berbahasa Indonesia: titik koma sebagai pemisah, koma desimal, UTF-8 dengan BOM; ditambah kolom jenis penyembunyian (suppression) dan tanda data sintetis (synthetic).',
    en: 'The same table for Excel under an Indonesian locale: semicolon-separated, decimal comma, UTF-8 with BOM; plus the kind of suppression and the synthetic-data flag.',
  },
  dlCodebook: {
    id: 'Kamus data: arti setiap kolom CSV dalam bahasa Indonesia dan Inggris.',
    en: 'Codebook: every CSV column explained in Bahasa Indonesia and English.',
  },
  dlConvergence: {
    id: 'Indikator konvergensi (Perpres 72/2021 dan scorecard desa): satu baris per wilayah × periode × indikator, dengan pembilang, penyebut, cakupan, SK 95%, penyembunyian dan berapa desa yang melapor.',
    en: 'Convergence indicators (Perpres 72/2021 and the desa scorecard): one row per area × period × indicator, with numerator, denominator, coverage, 95% CI, suppression and how many villages reported.',
  },
  dlConvergenceExcel: {
    id: 'Tabel konvergensi yang sama untuk Excel berbahasa Indonesia (titik koma, koma desimal, BOM), ditambah tanda data sintetis.',
    en: 'The same convergence table for Excel under an Indonesian locale (semicolon, decimal comma, BOM), plus the synthetic-data flag.',
  },
  dlConvergenceMeta: {
    id: 'Definisi indikator konvergensi (pembilang, penyebut, arah, sumber) dan target dengan dokumen sumbernya.',
    en: 'Convergence indicator definitions (numerator, denominator, direction, source) and targets with the document that sets them.',
  },
  dlDatapackage: {
    id: 'Deskripsi Frictionless Data Package: lisensi, sumber, skema tabel dan SHA-256 setiap berkas.',
    en: 'Frictionless Data Package descriptor: licence, sources, table schema and SHA-256 of every file.',
  },
  dlMeta: {
    id: 'Periode, indikator, target, batas penyembunyian, versi data.',
    en: 'Rounds, indicators, targets, suppression minimum, data version.',
  },
  dlAreas: {
    id: 'Daftar wilayah dengan kode Kemendagri, induk dan tahun lokus.',
    en: 'Areas with Kemendagri codes, parent and priority (lokus) years.',
  },
  dlSurveysCsv: {
    id: 'Angka survei SSGI/SKI dan angka resmi yang dilaporkan, dengan tautan sumber.',
    en: 'SSGI/SKI survey figures and officially reported figures, with source links.',
  },
  dlSurveysJson: { id: 'Sama, dalam JSON.', en: 'The same, as JSON.' },
  dlQualityCsv: { id: 'Ukuran kualitas data per wilayah dan periode.', en: 'Data quality metrics per area and round.' },
  dlQualityJson: {
    id: 'Ukuran dan nilai kualitas data per wilayah dan periode.',
    en: 'Data quality metrics and grades per area and round.',
  },
  dlValidation: {
    id: 'Baris yang dibaca, diterima dan ditolak beserta alasannya (tanpa data pribadi).',
    en: 'Rows read, accepted and rejected with reasons (no personal data).',
  },
  dlAreaCsv: {
    id: 'Baris stunting.csv untuk satu wilayah saja (kolom dan aturan sama). Contoh:',
    en: 'The rows of stunting.csv for one area only (same columns and rules). Example:',
  },
  dlAreaCsvExcel: {
    id: 'Baris stunting-excel.csv untuk satu wilayah saja. Contoh:',
    en: 'The rows of stunting-excel.csv for one area only. Example:',
  },
  dlSeries: {
    id: 'Seluruh periode satu wilayah, termasuk rincian jenis kelamin dan umur (kabupaten, kecamatan). Contoh:',
    en: 'Every round of one area, with sex and age breakdowns (regency, districts). Example:',
  },
  dlMap: {
    id: 'Nilai semua wilayah satu tingkat dalam satu periode (untuk peta). Contoh:',
    en: 'Values of every area of one level in one round (for maps). Example:',
  },
  dlConvergenceArea: {
    id: 'Indikator konvergensi satu wilayah, per periode. Contoh:',
    en: 'One area\'s convergence indicators, per period. Example:',
  },
  dlConvergenceMap: {
    id: 'Indikator konvergensi semua wilayah satu tingkat dalam satu periode. Contoh:',
    en: 'Convergence indicators of every area of one level in one period. Example:',
  },
  dlBoundaries: {
    id: 'Batas wilayah; id fitur = kode Kemendagri. Contoh:',
    en: 'Boundaries; feature id = Kemendagri code. Example:',
  },
} satisfies Strings;
