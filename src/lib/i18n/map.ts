/** User-facing strings of the map code that also runs in the browser (src/lib/site/map-model.ts, map-html.ts); it ships with the interactive map only. */
import type { Strings } from './lookup.ts';

export const MAP = {
  lokusMark: { id: 'lokus', en: 'priority' },
  qualityWeak: { id: 'kualitas data lemah', en: 'weak data quality' },
  qualityVeryWeak: { id: 'kualitas data sangat lemah', en: 'very weak data quality' },
  mapSummary: {
    id: 'Peta {indicator} per {level}, {period}: {n} wilayah',
    en: 'Map of {indicator} by {level}, {period}: {n} areas',
  },
  mapSummaryTop: { id: ' Tertinggi: {top}.', en: ' Highest: {top}.' },
  legend: { id: 'Keterangan', en: 'Legend' },
  legendSmoothed: { id: ': angka terhaluskan', en: ': smoothed figures' },
  legendCounts: { id: 'angka = jumlah wilayah', en: 'number = count of areas' },
} satisfies Strings;
