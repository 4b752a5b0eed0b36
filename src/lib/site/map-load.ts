/**
 * When the interactive map may load by itself. MapLibre is about 290 KB gzip: on a phone (narrow viewport or a
 * touch screen as the main pointer) or when the reader asked to save data (Save-Data, prefers-reduced-data), the
 * static SVG map stays until the reader presses "Muat peta interaktif / Load interactive map". Pure, so the rule is
 * tested apart from the browser (src/client/map.ts reads the environment).
 */

/** Viewports up to this width (CSS px) count as phones even with a mouse (a phone-sized window). Wider narrow
 * viewports, such as an embed in a 640 px article column on a desktop, still load by themselves; phones and
 * tablets are caught by their coarse pointer whatever their width. */
export const PHONE_MAX_WIDTH = 480;

/** What the browser tells about the reader's device and wishes. */
export interface MapLoadEnv {
  /** Viewport width in CSS px. */
  width: number;
  /** The primary pointer is coarse (touch). */
  coarsePointer: boolean;
  /** `navigator.connection.saveData` or `prefers-reduced-data: reduce`. */
  saveData: boolean;
}

/** 'auto': load when the reader reaches for the map or the page is idle with the map in view; 'on-request': only
 * after the reader presses the load button. */
export function mapLoadPolicy(env: MapLoadEnv): 'auto' | 'on-request' {
  return env.saveData || env.coarsePointer || env.width <= PHONE_MAX_WIDTH ? 'on-request' : 'auto';
}
