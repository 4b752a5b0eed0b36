/**
 * User-facing strings of the browser code of src/client/ (share boxes, comparison).
 * Every string a browser module uses ships in the page's JavaScript, so this holds only what src/client shows; the
 * words of the shared formatting code are in cells.ts, loaded with that code.
 */
import type { Strings } from './lookup.ts';

/** The share and embed boxes' status messages (src/client/share.ts). */
export const COPY_STATUS = {
  copied: { id: 'Tautan disalin', en: 'Link copied' },
  codeCopied: { id: 'Kode disalin', en: 'Code copied' },
  copyFailedShort: { id: 'Tidak dapat menyalin; pilih teks lalu salin.', en: 'Could not copy; select the text and copy it.' },
  imageSaved: { id: 'Gambar diunduh', en: 'Image downloaded' },
  imageFailed: { id: 'Gambar tidak dapat dibuat.', en: 'The image could not be made.' },
} satisfies Strings;

/** The console note on an invalid query parameter (src/client/share.ts, compare.ts). */
export const URL_PARAMS = {
  invalidParam: { id: 'Parameter URL tidak valid, memakai bawaan:', en: 'Invalid URL parameter, using the default:' },
} satisfies Strings;

/** The search box's words for an indicator found (src/client/search.ts): its two pages. */
export const SEARCH_RESULTS = {
  indicatorMap: { id: 'Indikator · lihat di peta', en: 'Indicator · see it on the map' },
  indicatorDefinition: { id: 'Indikator · definisi dan sumber', en: 'Indicator · definition and source' },
} satisfies Strings;

/** The search box's level words under an area found (src/client/search.ts), by level initial; `kota` for a kab/kota
 * whose name starts with "Kota". */
export const SEARCH_LEVELS = {
  p: { id: 'Provinsi', en: 'Province' },
  b: { id: 'Kabupaten', en: 'Regency' },
  kota: { id: 'Kota', en: 'City' },
  k: { id: 'Kecamatan', en: 'District' },
  d: { id: 'Desa/kel.', en: 'Village' },
} satisfies Strings;
