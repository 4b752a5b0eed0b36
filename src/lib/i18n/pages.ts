/** User-facing strings of whole pages and layouts: overview, list of areas, data page, embeds, print footer. */
import type { Strings } from './lookup.ts';

export const PAGES = {
  kindKabupaten: { id: 'kabupaten', en: 'regency' },
  kindKota: { id: 'kota', en: 'city' },
  kindKecamatan: { id: 'kecamatan', en: 'district' },
  kindDesa: { id: 'desa', en: 'village' },
  kindKelurahan: { id: 'kelurahan', en: 'urban village' },
  kindDesaAdat: { id: 'desa adat', en: 'customary village' },
  azLede: {
    id: '{kec} kecamatan dan {desa} desa/kelurahan di {region}, urut abjad.',
    en: '{kec} districts and {desa} villages in {region}, in alphabetical order.',
  },
  azIndex: { id: 'Huruf awal', en: 'Initial letter' },
  inKecamatan: { id: 'Kec. {name}', en: ' {name}' },
  /** The map explorer's lede and description: a kab/kota site maps kecamatan and desa, a province its kab/kota and
   * kecamatan (map-state.ts, mapLevels). */
  explorerLede: {
    id: 'Prevalensi per kecamatan dan desa menurut kelas WHO/UNICEF, dan cakupan intervensi konvergensi. Klik wilayah untuk membuka halamannya.',
    en: 'Prevalence by district (kecamatan) and village (desa) in WHO/UNICEF classes, and the coverage of the convergence interventions. Click an area to open its page.',
  },
  explorerLedeProvince: {
    id: 'Prevalensi per kabupaten/kota dan kecamatan menurut kelas WHO/UNICEF, dan cakupan intervensi konvergensi. Klik wilayah untuk membuka halamannya.',
    en: 'Prevalence by regency/city and district (kecamatan) in WHO/UNICEF classes, and the coverage of the convergence interventions. Click an area to open its page.',
  },
  explorerDescription: {
    id: 'Peta interaktif prevalensi stunting, wasting dan indikator gizi lain per kecamatan dan desa, dengan tabel semua wilayah.',
    en: 'Interactive map of stunting, wasting and other child nutrition indicators by district and village, with a table of every area.',
  },
  explorerDescriptionProvince: {
    id: 'Peta interaktif prevalensi stunting, wasting dan indikator gizi lain per kabupaten/kota dan kecamatan, dengan tabel semua wilayah.',
    en: 'Interactive map of stunting, wasting and other child nutrition indicators by regency/city and district, with a table of every area.',
  },
  overviewDescription: {
    id: 'Prevalensi stunting balita di {region} per kecamatan dan desa, dari pengukuran rutin di posyandu. Data terbuka, {period}.',
    en: 'Child stunting prevalence in {region} by district and village, from routine measurement at posyandu. Open data, {period}.',
  },
  overviewLede: {
    id: 'Berapa banyak balita yang pendek untuk umurnya (stunting) di setiap kecamatan dan desa, menurut pengukuran rutin di posyandu. Pengukuran terakhir:',
    en: 'How many under-fives are too short for their age (stunted) in each district and village, from routine measurement at posyandu. Latest round:',
  },
  trendNote: {
    id: 'Garis biru adalah pengukuran rutin semua balita yang datang ke posyandu; garis putus-putus adalah survei (SSGI/SKI) pada sampel rumah tangga. Keduanya mengukur hal yang sama dengan cara berbeda, sehingga angkanya berbeda.',
    en: 'The blue line is the routine measurement of every child who comes to a posyandu; dashed lines are surveys (SSGI/SKI) of sampled households. They measure the same thing in different ways, so the numbers differ.',
  },
  trendNoteWhy: { id: 'Mengapa berbeda?', en: 'Why do they differ?' },
  byVillage: { id: 'per desa', en: 'by village' },
  byKabKota: { id: 'per kabupaten/kota', en: 'by regency/city' },
  openFullMap: {
    id: 'Buka peta lengkap (pilih periode, indikator, tingkat wilayah)',
    en: 'Open the full map (choose round, indicator, level)',
  },
  lokusCount: { id: '{n} desa ditetapkan sebagai lokus {year}.', en: '{n} villages are priority villages in {year}.' },
  allKecamatan: { id: 'Semua kecamatan', en: 'All districts' },
  allKabKota: { id: 'Semua kabupaten/kota', en: 'All regencies and cities' },
  kecamatanWord: { id: 'kecamatan', en: 'district' },
  csvAreaAll: { id: '{area}: semua indikator dan periode', en: '{area}: every indicator and round' },
  csvAll: { id: 'semua wilayah, periode dan indikator', en: 'every area, round and indicator' },
  tabChart: { id: 'Grafik', en: 'Chart' },
  tabMap: { id: 'Peta', en: 'Map' },
  tabTable: { id: 'Tabel', en: 'Table' },
  tabSources: { id: 'Sumber', en: 'Sources' },
  tabNav: { id: 'Tampilan', en: 'View' },
  embedDownload: { id: 'Unduh', en: 'Download' },
  embedMethod: { id: 'Cara penghitungan', en: 'Method' },
  embedMethodText: {
    id: 'Z-skor standar WHO 2006; prevalensi dengan {ci} (Wilson); angka wilayah dengan kurang dari {n} balita diukur tidak dipublikasikan.',
    en: 'WHO 2006 z-scores; prevalence with its {ci} (Wilson); areas with fewer than {n} children measured are not published.',
  },
  embedRoutine: {
    id: 'Pengukuran rutin balita (e-PPGBM), diolah oleh',
    en: 'Routine child measurements (e-PPGBM), processed by',
  },
  embedData: { id: 'Semua data terbuka', en: 'All open data' },
  embedSynthetic: {
    id: 'Data contoh buatan (sintetis), bukan data sebenarnya.',
    en: 'Made-up sample (synthetic) data, not real figures.',
  },
  printedFrom: { id: 'Dicetak dari', en: 'Printed from' },
  printedOn: { id: ', pada ', en: ', on ' },
  dataDescription: {
    id: 'Unduh data stunting per wilayah: CSV, JSON, Data Package, dengan kamus data.',
    en: 'Download stunting data by area: CSV, JSON, Data Package, with a data dictionary.',
  },
  dataStable: {
    id: 'Alamat berkas stabil selama versi skema 1; angka berubah bila data diperbarui (lihat versi data).',
    en: 'File addresses are stable within schema version 1; the numbers change when the data are updated (see the data version).',
  },
  fileTable: { id: 'Tabel berkas', en: 'File table' },
  filesUnder: { id: 'Berkas di', en: 'Files under' },
  csvFormat: {
    id: 'UTF-8, dipisah koma, titik sebagai tanda desimal, satu baris judul. Diurutkan menurut kode, periode, indikator.',
    en: 'UTF-8, comma-separated, dot as decimal mark, one header row. Sorted by code, round, indicator.',
  },
  columnType: { id: 'Jenis', en: 'Type' },
  excelHeading: { id: 'Untuk Excel berbahasa Indonesia', en: 'For Excel under an Indonesian locale' },
  excelExtra: { id: 'Kolom tambahan varian Excel', en: 'Extra columns of the Excel variant' },
  otherLanguageName: { id: 'bahasa Inggris', en: 'Bahasa Indonesia' },
  citeHeading: { id: 'Cara mengutip', en: 'How to cite' },
  citeIntro: {
    id: 'Silakan pakai, olah dan terbitkan ulang data ini dengan menyebut sumbernya, misalnya:',
    en: 'Use, process and republish these data freely with attribution, for example:',
  },
  dataVersionWord: { id: 'versi data', en: 'data version' },
  noPersonalData: {
    id: 'Tidak ada data pribadi (nama, NIK, alamat, tanggal lahir) yang diterbitkan; semua angka adalah agregat.',
    en: 'No personal data (name, NIK, address, birth date) is published; every figure is an aggregate.',
  },
} satisfies Strings;
