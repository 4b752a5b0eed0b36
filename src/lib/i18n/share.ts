/** User-facing strings of the sharing features (share box, embed box, embeds, images, previews). */
import type { Strings } from './lookup.ts';

export const SHARE = {
  share: { id: 'Bagikan', en: 'Share' },
  shareIntro: {
    id: 'Tautan ini membuka tampilan yang sama (wilayah, indikator, periode).',
    en: 'This link opens the same view (area, indicator, period).',
  },
  link: { id: 'Tautan', en: 'Link' },
  copy: { id: 'Salin tautan', en: 'Copy link' },
  nativeShare: { id: 'Bagikan…', en: 'Share…' },
  download: { id: 'Unduh gambar', en: 'Download image' },
  downloadOf: { id: 'Unduh {what} sebagai {fmt}', en: 'Download {what} as {fmt}' },
  embed: { id: 'Sematkan', en: 'Embed' },
  embedIntro: {
    id: 'Salin kode ini ke halaman Anda. Lebarnya menyesuaikan kolom; tingginya disesuaikan otomatis bila skrip penampung dipasang.',
    en: 'Copy this code into your page. It takes the width of the column; its height adjusts itself when the host script is installed.',
  },
  embedHow: { id: 'Skrip penampung (opsional)', en: 'Host script (optional)' },
  hostIntro: {
    id: 'Pasang sekali di halaman Anda, setelah iframe: tinggi iframe lalu mengikuti isinya dengan tepat. Tanpa skrip ini, iframe memakai tinggi bawaan.',
    en: 'Paste once into your page, after the iframes: the iframe then takes exactly the height of its content. Without it, the iframe keeps its default height.',
  },
  embedCode: { id: 'Kode sematan', en: 'Embed code' },
  copyCode: { id: 'Salin kode', en: 'Copy code' },
  trendTitle: { id: 'Tren prevalensi {indicator}: {area}', en: '{indicator} prevalence trend: {area}' },
  mapEmbedTitle: { id: 'Peta per wilayah: {region}', en: 'Map by area: {region}' },
  licence: { id: 'Lisensi', en: 'Licence' },
  synthetic: { id: 'DATA CONTOH (SINTETIS)', en: 'SAMPLE DATA (SYNTHETIC)' },
  latest: { id: 'Prevalensi {indicator}, {period}', en: '{indicator} prevalence, {period}' },
  noValue: { id: 'angka tidak dipublikasikan', en: 'figure not published' },
  fewerMeasured: { id: 'kurang dari {n} balita diukur', en: 'fewer than {n} children measured' },
  ogCoverageContext: { id: 'Indikator konvergensi, {direction}', en: 'Convergence indicator, {direction}' },
  ogCoverageLabel: { id: 'Cakupan {region}, {period}', en: 'Coverage, {region}, {period}' },
  ogCoverageClasses: { id: 'Desa per kelas (%)', en: 'Villages by class (%)' },
} satisfies Strings;
