/**
 * The look of the interactive map: a blank style (a background layer only: no tiles, glyphs or sprites, so no request
 * leaves the site unless a basemap is configured), the map's options, the sources and layers of the areas, and the
 * fill from the one colour source (thresholds.ts) by the raw or the smoothed figures.
 */
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, GeoJSONSource, Map as MlMap, StyleSpecification } from 'maplibre-gl';
import { maplibreFillExpression, NOT_MEASURED_PATTERN_ID, STROKE, SUPPRESSED_PATTERN_ID, type Scale } from '../../lib/site/thresholds.ts';
import { UNCERTAIN_OPACITY } from '../../lib/site/map-html.ts';
import { patternImage } from '../../lib/site/map-pattern.ts';
import type { Lang } from '../../lib/site/format.ts';
import { W, type Config } from './config.ts';
import type { MapLibre } from './fetch.ts';

/** A new MapLibre map in `container` fitted to `bounds`: no rotation or pitch, cooperative gestures, own keyboard. */
export function createMap(ml: MapLibre, container: HTMLElement, cfg: Config, bounds: [[number, number], [number, number]], lang: Lang): MlMap {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f5f7' } }],
  };
  if (cfg.basemap) {
    style.sources.basemap = { type: 'raster', tiles: [cfg.basemap], tileSize: 256, attribution: cfg.basemapAttribution ?? '' };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.6 } });
  }
  const w = W[lang];
  const map = new ml.Map({
    container,
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
  map.touchZoomRotate.disableRotation();
  map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
  const canvas = map.getCanvas();
  canvas.setAttribute('aria-label', w.map);
  canvas.setAttribute('role', 'application');
  return map;
}

/** Fill colour by the raw or the smoothed value of each feature. */
function fillColor(indicator: Scale, smoothed: boolean): unknown[] {
  return maplibreFillExpression(indicator, smoothed ? 'smoothed' : 'value');
}

/** A lighter tone where the shown figure's 95% interval spans more than one class (as the static map). */
function fillOpacity(smoothed: boolean): unknown[] {
  return ['case', ['==', ['get', smoothed ? 'su' : 'u'], 1], UNCERTAIN_OPACITY, 1];
}

/** The data of the three sources: the areas, their border lines and the lokus points. */
export interface AreaData {
  geo: FeatureCollection;
  lines: FeatureCollection;
  lokus: FeatureCollection;
}

/** Adds the pattern images, sources and layers of the areas (fill, patterns, borders, focus, highlight, lokus). */
export function addAreaLayers(m: MlMap, data: AreaData, o: { indicator: Scale; smoothed: boolean; highlight: string | null }): void {
  m.addImage(SUPPRESSED_PATTERN_ID, patternImage('hatch'));
  m.addImage(NOT_MEASURED_PATTERN_ID, patternImage('dots'));
  m.addSource('areas', { type: 'geojson', data: data.geo, promoteId: 'code' });
  m.addSource('lines', { type: 'geojson', data: data.lines });
  m.addSource('lokus', { type: 'geojson', data: data.lokus });
  m.addLayer({ id: 'area-fill', type: 'fill', source: 'areas', paint: { 'fill-color': fillColor(o.indicator, o.smoothed) as never, 'fill-opacity': fillOpacity(o.smoothed) as never } });
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
  const hl = o.highlight;
  m.addLayer({
    id: 'area-highlight',
    type: 'line',
    source: 'areas',
    filter: (hl ? ['==', ['get', 'code'], hl] : ['==', 1, 0]) as FilterSpecification,
    paint: { 'line-color': STROKE.highlight, 'line-width': 2.5 },
  });
  m.addLayer({ id: 'lokus', type: 'circle', source: 'lokus', paint: { 'circle-radius': 3.5, 'circle-color': STROKE.lokus, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
}

/** Replaces the data of the three sources (another level or period). */
export function setAreaData(m: MlMap, data: AreaData): void {
  (m.getSource('areas') as GeoJSONSource).setData(data.geo);
  (m.getSource('lines') as GeoJSONSource).setData(data.lines);
  (m.getSource('lokus') as GeoJSONSource).setData(data.lokus);
}

/** Colours the areas by the raw or the smoothed figures of `indicator` (its id or its classes). */
export function paintFill(m: MlMap, indicator: Scale, smoothed: boolean): void {
  m.setPaintProperty('area-fill', 'fill-color', fillColor(indicator, smoothed) as never);
  m.setPaintProperty('area-fill', 'fill-opacity', fillOpacity(smoothed) as never);
}
