/** User-facing strings of the area page (src/lib/site/area-page-view.ts, AreaPage.astro). */
import type { Strings } from './lookup.ts';

export const AREA_PAGE = {
  areaBreadcrumb: { id: 'Lokasi halaman', en: 'Breadcrumb' },
  areaCode: { id: 'Kode wilayah', en: 'Area code' },
  areaMinorProblems: { id: 'Ada tanda masalah ringan pada data', en: 'Minor signs of problems in the data' },
  areaAboutQuality: { id: 'Tentang kualitas data', en: 'About data quality' },
  areaOpenMap: { id: 'Buka peta semua desa dan kecamatan', en: 'Open the map of every village and district' },
  areaOpenMapProvince: { id: 'Buka peta semua kabupaten/kota dan kecamatan', en: 'Open the map of every regency, city and district' },
  areaFunnelTitle: { id: 'Perbandingan desa/kelurahan (plot corong)', en: 'Comparing villages (funnel plot)' },
  areaFunnelTitleKabupaten: { id: 'Perbandingan kabupaten/kota (plot corong)', en: 'Comparing regencies and cities (funnel plot)' },
  areaHowComputed: { id: 'Cara menghitung', en: 'How it is computed' },
  areaRoundsTitle: { id: 'Semua pengukuran', en: 'Every round' },
  areaOncePerRound: {
    id: 'Setiap anak dihitung sekali per periode (pengukuran sah terakhir). Selang kepercayaan 95% (Wilson) menunjukkan ketidakpastian karena jumlah anak yang terbatas.',
    en: 'Each child counts once per round (the latest valid measurement). The 95% confidence interval (Wilson) shows the uncertainty that comes from a limited number of children.',
  },
  areaDownload: { id: 'Unduh data wilayah ini', en: 'Download this area' },
  areaExcelVersion: { id: 'versi Excel', en: 'Excel version' },
  areaCodebook: { id: 'kamus data', en: 'codebook' },
  areaEveryArea: { id: 'semua wilayah', en: 'every area' },
  /** The page's meta description. */
  areaDescription: {
    id: '{label} pada balita di {title}, {place}: {value} pada {period}. Tren, peringkat, tabel dan unduhan.',
    en: '{label} among under-fives in {title}, {place}: {value} in {period}. Trend, rank, table and downloads.',
  },
  /** Which siblings a rank is among. */
  siblingsDesa: { id: '{n} desa/kelurahan di Kecamatan {parent}', en: 'the {n} villages of {parent} district' },
  siblingsKecamatan: { id: '{n} kecamatan di {parent}', en: 'the {n} districts of {parent}' },
  siblingsKabupaten: { id: '{n} kabupaten/kota di Provinsi {parent}', en: 'the {n} regencies and cities of {parent} Province' },
  funnelNote: {
    id: 'Setiap titik adalah satu desa/kelurahan. Di dalam corong, selisihnya dari angka {title} bisa karena kebetulan, seberapa pun urutannya; di luar corong, selisihnya lebih besar daripada yang bisa dijelaskan kebetulan.',
    en: 'Each point is one village. Inside the funnel, its difference from the {title} figure may be chance, whatever its rank; outside, the difference is larger than chance would explain.',
  },
  funnelNoteKabupaten: {
    id: 'Setiap titik adalah satu kabupaten/kota. Di dalam corong, selisihnya dari angka {title} bisa karena kebetulan, seberapa pun urutannya; di luar corong, selisihnya lebih besar daripada yang bisa dijelaskan kebetulan.',
    en: 'Each point is one regency or city. Inside the funnel, its difference from the {title} figure may be chance, whatever its rank; outside, the difference is larger than chance would explain.',
  },
  /** The word for the kab/kota level in the child-area table. */
  kabupatenKotaWord: { id: 'kabupaten/kota', en: 'regency/city' },
  /** The word for the desa level in the child-area table. */
  desaKelurahanWord: { id: 'desa/kelurahan', en: 'village' },
  areaSurveyNote: {
    id: 'Pada grafik stunting, garis putus-putus adalah survei SSGI/SKI untuk seluruh {region}; survei tidak cukup besar untuk angka per kecamatan atau desa.',
    en: 'On the stunting chart, the dashed line is the SSGI/SKI survey for the whole of {region}; surveys are too small for district or village figures.',
  },
  areaSurveyWhy: { id: 'Mengapa angkanya berbeda?', en: 'Why do the numbers differ?' },
  areaSourceNote: {
    id: 'Sumber: pengukuran rutin balita di posyandu (e-PPGBM), {publisher}. Z-skor menurut standar pertumbuhan WHO 2006 (Permenkes 2/2020); stunting = tinggi/panjang badan menurut umur di bawah −2 SD.',
    en: 'Source: routine measurement of under-fives at posyandu (e-PPGBM), {publisher}. Z-scores by the WHO 2006 growth standards (Permenkes 2/2020); stunting = height/length-for-age below −2 SD.',
  },
} satisfies Strings;
