/** User-facing strings of the methodology page (src/components/pages/Methodology.astro): section headings, table labels, notes. Its paragraphs with links and emphasis stay in the page as bilingual markup. */
import type { Strings } from './lookup.ts';

export const METHOD = {
  methodMeasured: { id: 'Apa yang diukur', en: 'What is measured' },
  methodZscores: { id: 'Z-skor: standar WHO 2006', en: 'Z-scores: the WHO 2006 standards' },
  methodIndicators: { id: 'Indikator', en: 'Indicators' },
  methodClasses: { id: 'Kategori WHO/UNICEF', en: 'WHO/UNICEF classes' },
  methodRounds: { id: 'Periode dan penghitungan', en: 'Rounds and counting' },
  methodUncertainty: { id: 'Ketidakpastian (selang kepercayaan)', en: 'Uncertainty (confidence intervals)' },
  methodSmoothed: { id: 'Angka terhaluskan (wilayah kecil)', en: 'Smoothed figures (small areas)' },
  methodFunnel: { id: 'Membandingkan wilayah: plot corong', en: 'Comparing areas: funnel plots' },
  methodSuppressed: { id: 'Angka yang disembunyikan', en: 'Suppressed figures' },
  methodSources: {
    id: 'Dua jenis sumber: pengukuran rutin dan survei',
    en: 'Two kinds of source: routine measurement and surveys',
  },
  methodTargets: { id: 'Target', en: 'Targets' },
  methodReferences: { id: 'Rujukan', en: 'References' },
  methodDescription: {
    id: 'Cara angka stunting di situs ini dihitung, dalam bahasa sederhana.',
    en: 'How the stunting figures on this site are computed, in plain language.',
  },
  methodLede: {
    id: 'Cara angka di situs ini dihitung, dan apa yang bisa dan tidak bisa disimpulkan darinya.',
    en: 'How the figures on this site are computed, and what they can and cannot tell you.',
  },
  onThisPage: { id: 'Isi halaman', en: 'On this page' },
  indicatorTable: { id: 'Tabel indikator', en: 'Indicator table' },
  publishedIndicators: { id: 'Indikator yang dipublikasikan', en: 'Published indicators' },
  definitionZscore: { id: 'Definisi (z-skor)', en: 'Definition (z-score)' },
  codeInData: { id: 'Kode di berkas data', en: 'Code in the data files' },
  zscoreAbbreviations: {
    id: 'HAZ = tinggi (panjang) badan menurut umur (TB/U); WAZ = berat badan menurut umur (BB/U); WHZ = berat badan menurut tinggi (panjang) badan (BB/TB).',
    en: 'HAZ = height(length)-for-age; WAZ = weight-for-age; WHZ = weight-for-height(length).',
  },
  classColumn: { id: 'Kategori', en: 'Class' },
  technicalDetails: { id: 'Rincian teknis: ', en: 'Technical details: ' },
  targetsNote: {
    id: 'Target nasional diukur dengan survei (SSGI/SKI), bukan dengan data rutin; garis target di grafik adalah pembanding, bukan penilaian.',
    en: 'National targets are measured by the surveys (SSGI/SKI), not routine data; the target lines on the charts are a reference, not a verdict.',
  },
  lokusNote: {
    id: 'Desa lokus adalah desa yang ditetapkan pemerintah daerah sebagai prioritas penanganan stunting pada tahun tertentu; ditandai dengan label "lokus".',
    en: 'Priority villages (desa lokus) are villages the local government names as stunting-reduction priorities for a given year; marked with a "lokus" label.',
  },
  refPermenkes: { id: 'tentang Standar Antropometri Anak', en: '(child anthropometry standards)' },
  refPerpres: { id: 'tentang Percepatan Penurunan Stunting', en: '(accelerating stunting reduction)' },
  refAnthroOedema: { id: 'edema dihitung di bawah −3 SD', en: 'oedema counted below −3 SD' },
  classesFixed: {
    id: 'Warna peta memakai ambang prevalensi WHO/UNICEF 2019 yang tetap untuk semua periode, sehingga peta dari tahun yang berbeda bisa dibandingkan langsung.',
    en: 'Map colours use the WHO/UNICEF 2019 prevalence thresholds, fixed across rounds, so maps from different years compare directly.',
  },
  classesSource: {
    id: 'Sumber: de Onis dkk., "Prevalence thresholds for wasting, overweight and stunting in children under 5 years", Public Health Nutrition 22(1), 2019. Ambang yang sama dengan wasting dipakai untuk gizi lebih. Untuk bentuk berat (sangat pendek, gizi buruk) WHO tidak menetapkan ambang; warnanya hanya rentang tampilan.',
    en: 'Source: de Onis et al., "Prevalence thresholds for wasting, overweight and stunting in children under 5 years", Public Health Nutrition 22(1), 2019. Overweight uses the wasting thresholds. WHO sets no thresholds for severe forms; their colours are display ranges only.',
  },
} satisfies Strings;
