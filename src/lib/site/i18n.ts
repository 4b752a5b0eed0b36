/**
 * The site's user-facing strings in Bahasa Indonesia and English, and locale-aware paths. Bahasa Indonesia is the
 * default language at the root; English lives under `/en/`. Every key exists in both languages (a test holds that).
 */
import type { Lang } from './format.ts';

export type { Lang } from './format.ts';

/** Both languages, default first. */
export const LANGS: readonly Lang[] = ['id', 'en'] as const;

const id = {
  siteShort: 'Data Stunting',
  skip: 'Langsung ke isi',
  navLabel: 'Menu utama',
  navOverview: 'Ringkasan',
  navMap: 'Peta',
  navAreas: 'Wilayah',
  navMethod: 'Metodologi',
  navQuality: 'Kualitas data',
  navData: 'Unduh data',
  langSwitch: 'English',
  langSwitchLabel: 'Baca dalam bahasa Inggris',
  syntheticTitle: 'Data contoh (sintetis)',
  syntheticBody: 'Angka di situs ini dibuat oleh komputer untuk demonstrasi. Bukan data anak yang sebenarnya; jangan dikutip.',
  footerSource: 'Sumber',
  footerSourceBody: 'pengukuran rutin balita di posyandu (e-PPGBM), diolah dengan standar pertumbuhan WHO 2006',
  footerLicence: 'Lisensi',
  footerVersion: 'Versi data',
  footerReuse: 'Silakan gunakan ulang dengan menyebut sumber.',
  overviewTitle: 'Ringkasan',
  headline: 'Angka terbaru',
  latestRound: 'Pengukuran terakhir',
  prevalence: 'Prevalensi',
  /** The interval's one short name on every page (STYLE: one term): explained on the methodology page. */
  ci95: 'SK 95%',
  childrenMeasured: 'Balita diukur',
  coverage: 'Cakupan pengukuran',
  coverageOf: 'dari sasaran',
  casesOf: 'balita',
  changePrev: 'Dibanding pengukuran sebelumnya',
  changeYear: 'Dibanding setahun sebelumnya',
  trend: 'Tren',
  trendOf: 'Tren prevalensi',
  trendMain: 'Tren prevalensi stunting',
  routine: 'Pengukuran rutin (e-PPGBM)',
  survey: 'Survei',
  reported: 'Angka e-PPGBM yang dilaporkan pemda',
  ciBand: 'pita: SK 95%',
  target: 'Target',
  period: 'Periode',
  year: 'Tahun',
  source: 'Sumber',
  map: 'Peta',
  attention: 'Wilayah yang perlu perhatian',
  attentionIntro: 'Desa dengan prevalensi tertinggi pada pengukuran terakhir, hanya yang balitanya cukup banyak diukur (paling sedikit {n}) agar angkanya tidak terlalu dipengaruhi kebetulan.',
  lokus: 'Desa lokus',
  lokusIntro: 'Desa prioritas (lokus) penanganan stunting.',
  lokusBadge: 'Lokus {years}',
  area: 'Wilayah',
  kecamatan: 'Kecamatan',
  desa: 'Desa/kelurahan',
  kabupaten: 'Kabupaten',
  kelurahan: 'Kelurahan',
  parentArea: 'Bagian dari',
  childrenAreas: 'Wilayah di dalamnya',
  rank: 'Peringkat di antara {sibling}',
  rankText: 'urutan ke-{rank} dari {total} (1 = prevalensi tertinggi)',
  rankNone: 'tidak diperingkat (angka tidak dipublikasikan)',
  rankRange: 'Karena ketidakpastian, urutan sebenarnya bisa antara ke-{lo} dan ke-{hi}: SK 95% wilayah ini tumpang tindih dengan {overlapping} dari {others} wilayah lain, sehingga bedanya bisa saja kebetulan.',
  rankClear: 'SK 95% wilayah ini tidak tumpang tindih dengan wilayah lain, jadi urutan ini jelas.',
  attentionOverlap: 'Urutan ini menurut angka yang diukur. SK 95% dari {n} pasang desa yang berurutan saling tumpang tindih, jadi beda di antara mereka bisa saja kebetulan.',
  breakdown: 'Menurut jenis kelamin dan umur',
  bySex: 'Menurut jenis kelamin',
  byAge: 'Menurut umur (bulan)',
  male: 'Laki-laki',
  female: 'Perempuan',
  ageMonths: '{g} bulan',
  tableCaption: 'Semua pengukuran, {area}',
  tableAreas: '{indicator} menurut {level}, {period}',
  measured: 'Diukur',
  cases: 'Kasus',
  change: 'Perubahan',
  status: 'Keterangan',
  notesTitle: 'Sumber dan catatan metode',
  suppressedNote: 'Angka untuk wilayah dengan kurang dari {n} balita diukur disembunyikan, agar tidak ada anak yang bisa dikenali dan karena angka dari sedikit anak sangat tidak pasti. Kadang angka wilayah lain juga disembunyikan untuk melindunginya (penyembunyian komplementer).',
  suppressedPrimary: 'Disembunyikan: kurang dari {n} balita dengan pengukuran sah, agar tidak ada anak yang bisa dikenali dan karena angka dari sedikit anak sangat tidak pasti.',
  suppressedComplementary: 'Disembunyikan untuk melindungi angka kecil wilayah lain (atau indikator lain): tanpa ini, angka kecil itu bisa dihitung dengan pengurangan dari angka kecamatan. Wilayah ini sendiri punya cukup balita.',
  complementaryShort: 'melindungi angka lain',
  denominator: 'balita dengan z-skor sah (penyebut)',
  searchLabel: 'Cari desa atau kecamatan',
  searchPlaceholder: 'Ketik nama desa/kecamatan',
  searchNoJs: 'Daftar semua wilayah A–Z',
  searchNone: 'Tidak ditemukan',
  searchNoneHint: 'Tidak ada wilayah yang cocok. Coba ejaan lain, atau cari di',
  searchResults: '{n} hasil',
  azTitle: 'Semua wilayah A–Z',
  azIntro: 'Semua kecamatan dan desa/kelurahan, urut abjad.',
  methodTitle: 'Metodologi',
  dataTitle: 'Unduh data',
  qualityTitle: 'Kualitas data',
  downloads: 'Berkas',
  dictionary: 'Kamus data',
  field: 'Kolom',
  meaning: 'Arti',
  file: 'Berkas',
  format: 'Format',
  size: 'Ukuran',
  description: 'Keterangan',
  showTable: 'Tabel data',
  chartAlt: 'Grafik garis',
  noData: 'Belum ada data',
  na: 'tidak tersedia',
  ofChildren: 'dari {n} balita dengan z-skor sah (penyebut)',
  periodOf: 'Periode {p}',
  sinceYear: 'sejak {p}',
  embedBack: 'Lihat di situs',
  severity: 'Kategori WHO/UNICEF',
  indicator: 'Indikator',
  lower: 'batas bawah',
  upper: 'batas atas',
  allIndicators: 'Indikator lain',
} as const;

/** A string key of the table. */
export type StringKey = keyof typeof id;

const en: Record<StringKey, string> = {
  siteShort: 'Stunting data',
  skip: 'Skip to content',
  navLabel: 'Main menu',
  navOverview: 'Overview',
  navMap: 'Map',
  navAreas: 'Areas',
  navMethod: 'Methodology',
  navQuality: 'Data quality',
  navData: 'Download data',
  langSwitch: 'Bahasa Indonesia',
  langSwitchLabel: 'Read in Bahasa Indonesia',
  syntheticTitle: 'Sample (synthetic) data',
  syntheticBody: 'The numbers on this site were generated by a computer for demonstration. They are not real children; do not quote them.',
  footerSource: 'Source',
  footerSourceBody: 'routine measurement of under-fives at posyandu (e-PPGBM), processed with the WHO 2006 growth standards',
  footerLicence: 'Licence',
  footerVersion: 'Data version',
  footerReuse: 'Reuse freely with attribution.',
  overviewTitle: 'Overview',
  headline: 'Latest figures',
  latestRound: 'Latest round',
  prevalence: 'Prevalence',
  ci95: '95% CI',
  childrenMeasured: 'Children measured',
  coverage: 'Measurement coverage',
  coverageOf: 'of target',
  casesOf: 'children',
  changePrev: 'Since the previous round',
  changeYear: 'Since a year before',
  trend: 'Trend',
  trendOf: 'Prevalence trend',
  trendMain: 'Stunting prevalence over time',
  routine: 'Routine measurement (e-PPGBM)',
  survey: 'Survey',
  reported: 'Officially reported e-PPGBM figures',
  ciBand: 'band: 95% CI',
  target: 'Target',
  period: 'Period',
  year: 'Year',
  source: 'Source',
  map: 'Map',
  attention: 'Areas needing attention',
  attentionIntro: 'Villages with the highest prevalence in the latest round, only those with enough children measured (at least {n}) for the figure not to be mostly chance.',
  lokus: 'Priority villages (lokus)',
  lokusIntro: 'Priority villages (desa lokus) for stunting reduction.',
  lokusBadge: 'Priority village {years}',
  area: 'Area',
  kecamatan: 'District (kecamatan)',
  desa: 'Village (desa/kelurahan)',
  kabupaten: 'Regency (kabupaten)',
  kelurahan: 'Urban village (kelurahan)',
  parentArea: 'Part of',
  childrenAreas: 'Areas within',
  rank: 'Rank among {sibling}',
  rankText: '{rank} of {total} (1 = highest prevalence)',
  rankNone: 'not ranked (figure not published)',
  rankRange: 'Given the uncertainty, the true rank could be anywhere from {lo} to {hi}: this area\'s 95% CI overlaps those of {overlapping} of the {others} other areas, so the differences may be chance.',
  rankClear: 'This area\'s 95% CI overlaps no other area\'s, so the rank is clear.',
  attentionOverlap: 'The order follows the measured figures. The 95% CIs of {n} neighbouring pairs in the list overlap, so the differences between them may be chance.',
  breakdown: 'By sex and age',
  bySex: 'By sex',
  byAge: 'By age (months)',
  male: 'Boys',
  female: 'Girls',
  ageMonths: '{g} months',
  tableCaption: 'All rounds, {area}',
  tableAreas: '{indicator} by {level}, {period}',
  measured: 'Measured',
  cases: 'Cases',
  change: 'Change',
  status: 'Note',
  notesTitle: 'Sources and method notes',
  suppressedNote: 'Figures for areas with fewer than {n} children measured are suppressed, so that no child can be identified and because a rate from a few children is very uncertain. Sometimes another area is hidden too, to protect them (complementary suppression).',
  suppressedPrimary: 'Hidden: fewer than {n} children with a valid measurement, so that no child can be identified and because a rate from a few children is very uncertain.',
  suppressedComplementary: 'Hidden to protect a small count of another area (or another indicator): otherwise that small count could be worked out by subtraction from the district total. This area itself has enough children.',
  complementaryShort: 'protects another count',
  denominator: 'children with a valid z-score (denominator)',
  searchLabel: 'Find a village or district',
  searchPlaceholder: 'Type a village/district name',
  searchNoJs: 'List of all areas A–Z',
  searchNone: 'No match',
  searchNoneHint: 'No area matches. Try another spelling, or look in the',
  searchResults: '{n} results',
  azTitle: 'All areas A–Z',
  azIntro: 'Every district and village, in alphabetical order.',
  methodTitle: 'Methodology',
  dataTitle: 'Download data',
  qualityTitle: 'Data quality',
  downloads: 'Files',
  dictionary: 'Data dictionary',
  field: 'Column',
  meaning: 'Meaning',
  file: 'File',
  format: 'Format',
  size: 'Size',
  description: 'Description',
  showTable: 'Data table',
  chartAlt: 'Line chart',
  noData: 'No data yet',
  na: 'not available',
  ofChildren: 'of {n} children with a valid z-score (denominator)',
  periodOf: 'Round {p}',
  sinceYear: 'since {p}',
  embedBack: 'View on the site',
  severity: 'WHO/UNICEF class',
  indicator: 'Indicator',
  lower: 'lower bound',
  upper: 'upper bound',
  allIndicators: 'Other indicators',
};

/** The whole table per language (exported for the completeness test). */
export const STRINGS: Record<Lang, Record<StringKey, string>> = { id, en };

/** The string for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  const s = STRINGS[lang][key] ?? STRINGS.id[key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** `base` with exactly one trailing slash (`/`, `/stunting/`). */
export function normaliseBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** The URL of a site path in a language under a base: ('/wilayah/35.10/', 'en', '/stunting/') → '/stunting/en/wilayah/35.10/'. */
export function localePath(path: string, lang: Lang, base = '/'): string {
  const b = normaliseBase(base);
  const p = path.replace(/^\/+/, '');
  return `${b}${lang === 'en' ? 'en/' : ''}${p}`;
}

/** The language and language-free site path of a URL pathname under `base`: '/stunting/en/peta/' → {lang:'en', path:'/peta/'}. */
export function splitLocalePath(pathname: string, base = '/'): { lang: Lang; path: string } {
  const b = normaliseBase(base);
  let rest = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  let lang: Lang = 'id';
  if (rest === 'en' || rest.startsWith('en/')) {
    lang = 'en';
    rest = rest.slice(2).replace(/^\//, '');
  }
  return { lang, path: `/${rest}` };
}

/** The same page in the other language: '/stunting/wilayah/35.10/' → '/stunting/en/wilayah/35.10/'. */
export function switchLocalePath(pathname: string, to: Lang, base = '/'): string {
  return localePath(splitLocalePath(pathname, base).path, to, base);
}

/** The other language. */
export function otherLang(lang: Lang): Lang {
  return lang === 'id' ? 'en' : 'id';
}

/** BCP 47 tag for `<html lang>` and `hreflang`. */
export function htmlLang(lang: Lang): string {
  return lang === 'id' ? 'id' : 'en';
}

/** Picks the language's text of a `{id, en}` object, falling back to Indonesian. */
export function pick(text: { id: string; en?: string } | null | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'en' ? text.en : text.id) || text.id;
}

/** The label of an indicator from meta.indicators in a language, or the id when it is not listed. */
export function indicatorLabel(indicators: readonly { id: string; label: { id: string; en?: string } }[], id: string, lang: Lang): string {
  const found = indicators.find((i) => i.id === id);
  return found ? pick(found.label, lang) : id;
}
