/**
 * User-facing strings of code that also runs in the browser (src/client/ and what it imports from src/lib/site).
 * Every string a browser module uses ships in the page's JavaScript, so the table is cut into small groups, one per
 * use: the bundler leaves out the groups no browser module reads (CHANGE_WORDS, used only at build time).
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

/** An area's name with its kind (src/lib/site/area-title.ts), word order per language. */
export const AREA_TITLES = {
  titleKecamatan: { id: 'Kecamatan {name}', en: '{name} district' },
  titleKelurahan: { id: 'Kelurahan {name}', en: '{name} urban village' },
  titleDesa: { id: 'Desa {name}', en: '{name} village' },
  titleKota: { id: 'Kota {name}', en: '{name} city' },
} satisfies Strings;

/** A cell's status in words when no number is shown (statusLabel in src/lib/site/format.ts). */
export const CELL_STATUS = {
  statusSuppressed: { id: 'disembunyikan', en: 'suppressed' },
  statusNoData: { id: 'tidak ada data', en: 'no data' },
  statusNotMeasured: { id: 'tidak diukur', en: 'not measured' },
} satisfies Strings;

/** A change in percentage points in words (formatChange in src/lib/site/format.ts). */
export const CHANGE_WORDS = {
  noChange: { id: 'tetap', en: 'no change' },
  changeDown: { id: 'turun {size} poin', en: 'down {size} points' },
  changeUp: { id: 'naik {size} poin', en: 'up {size} points' },
  changeDownOne: { id: 'turun {size} poin', en: 'down {size} point' },
  changeUpOne: { id: 'naik {size} poin', en: 'up {size} point' },
} satisfies Strings;

/** All browser strings, for the whole table (src/lib/i18n/strings.ts). */
export const CLIENT = { ...COPY_STATUS, ...URL_PARAMS, ...AREA_TITLES, ...CELL_STATUS, ...CHANGE_WORDS };
