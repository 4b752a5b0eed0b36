/** User-facing strings of the sharing features (share box, embed box, embeds, images, previews), id and en. */
import type { Lang } from '../site/format.ts';
import type { Meta } from '../site/contract.ts';

const id = {
  share: 'Bagikan',
  shareIntro: 'Tautan ini membuka tampilan yang sama (wilayah, indikator, periode).',
  link: 'Tautan',
  copy: 'Salin tautan',
  copied: 'Tautan disalin',
  copyFailed: 'Tidak dapat menyalin; pilih teks tautan lalu salin.',
  nativeShare: 'Bagikan…',
  download: 'Unduh gambar',
  downloadPng: 'PNG',
  downloadSvg: 'SVG',
  downloadOf: 'Unduh {what} sebagai {fmt}',
  embed: 'Sematkan',
  embedIntro: 'Salin kode ini ke halaman Anda. Lebarnya menyesuaikan kolom; tingginya disesuaikan otomatis bila skrip penampung dipasang.',
  embedHow: 'Skrip penampung (opsional)',
  hostIntro: 'Pasang sekali di halaman Anda, setelah iframe: tinggi iframe lalu mengikuti isinya dengan tepat. Tanpa skrip ini, iframe memakai tinggi bawaan.',
  embedCode: 'Kode sematan',
  copyCode: 'Salin kode',
  codeCopied: 'Kode disalin',
  trendTitle: 'Tren prevalensi {indicator}: {area}',
  mapTitle: 'Peta {indicator}: {region}',
  mapEmbedTitle: 'Peta per wilayah: {region}',
  source: 'Sumber',
  licence: 'Lisensi',
  synthetic: 'DATA CONTOH (SINTETIS)',
  latest: 'Prevalensi {indicator}, {period}',
  sparkline: 'Tren {from}–{to}',
  noValue: 'angka tidak dipublikasikan',
  invalidParam: 'Parameter URL tidak valid, memakai bawaan:',
  printReport: 'Cetak laporan',
} as const;

/** A key of the sharing strings. */
export type ShareKey = keyof typeof id;

const en: Record<ShareKey, string> = {
  share: 'Share',
  shareIntro: 'This link opens the same view (area, indicator, period).',
  link: 'Link',
  copy: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Could not copy; select the link text and copy it.',
  nativeShare: 'Share…',
  download: 'Download image',
  downloadPng: 'PNG',
  downloadSvg: 'SVG',
  downloadOf: 'Download {what} as {fmt}',
  embed: 'Embed',
  embedIntro: 'Copy this code into your page. It takes the width of the column; its height adjusts itself when the host script is installed.',
  embedHow: 'Host script (optional)',
  hostIntro: 'Paste once into your page, after the iframes: the iframe then takes exactly the height of its content. Without it, the iframe keeps its default height.',
  embedCode: 'Embed code',
  copyCode: 'Copy code',
  codeCopied: 'Code copied',
  trendTitle: '{indicator} prevalence trend: {area}',
  mapTitle: '{indicator} map: {region}',
  mapEmbedTitle: 'Map by area: {region}',
  source: 'Source',
  licence: 'Licence',
  synthetic: 'SAMPLE DATA (SYNTHETIC)',
  latest: '{indicator} prevalence, {period}',
  sparkline: 'Trend {from}–{to}',
  noValue: 'figure not published',
  invalidParam: 'Invalid URL parameter, using the default:',
  printReport: 'Print report',
};

/** Every sharing string per language (exported for the completeness test). */
export const SHARE_STRINGS: Record<Lang, Record<ShareKey, string>> = { id, en };

/** The sharing string `key` in `lang` with `{name}` placeholders filled. */
export function st(lang: Lang, key: ShareKey, vars?: Record<string, string | number>): string {
  const s = SHARE_STRINGS[lang][key] ?? SHARE_STRINGS.id[key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** What every downloaded chart or map image carries: source, licence and, for demo data, the synthetic-data note. */
export interface ImageCredits {
  lang: Lang;
  source: string;
  licence: string;
  synthetic: string | null;
}

/** The image credits of a site in one language. */
export function imageCredits(lang: Lang, meta: Pick<Meta, 'publisher' | 'licence' | 'synthetic'>): ImageCredits {
  return {
    lang,
    source: `${st(lang, 'source')}: ${meta.publisher.name}`,
    licence: `${st(lang, 'licence')}: ${meta.licence.name} (${meta.licence.id})`,
    synthetic: meta.synthetic ? st(lang, 'synthetic') : null,
  };
}
