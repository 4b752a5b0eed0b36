/** The convergence indicators on pages: the area section (ConvergenceSection), coverage beside stunting
 * (CoverageStunting) and the methodology table (ConvergenceMethod). */
import type { Strings } from './lookup.ts';

export const CONVERGENCE = {
  cvHeading: { id: 'Indikator konvergensi', en: 'Convergence indicators' },
  cvLead: {
    id: 'Cakupan layanan yang mencegah stunting, dari laporan program, {period}. {met} dari {n} indikator bertarget mencapai targetnya.',
    en: 'Coverage of the services that prevent stunting, from programme reports, {period}. {met} of the {n} indicators with a target reach it.',
  },
  cvColIndicator: { id: 'Indikator', en: 'Indicator' },
  cvColCoverage: { id: 'Cakupan', en: 'Coverage' },
  cvColTrend: { id: 'Tren', en: 'Trend' },
  cvColCounts: { id: 'Pembilang / penyebut', en: 'Numerator / denominator' },
  cvColTarget: { id: 'Terhadap target', en: 'Against the target' },
  cvMet: { id: 'target tercapai', en: 'target reached' },
  cvNotMet: { id: 'belum tercapai', en: 'not yet reached' },
  cvLowerBetter: { id: 'makin rendah makin baik', en: 'lower is better' },
  cvCsv: { id: 'Unduh semua angka konvergensi (CSV)', en: 'Download every convergence figure (CSV)' },
  cvDefinitions: { id: 'Definisi dan sumber', en: 'Definitions and sources' },
  csHeading: { id: 'Stunting dan cakupan layanan per desa', en: 'Stunting and service coverage by village' },
  csLead: {
    id: 'Setiap titik satu desa/kelurahan: stunting {period} (tegak) dan {name} {coveragePeriod} (mendatar). Garis putus-putus: {stuntingLine} dan {coverageLine}. {n} desa dengan stunting di atas {parent} dan cakupan di bawah garis diurutkan pertama di tabel.',
    en: 'Each point is one village: stunting {period} (up) and {name} {coveragePeriod} (across). Dashed lines: {stuntingLine} and {coverageLine}. The {n} villages with stunting above {parent} and coverage below the line come first in the table.',
  },
  csStuntingLine: { id: 'stunting {parent} ({value})', en: 'stunting in {parent} ({value})' },
  csTargetLine: { id: 'target {year}: {value} ({source})', en: '{year} target: {value} ({source})' },
  csParentLine: { id: 'cakupan {parent} ({value})', en: 'coverage in {parent} ({value})' },
  csTargetTick: { id: 'target {value}', en: 'target {value}' },
  csQAttention: { id: 'perlu perhatian: stunting di atas, cakupan di bawah', en: 'needs attention: stunting above, coverage below' },
  csQHighStunting: { id: 'stunting di atas', en: 'stunting above' },
  csQLowCoverage: { id: 'cakupan di bawah', en: 'coverage below' },
  csQFine: { id: 'keduanya lebih baik', en: 'both better' },
  csAria: { id: 'Diagram pencar stunting dan {name}', en: 'Scatter of stunting and {name}' },
  csTableSummary: { id: 'Tabel: {n} desa, yang perlu perhatian lebih dulu', en: 'Table: {n} villages, those needing attention first' },
  csTableAttention: {
    id: 'Tabel: {n} dari {total} desa yang perlu perhatian (semua desa ada di halaman kecamatannya dan di konvergensi.csv)',
    en: 'Table: the {n} of {total} villages needing attention (every village is on its district page and in konvergensi.csv)',
  },
  csTableAria: { id: 'Stunting dan cakupan per desa', en: 'Stunting and coverage by village' },
  csColVillage: { id: 'Desa/kelurahan', en: 'Village' },
  csColNote: { id: 'Keterangan', en: 'Note' },
  csMissing: { id: 'Tanpa salah satu angka (disembunyikan atau belum dilaporkan): {names}.', en: 'Without one of the figures (hidden or not reported): {names}.' },
  csMissingCount: { id: '{n} desa tanpa salah satu angka (disembunyikan atau belum dilaporkan).', en: '{n} villages without one of the figures (hidden or not reported).' },
  cmColNumerator: { id: 'Pembilang', en: 'Numerator' },
  cmColDenominator: { id: 'Penyebut', en: 'Denominator' },
  cmColTarget: { id: 'Target (sumber)', en: 'Target (source)' },
  cmNoTarget: { id: 'tidak ada target persen', en: 'no percent target' },
  cmIntro: {
    id: 'Cakupan layanan yang mencegah stunting, seperti dilaporkan program (bukan diukur di situs ini): 20 indikator Strategi Nasional Percepatan Penurunan Stunting (Perpres 72/2021) dan scorecard konvergensi desa. Cakupan = pembilang / penyebut × 100, dengan selang kepercayaan 95% Wilson (kecuali desa ODF: hitungan semua desa, tanpa selang). Angka kecamatan dan kabupaten adalah jumlah desa yang melapor; bila belum semua desa melapor, halaman menyebut berapa. Penyebut di bawah {min} disembunyikan beserta angka lain yang memungkinkan menghitungnya kembali; hitungan desa ODF bukan data orang dan tidak disembunyikan. Target nasional berbeda antar dokumen, jadi setiap target disebut dengan sumbernya.',
    en: 'Coverage of the services that prevent stunting, as programmes report it (not measured by this site): the 20 indicators of the national strategy (Perpres 72/2021) and the desa convergence scorecard. Coverage = numerator / denominator × 100, with a Wilson 95% confidence interval (except ODF villages: a count of all villages, no interval). Kecamatan and kabupaten figures are sums of the desa that reported; when some have not, the page says how many did. Denominators below {min} are hidden, with any other figure that would let them be worked out; counts of ODF villages are not about people and are never hidden. National targets differ between documents, so each target is shown with its source.',
  },
} as const satisfies Strings;
