/**
 * The convergence indicators as data: one definition per indicator, from which the input check, the counting, the
 * published files and the pages derive. Two families:
 *
 * - the 20 indicators of the national strategy (Perpres 72/2021, Lampiran: 9 specific and 11 sensitive
 *   interventions), published per area as numerator / denominator from the coverage input file;
 * - the desa convergence scorecard (Scorecard Konvergensi Desa, Kemendes PDTT): per target group, the services
 *   received out of the services due, and the overall "tingkat konvergensi".
 *
 * Adding an indicator: one entry here, its rows in the coverage input, and (optionally) its targets in the targets
 * file. Nothing else names indicator ids (docs/architecture.md, "Adding an indicator").
 */

import type { Direction, IndicatorBase, Words } from './definition.ts';

/** Group on pages and in the methodology. */
export type CoverageGroup = 'specific' | 'sensitive' | 'scorecard';

/** One coverage indicator. */
export interface CoverageIndicator extends IndicatorBase {
  source: 'counts';
  group: CoverageGroup;
  /** What is counted. Counts of people, households, families or their services follow the small-area suppression
   * rule; counts of villages (ODF) are not personal and are never hidden. */
  counts: 'people' | 'households' | 'families' | 'services' | 'villages';
}

const PERPRES = 'Perpres 72/2021 tentang Percepatan Penurunan Stunting, Lampiran (Strategi Nasional)';
const SCORECARD = 'Kemendes PDTT, Scorecard Konvergensi Desa (pemantauan layanan pencegahan stunting di desa)';

type Def = Omit<CoverageIndicator, 'source' | 'unit' | 'citation' | 'direction' | 'counts'> & { direction?: Direction; citation?: string; counts?: CoverageIndicator['counts'] };

const specific: Def[] = [
  {
    id: 'bumil_kek_pmt', group: 'specific',
    name: { id: 'Ibu hamil KEK mendapat tambahan asupan gizi', en: 'Pregnant women with CED given supplementary food' },
    definition: { id: 'Persentase ibu hamil Kurang Energi Kronik (KEK) yang mendapatkan tambahan asupan gizi', en: 'Share of pregnant women with chronic energy deficiency (CED) who receive supplementary food' },
    numerator: { id: 'Ibu hamil KEK yang mendapat tambahan asupan gizi', en: 'Pregnant women with CED receiving supplementary food' },
    denominator: { id: 'Ibu hamil KEK', en: 'Pregnant women with CED' },
  },
  {
    id: 'bumil_ttd90', group: 'specific',
    name: { id: 'Ibu hamil minum TTD ≥ 90 tablet', en: 'Pregnant women taking ≥ 90 iron-folic acid tablets' },
    definition: { id: 'Persentase ibu hamil yang mengonsumsi Tablet Tambah Darah (TTD) minimal 90 tablet selama masa kehamilan', en: 'Share of pregnant women who take at least 90 iron-folic acid tablets during pregnancy' },
    numerator: { id: 'Ibu hamil yang mengonsumsi ≥ 90 TTD', en: 'Pregnant women taking ≥ 90 tablets' },
    denominator: { id: 'Ibu hamil', en: 'Pregnant women' },
  },
  {
    id: 'remaja_ttd', group: 'specific',
    name: { id: 'Remaja putri minum TTD', en: 'Adolescent girls taking iron-folic acid' },
    definition: { id: 'Persentase remaja putri yang mengonsumsi Tablet Tambah Darah (TTD)', en: 'Share of adolescent girls who take iron-folic acid tablets' },
    numerator: { id: 'Remaja putri yang mengonsumsi TTD', en: 'Adolescent girls taking the tablets' },
    denominator: { id: 'Remaja putri (sasaran)', en: 'Adolescent girls (target group)' },
  },
  {
    id: 'asi_eksklusif', group: 'specific',
    name: { id: 'ASI eksklusif (bayi < 6 bulan)', en: 'Exclusive breastfeeding (infants < 6 months)' },
    definition: { id: 'Persentase bayi usia kurang dari 6 bulan yang mendapat Air Susu Ibu (ASI) eksklusif', en: 'Share of infants under 6 months who are exclusively breastfed' },
    numerator: { id: 'Bayi < 6 bulan dengan ASI eksklusif', en: 'Infants < 6 months exclusively breastfed' },
    denominator: { id: 'Bayi < 6 bulan', en: 'Infants < 6 months' },
  },
  {
    id: 'mpasi', group: 'specific',
    name: { id: 'MP-ASI (anak 6–23 bulan)', en: 'Complementary feeding (children 6–23 months)' },
    definition: { id: 'Persentase anak usia 6–23 bulan yang mendapat Makanan Pendamping Air Susu Ibu (MP-ASI)', en: 'Share of children aged 6–23 months who receive complementary foods' },
    numerator: { id: 'Anak 6–23 bulan yang mendapat MP-ASI', en: 'Children 6–23 months receiving complementary foods' },
    denominator: { id: 'Anak 6–23 bulan', en: 'Children 6–23 months' },
  },
  {
    id: 'gizi_buruk_tatalaksana', group: 'specific',
    name: { id: 'Balita gizi buruk mendapat tata laksana', en: 'Severely wasted children treated' },
    definition: { id: 'Persentase balita gizi buruk yang mendapat pelayanan tata laksana gizi buruk', en: 'Share of severely wasted under-fives who receive treatment for severe wasting' },
    numerator: { id: 'Balita gizi buruk yang mendapat tata laksana', en: 'Severely wasted under-fives treated' },
    denominator: { id: 'Balita gizi buruk', en: 'Severely wasted under-fives' },
  },
  {
    id: 'balita_dipantau', group: 'specific',
    name: { id: 'Balita dipantau pertumbuhan dan perkembangan', en: 'Under-fives whose growth and development are monitored' },
    definition: { id: 'Persentase balita yang dipantau pertumbuhan dan perkembangannya', en: 'Share of under-fives whose growth and development are monitored' },
    numerator: { id: 'Balita yang dipantau', en: 'Under-fives monitored' },
    denominator: { id: 'Balita (sasaran)', en: 'Under-fives (target group)' },
  },
  {
    id: 'gizi_kurang_pmt', group: 'specific',
    name: { id: 'Balita gizi kurang mendapat tambahan asupan gizi', en: 'Wasted children given supplementary food' },
    definition: { id: 'Persentase balita gizi kurang yang mendapat tambahan asupan gizi', en: 'Share of wasted under-fives who receive supplementary food' },
    numerator: { id: 'Balita gizi kurang yang mendapat tambahan asupan gizi', en: 'Wasted under-fives receiving supplementary food' },
    denominator: { id: 'Balita gizi kurang', en: 'Wasted under-fives' },
  },
  {
    id: 'imunisasi_dasar', group: 'specific',
    name: { id: 'Imunisasi dasar lengkap', en: 'Complete basic immunisation' },
    definition: { id: 'Persentase balita yang memperoleh imunisasi dasar lengkap', en: 'Share of children who receive complete basic immunisation' },
    numerator: { id: 'Anak dengan imunisasi dasar lengkap', en: 'Children fully immunised' },
    denominator: { id: 'Anak (sasaran imunisasi)', en: 'Children (immunisation target group)' },
  },
];

const sensitive: Def[] = [
  {
    id: 'kb_pascapersalinan', group: 'sensitive',
    name: { id: 'KB pascapersalinan', en: 'Postpartum family planning' },
    definition: { id: 'Persentase pelayanan Keluarga Berencana (KB) pascapersalinan', en: 'Share of births followed by postpartum family planning services' },
    numerator: { id: 'Ibu bersalin yang mendapat pelayanan KB pascapersalinan', en: 'Women given postpartum family planning' },
    denominator: { id: 'Ibu bersalin', en: 'Women giving birth' },
  },
  {
    id: 'kehamilan_tidak_diinginkan', group: 'sensitive', direction: 'lower_better',
    name: { id: 'Kehamilan tidak diinginkan', en: 'Unwanted pregnancies' },
    definition: { id: 'Persentase kehamilan yang tidak diinginkan', en: 'Share of pregnancies that were unwanted' },
    numerator: { id: 'Kehamilan yang tidak diinginkan', en: 'Unwanted pregnancies' },
    denominator: { id: 'Kehamilan', en: 'Pregnancies' },
  },
  {
    id: 'catin_diperiksa', group: 'sensitive',
    name: { id: 'Calon pengantin diperiksa kesehatan', en: 'Couples-to-be given a health check' },
    definition: { id: 'Cakupan calon Pasangan Usia Subur (PUS) yang memperoleh pemeriksaan kesehatan sebagai bagian dari pelayanan nikah', en: 'Share of couples about to marry who receive a health check as part of the marriage service' },
    numerator: { id: 'Calon PUS yang diperiksa kesehatannya', en: 'Couples-to-be checked' },
    denominator: { id: 'Calon PUS yang menikah', en: 'Couples-to-be marrying' },
  },
  {
    id: 'air_minum_layak', counts: 'households', group: 'sensitive',
    name: { id: 'Rumah tangga dengan air minum layak', en: 'Households with improved drinking water' },
    definition: { id: 'Persentase rumah tangga yang mendapatkan akses air minum layak', en: 'Share of households with access to improved drinking water' },
    numerator: { id: 'Rumah tangga dengan akses air minum layak', en: 'Households with improved drinking water' },
    denominator: { id: 'Rumah tangga', en: 'Households' },
  },
  {
    id: 'sanitasi_layak', counts: 'households', group: 'sensitive',
    name: { id: 'Rumah tangga dengan sanitasi layak', en: 'Households with improved sanitation' },
    definition: { id: 'Persentase rumah tangga yang mendapatkan akses sanitasi (air limbah domestik) layak', en: 'Share of households with access to improved sanitation (domestic wastewater)' },
    numerator: { id: 'Rumah tangga dengan sanitasi layak', en: 'Households with improved sanitation' },
    denominator: { id: 'Rumah tangga', en: 'Households' },
  },
  {
    id: 'pbi_jkn', group: 'sensitive',
    name: { id: 'Penerima Bantuan Iuran (PBI) JKN', en: 'National health insurance with subsidised premium (PBI JKN)' },
    definition: { id: 'Cakupan Penerima Bantuan Iuran (PBI) Jaminan Kesehatan Nasional di antara penduduk miskin dan rentan', en: 'Coverage of the subsidised-premium national health insurance (PBI JKN) among poor and vulnerable people' },
    numerator: { id: 'Penduduk miskin dan rentan yang terdaftar PBI JKN', en: 'Poor and vulnerable people enrolled in PBI JKN' },
    denominator: { id: 'Penduduk miskin dan rentan', en: 'Poor and vulnerable people' },
  },
  {
    id: 'keluarga_berisiko_didampingi', counts: 'families', group: 'sensitive',
    name: { id: 'Keluarga berisiko stunting didampingi', en: 'Families at risk of stunting accompanied' },
    definition: { id: 'Cakupan keluarga berisiko stunting yang memperoleh pendampingan', en: 'Share of families at risk of stunting who are accompanied by a family support team' },
    numerator: { id: 'Keluarga berisiko stunting yang didampingi', en: 'At-risk families accompanied' },
    denominator: { id: 'Keluarga berisiko stunting', en: 'Families at risk of stunting' },
  },
  {
    id: 'bantuan_tunai_bersyarat', counts: 'families', group: 'sensitive',
    name: { id: 'Bantuan tunai bersyarat (PKH)', en: 'Conditional cash transfer (PKH)' },
    definition: { id: 'Keluarga miskin dan rentan yang memperoleh bantuan tunai bersyarat, di antara keluarga miskin dan rentan dengan ibu hamil atau balita', en: 'Poor and vulnerable families receiving the conditional cash transfer, among poor and vulnerable families with a pregnant woman or an under-five' },
    numerator: { id: 'Keluarga yang menerima bantuan tunai bersyarat', en: 'Families receiving the transfer' },
    denominator: { id: 'Keluarga miskin dan rentan dengan ibu hamil atau balita', en: 'Poor and vulnerable families with a pregnant woman or an under-five' },
  },
  {
    id: 'paham_stunting', group: 'sensitive',
    name: { id: 'Sasaran paham stunting', en: 'Target groups who understand stunting' },
    definition: { id: 'Persentase target sasaran yang memiliki pemahaman yang baik tentang stunting', en: 'Share of the target groups with a good understanding of stunting' },
    numerator: { id: 'Sasaran dengan pemahaman yang baik', en: 'People with a good understanding' },
    denominator: { id: 'Sasaran yang ditanya', en: 'People asked' },
  },
  {
    id: 'bansos_pangan', counts: 'families', group: 'sensitive',
    name: { id: 'Bantuan sosial pangan', en: 'Food social assistance' },
    definition: { id: 'Keluarga miskin dan rentan yang menerima bantuan sosial pangan, di antara keluarga miskin dan rentan', en: 'Poor and vulnerable families receiving food social assistance, among poor and vulnerable families' },
    numerator: { id: 'Keluarga yang menerima bantuan sosial pangan', en: 'Families receiving food assistance' },
    denominator: { id: 'Keluarga miskin dan rentan', en: 'Poor and vulnerable families' },
  },
  {
    id: 'desa_odf', counts: 'villages', group: 'sensitive',
    name: { id: 'Desa/kelurahan ODF (stop BABS)', en: 'Open-defecation-free villages (ODF)' },
    definition: { id: 'Persentase desa/kelurahan stop Buang Air Besar Sembarangan (BABS) atau Open Defecation Free (ODF); untuk satu desa: 1 dari 1 bila ODF', en: 'Share of villages that are open-defecation free (ODF); for one village: 1 of 1 when ODF' },
    numerator: { id: 'Desa/kelurahan ODF', en: 'ODF villages' },
    denominator: { id: 'Desa/kelurahan', en: 'Villages' },
  },
];

const scorecard: Def[] = [
  {
    id: 'konvergensi_ibu_hamil', counts: 'services', group: 'scorecard', citation: SCORECARD,
    name: { id: 'Konvergensi layanan ibu hamil', en: 'Service convergence: pregnant women' },
    definition: { id: 'Layanan yang diterima ibu hamil dari layanan yang seharusnya diterima (pemeriksaan kehamilan, TTD, konseling gizi, kelas ibu hamil, dll.)', en: 'Services received by pregnant women out of the services due (antenatal checks, iron tablets, nutrition counselling, classes…)' },
    numerator: { id: 'Layanan diterima', en: 'Services received' },
    denominator: { id: 'Layanan seharusnya', en: 'Services due' },
  },
  {
    id: 'konvergensi_anak_0_23', counts: 'services', group: 'scorecard', citation: SCORECARD,
    name: { id: 'Konvergensi layanan anak 0–23 bulan', en: 'Service convergence: children 0–23 months' },
    definition: { id: 'Layanan yang diterima anak 0–23 bulan dari layanan yang seharusnya diterima (imunisasi, penimbangan, konseling gizi, air bersih, jamban, akta lahir, jaminan kesehatan, dll.)', en: 'Services received by children aged 0–23 months out of the services due (immunisation, weighing, nutrition counselling, clean water, latrine, birth certificate, health insurance…)' },
    numerator: { id: 'Layanan diterima', en: 'Services received' },
    denominator: { id: 'Layanan seharusnya', en: 'Services due' },
  },
  {
    id: 'konvergensi_paud', group: 'scorecard', citation: SCORECARD,
    name: { id: 'Konvergensi layanan PAUD (anak 2–6 tahun)', en: 'Service convergence: early childhood education (2–6 years)' },
    definition: { id: 'Anak 2–6 tahun yang mengikuti layanan PAUD dari anak 2–6 tahun', en: 'Children aged 2–6 attending early childhood education out of children aged 2–6' },
    numerator: { id: 'Anak 2–6 tahun yang ikut PAUD', en: 'Children attending' },
    denominator: { id: 'Anak 2–6 tahun', en: 'Children aged 2–6' },
  },
  {
    id: 'tingkat_konvergensi', counts: 'services', group: 'scorecard', citation: SCORECARD,
    name: { id: 'Tingkat konvergensi desa', en: 'Village convergence level' },
    definition: { id: 'Seluruh layanan yang diterima semua kelompok sasaran dari seluruh layanan yang seharusnya diterima', en: 'All services received by every target group out of all services due' },
    numerator: { id: 'Layanan diterima (semua sasaran)', en: 'Services received (all groups)' },
    denominator: { id: 'Layanan seharusnya (semua sasaran)', en: 'Services due (all groups)' },
  },
];

/** Every coverage indicator, in publication order. */
export const COVERAGE_INDICATORS: readonly CoverageIndicator[] = [...specific, ...sensitive, ...scorecard].map((d) => ({
  direction: 'higher_better',
  counts: 'people',
  source: 'counts',
  unit: 'percent',
  citation: PERPRES,
  ...d,
}));

/** Groups in page order with their headings. */
export const COVERAGE_GROUPS: readonly { id: CoverageGroup; name: Words }[] = [
  { id: 'specific', name: { id: 'Intervensi spesifik', en: 'Specific interventions' } },
  { id: 'sensitive', name: { id: 'Intervensi sensitif', en: 'Sensitive interventions' } },
  { id: 'scorecard', name: { id: 'Scorecard konvergensi desa', en: 'Village convergence scorecard' } },
];
