/**
 * User-facing strings of the maps as the build renders them (src/lib/site/choropleth-view.ts, explorer-view.ts,
 * ChoroplethMap.astro). Build time only: the words the map code shows in the browser are in map.ts.
 */
import type { Strings } from './lookup.ts';

export const MAP_VIEW = {
  /** A map's caption and the table's: indicator, areas, period. */
  mapCaption: { id: '{indicator} per {level}, {period}', en: '{indicator} by {level}, {period}' },
  kabupatenWord: { id: 'kabupaten/kota', en: 'regency/city' },
  provinsiWord: { id: 'provinsi', en: 'province' },
  /** A locator map whose own area has no boundary (a desa of the code list without a polygon). */
  mapNoShape: {
    id: 'Batas wilayah {name} tidak tersedia, sehingga tidak tergambar di peta ini. Angkanya tetap diterbitkan di halaman ini.',
    en: 'The boundary of {name} is not available, so it is not drawn on this map. Its figures are still published on this page.',
  },
  mapShowTable: { id: 'Lihat sebagai tabel', en: 'Show as a table' },
  mapColKecamatan: { id: 'Kecamatan', en: 'Kecamatan' },
  mapColPrevalence: { id: 'Prevalensi (%)', en: 'Prevalence (%)' },
  mapColChildren: { id: 'Balita (n)', en: 'Children (n)' },
  mapColClass: { id: 'Kelas / keterangan', en: 'Class / note' },
  mapLoading: { id: 'Memuat peta interaktif…', en: 'Loading the interactive map…' },
  mapHint: {
    id: 'Klik peta atau masuk dengan Tab untuk memperbesar dan menjelajah; tombol panah berpindah antar wilayah.',
    en: 'Click the map or Tab into it to zoom and explore; arrow keys move between areas.',
  },
  mapLoad: { id: 'Muat peta interaktif', en: 'Load interactive map' },
  mapLiteHint: {
    id: 'Ketuk wilayah untuk membuka halamannya. Peta interaktif (perbesar, geser) perlu unduhan sekitar 300 KB.',
    en: 'Tap an area to open its page. The interactive map (zoom, pan) needs a download of about 300 KB.',
  },
  mapSmoothedToggle: { id: 'Warnai menurut angka terhaluskan (empirical Bayes)', en: 'Colour by the smoothed figures (empirical Bayes)' },
  explorerControls: { id: 'Pilih tampilan peta', en: 'Choose the map view' },
  explorerLevel: { id: 'Tingkat', en: 'Level' },
  explorerShow: { id: 'Tampilkan', en: 'Show' },
  explorerTable: { id: 'Semua wilayah', en: 'All areas' },
  explorerSortHint: { id: 'Klik judul kolom untuk mengurutkan.', en: 'Click a column heading to sort.' },
  explorerNoscript: {
    id: 'Tanpa JavaScript, pilih tampilan dengan tautan di atas; setiap tampilan adalah halaman tersendiri.',
    en: 'Without JavaScript, choose a view with the links above; each view is a page of its own.',
  },
  explorerViews: { id: 'Tampilan peta', en: 'Map views' },
  explorerDownloads: { id: 'Unduh data (CSV, JSON)', en: 'Download the data (CSV, JSON)' },
} satisfies Strings;
