/**
 * Loading for the interactive map: MapLibre itself (its own chunk, its worker and its stylesheet, once) and the
 * published JSON (each URL fetched once per page).
 */
// Vite emits the self-contained worker file and the stylesheet as assets and gives their URLs: MapLibre v6 needs
// setWorkerUrl() in bundlers, and a stylesheet link (instead of a CSS import, which Astro would inline into every
// page) keeps MapLibre's CSS off pages until the map loads.
// @ts-ignore -- Vite `?url` import, typed by Vite's client types
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// @ts-ignore -- Vite `?url` import
import cssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';

export type MapLibre = typeof import('maplibre-gl');
let maplibre: Promise<MapLibre> | null = null;
/** MapLibre (its own chunk) and its stylesheet, loaded once. */
export function loadMapLibre(): Promise<MapLibre> {
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

const cache = new Map<string, Promise<unknown>>();
/** The parsed JSON at `url`, fetched once; rejects on an HTTP error. */
export function getJson<T>(url: string): Promise<T> {
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
