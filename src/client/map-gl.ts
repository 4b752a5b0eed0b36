/**
 * The interactive map, loaded on demand by <stunting-map> (src/client/map.ts): MapLibre with a blank style (a
 * background layer only: no tiles, glyphs or sprites, so no request leaves the site unless a basemap is configured),
 * one GeoJSON source built from the published TopoJSON with `promoteId: 'code'`, the fill from the one colour source
 * (thresholds.ts), hover and keyboard focus through feature-state, a tooltip with name, value, CI, n and status in
 * words. In the explorer it also drives the controls, legend, summary, table and URL state.
 *
 * Keyboard (on the map canvas): ← → ↑ ↓ move between areas (in code order), Home/End first/last, Enter opens the
 * area's page, + / − zoom, 0 refits, Esc clears. Mouse: hover shows the tooltip, click opens the page. Touch:
 * cooperative gestures (two fingers move the map), a tap shows the tooltip with a link to the page.
 */
import type { Map as MlMap, GeoJSONSource, MapLayerMouseEvent, StyleSpecification, FilterSpecification } from 'maplibre-gl';
// Vite emits the self-contained worker file and the stylesheet as assets and gives their URLs: MapLibre v6 needs
// setWorkerUrl() in bundlers, and a stylesheet link (instead of a CSS import, which Astro would inline into every
// page) keeps MapLibre's CSS off pages until the map loads.
// @ts-ignore -- Vite `?url` import, typed by Vite's client types
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// @ts-ignore -- Vite `?url` import
import cssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { IndicatorId, Level } from '../lib/types.ts';
import type { AreaJson, MapValuesJson } from '../lib/site/contract.ts';
import {
  legendModel,
  maplibreFillExpression,
  NOT_MEASURED,
  NOT_MEASURED_PATTERN_ID,
  STROKE,
  SUPPRESSED,
  SUPPRESSED_PATTERN_ID,
} from '../lib/site/thresholds.ts';
import { legendCounts, mapRows, summaryText, tooltipLines, uncertainCount, type MapRow } from '../lib/site/map-model.ts';
import { legendHtml, tableRowsHtml, UNCERTAIN_OPACITY } from '../lib/site/map-html.ts';
import { fromQuery, toQuery, type MapState, type MapStateOptions, type MapLevel } from '../lib/site/map-state.ts';
import { boundsOf, labelPoint } from '../lib/site/map-geo.ts';
import { formatPeriod, type Lang } from '../lib/site/format.ts';

type MapLibre = typeof import('maplibre-gl');
let maplibre: Promise<MapLibre> | null = null;
/** MapLibre (its own chunk) and its stylesheet, loaded once. */
function loadMapLibre(): Promise<MapLibre> {
  if (!maplibre) {
    const css = new Promise<void>((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = cssUrl as string;
      link.onload = link.onerror = () => resolve();
      document.head.append(link);
    });
    maplibre = Promise.all([import('maplibre-gl'), css]).then(([ml]) => {
      ml.setWorkerUrl(workerUrl as string);
      return ml;
    });
  }
  return maplibre;
}

interface Config {
  level: Level;
  period: string;
  indicator: IndicatorId;
  lang: Lang;
  parent: string | null;
  highlight: string | null;
  data: string;
  areaHref: string;
  basemap: string | null;
  basemapAttribution: string | null;
  explorer: boolean;
  indicators: { id: IndicatorId; label: string }[];
  periods: string[];
  levels: MapLevel[];
  /** Weak data-quality areas per period: code → 'lemah' | 'sangat_lemah' (marked in tooltip, table, legend). */
  quality?: Record<string, Record<string, string>>;
  /** Explorer on a static state page (/peta/<tingkat>/<indikator>/<periode>/): the site's default view, against which
   * the query is written, and the explorer's own path, where a changed view's query is written. */
  siteDefaults?: { level: MapLevel; indicator: IndicatorId; period: string };
  explorerPath?: string;
}

const W = {
  id: {
    open: 'Buka halaman wilayah',
    map: 'Peta interaktif. Panah: pindah antar wilayah; Enter: buka halaman wilayah; + dan −: perbesar atau perkecil; 0: seluruh wilayah.',
    failed: 'Peta interaktif tidak dapat dimuat; peta statis tetap ditampilkan.',
    kec: 'kecamatan',
    desa: 'desa/kelurahan',
    coop: { win: 'Tekan Ctrl sambil menggulir untuk memperbesar peta', mac: 'Tekan ⌘ sambil menggulir untuk memperbesar peta', mobile: 'Geser peta dengan dua jari' },
    invalid: 'Parameter URL tidak valid, memakai bawaan:',
  },
  en: {
    open: 'Open the area’s page',
    map: 'Interactive map. Arrow keys: move between areas; Enter: open the area’s page; + and −: zoom; 0: whole region.',
    failed: 'The interactive map could not be loaded; the static map is shown.',
    kec: 'district',
    desa: 'village',
    coop: { win: 'Use Ctrl + scroll to zoom the map', mac: 'Use ⌘ + scroll to zoom the map', mobile: 'Use two fingers to move the map' },
    invalid: 'Invalid URL parameter, using the default:',
  },
} as const;

const cache = new Map<string, Promise<unknown>>();
function getJson<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${url}`);
      return r.json();
    });
    cache.set(url, p);
  }
  return p as Promise<T>;
}

/** A small raster pattern as MapLibre image data (so no sprite request). */
function patternImage(kind: 'hatch' | 'dots'): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const bg = hex(kind === 'hatch' ? SUPPRESSED.fill : NOT_MEASURED.fill);
  const fg = hex(kind === 'hatch' ? SUPPRESSED.hatch : NOT_MEASURED.dot);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = kind === 'hatch' ? (x + y) % size < 2 : (x === 3 || x === 4) && (y === 3 || y === 4);
      const c = on ? fg : bg;
      data.set([c[0], c[1], c[2], 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

type Rows = { rows: MapRow[]; byCode: Map<string, MapRow> };

class InteractiveMap {
  el: HTMLElement;
  cfg: Config;
  lang: Lang;
  state: MapState;
  stateOptions: MapStateOptions;
  map!: MlMap;
  frame: HTMLElement;
  box!: HTMLDivElement;
  tip!: HTMLDivElement;
  live!: HTMLParagraphElement;
  hoveredId: string | null = null;
  selectedId: string | null = null;
  rows: Rows = { rows: [], byCode: new Map() };
  order: string[] = [];
  points = new Map<string, [number, number]>();
  geoms = new Map<string, Geometry>();
  areas: AreaJson[] = [];
  lastPointer = 'mouse';
  renderToken = 0;

  constructor(el: HTMLElement) {
    this.el = el;
    this.cfg = JSON.parse(el.dataset.config ?? '{}') as Config;
    this.lang = this.cfg.lang === 'en' ? 'en' : 'id';
    this.frame = el.querySelector<HTMLElement>('[data-map-frame]')!;
    this.stateOptions = {
      periods: this.cfg.periods,
      indicators: this.cfg.indicators.map((i) => i.id),
      levels: this.cfg.levels,
      defaults: this.cfg.siteDefaults ?? { level: this.cfg.level as MapLevel, indicator: this.cfg.indicator, period: this.cfg.period },
    };
    this.state = { level: this.cfg.level as MapLevel, indicator: this.cfg.indicator, period: this.cfg.period, area: this.cfg.highlight };
  }

  async mount(): Promise<void> {
    const cfg = this.cfg;
    const [ml, areas] = await Promise.all([loadMapLibre(), getJson<AreaJson[]>(`${cfg.data}areas.json`)]);
    this.areas = areas;
    if (cfg.explorer) {
      this.stateOptions.areas = new Set(this.areas.map((a) => a.code));
      // Keys missing from the query mean the view this page rendered (a static state page has no query).
      const { state, invalid } = fromQuery(location.search, { ...this.stateOptions, defaults: this.rendered() });
      if (invalid.length) console.warn(W[this.lang].invalid, invalid.join(', '));
      this.state = state;
      this.syncControls();
      const box = this.smoothBox();
      if (box && state.smoothed) box.checked = true;
    }
    const { geo, lines } = await this.load();
    const c = this.cfg;
    if (c.explorer && (this.state.level !== c.level || this.state.indicator !== c.indicator || this.state.period !== c.period)) this.renderTexts();

    this.box = document.createElement('div');
    this.box.className = 'chm-gl';
    this.frame.append(this.box);
    const style: StyleSpecification = {
      version: 8,
      sources: {},
      layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f5f7' } }],
    };
    if (cfg.basemap) {
      style.sources.basemap = { type: 'raster', tiles: [cfg.basemap], tileSize: 256, attribution: cfg.basemapAttribution ?? '' };
      style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.6 } });
    }
    const bounds = boundsOf(geo.features.map((f) => f.geometry))!;
    const w = W[this.lang];
    this.map = new ml.Map({
      container: this.box,
      style,
      bounds,
      fitBoundsOptions: { padding: 12 },
      attributionControl: cfg.basemap ? { compact: true } : false,
      cooperativeGestures: true,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      keyboard: false,
      renderWorldCopies: false,
      maxZoom: 16,
      locale: {
        'CooperativeGesturesHandler.WindowsHelpText': w.coop.win,
        'CooperativeGesturesHandler.MacHelpText': w.coop.mac,
        'CooperativeGesturesHandler.MobileHelpText': w.coop.mobile,
      },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
    const canvas = this.map.getCanvas();
    canvas.setAttribute('aria-label', w.map);
    canvas.setAttribute('role', 'application');
    this.ensureLive();

    this.tip = document.createElement('div');
    this.tip.className = 'chm-tip';
    this.tip.hidden = true;
    this.frame.append(this.tip);

    await new Promise<void>((resolve, reject) => {
      this.map.once('load', () => resolve());
      this.map.once('error', (e) => reject((e as unknown as { error?: Error }).error ?? new Error('map error')));
    });
    this.map.addImage(SUPPRESSED_PATTERN_ID, patternImage('hatch'));
    this.map.addImage(NOT_MEASURED_PATTERN_ID, patternImage('dots'));
    this.addLayers(geo, lines);
    this.bindEvents();
    this.map.once('idle', () => {
      this.el.classList.add('chm-live');
      // The frame was a focus stop only to trigger loading; the canvas takes over (one tab stop, focus kept).
      const hadFocus = document.activeElement === this.frame;
      this.frame.removeAttribute('tabindex');
      this.frame.removeAttribute('role');
      this.frame.removeAttribute('aria-label');
      if (hadFocus) this.map.getCanvas().focus();
      this.el.setAttribute('data-map-ready', '');
      const status = this.el.querySelector<HTMLElement>('[data-map-status]');
      if (status) status.hidden = true;
      // An embed opens with the area outlined but no tooltip over the map (it would hide the map in an article).
      const quiet = !!this.el.closest('[data-embed-kind]');
      if (this.state.area && this.rows.byCode.has(this.state.area)) this.select(this.state.area, { move: true, announce: false, tip: !quiet });
      this.el.dispatchEvent(new CustomEvent('map-ready', { bubbles: true }));
    });
  }

  ensureLive(): HTMLParagraphElement {
    if (!this.live) {
      this.live = document.createElement('p');
      this.live.className = 'visually-hidden';
      this.live.id = `${this.el.id || 'peta'}-live`;
      this.live.setAttribute('aria-live', 'polite');
      this.live.dataset.mapLive = '';
      this.el.append(this.live);
    }
    return this.live;
  }

  /** Fetches geometry and values for the current state and builds the rows and the GeoJSON. */
  async load(): Promise<{ geo: FeatureCollection; lines: FeatureCollection }> {
    const { level, period, indicator } = this.state;
    const [topo, values] = await Promise.all([
      getJson<Topology>(`${this.cfg.data}boundaries/${level}.topo.json`),
      getJson<MapValuesJson>(`${this.cfg.data}map/${level}/${period}.json`),
    ]);
    const parent = this.cfg.explorer ? null : this.cfg.parent;
    const parentNames: Record<string, string> = {};
    for (const a of this.areas) if (a.level !== 'desa') parentNames[a.code] = a.name;
    const rows = mapRows({ areas: this.areas, values: values.values, indicator, level, period, parent, parentNames: level === 'desa' ? parentNames : undefined, quality: this.cfg.quality?.[period] });
    this.rows = { rows, byCode: new Map(rows.map((r) => [r.code, r])) };
    this.order = rows.map((r) => r.code);
    const obj = topo.objects[level] as GeometryCollection;
    const all = feature(topo, obj) as FeatureCollection;
    this.geoms.clear();
    this.points.clear();
    const features: Feature[] = [];
    for (const f of all.features) {
      const code = String(f.id);
      const r = this.rows.byCode.get(code);
      if (!r || !f.geometry) continue;
      this.geoms.set(code, f.geometry);
      const pt = labelPoint(f.geometry);
      if (pt) this.points.set(code, pt);
      features.push({
        type: 'Feature',
        geometry: f.geometry,
        properties: { code, value: r.value, status: r.status, lokus: r.lokus ? 1 : 0, smoothed: r.smoothed, u: r.uncertain ? 1 : 0, su: r.smoothedUncertain ? 1 : 0 },
      });
    }
    const keep = (g: { id?: string | number }) => !parent || String(g.id).startsWith(`${parent}.`);
    const lineFeatures: Feature[] = [
      { type: 'Feature', properties: { kind: 'outer' }, geometry: mesh(topo, obj, (a, b) => a === b && keep(a)) },
    ];
    if (level === 'desa' && !parent) {
      lineFeatures.push({
        type: 'Feature',
        properties: { kind: 'inner' },
        geometry: mesh(topo, obj, (a, b) => a !== b && String(a.id).slice(0, 8) !== String(b.id).slice(0, 8)),
      });
    }
    return { geo: { type: 'FeatureCollection', features }, lines: { type: 'FeatureCollection', features: lineFeatures } };
  }

  lokusPoints(): FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: this.rows.rows
        .filter((r) => r.lokus && this.points.has(r.code))
        .map((r) => ({ type: 'Feature', properties: { code: r.code }, geometry: { type: 'Point', coordinates: this.points.get(r.code)! } })),
    };
  }

  addLayers(geo: FeatureCollection, lines: FeatureCollection): void {
    const m = this.map;
    const { indicator } = this.state;
    m.addSource('areas', { type: 'geojson', data: geo, promoteId: 'code' });
    m.addSource('lines', { type: 'geojson', data: lines });
    m.addSource('lokus', { type: 'geojson', data: this.lokusPoints() });
    m.addLayer({ id: 'area-fill', type: 'fill', source: 'areas', paint: { 'fill-color': this.fillColor(indicator) as never, 'fill-opacity': this.fillOpacity() as never } });
    m.addLayer({ id: 'area-suppressed', type: 'fill', source: 'areas', filter: ['==', ['get', 'status'], 'suppressed'], paint: { 'fill-pattern': SUPPRESSED_PATTERN_ID } });
    m.addLayer({ id: 'area-notmeasured', type: 'fill', source: 'areas', filter: ['==', ['get', 'status'], 'not_measured'], paint: { 'fill-pattern': NOT_MEASURED_PATTERN_ID } });
    m.addLayer({ id: 'area-line', type: 'line', source: 'areas', paint: { 'line-color': STROKE.area, 'line-width': 0.6 } });
    m.addLayer({ id: 'group-line', type: 'line', source: 'lines', paint: { 'line-color': STROKE.parent, 'line-width': ['case', ['==', ['get', 'kind'], 'outer'], 1.4, 1] } });
    m.addLayer({
      id: 'area-focus',
      type: 'line',
      source: 'areas',
      paint: {
        'line-color': STROKE.highlight,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'hover'], false], 2, 0],
      },
    });
    const hl = this.cfg.highlight;
    m.addLayer({
      id: 'area-highlight',
      type: 'line',
      source: 'areas',
      filter: (hl ? ['==', ['get', 'code'], hl] : ['==', 1, 0]) as FilterSpecification,
      paint: { 'line-color': STROKE.highlight, 'line-width': 2.5 },
    });
    m.addLayer({ id: 'lokus', type: 'circle', source: 'lokus', paint: { 'circle-radius': 3.5, 'circle-color': STROKE.lokus, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
  }

  /** The "colour by smoothed figures" checkbox of this map, if any. */
  smoothBox(): HTMLInputElement | null {
    return this.el.querySelector<HTMLInputElement>('input[data-map-smooth]');
  }

  /** True while the map is coloured by the smoothed figures. */
  smoothedOn(): boolean {
    return !!this.smoothBox()?.checked;
  }

  /** Fill colour by the raw or the smoothed value of each feature. */
  fillColor(indicator: string): unknown[] {
    return maplibreFillExpression(indicator, this.smoothedOn() ? 'smoothed' : 'value');
  }

  /** A lighter tone where the shown figure's 95% interval spans more than one class (as the static map). */
  fillOpacity(): unknown[] {
    return ['case', ['==', ['get', this.smoothedOn() ? 'su' : 'u'], 1], UNCERTAIN_OPACITY, 1];
  }

  paintFill(): void {
    this.map.setPaintProperty('area-fill', 'fill-color', this.fillColor(this.state.indicator) as never);
    this.map.setPaintProperty('area-fill', 'fill-opacity', this.fillOpacity() as never);
  }

  bindEvents(): void {
    const m = this.map;
    this.smoothBox()?.addEventListener('change', () => {
      this.state.smoothed = this.smoothedOn();
      this.paintFill();
      this.renderTexts();
      this.writeUrl();
    });
    const canvas = m.getCanvas();
    canvas.addEventListener('pointerdown', (e) => (this.lastPointer = e.pointerType || 'mouse'), { passive: true });
    m.on('mousemove', 'area-fill', (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      const code = String(f.properties?.code ?? f.id);
      canvas.style.cursor = 'pointer';
      this.setHover(code);
      this.showTip(code, [e.point.x, e.point.y], false);
    });
    m.on('mouseleave', 'area-fill', () => {
      canvas.style.cursor = '';
      this.setHover(null);
      if (this.selectedId === null) this.hideTip();
      else this.placeTipAtArea(this.selectedId);
    });
    m.on('click', 'area-fill', (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      const code = String(f.properties?.code ?? f.id);
      if (this.lastPointer === 'touch' || this.lastPointer === 'pen') {
        // Touch has no hover: the first tap shows the tooltip with a link; a second tap on the same area opens it.
        if (this.selectedId === code) this.open(code);
        else this.select(code, { move: false, announce: true, at: [e.point.x, e.point.y] });
      } else this.open(code);
    });
    m.on('move', () => {
      if (this.selectedId !== null && this.hoveredId === null && !this.tip.hidden) this.placeTipAtArea(this.selectedId);
    });
    canvas.addEventListener('keydown', (e) => this.onKey(e));
    canvas.addEventListener('focus', () => {
      if (this.selectedId === null && this.order.length) this.announce(W[this.lang].map);
    });
    canvas.addEventListener('blur', () => {
      if (this.hoveredId === null) this.hideTip();
    });
    const form = this.el.querySelector<HTMLFormElement>('form[data-map-controls]');
    if (form) {
      form.addEventListener('change', () => void this.applyForm(form));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void this.applyForm(form);
      });
    }
  }

  onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const n = this.order.length;
    if (!n) return;
    const i = this.selectedId === null ? -1 : this.order.indexOf(this.selectedId);
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = i < 0 ? 0 : (i + 1) % n;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = i < 0 ? n - 1 : (i - 1 + n) % n;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'Enter':
        if (this.selectedId !== null) this.open(this.selectedId);
        else next = 0;
        break;
      case '+':
      case '=':
        this.map.zoomIn();
        break;
      case '-':
      case '_':
        this.map.zoomOut();
        break;
      case '0':
        this.fit();
        break;
      case 'Escape':
        this.select(null);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next !== null) this.select(this.order[next], { move: true, announce: true });
  }

  setHover(code: string | null): void {
    if (this.hoveredId === code) return;
    if (this.hoveredId !== null) this.map.setFeatureState({ source: 'areas', id: this.hoveredId }, { hover: false });
    this.hoveredId = code;
    if (code !== null) this.map.setFeatureState({ source: 'areas', id: code }, { hover: true });
  }

  /** Selects an area (keyboard focus, tap, URL): outline, tooltip, live announcement, table row, URL. */
  select(code: string | null, o: { move?: boolean; announce?: boolean; at?: [number, number]; tip?: boolean } = {}): void {
    if (this.selectedId !== null) this.map.setFeatureState({ source: 'areas', id: this.selectedId }, { selected: false });
    this.selectedId = code;
    this.el.querySelectorAll('tr.is-selected').forEach((r) => r.classList.remove('is-selected'));
    if (code === null) {
      this.hideTip();
      if (this.cfg.explorer) this.writeUrl();
      return;
    }
    this.map.setFeatureState({ source: 'areas', id: code }, { selected: true });
    this.el.querySelector(`tr[data-code="${CSS.escape(code)}"]`)?.classList.add('is-selected');
    if (o.move) this.reveal(code);
    if (o.tip === false) this.hideTip();
    else if (o.at) this.showTip(code, o.at, true);
    else this.placeTipAtArea(code);
    if (o.announce) this.announce(this.lines(code).join('. '));
    if (this.cfg.explorer) this.writeUrl();
  }

  /** Eases the camera so the area is in view (zooming in only if it is too small to see). */
  reveal(code: string): void {
    const g = this.geoms.get(code);
    const b = g && boundsOf([g]);
    if (!b) return;
    const m = this.map;
    const sw = m.project(b[0]);
    const ne = m.project(b[1]);
    const c = m.getContainer();
    const inView = sw.x >= 0 && ne.x <= c.clientWidth && ne.y >= 0 && sw.y <= c.clientHeight;
    const tiny = Math.abs(ne.x - sw.x) < 12 || Math.abs(sw.y - ne.y) < 12;
    if (inView && !tiny) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (tiny) m.fitBounds(b, { padding: 60, maxZoom: Math.max(m.getZoom(), 12), animate: !reduce });
    else m.easeTo({ center: this.points.get(code) ?? b[0], animate: !reduce });
  }

  fit(): void {
    const b = boundsOf(this.geoms.values());
    if (b) this.map.fitBounds(b, { padding: 12 });
  }

  lines(code: string): string[] {
    const r = this.rows.byCode.get(code);
    if (!r) return [];
    const label = this.cfg.indicators.find((i) => i.id === this.state.indicator)?.label ?? this.state.indicator;
    return tooltipLines(r, label, this.state.indicator, this.lang);
  }

  showTip(code: string, at: [number, number], withLink: boolean): void {
    const lines = this.lines(code);
    if (!lines.length) return this.hideTip();
    const tip = this.tip;
    tip.replaceChildren();
    const strong = document.createElement('strong');
    strong.textContent = lines[0];
    tip.append(strong);
    for (const l of lines.slice(1)) {
      const d = document.createElement('div');
      d.textContent = l;
      if (l.startsWith('⚠')) d.className = 'chm-tq';
      tip.append(d);
    }
    if (withLink || this.selectedId === code) {
      const a = document.createElement('a');
      a.href = `${this.cfg.areaHref}${code}/`;
      a.textContent = `${W[this.lang].open} →`;
      tip.append(a);
    }
    tip.hidden = false;
    // Keep the tooltip inside the frame: flip to the left / above near the edges.
    const fw = this.frame.clientWidth;
    const fh = this.frame.clientHeight;
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    const x = at[0] + 14 + tw > fw ? Math.max(4, at[0] - 14 - tw) : at[0] + 14;
    const y = at[1] + 14 + th > fh ? Math.max(4, at[1] - 14 - th) : at[1] + 14;
    tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  placeTipAtArea(code: string): void {
    const p = this.points.get(code);
    if (!p) return;
    const pt = this.map.project(p);
    this.showTip(code, [pt.x, pt.y], true);
  }

  hideTip(): void {
    if (this.tip) this.tip.hidden = true;
  }

  announce(text: string): void {
    const live = this.ensureLive();
    live.textContent = text;
  }

  open(code: string): void {
    const href = `${this.cfg.areaHref}${code}/`;
    // In an embed the area page opens in the reader's window, not inside the host's iframe.
    if (window.top !== window) window.open(href, '_top');
    else location.href = href;
  }

  // ---- explorer ----

  syncControls(): void {
    const form = this.el.querySelector<HTMLFormElement>('form[data-map-controls]');
    if (!form) return;
    const set = (name: string, value: string) => {
      const el = form.elements.namedItem(name);
      if (el instanceof RadioNodeList) el.value = value;
      else if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) el.value = value;
    };
    set('tingkat', this.state.level);
    set('indikator', this.state.indicator);
    set('periode', this.state.period);
  }

  async applyForm(form: HTMLFormElement): Promise<void> {
    const fd = new FormData(form);
    const q = new URLSearchParams();
    for (const k of ['tingkat', 'indikator', 'periode']) q.set(k, String(fd.get(k) ?? ''));
    const { state } = fromQuery(q, this.stateOptions);
    const levelChanged = state.level !== this.state.level;
    this.state = { ...state, area: levelChanged ? null : this.state.area };
    await this.redraw(levelChanged);
  }

  async redraw(refit: boolean): Promise<void> {
    const token = ++this.renderToken;
    this.setHover(null);
    const prevSel = this.selectedId;
    if (prevSel !== null) this.map.setFeatureState({ source: 'areas', id: prevSel }, { selected: false });
    this.selectedId = null;
    this.hideTip();
    const { geo, lines } = await this.load();
    if (token !== this.renderToken) return; // a newer change won
    const m = this.map;
    (m.getSource('areas') as GeoJSONSource).setData(geo);
    (m.getSource('lines') as GeoJSONSource).setData(lines);
    (m.getSource('lokus') as GeoJSONSource).setData(this.lokusPoints());
    this.paintFill();
    if (refit) this.fit();
    this.renderTexts();
    const keep = this.state.area && this.rows.byCode.has(this.state.area) ? this.state.area : null;
    m.once('idle', () => {
      if (keep) this.select(keep, { move: false });
      else this.writeUrl();
    });
  }

  renderTexts(): void {
    const { level, indicator, period } = this.state;
    const lang = this.lang;
    const rows = this.rows.rows;
    const label = this.cfg.indicators.find((i) => i.id === indicator)?.label ?? indicator;
    const counts = legendCounts(indicator, rows);
    const model = legendModel(indicator, lang, counts);
    const ul = this.el.querySelector('[data-map-legend]');
    if (ul) ul.innerHTML = legendHtml(model.items, lang, level === 'desa' ? rows.filter((r) => r.lokus).length : null, rows.filter((r) => r.quality).length, uncertainCount(rows));
    const uls = this.el.querySelector('[data-map-legend-s]');
    if (uls) {
      const sm = legendModel(indicator, lang, legendCounts(indicator, rows, true));
      uls.innerHTML = legendHtml(sm.items, lang, level === 'desa' ? rows.filter((r) => r.lokus).length : null, rows.filter((r) => r.quality).length, uncertainCount(rows, true));
    }
    const note = this.el.querySelector('[data-map-legend-note]');
    if (note) note.textContent = model.note;
    const pl = formatPeriod(period, lang);
    const lw = level === 'desa' ? W[lang].desa : W[lang].kec;
    const title = lang === 'id' ? `${label} per ${lw}, ${pl}` : `${label} by ${lw}, ${pl}`;
    for (const sel of ['[data-map-caption]', '[data-map-table-caption]']) {
      const c = this.el.querySelector(sel);
      if (c) c.textContent = title;
    }
    const summary = this.el.querySelector('[data-map-summary]');
    if (summary) summary.textContent = summaryText(rows, { indicator, indicatorLabel: label, level, periodLabel: pl, lang, legend: model.items });
    const tbody = this.el.querySelector('[data-map-tbody]');
    if (tbody) {
      tbody.innerHTML = tableRowsHtml(rows, { lang, indicator, href: (c) => `${this.cfg.areaHref}${c}/`, withParent: level === 'desa' });
      const th = this.el.querySelector<HTMLElement>('[data-col-parent]');
      if (th) th.hidden = level !== 'desa';
      this.el.dispatchEvent(new CustomEvent('map-table-updated', { bubbles: true }));
    }
  }

  /** The view this page rendered statically. */
  rendered(): MapState {
    return { level: this.cfg.level as MapLevel, indicator: this.cfg.indicator, period: this.cfg.period, area: null };
  }

  writeUrl(): void {
    this.state.area = this.selectedId;
    this.state.smoothed = this.smoothedOn();
    // On the rendered view, keep this page's path (a static state page stays itself); another view is written as
    // the explorer's query, which the explorer page reads on load.
    const r = this.rendered();
    const onRendered = this.state.level === r.level && this.state.indicator === r.indicator && this.state.period === r.period;
    const url = onRendered
      ? `${location.pathname}${toQuery(this.state, { ...this.stateOptions, defaults: r })}${location.hash}`
      : `${this.cfg.explorerPath ?? location.pathname}${toQuery(this.state, this.stateOptions)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      history.replaceState(history.state, '', url);
      // replaceState fires no event: the share and embed boxes (src/client/share.ts) follow this one.
      dispatchEvent(new Event('stunting:urlchange'));
    }
  }

  // ---- test hooks (used by the browser tests; cheap) ----

  /** Pixel position (CSS px, relative to the map canvas) of an area's label point. */
  pointOf(code: string): { x: number; y: number } | null {
    const p = this.points.get(code);
    if (!p) return null;
    const pt = this.map.project(p);
    return { x: pt.x, y: pt.y };
  }

  /** RGBA of the rendered map at CSS pixel (x, y), read right after the next frame is drawn. */
  readPixel(x: number, y: number): Promise<[number, number, number, number]> {
    return new Promise((resolve) => {
      this.map.once('render', () => {
        const c = this.map.getCanvas();
        const r = c.width / c.clientWidth;
        const tmp = document.createElement('canvas');
        tmp.width = 1;
        tmp.height = 1;
        const ctx = tmp.getContext('2d')!;
        ctx.drawImage(c, Math.round(x * r), Math.round(y * r), 1, 1, 0, 0, 1, 1);
        const d = ctx.getImageData(0, 0, 1, 1).data;
        resolve([d[0], d[1], d[2], d[3]]);
      });
      this.map.triggerRepaint();
    });
  }
}

/** Upgrades a <stunting-map> element: mounts MapLibre over the static SVG, which stays until the map is drawn. */
export async function upgrade(el: HTMLElement, _reason: string): Promise<void> {
  const im = new InteractiveMap(el);
  Object.assign(el, { stuntingMap: im });
  try {
    await im.mount();
  } catch (err) {
    im.box?.remove();
    im.tip?.remove();
    const status = el.querySelector<HTMLElement>('[data-map-status]');
    if (status) {
      status.textContent = W[im.lang].failed;
      status.hidden = false;
      setTimeout(() => (status.hidden = true), 6000);
    }
    throw err;
  }
}
