/**
 * What the interactive map is told by its page (the `data-config` JSON that ChoroplethMap.astro writes) and the few
 * words it says itself.
 */
import type { Level } from '../../lib/types.ts';
import type { MapIndicator } from '../../lib/site/map-indicator.ts';
import type { MapLevel } from '../../lib/site/map-state.ts';
import type { Lang } from '../../lib/site/format.ts';

/** The `data-config` of a <stunting-map>. */
export interface Config {
  level: Level;
  period: string;
  indicator: string;
  lang: Lang;
  parent: string | null;
  /** A province site's kab/kota whose own boundary and value files the map reads (absent: the region-wide files). */
  scope?: string;
  highlight: string | null;
  data: string;
  areaHref: string;
  basemap: string | null;
  basemapAttribution: string | null;
  explorer: boolean;
  /** The indicators: id and name; the explorer's are descriptors (map-indicator.ts) with kind, classes and periods. */
  indicators: ({ id: string; label: string } & Partial<MapIndicator>)[];
  periods: string[];
  levels: MapLevel[];
  /** Weak data-quality areas per period: code → 'lemah' | 'sangat_lemah' (marked in tooltip, table, legend). */
  quality?: Record<string, Record<string, string>>;
  /** Explorer on a static state page (/peta/<tingkat>/<indikator>/<periode>/): the site's default view, against which
   * the query is written, and the explorer's own path, where a changed view's query is written. */
  siteDefaults?: { level: MapLevel; indicator: string; period: string };
  explorerPath?: string;
}

export const W = {
  id: {
    open: 'Buka halaman wilayah',
    map: 'Peta interaktif. Panah: pindah antar wilayah; Enter: buka halaman wilayah; + dan −: perbesar atau perkecil; 0: seluruh wilayah.',
    failed: 'Peta interaktif tidak dapat dimuat; peta statis tetap ditampilkan.',
    kab: 'kabupaten/kota',
    kec: 'kecamatan',
    desa: 'desa/kelurahan',
    coop: { win: 'Tekan Ctrl sambil menggulir untuk memperbesar peta', mac: 'Tekan ⌘ sambil menggulir untuk memperbesar peta', mobile: 'Geser peta dengan dua jari' },
    invalid: 'Parameter URL tidak valid, memakai bawaan:',
  },
  en: {
    open: 'Open the area’s page',
    map: 'Interactive map. Arrow keys: move between areas; Enter: open the area’s page; + and −: zoom; 0: whole region.',
    failed: 'The interactive map could not be loaded; the static map is shown.',
    kab: 'regency/city',
    kec: 'district',
    desa: 'village',
    coop: { win: 'Use Ctrl + scroll to zoom the map', mac: 'Use ⌘ + scroll to zoom the map', mobile: 'Use two fingers to move the map' },
    invalid: 'Invalid URL parameter, using the default:',
  },
} as const;
