/**
 * The interactive map, loaded on demand by <stunting-map> (src/client/map.ts): MapLibre with a blank style, one
 * GeoJSON source built from the published TopoJSON with `promoteId: 'code'`, the fill from the one colour source
 * (thresholds.ts), hover and keyboard focus through feature-state, a tooltip with name, value, CI, n and status in
 * words. In the explorer it also drives the controls, legend, summary, table and URL state.
 *
 * This module holds the map's state and its life cycle; the jobs live beside it in src/client/map-gl/: loading
 * (fetch.ts), style and layers (style.ts), mouse, touch and keyboard (interaction.ts), tooltip and live region
 * (tooltip.ts), the explorer's controls, texts and URL (explorer.ts), and the page's configuration (config.ts).
 * Touch: cooperative gestures (two fingers move the map).
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { AreaJson } from '../lib/site/contract.ts';
import type { Topology } from 'topojson-specification';
import type { Geometry } from 'geojson';
import { mapRows, tooltipLines, type MapRow } from '../lib/site/map-model.ts';
import { lokusPoints, mapFeatures } from '../lib/site/map-features.ts';
import { boundaryFilePath, mapCells, mapFilePath, scaleOf, type CellsByCode, type MapIndicatorRef } from '../lib/site/map-indicator.ts';
import { parentColumnLevel, type MapState, type MapStateOptions, type MapLevel } from '../lib/site/map-state.ts';
import { boundsOf } from '../lib/site/map-geo.ts';
import type { Lang } from '../lib/site/format.ts';
import { W, type Config } from './map-gl/config.ts';
import { getJson, loadMapLibre } from './map-gl/fetch.ts';
import { addAreaLayers, createMap, type AreaData } from './map-gl/style.ts';
import { Tooltip, liveRegion } from './map-gl/tooltip.ts';
import { bindMapEvents } from './map-gl/interaction.ts';
import { bindControls, readUrlState, renderTexts, smoothedOn, writeUrl } from './map-gl/explorer.ts';

type Rows = { rows: MapRow[]; byCode: Map<string, MapRow> };

/** One interactive map over a <stunting-map> element (exposed as `el.stuntingMap` for share images and tests). */
export class InteractiveMap {
  el: HTMLElement;
  cfg: Config;
  lang: Lang;
  state: MapState;
  stateOptions: MapStateOptions;
  map!: MlMap;
  frame: HTMLElement;
  box!: HTMLDivElement;
  tip!: Tooltip;
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
      // A convergence indicator has figures in its own periods only.
      indicatorPeriods: Object.fromEntries(this.cfg.indicators.filter((i) => i.kind === 'coverage' && i.periods).map((i) => [i.id, i.periods!])),
      levels: this.cfg.levels,
      defaults: this.cfg.siteDefaults ?? { level: this.cfg.level as MapLevel, indicator: this.cfg.indicator, period: this.cfg.period },
    };
    this.state = { level: this.cfg.level as MapLevel, indicator: this.cfg.indicator, period: this.cfg.period, area: this.cfg.highlight };
  }

  async mount(): Promise<void> {
    const cfg = this.cfg;
    const [ml, areas] = await Promise.all([loadMapLibre(), getJson<AreaJson[]>(`${cfg.data}areas.json`)]);
    this.areas = areas;
    if (cfg.explorer) readUrlState(this);
    const data = await this.load();
    if (cfg.explorer && (this.state.level !== cfg.level || this.state.indicator !== cfg.indicator || this.state.period !== cfg.period)) renderTexts(this);

    this.box = document.createElement('div');
    this.box.className = 'chm-gl';
    this.frame.append(this.box);
    this.map = createMap(ml, this.box, cfg, boundsOf(data.geo.features.map((f) => f.geometry))!, this.lang);
    this.live ??= liveRegion(this.el);
    this.tip = new Tooltip(this.frame);

    await new Promise<void>((resolve, reject) => {
      this.map.once('load', () => resolve());
      this.map.once('error', (e) => reject((e as unknown as { error?: Error }).error ?? new Error('map error')));
    });
    addAreaLayers(this.map, data, { indicator: scaleOf(this.descriptor()), smoothed: smoothedOn(this), highlight: cfg.highlight });
    bindControls(this);
    bindMapEvents(this);
    this.map.once('idle', () => this.ready());
  }

  /** The map is drawn: it replaces the static SVG, takes the focus and opens on the area the URL or page names. */
  ready(): void {
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
  }

  /** Fetches geometry and values for the current state and builds the rows and the GeoJSON. */
  async load(): Promise<AreaData> {
    const { level, period } = this.state;
    const indicator = this.descriptor();
    const kind = typeof indicator === 'string' ? 'zscore' : indicator.kind;
    const scope = this.cfg.explorer ? null : (this.cfg.scope ?? null);
    const [topo, file] = await Promise.all([
      getJson<Topology>(`${this.cfg.data}${boundaryFilePath(level, scope)}`),
      getJson<{ values: CellsByCode }>(`${this.cfg.data}${mapFilePath(kind, level, period, scope)}`),
    ]);
    const values = { values: mapCells(kind, file.values) };
    const parent = this.cfg.explorer ? null : this.cfg.parent;
    const parentNames: Record<string, string> = {};
    for (const a of this.areas) if (a.level !== 'desa') parentNames[a.code] = a.name;
    const rows = mapRows({ areas: this.areas, values: values.values, indicator, level, period, parent, parentNames: parentColumnLevel(level, this.cfg.levels) ? parentNames : undefined, quality: this.cfg.quality?.[period] });
    this.rows = { rows, byCode: new Map(rows.map((r) => [r.code, r])) };
    this.order = rows.map((r) => r.code);
    const f = mapFeatures(topo, level, this.rows.byCode, parent);
    this.geoms = f.geoms;
    this.points = f.points;
    return { geo: f.geo, lines: f.lines, lokus: lokusPoints(rows, f.points) };
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
      if (this.cfg.explorer) writeUrl(this);
      return;
    }
    this.map.setFeatureState({ source: 'areas', id: code }, { selected: true });
    this.el.querySelector(`tr[data-code="${CSS.escape(code)}"]`)?.classList.add('is-selected');
    if (o.move) this.reveal(code);
    if (o.tip === false) this.hideTip();
    else if (o.at) this.showTip(code, o.at, true);
    else this.placeTipAtArea(code);
    if (o.announce) this.announce(this.lines(code).join('. '));
    if (this.cfg.explorer) writeUrl(this);
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

  /** What the map draws: the current indicator's descriptor (explorer), else its id. */
  descriptor(): MapIndicatorRef {
    const i = this.cfg.indicators.find((x) => x.id === this.state.indicator);
    return i?.kind && i.scale && i.periods && i.targets ? { id: i.id, label: i.label, kind: i.kind, group: i.group ?? null, scale: i.scale, periods: i.periods, targets: i.targets } : this.state.indicator;
  }

  /** The label of the current indicator. */
  label(): string {
    return this.cfg.indicators.find((i) => i.id === this.state.indicator)?.label ?? this.state.indicator;
  }

  lines(code: string): string[] {
    const r = this.rows.byCode.get(code);
    if (!r) return [];
    return tooltipLines(r, this.label(), this.descriptor(), this.lang);
  }

  showTip(code: string, at: [number, number], withLink: boolean): void {
    const lines = this.lines(code);
    if (!lines.length) return this.hideTip();
    const link = withLink || this.selectedId === code ? { href: `${this.cfg.areaHref}${code}/`, text: `${W[this.lang].open} →` } : null;
    this.tip.show(lines, at, link);
  }

  placeTipAtArea(code: string): void {
    const p = this.points.get(code);
    if (!p) return;
    const pt = this.map.project(p);
    this.showTip(code, [pt.x, pt.y], true);
  }

  hideTip(): void {
    this.tip?.hide();
  }

  announce(text: string): void {
    this.live ??= liveRegion(this.el);
    this.live.textContent = text;
  }

  open(code: string): void {
    const href = `${this.cfg.areaHref}${code}/`;
    // In an embed the area page opens in the reader's window, not inside the host's iframe.
    if (window.top !== window) window.open(href, '_top');
    else location.href = href;
  }

  /** The view this page rendered statically. */
  rendered(): MapState {
    return { level: this.cfg.level as MapLevel, indicator: this.cfg.indicator, period: this.cfg.period, area: null };
  }

  // ---- test hooks (used by the browser tests; cheap) ----

  /** Pixel position (CSS px, relative to the map canvas) of an area's label point. */
  pointOf(code: string): { x: number; y: number } | null {
    const p = this.points.get(code);
    if (!p) return null;
    const pt = this.map.project(p);
    return { x: pt.x, y: pt.y };
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
