/**
 * How the reader works the interactive map. Mouse: hover shows the tooltip, click opens the area's page. Touch: a tap
 * shows the tooltip with a link to the page, a second tap on the same area opens it. Keyboard (on the map canvas):
 * ← → ↑ ↓ move between areas (in code order), Home/End first/last, Enter opens the area's page, + / − zoom, 0 refits,
 * Esc clears (src/lib/site/map-interaction.ts).
 */
import type { MapLayerMouseEvent } from 'maplibre-gl';
import { keyAction } from '../../lib/site/map-interaction.ts';
import { W } from './config.ts';
import type { InteractiveMap } from '../map-gl.ts';

/** The area code of the feature under a layer mouse event, if any. */
function codeAt(e: MapLayerMouseEvent): string | null {
  const f = e.features?.[0];
  return f ? String(f.properties?.code ?? f.id) : null;
}

/** Binds hover, click/tap, camera moves, keyboard, focus and blur of the map canvas. */
export function bindMapEvents(im: InteractiveMap): void {
  const m = im.map;
  const canvas = m.getCanvas();
  canvas.addEventListener('pointerdown', (e) => (im.lastPointer = e.pointerType || 'mouse'), { passive: true });
  m.on('mousemove', 'area-fill', (e: MapLayerMouseEvent) => {
    const code = codeAt(e);
    if (code === null) return;
    canvas.style.cursor = 'pointer';
    im.setHover(code);
    im.showTip(code, [e.point.x, e.point.y], false);
  });
  m.on('mouseleave', 'area-fill', () => {
    canvas.style.cursor = '';
    im.setHover(null);
    if (im.selectedId === null) im.hideTip();
    else im.placeTipAtArea(im.selectedId);
  });
  m.on('click', 'area-fill', (e: MapLayerMouseEvent) => {
    const code = codeAt(e);
    if (code === null) return;
    if (im.lastPointer === 'touch' || im.lastPointer === 'pen') {
      // Touch has no hover: the first tap shows the tooltip with a link; a second tap on the same area opens it.
      if (im.selectedId === code) im.open(code);
      else im.select(code, { move: false, announce: true, at: [e.point.x, e.point.y] });
    } else im.open(code);
  });
  m.on('move', () => {
    if (im.selectedId !== null && im.hoveredId === null && !im.tip.hidden) im.placeTipAtArea(im.selectedId);
  });
  canvas.addEventListener('keydown', (e) => onKey(im, e));
  canvas.addEventListener('focus', () => {
    if (im.selectedId === null && im.order.length) im.announce(W[im.lang].map);
  });
  canvas.addEventListener('blur', () => {
    if (im.hoveredId === null) im.hideTip();
  });
}

/** Moves between areas, opens one, zooms or refits on a key; other keys (and modified ones) pass through. */
function onKey(im: InteractiveMap, e: KeyboardEvent): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const index = im.selectedId === null ? -1 : im.order.indexOf(im.selectedId);
  const action = keyAction(e.key, index, im.order.length, im.selectedId !== null);
  if (action === null) return;
  e.preventDefault();
  if (action === 'open') im.open(im.selectedId!);
  else if (action === 'zoomIn') im.map.zoomIn();
  else if (action === 'zoomOut') im.map.zoomOut();
  else if (action === 'fit') im.fit();
  else if (action === 'clear') im.select(null);
  else im.select(im.order[action.select], { move: true, announce: true });
}
