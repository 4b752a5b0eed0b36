/**
 * View model of the choropleth (src/components/ChoroplethMap.astro): the static SVG map of one indicator for the
 * areas of one level in one period (paths fitted to the width, an area whose rings all collapsed in the
 * simplification drawn at full detail, kecamatan borders and the outline over it, the highlighted area, desa lokus
 * dots), its caption, summary, legend counts, table rows and the configuration the interactive map reads. Pure: the
 * component loads the contract data and renders what comes out.
 */
import type { Topology } from 'topojson-specification';
import type { Level } from '../types.ts';
import type { AreaJson, Meta } from './contract.ts';
import { mapGeometry, type GeometryArea, type GeometryKey } from './map-geometry.ts';
import { legendCounts, mapRows, summaryText, tooltipLines, uncertainLegendCount, weakAreas, type MapRow, type WeakGrade } from './map-model.ts';
import { levelOfCode } from '../areas.ts';
import { legendModel, type LegendKey } from './thresholds.ts';
import { idOf, legendNote, scaleOf, type CellsByCode, type MapIndicator, type MapIndicatorRef } from './map-indicator.ts';
import { pathClasses, patternDefs, tableRowsHtml } from './map-html.ts';
import { mapLevels } from './map-state.ts';
import { formatPeriod, type Lang } from './format.ts';
import { localePath, pick } from './i18n.ts';
import { t, texts, type StringKey } from '../i18n/strings.ts';

/** The props of ChoroplethMap.astro. */
export interface ChoroplethProps {
  level: Level;
  period: string;
  /** A z-score indicator id, or the descriptor of what the map draws (map-indicator.ts; the explorer passes one). */
  indicator: MapIndicatorRef;
  lang: Lang;
  /** Explorer: every indicator it offers (descriptors, for the interactive map's controls). */
  indicators?: readonly MapIndicator[];
  /** Code of an area to emphasise (locator map on area pages). */
  highlight?: string | null;
  /** Show only the children of this code (e.g. the desa of one kecamatan), fitted to them. */
  parent?: string | null;
  /** Upgrade to the zoomable MapLibre map on demand (default true). */
  interactive?: boolean;
  /** Show the legend (default true). */
  legend?: boolean;
  /** Show the table of areas in a <details> under the map (default true; the explorer renders its own). */
  table?: boolean;
  /** Caption above the map; a default names indicator, level and period. */
  caption?: string;
  /** Width of the SVG coordinate system (the SVG scales to its container). */
  width?: number;
  /** Optional raster basemap tiles for the interactive map (`https://.../{z}/{x}/{y}.png`); none by default. */
  basemap?: string | null;
  /** Attribution of the basemap. */
  basemapAttribution?: string | null;
  /** Explorer mode: the client also drives the controls, table and URL found inside the element. */
  explorer?: boolean;
  /** Share of boundary points kept in the static SVG (Visvalingam, topology-preserving); 1 = all. */
  detail?: number;
  /** DOM id of the figure. */
  id?: string;
  /** Start coloured by the smoothed figures. */
  smoothed?: boolean;
  /** Compact locator on an area page (at most 20rem wide, legend in one column). */
  locator?: boolean;
  /** Explorer on a static state page: the site's default state (the URL query is written relative to it) and the
   * path of the explorer (`/peta/`) the query is written to once the reader changes the view. */
  explorerDefaults?: { level: Level; indicator: string; period: string };
  explorerPath?: string;
}

/** The contract data a choropleth is drawn from (loaded by the component). */
export interface ChoroplethData {
  meta: Meta;
  areas: AreaJson[];
  /** Values of the level and period (`map/<level>/<period>.json`, or a convergence indicator's through mapCells()). */
  values: CellsByCode;
  /** Boundaries of the level (within the scope). */
  topology: Topology;
  /** The kab/kota whose own files the map reads on a province site (mapScope), else null. */
  scope?: string | null;
  /** `quality.json`'s `areas`, or null without a quality report. */
  qualityAreas: unknown;
  /** The site's base path (`import.meta.env.BASE_URL`). */
  base: string;
}

/** One legend under the map: the raw figures, or the smoothed ones. */
export interface ChoroplethLegend {
  counts: Record<LegendKey, number>;
  uncertainCount: number | null;
  variant: 'raw' | 'smoothed' | null;
}

type Shape = GeometryArea & { row: MapRow | undefined };
/** quality.json's `areas`: code → period → status and grade. */
type QualityAreas = Parameters<typeof weakAreas>[0];

/** The SVG paths of the mapped areas and the border, highlight and lokus marks over them (the geometry is shared
 * by every map of the same shape: map-geometry.ts). */
function mapShapes(p: GeometryKey & { highlight: string | null }, topology: Topology, byCode: ReadonlyMap<string, MapRow>, rows: readonly MapRow[]) {
  const g = mapGeometry(topology, { level: p.level, root: p.root, parent: p.parent, detail: p.detail, width: p.width });
  const shapes: Shape[] = [];
  for (const s of g.areas) {
    const row = byCode.get(s.code);
    if (s.d && row) shapes.push({ ...s, row });
  }
  // An area whose rings all collapsed in the simplification is drawn from the full-detail geometry instead.
  const drawn = new Set(shapes.map((s) => s.code));
  const missingCodes = new Set(rows.map((r) => r.code).filter((c) => !drawn.has(c)));
  if (missingCodes.size && p.detail < 1) for (const s of g.fullDetail()) if (missingCodes.has(s.code)) shapes.push({ ...s, row: byCode.get(s.code) });
  const hl = p.highlight ? shapes.find((s) => s.code === p.highlight) : undefined;
  const lokus = p.level === 'desa' ? shapes.filter((s) => s.row!.lokus) : [];
  return { viewBox: g.viewBox, height: g.height, shapes, inner: g.inner, outer: g.outer, hl, lokus };
}

/** The SVG's inner markup: pattern definitions, one linked path per area with its tooltip as <title>, borders,
 * highlight and lokus dots. */
function svgMarkup(m: ReturnType<typeof mapShapes>, areaHref: (code: string) => string, o: { indicatorLabel: string; indicator: MapIndicatorRef; lang: Lang }): string {
  const { shapes, inner, outer, hl, lokus } = m;
  return (
    patternDefs() +
    shapes
      .map((p) => {
        const r = p.row!;
        const t = tooltipLines(r, o.indicatorLabel, o.indicator, o.lang).join(' · ');
        return `<a class="a" href="${areaHref(p.code)}" tabindex="-1" data-code="${p.code}"><path class="${pathClasses(r)}" d="${p.d}"/><title>${t.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</title></a>`;
      })
      .join('') +
    (inner !== null ? `<path class="kb" d="${inner}"/>` : '') +
    (outer !== null ? `<path class="ob" d="${outer}"/>` : '') +
    (hl ? `<path class="hl" d="${hl.d}"/>` : '') +
    lokus.map((p) => `<circle class="lk" cx="${Math.round(p.centroid[0])}" cy="${Math.round(p.centroid[1])}" r="3.5"/>`).join('')
  );
}

/** The component's own words (table headings, loading status, hints): its name → the key in the string table. */
const LABELS = {
  table: 'mapShowTable',
  area: 'area',
  kec: 'mapColKecamatan',
  prev: 'mapColPrevalence',
  ci: 'ci95',
  n: 'mapColChildren',
  cls: 'mapColClass',
  loading: 'mapLoading',
  hint: 'mapHint',
  load: 'mapLoad',
  liteHint: 'mapLiteHint',
  smoothed: 'mapSmoothedToggle',
} as const satisfies Record<string, StringKey>;

/** The word for the areas of a level in a caption ("desa/kelurahan" / "village"). */
const LEVEL_WORD: Record<Level, StringKey> = { desa: 'desaKelurahanWord', kecamatan: 'kecamatanWord', kabupaten: 'kabupatenWord', provinsi: 'provinsiWord' };

/** The component's props with their defaults. */
function withDefaults(props: ChoroplethProps) {
  const { level, parent = null } = props;
  return {
    ...props,
    highlight: props.highlight ?? null,
    parent,
    interactive: props.interactive ?? true,
    legend: props.legend ?? true,
    table: props.table ?? true,
    width: props.width ?? 800,
    explorer: props.explorer ?? false,
    detail: props.detail ?? 0.25,
    id: props.id ?? `peta-${level}-${(parent ?? 'all').replace(/\./g, '-')}`,
    locator: props.locator ?? false,
    smoothed: props.smoothed ?? false,
  };
}

/** Everything ChoroplethMap.astro renders, from its props and the contract data. */
export function choroplethView(props: ChoroplethProps, data: ChoroplethData) {
  const p = withDefaults(props);
  const { level, period, indicator, lang, parent, explorer, width } = p;
  const { meta, areas, base } = data;
  const indicatorLabel = typeof indicator === 'string' ? pick(meta.indicators.find((i) => i.id === indicator)?.label, lang) || indicator : indicator.label;
  const periodLabel = formatPeriod(period, lang);
  const parentNames: Record<string, string> = {};
  for (const a of areas) if (a.level !== 'desa') parentNames[a.code] = a.name;

  // Weak data quality (lemah, sangat lemah) is marked in the table, the legend and the tooltips.
  const qualityAreas = (data.qualityAreas ?? null) as QualityAreas;
  const weak = weakAreas(qualityAreas, period);
  const rows: MapRow[] = mapRows({ areas, values: data.values, indicator, level, period, parent, parentNames: level === 'desa' ? parentNames : undefined, quality: weak });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const shapes = mapShapes({ ...p, root: meta.levels[0] }, data.topology, byCode, rows);
  const areaHref = (code: string) => localePath(`/wilayah/${code}/`, lang, base);

  const counts = legendCounts(indicator, rows);
  // The smoothed colouring (a checkbox, CSS-only; the client carries it in the URL as ?nilai=terhaluskan).
  const hasSmoothed = rows.some((r) => r.smoothed !== null);
  const model = legendModel(scaleOf(indicator), lang, counts);
  const summary = summaryText(rows, { indicator, indicatorLabel, level, periodLabel, lang, legend: model.items });
  const title = p.caption ?? t(lang, 'mapCaption', { indicator: indicatorLabel, level: t(lang, LEVEL_WORD[level]), period: periodLabel });
  const legends: ChoroplethLegend[] = [{ counts, uncertainCount: uncertainLegendCount(indicator, rows), variant: hasSmoothed ? 'raw' : null }];
  if (hasSmoothed) legends.push({ counts: legendCounts(indicator, rows, true), uncertainCount: uncertainLegendCount(indicator, rows, true), variant: 'smoothed' });
  return {
    ...p,
    title,
    T: texts(lang, LABELS),
    summary,
    legendNote: legendNote(indicator, period, lang, model.note),
    hasSmoothed,
    legends,
    // The highlighted area (a locator map's own) without a shape: said in words instead of drawn.
    noShape: p.highlight && !shapes.hl ? t(lang, 'mapNoShape', { name: byCode.get(p.highlight)?.name ?? p.highlight }) : null,
    lokusCount: level === 'desa' ? shapes.lokus.length : null,
    weakCount: p.table || explorer ? rows.filter((r) => r.quality).length : null,
    viewBox: shapes.viewBox,
    height: shapes.height,
    svgHtml: svgMarkup(shapes, areaHref, { indicatorLabel, indicator, lang }),
    tableRowsHtml: p.table ? tableRowsHtml(rows, { lang, indicator, href: areaHref, withParent: level === 'desa' }) : '',
    config: mapConfig(p, data, shapes.height, qualityAreas),
  };
}

/** The interactive map's configuration (`data-config`, read by src/client/map-gl/config.ts). */
function mapConfig(p: ReturnType<typeof withDefaults>, data: ChoroplethData, height: number, qualityAreas: QualityAreas) {
  const { level, period, indicator, lang, parent, highlight, explorer, width } = p;
  const { meta, base } = data;
  return {
    level,
    period,
    indicator: idOf(indicator),
    lang,
    parent,
    highlight,
    ...(data.scope ? { scope: data.scope } : {}),
    data: `${base.replace(/\/?$/, '/')}data/v1/`,
    areaHref: localePath('/wilayah/', lang, base),
    // The configured basemap (meta.json) unless the caller gives one.
    basemap: p.basemap ?? meta.basemap?.tiles ?? null,
    basemapAttribution: p.basemapAttribution ?? meta.basemap?.attribution ?? null,
    explorer,
    // The explorer's descriptors (with the convergence indicators); other maps: the z-score ids and names.
    indicators: p.indicators ?? meta.indicators.map((i) => ({ id: i.id, label: pick(i.label, lang) })),
    periods: meta.periods,
    levels: mapLevels(meta.levels),
    width,
    height,
    // Weak-quality areas per period (the explorer can switch period; other maps need only theirs).
    siteDefaults: p.explorerDefaults,
    explorerPath: p.explorerPath,
    // Only the areas this map can show: a province's report has ≈9,200 areas, 139 KB on every explorer page.
    quality: Object.fromEntries((explorer ? meta.periods : [period]).map((q) => [q, shownOnly(weakAreas(qualityAreas, q))])),
  };
  function shownOnly(weak: Record<string, WeakGrade>): Record<string, WeakGrade> {
    const levels = new Set<string>(explorer ? mapLevels(meta.levels) : [level]);
    const within = [data.scope, parent].filter((c): c is string => !!c).map((c) => `${c}.`);
    const out: Record<string, WeakGrade> = {};
    for (const [code, g] of Object.entries(weak)) if (levels.has(levelOfCode(code) ?? '') && within.every((w) => code.startsWith(w))) out[code] = g;
    return out;
  }
}
