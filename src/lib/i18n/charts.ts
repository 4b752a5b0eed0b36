/** User-facing strings of the figures: headline cards, trend and comparison charts, breakdowns, tables, map legends and texts, funnel plot. */
import type { Strings } from './lookup.ts';

export const CHARTS = {
  changeWithinUncertainty: { id: 'masih dalam batas ketidakpastian', en: 'within the margin of uncertainty' },
  changeBeyondUncertainty: { id: 'lebih besar dari ketidakpastian', en: 'larger than the uncertainty' },
  roundNotMeasured: {
    id: 'Tidak ada balita yang diukur pada periode ini.',
    en: 'No child was measured in this round.',
  },
  roundNoData: { id: 'Tidak ada data untuk periode ini.', en: 'No data for this round.' },
  changeCi: { id: 'SK 95% perubahan', en: '95% CI of the change' },
  points: { id: 'poin', en: 'points' },
  surveyTableCaption: { id: 'Angka survei dan angka resmi', en: 'Survey and official figures' },
  notDrawn: { id: ' (tidak digambar)', en: ' (not drawn)' },
  and: { id: 'dan', en: 'and' },
  compareTitle: { id: 'Perbandingan prevalensi {i}: {a}', en: '{I} prevalence compared: {a}' },
  compareHeading: { id: 'Bandingkan wilayah', en: 'Compare areas' },
  compareIntro: {
    id: 'Hingga {max} wilayah dalam satu grafik (misalnya dua kecamatan dan kabupaten). Pilihan Anda tersimpan di alamat halaman, sehingga tautannya membuka perbandingan yang sama.',
    en: 'Up to {max} areas on one chart (e.g. two districts and the regency). Your choice is kept in the page address, so its link opens the same comparison.',
  },
  compareAdd: { id: 'Tambah wilayah', en: 'Add an area' },
  compareAddButton: { id: 'Tambah', en: 'Add' },
  compareRemove: { id: 'Hapus', en: 'Remove' },
  compareTable: { id: 'Tabel perbandingan', en: 'Comparison table' },
  round: { id: 'Periode', en: 'Round' },
  compareHint: {
    id: 'Ketik nama desa, kecamatan atau kabupaten.',
    en: 'Type the name of a village, district or the regency.',
  },
  compareNoCi: {
    id: 'Selang kepercayaan tidak digambar agar garis tetap terbaca; lihat tabel atau arahkan ke titik.',
    en: 'Intervals are not drawn so the lines stay readable; see the table or point at a dot.',
  },
  compareNotFound: { id: 'Wilayah tidak ditemukan: ', en: 'No such area: ' },
  compareFull: { id: 'Paling banyak {max} wilayah.', en: 'At most {max} areas.' },
  compareChips: { id: 'Wilayah yang dibandingkan', en: 'Areas compared' },
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  ageInMonths: { id: 'Umur (bulan)', en: 'Age (months)' },
  chooseIndicator: { id: 'Pilih indikator', en: 'Choose an indicator' },
  targetChildren: { id: 'Sasaran', en: 'Target children' },
  nDenominator: { id: 'n (penyebut)', en: 'n (denominator)' },
  smoothedColumn: { id: 'Terhaluskan (95%)', en: 'Smoothed (95%)' },
  kelurahanShort: { id: 'kel.', en: 'urban' },
  verdictWellAbove: {
    id: 'jauh di atas {parent} (di luar batas kendali 99,8%)',
    en: 'well above {parent} (outside the 99.8% control limits)',
  },
  verdictAbove: {
    id: 'di atas {parent} secara bermakna (di luar batas kendali 95%)',
    en: 'significantly above {parent} (outside the 95% control limits)',
  },
  verdictBelow: {
    id: 'di bawah {parent} secara bermakna (di luar batas kendali 95%)',
    en: 'significantly below {parent} (outside the 95% control limits)',
  },
  verdictWellBelow: {
    id: 'jauh di bawah {parent} (di luar batas kendali 99,8%)',
    en: 'well below {parent} (outside the 99.8% control limits)',
  },
  verdictSame: {
    id: 'tidak berbeda bermakna dari {parent} (di dalam batas kendali 95%)',
    en: 'not significantly different from {parent} (inside the 95% control limits)',
  },
  verdictWellAboveShort: { id: 'jauh di atas', en: 'well above' },
  verdictAboveShort: { id: 'di atas', en: 'above' },
  verdictBelowShort: { id: 'di bawah', en: 'below' },
  verdictWellBelowShort: { id: 'jauh di bawah', en: 'well below' },
  verdictSameShort: { id: 'tidak berbeda', en: 'not different' },
  smoothedExplanation: {
    id: 'Angka terhaluskan ditarik ke arah angka wilayah induk, makin kuat bila anaknya sedikit, sehingga kurang dipengaruhi kebetulan; angka mentah tetap angka resmi.',
    en: 'The smoothed figure is pulled towards the parent area’s figure, the more so the fewer the children, so it is less driven by chance; the raw figure stays the official one.',
  },
  funnelLimits95: { id: 'batas kendali 95%', en: '95% control limits' },
  funnelLimits998: { id: 'batas kendali 99,8%', en: '99.8% control limits' },
  funnelAxis: { id: 'Jumlah anak diukur (skala log)', en: 'Children measured (log scale)' },
  funnelCaption: {
    id: 'Plot corong: {indicator}, desa/kelurahan di {parent}, {period}.',
    en: 'Funnel plot: {indicator}, villages of {parent}, {period}.',
  },
  funnelCaptionKabupaten: {
    id: 'Plot corong: {indicator}, kabupaten/kota di {parent}, {period}.',
    en: 'Funnel plot: {indicator}, regencies and cities of {parent}, {period}.',
  },
  funnelSummary: {
    id: '{above} di atas dan {below} di bawah batas kendali 95% di sekitar angka {parent} ({rate}); {inside} di dalamnya, yaitu perbedaannya bisa karena kebetulan. Batas melebar untuk wilayah dengan sedikit anak.',
    en: '{above} above and {below} below the 95% control limits around the {parent} figure ({rate}); {inside} inside them, where the difference may be chance. The limits widen for areas with few children.',
  },
  funnelHidden: {
    id: ' {n} wilayah tidak digambar (angka tidak dipublikasikan).',
    en: ' {n} areas not drawn (figure not published).',
  },
  funnelTable: { id: 'Tabel plot corong', en: 'Funnel plot table' },
  funnelTableOutside: {
    id: 'Tabel plot corong: {n} dari {total} desa di luar batas kendali 95% (semua desa ada di plot corong kecamatannya dan di stunting.csv)',
    en: 'Funnel plot table: the {n} of {total} villages outside the 95% control limits (every village is in its district’s funnel plot and in stunting.csv)',
  },
  funnelTableOf: { id: 'Tabel plot corong {parent}', en: 'Funnel plot table, {parent}' },
  funnelTableCaption: {
    id: '{indicator} per desa/kelurahan dibandingkan {parent}, {period}',
    en: '{indicator} by village compared with {parent}, {period}',
  },
  funnelTableCaptionKabupaten: {
    id: '{indicator} per kabupaten/kota dibandingkan {parent}, {period}',
    en: '{indicator} by regency/city compared with {parent}, {period}',
  },
  comparedWith: { id: 'Dibanding {parent}', en: 'Compared with {parent}' },
  funnelEmpty: {
    id: 'Plot corong tidak tersedia: angka wilayah induk atau semua desa tidak dipublikasikan.',
    en: 'No funnel plot: the parent figure or every village figure is not published.',
  },
  /** The trend chart's text alternative (trendSummary in src/lib/site/trend.ts). */
  trendNoFigure: { id: 'Tidak ada angka yang dipublikasikan untuk wilayah ini.', en: 'No figure is published for this area.' },
  trendValueIn: { id: '{value} pada {period}', en: '{value} in {period}' },
  trendOneFigure: { id: 'Hanya satu angka: {point}.', en: 'One figure only: {point}.' },
  trendFromTo: { id: 'Dari {first} menjadi {last} ({change}).', en: 'From {first} to {last} ({change}).' },
  trendHighLow: { id: 'Tertinggi {high}, terendah {low}.', en: 'Highest {high}, lowest {low}.' },
  trendGaps: { id: '{n} periode tanpa angka yang dipublikasikan.', en: '{n} rounds without a published figure.' },
  /** A hidden point of the trend chart, and an empty chart: hidden figures are not missing data. */
  trendHidden: { id: 'disembunyikan', en: 'hidden' },
  trendAllHidden: { id: 'Angka disembunyikan (jumlah anak kecil)', en: 'Figures hidden (small numbers of children)' },
} satisfies Strings;
