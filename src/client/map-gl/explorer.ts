/**
 * The map explorer's side of the interactive map: the state in the URL (read on load, written on every change), the
 * level/indicator/period controls, the "colour by smoothed figures" checkbox, and the legend, caption, summary and
 * table redrawn in place for a new view (texts from src/lib/site/map-explorer.ts).
 */
import { fromQuery, parentColumnLevel } from '../../lib/site/map-state.ts';
import { explorerTexts, explorerUrl, stateFromControls } from '../../lib/site/map-explorer.ts';
import { W } from './config.ts';
import { paintFill, setAreaData } from './style.ts';
import { isCoverage, scaleOf } from '../../lib/site/map-indicator.ts';
import type { InteractiveMap } from '../map-gl.ts';

/** The "colour by smoothed figures" checkbox of this map, if any. */
function smoothBox(im: InteractiveMap): HTMLInputElement | null {
  return im.el.querySelector<HTMLInputElement>('input[data-map-smooth]');
}

/** True while the map is coloured by the smoothed figures (a convergence indicator has none). */
export function smoothedOn(im: InteractiveMap): boolean {
  return !!smoothBox(im)?.checked && !isCoverage(im.descriptor());
}

/** Explorer: takes the state from the URL (keys it lacks: the view this page rendered) into the map and the controls. */
export function readUrlState(im: InteractiveMap): void {
  im.stateOptions.areas = new Set(im.areas.map((a) => a.code));
  // Keys missing from the query mean the view this page rendered (a static state page has no query).
  const { state, invalid } = fromQuery(location.search, { ...im.stateOptions, defaults: im.rendered() });
  if (invalid.length) console.warn(W[im.lang].invalid, invalid.join(', '));
  im.state = state;
  syncControls(im);
  const box = smoothBox(im);
  if (box && state.smoothed) box.checked = true;
}

/** Sets the explorer's controls to the current state. */
function syncControls(im: InteractiveMap): void {
  const form = im.el.querySelector<HTMLFormElement>('form[data-map-controls]');
  if (!form) return;
  const set = (name: string, value: string) => {
    const el = form.elements.namedItem(name);
    if (el instanceof RadioNodeList) el.value = value;
    else if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) el.value = value;
  };
  set('tingkat', im.state.level);
  set('indikator', im.state.indicator);
  set('periode', im.state.period);
}

/** Binds the smoothed-colouring checkbox and the explorer's controls (a change redraws in place, no reload). */
export function bindControls(im: InteractiveMap): void {
  smoothBox(im)?.addEventListener('change', () => {
    im.state.smoothed = smoothedOn(im);
    paintFill(im.map, scaleOf(im.descriptor()), smoothedOn(im));
    renderTexts(im);
    writeUrl(im);
  });
  const form = im.el.querySelector<HTMLFormElement>('form[data-map-controls]');
  if (form) {
    form.addEventListener('change', () => void applyForm(im, form));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void applyForm(im, form);
    });
  }
}

async function applyForm(im: InteractiveMap, form: HTMLFormElement): Promise<void> {
  const fd = new FormData(form);
  const { state, levelChanged } = stateFromControls((k) => String(fd.get(k) ?? ''), im.stateOptions, im.state);
  im.state = state;
  await redraw(im, levelChanged);
}

/** Loads and draws the current state (refitting the camera when the level changed); a newer change wins. */
async function redraw(im: InteractiveMap, refit: boolean): Promise<void> {
  const token = ++im.renderToken;
  im.setHover(null);
  const prevSel = im.selectedId;
  if (prevSel !== null) im.map.setFeatureState({ source: 'areas', id: prevSel }, { selected: false });
  im.selectedId = null;
  im.hideTip();
  const data = await im.load();
  if (token !== im.renderToken) return; // a newer change won
  const m = im.map;
  setAreaData(m, data);
  paintFill(m, scaleOf(im.descriptor()), smoothedOn(im));
  syncControls(im);
  if (refit) im.fit();
  renderTexts(im);
  const keep = im.state.area && im.rows.byCode.has(im.state.area) ? im.state.area : null;
  m.once('idle', () => {
    if (keep) im.select(keep, { move: false });
    else writeUrl(im);
  });
}

/** Rewrites the legends, captions, summary and table for the current state. */
export function renderTexts(im: InteractiveMap): void {
  const { level } = im.state;
  const lang = im.lang;
  const d = im.descriptor();
  const t = explorerTexts(im.rows.rows, im.state, {
    lang,
    descriptor: typeof d === 'string' ? undefined : d,
    indicatorLabel: im.label(),
    levelWord: level === 'desa' ? W[lang].desa : level === 'kabupaten' ? W[lang].kab : W[lang].kec,
    areaHref: (c) => `${im.cfg.areaHref}${c}/`,
    mapLevels: im.cfg.levels,
  });
  const el = im.el;
  // A convergence indicator has no smoothed figures: the checkbox goes (unchecked, so its CSS shows the raw legend).
  const box = smoothBox(im);
  if (box && isCoverage(d)) box.checked = false;
  const smt = box?.closest<HTMLElement>('.chm-smt');
  if (smt) smt.style.display = isCoverage(d) ? 'none' : '';
  const ul = el.querySelector('[data-map-legend]');
  if (ul) ul.innerHTML = t.legendHtml;
  const uls = el.querySelector('[data-map-legend-s]');
  if (uls) uls.innerHTML = t.smoothedLegendHtml;
  const note = el.querySelector('[data-map-legend-note]');
  if (note) note.textContent = t.note;
  for (const sel of ['[data-map-caption]', '[data-map-table-caption]']) {
    const c = el.querySelector(sel);
    if (c) c.textContent = t.title;
  }
  const summary = el.querySelector('[data-map-summary]');
  if (summary) summary.textContent = t.summary;
  const tbody = el.querySelector('[data-map-tbody]');
  if (tbody) {
    tbody.innerHTML = t.tableRowsHtml;
    const th = el.querySelector<HTMLElement>('[data-col-parent]');
    if (th) {
      const parent = parentColumnLevel(level, im.cfg.levels);
      th.hidden = parent === null;
      // The heading's words for either parent level are in its data attributes (MapExplorer.astro).
      const word = parent === 'kabupaten' ? th.dataset.kab : th.dataset.kec;
      if (word) (th.querySelector('button') ?? th).textContent = word;
    }
    // Column headings of the indicator's kind (prevalence, or coverage with numerator / denominator).
    for (const h of el.querySelectorAll<HTMLElement>('th[data-col]')) {
      const text = (typeof d === 'object' && d.kind === 'coverage' ? h.dataset.k : h.dataset.z) ?? '';
      (h.querySelector('button') ?? h).textContent = text;
    }
    el.dispatchEvent(new CustomEvent('map-table-updated', { bubbles: true }));
  }
}

/** Writes the state (with the selected area and the colouring) to the URL and tells the share and embed boxes. */
export function writeUrl(im: InteractiveMap): void {
  im.state.area = im.selectedId;
  im.state.smoothed = smoothedOn(im);
  const url = explorerUrl(im.state, im.stateOptions, im.rendered(), location, im.cfg.explorerPath);
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(history.state, '', url);
    // replaceState fires no event: the share and embed boxes (src/client/share.ts) follow this one.
    dispatchEvent(new Event('stunting:urlchange'));
  }
}
