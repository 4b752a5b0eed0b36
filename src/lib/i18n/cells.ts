/**
 * User-facing strings of the formatting code the build and the browser share (src/lib/site/format.ts,
 * area-title.ts). Cut into one group per use, so that the bundler leaves out of the page's JavaScript the groups no
 * browser module reads (CHANGE_WORDS: formatChange runs only at build time).
 */
import type { Strings } from './lookup.ts';

/** An area's name with its kind (src/lib/site/area-title.ts), word order per language. */
export const AREA_TITLES = {
  titleKecamatan: { id: 'Kecamatan {name}', en: '{name} district' },
  titleKelurahan: { id: 'Kelurahan {name}', en: '{name} urban village' },
  titleDesa: { id: 'Desa {name}', en: '{name} village' },
  titleKota: { id: 'Kota {name}', en: '{name} city' },
  titleProvinsi: { id: 'Provinsi {name}', en: '{name} Province' },
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
