/**
 * <stunting-map>: the island around a server-rendered SVG choropleth. This module is tiny and runs on every page
 * with a map; MapLibre and the rest (src/client/map-gl.ts, its CSS and worker) are imported only when
 *  - the reader reaches for the map: pointerdown, focus or a key inside it, or changes an explorer control, or
 *  - the page is idle (requestIdleCallback) AND the map is in view (IntersectionObserver), or
 *  - the URL asks for another view than the one rendered statically (explorer only).
 * Until then the static SVG (with its links and <title> tooltips) is the map. Failure to load leaves it in place.
 * On a phone or with Save-Data (mapLoadPolicy, src/lib/site/map-load.ts) none of these apply except the URL: the
 * static map stays, with a "Muat peta interaktif / Load interactive map" button, and the explorer's view links
 * (static pages) replace its form, so nothing heavy is downloaded until the reader asks.
 */
import { mapLoadPolicy } from '../lib/site/map-load.ts';

/** 'on-request' on phones, touch screens and with Save-Data. */
function loadPolicy(): 'auto' | 'on-request' {
  const conn = (navigator as unknown as { connection?: { saveData?: boolean } }).connection;
  return mapLoadPolicy({
    width: window.innerWidth,
    coarsePointer: matchMedia('(pointer: coarse)').matches,
    saveData: conn?.saveData === true || matchMedia('(prefers-reduced-data: reduce)').matches,
  });
}

type Upgrade = (el: HTMLElement, reason: string) => Promise<void>;

const ricb: (cb: () => void) => void =
  'requestIdleCallback' in window
    ? (cb) => (window as unknown as { requestIdleCallback: (f: () => void, o?: object) => void }).requestIdleCallback(cb, { timeout: 4000 })
    : (cb) => setTimeout(cb, 1500);

class StuntingMap extends HTMLElement {
  #started = false;
  #io: IntersectionObserver | null = null;
  #cleanup: (() => void)[] = [];

  connectedCallback(): void {
    if (this.#started) return;
    const hint = this.querySelector<HTMLElement>('[data-map-hint]');
    if (hint) hint.classList.add('on');
    sortableTable(this);
    smoothToggle(this);
    const frame = this.querySelector<HTMLElement>('[data-map-frame]');
    const onRequest = loadPolicy() === 'on-request';
    // Explorer controls without JS are a GET form; with JS they must not reload the page.
    const form = this.querySelector<HTMLFormElement>('form[data-map-controls]');
    if (form) {
      const submit = (e: Event) => {
        e.preventDefault();
        this.start('submit');
      };
      form.addEventListener('submit', submit);
    }
    if (onRequest) {
      // Only the URL (a link to one particular view) or the button loads the map; controls, focus and taps do not.
      if (this.hasAttribute('data-config') && this.#urlWantsOtherView()) {
        this.start('url');
        return;
      }
      this.#offerButton(frame, hint);
      return;
    }
    // The static map becomes one focusable stop that upgrades on focus (its links stay reachable in the table).
    if (frame && !frame.hasAttribute('tabindex')) {
      frame.tabIndex = 0;
      frame.setAttribute('role', 'region');
      if (hint?.textContent) frame.setAttribute('aria-label', hint.textContent);
    }
    const on = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, opts?: AddEventListenerOptions) => {
      const fn = (e: Event) => {
        // An explorer control changed: load, and let the map module read the new state.
        if (type === 'change' && !(e.target as Element).closest('[data-map-controls]')) return;
        this.start(type);
      };
      target.addEventListener(type, fn, opts);
      this.#cleanup.push(() => target.removeEventListener(type, fn, opts));
    };
    if (frame) {
      on(frame, 'pointerdown', { passive: true });
      on(frame, 'focusin');
      on(frame, 'keydown');
    }
    on(this, 'change');
    if (this.hasAttribute('data-config') && this.#urlWantsOtherView()) {
      this.start('url');
      return;
    }
    if ('IntersectionObserver' in window) {
      this.#io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) ricb(() => this.start('idle'));
      }, { rootMargin: '100px' });
      this.#io.observe(this);
    }
  }

  /** Phone / Save-Data mode: the load button, a hint that says what it costs, and the explorer's view links. */
  #offerButton(frame: HTMLElement | null, hint: HTMLElement | null): void {
    const button = this.querySelector<HTMLButtonElement>('[data-map-load]');
    if (!button) return;
    this.classList.add('chm-lite');
    if (hint?.dataset.liteHint) hint.textContent = hint.dataset.liteHint;
    button.hidden = false;
    button.addEventListener('click', () => {
      // Focus goes to the map frame, and from there to the map canvas once it is ready (map-gl.ts).
      if (frame) {
        frame.tabIndex = 0;
        frame.setAttribute('role', 'region');
        if (button.textContent) frame.setAttribute('aria-label', button.textContent);
        frame.focus({ preventScroll: true });
      }
      if (hint?.dataset.hint) hint.textContent = hint.dataset.hint;
      this.start('button');
    }, { once: true });
  }

  disconnectedCallback(): void {
    this.#io?.disconnect();
    for (const f of this.#cleanup) f();
    this.#cleanup = [];
  }

  /** True when the explorer's query names a state other than the statically rendered one. */
  #urlWantsOtherView(): boolean {
    const cfg = this.dataset.config ? (JSON.parse(this.dataset.config) as { explorer?: boolean }) : {};
    if (!cfg.explorer) return false;
    const q = new URLSearchParams(location.search);
    return ['tingkat', 'indikator', 'periode', 'wilayah', 'level', 'indicator', 'period', 'area'].some((k) => q.has(k));
  }

  /** Loads and mounts the interactive map once. */
  start(reason: string): void {
    if (this.#started) return;
    this.#started = true;
    this.#io?.disconnect();
    this.classList.remove('chm-lite');
    const button = this.querySelector<HTMLElement>('[data-map-load]');
    if (button) button.hidden = true;
    const status = this.querySelector<HTMLElement>('[data-map-status]');
    if (status && reason !== 'idle') status.hidden = false;
    import('./map-gl.ts')
      .then((m: { upgrade: Upgrade }) => m.upgrade(this, reason))
      .catch((err: unknown) => {
        // Keep the static map; say so once in the console for the browser tests.
        console.warn('stunting-map: interactive map not available, static map kept.', err);
        if (status) status.hidden = true;
      });
  }
}

/** Makes the explorer table sortable by its `th[data-sort]` columns (name, parent, value, n); missing values last. */
/** The "colour by smoothed figures" checkbox follows `?nilai=terhaluskan` (or `value=smoothed`) and writes it back,
 * before and without MapLibre (the colouring itself is CSS). */
function smoothToggle(root: HTMLElement): void {
  const box = root.querySelector<HTMLInputElement>('input[data-map-smooth]');
  if (!box) return;
  const q = new URLSearchParams(location.search);
  const v = (q.get('nilai') ?? q.get('value') ?? '').toLowerCase();
  if (v === 'terhaluskan' || v === 'smoothed') box.checked = true;
  else if (v === 'mentah' || v === 'raw') box.checked = false;
  box.addEventListener('change', () => {
    const u = new URL(location.href);
    u.searchParams.delete('value');
    if (box.checked) u.searchParams.set('nilai', 'terhaluskan');
    else u.searchParams.delete('nilai');
    history.replaceState(history.state, '', `${u.pathname}${u.search}${u.hash}`);
  });
}

function sortableTable(root: HTMLElement): void {
  const table = root.querySelector<HTMLTableElement>('table[data-map-table]');
  const tbody = table?.tBodies[0];
  if (!table || !tbody) return;
  let key = '';
  let dir = 1;
  const cell = (tr: HTMLTableRowElement, k: string): string | number | null => {
    if (k === 'name') return tr.cells[0].textContent ?? '';
    if (k === 'parent') return tr.querySelector('td:not(.num)')?.textContent ?? '';
    const v = tr.querySelectorAll<HTMLElement>('td[data-v]')[k === 'value' ? 0 : 1]?.dataset.v ?? '';
    return v === '' ? null : Number(v);
  };
  const apply = () => {
    if (!key) return;
    const rows = [...tbody.rows];
    rows.sort((a, b) => {
      const x = cell(a, key);
      const y = cell(b, key);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'id')) * dir;
    });
    tbody.append(...rows);
  };
  for (const th of table.querySelectorAll<HTMLElement>('th[data-sort]')) {
    const b = document.createElement('button');
    b.type = 'button';
    b.append(...th.childNodes);
    th.append(b);
    b.addEventListener('click', () => {
      const k = th.dataset.sort!;
      dir = key === k ? -dir : k === 'value' || k === 'n' ? -1 : 1;
      key = k;
      for (const o of table.querySelectorAll('th[aria-sort]')) o.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      apply();
    });
  }
  root.querySelector<HTMLElement>('[data-sort-hint]')?.removeAttribute('hidden');
  root.addEventListener('map-table-updated', apply);
}

if (!customElements.get('stunting-map')) customElements.define('stunting-map', StuntingMap);
