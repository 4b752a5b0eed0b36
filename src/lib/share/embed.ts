/**
 * Embed codes and the embed ↔ host message protocol (documented in docs/embedding.md).
 *
 * The iframe code is plain HTML a journalist pastes into a CMS: width 100%, a sensible default height (the content
 * height at a 640 px column, so it looks right even when the host runs no script), `loading="lazy"`, a `title` for
 * screen readers, no border, and `name` = the embed id so the host can tell several embeds apart. The embed page
 * posts its content height to the host whenever it changes:
 *
 *   { type: 'stunting-embed:height', id: 'tren-35.10.01-stunting', height: 612 }
 *
 * and answers `{ type: 'stunting-embed:request-height' }` from the host with the same message (for a host script that
 * loads after the embed has already reported).
 */
import type { EmbedKind } from './state.ts';

/** `type` of the height message the embed sends. */
export const HEIGHT_MESSAGE = 'stunting-embed:height';
/** `type` of the message a host may send to ask for the height again. */
export const REQUEST_HEIGHT_MESSAGE = 'stunting-embed:request-height';

/** The height message. */
export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  /** The embed id (the iframe's `name`, else the embed's path and query). */
  id: string;
  /** Content height in CSS pixels, rounded up. */
  height: number;
}

/** Default iframe heights in CSS pixels (content height at a 640 px wide column, measured in Chromium; see the
 * browser test). Without a host script the iframe keeps this height and scrolls if the content is taller. */
export const DEFAULT_HEIGHT: Record<EmbedKind, number> = { trend: 740, map: 1100 };

/** The height message for an id and a measured height (rounded up, never negative). */
export function heightMessage(id: string, height: number): HeightMessage {
  return { type: HEIGHT_MESSAGE, id, height: Math.max(0, Math.ceil(Number.isFinite(height) ? height : 0)) };
}

/** True when `data` is a well-formed height message (what a host script should check before resizing). */
export function isHeightMessage(data: unknown): data is HeightMessage {
  if (!data || typeof data !== 'object') return false;
  const d = data as Record<string, unknown>;
  return d.type === HEIGHT_MESSAGE && typeof d.id === 'string' && typeof d.height === 'number' && Number.isFinite(d.height) && d.height >= 0;
}

/** Escapes text for a double-quoted HTML attribute (and element text). */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe code for an embed: absolute `src`, `title`, width 100%, default height, lazy, borderless. */
export function iframeCode(o: { src: string; title: string; id: string; height: number }): string {
  return (
    `<iframe src="${escapeAttr(o.src)}" title="${escapeAttr(o.title)}" name="${escapeAttr(o.id)}" ` +
    `width="100%" height="${Math.round(o.height)}" loading="lazy" style="border:0;width:100%;max-width:100%" ` +
    `referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}

/**
 * The host script (for docs and the embed box): resizes every iframe whose window sent a height message, and asks
 * embeds that reported before the script ran. `origin` is the site origin the messages must come from. An iframe that
 * has not loaded yet (lazy, still about:blank) is not asked: the message would go to a blank page (and Chromium logs
 * an origin mismatch); the embed reports its height itself when it loads. A loaded cross-origin embed is recognised
 * by the SecurityError its location throws.
 */
export function hostScript(origin: string): string {
  const o = JSON.stringify(origin);
  return `<script>
(function () {
  var ORIGIN = ${o};
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== ORIGIN || !d || d.type !== '${HEIGHT_MESSAGE}' || !(d.height >= 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = Math.ceil(d.height) + 'px';
    }
  });
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    var w = frames[i].contentWindow, blank = true;
    if (frames[i].src.indexOf(ORIGIN) !== 0 || !w) continue;
    try { blank = w.location.href === 'about:blank'; } catch (err) { blank = false; }
    if (!blank) w.postMessage({ type: '${REQUEST_HEIGHT_MESSAGE}' }, ORIGIN);
  }
})();
</script>`;
}
