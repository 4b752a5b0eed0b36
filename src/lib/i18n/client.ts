/**
 * User-facing strings of code that also runs in the browser (src/client/ and what it imports from src/lib/site).
 * Every string here ships in the page's JavaScript, so only those belong here; the rest live in the other tables.
 */
import type { Strings } from './lookup.ts';

export const CLIENT = {
  copied: { id: 'Tautan disalin', en: 'Link copied' },
  codeCopied: { id: 'Kode disalin', en: 'Code copied' },
  copyFailedShort: { id: 'Tidak dapat menyalin; pilih teks lalu salin.', en: 'Could not copy; select the text and copy it.' },
  imageSaved: { id: 'Gambar diunduh', en: 'Image downloaded' },
  imageFailed: { id: 'Gambar tidak dapat dibuat.', en: 'The image could not be made.' },
  invalidParam: { id: 'Parameter URL tidak valid, memakai bawaan:', en: 'Invalid URL parameter, using the default:' },
  titleKecamatan: { id: 'Kecamatan {name}', en: '{name} district' },
  titleKelurahan: { id: 'Kelurahan {name}', en: '{name} urban village' },
  titleDesa: { id: 'Desa {name}', en: '{name} village' },
  titleKota: { id: 'Kota {name}', en: '{name} city' },
  noChange: { id: 'tetap', en: 'no change' },
  changeDown: { id: 'turun {size} poin', en: 'down {size} points' },
  changeUp: { id: 'naik {size} poin', en: 'up {size} points' },
  changeDownOne: { id: 'turun {size} poin', en: 'down {size} point' },
  changeUpOne: { id: 'naik {size} poin', en: 'up {size} point' },
  statusSuppressed: { id: 'disembunyikan', en: 'suppressed' },
  statusNoData: { id: 'tidak ada data', en: 'no data' },
  statusNotMeasured: { id: 'tidak diukur', en: 'not measured' },
} satisfies Strings;
