/**
 * Sharing in the browser, small and lazy:
 *  - <share-box>: keeps the permalink current (the map explorer rewrites its query), copies it, opens the native
 *    share sheet (navigator.share) where there is one.
 *  - <embed-box>: keeps the iframe code in step with the page's URL state, copies it, downloads the figure as SVG or
 *    PNG with title, source and licence (the image code, src/lib/share/image.ts, is imported on first click).
 *  - initEmbed(): on /embed/ pages, shows the trend the query asks for, opens links in the top window and reports the
 *    content height to the host page (docs/embedding.md).
 */
import type { ImageCredits } from '../lib/share/strings.ts';
import { heightMessage, hostScript, iframeCode, REQUEST_HEIGHT_MESSAGE } from '../lib/share/embed.ts';
import { embedId, mapStateFromQuery, permalink, trendFromQuery, withCoverage, type CoverageOptions, type ShareOptions, type View } from '../lib/share/state.ts';
import type { Lang } from '../lib/site/format.ts';
import { stateFromPath } from '../lib/site/map-state.ts';
import { COPY_STATUS, URL_PARAMS } from '../lib/i18n/client.ts';
import { text } from '../lib/i18n/lookup.ts';

/** Copies text: the async clipboard API, else a selected field and execCommand (older WebViews). */
async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** Shows a short status text in a live region, cleared after a few seconds. */
function say(el: HTMLElement | null, text: string): void {
  if (!el) return;
  el.textContent = text;
  clearTimeout(Number(el.dataset.timer));
  el.dataset.timer = String(setTimeout(() => (el.textContent = ''), 4000));
}

const langOf = (el: Element): Lang => (el.closest('[lang]')?.getAttribute('lang') === 'en' ? 'en' : 'id');

class ShareBox extends HTMLElement {
  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('[data-share-url]');
    const copy = this.querySelector<HTMLButtonElement>('[data-copy-link]');
    const native = this.querySelector<HTMLButtonElement>('[data-native-share]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const T = (key: keyof typeof COPY_STATUS) => text(COPY_STATUS, langOf(this), key);
    const current = () => {
      const u = new URL(location.href);
      // The hash is state too (#tren-<indicator> on area pages), but not the skip link's #main.
      if (u.hash === '#main') u.hash = '';
      if (input && input.value !== u.href) input.value = u.href;
      return u.href;
    };
    current();
    // The explorer rewrites the query with replaceState (no event): refresh when the reader comes to the box.
    for (const ev of ['pointerenter', 'focusin', 'touchstart']) this.addEventListener(ev, current, { passive: true });
    addEventListener('popstate', current);
    addEventListener('hashchange', current);
    // Pages that rewrite their URL with replaceState (map explorer, comparison) announce it with this event.
    addEventListener('stunting:urlchange', current);
    input?.addEventListener('focus', () => input.select());
    if (copy) {
      copy.removeAttribute('data-pending');
      copy.removeAttribute('aria-hidden');
      copy.removeAttribute('tabindex');
      copy.addEventListener('click', async () => say(status, (await copyText(current(), input)) ? T('copied') : T('copyFailedShort')));
    }
    if (native && typeof navigator.share === 'function') {
      native.hidden = false;
      native.addEventListener('click', () => {
        navigator.share({ title: this.dataset.title ?? document.title, url: current() }).catch(() => undefined);
      });
    }
  }
}

interface EmbedConfig extends ImageCredits {
  /** Trend: embed title per indicator. */
  titles: Record<string, string>;
  kind: 'trend' | 'map';
  site: string;
  base: string;
  title: string;
  height: number;
  code: string | null;
  /** Map: follow the page's URL state (explorer), else keep `state`. */
  follow: boolean;
  state: import('../lib/share/state.ts').MapState | null;
  options: { periods: string[]; indicators: string[]; levels: string[] };
  /** Map: the convergence indicators the view may show (ids and their periods). */
  coverage?: CoverageOptions;
}

/** Wires the `[data-download]` (png/svg) buttons of `box`: the figure `root()` as shown, named `name()`, with the
 * credits and the page address drawn in; the image code loads on the first click. */
function bindImageDownloads(box: HTMLElement, cfg: ImageCredits, status: HTMLElement | null, root: () => HTMLElement | null, name: () => string): void {
  const T = (key: keyof typeof COPY_STATUS) => text(COPY_STATUS, cfg.lang, key);
  for (const b of box.querySelectorAll<HTMLButtonElement>('[data-download]')) {
    b.addEventListener('click', async () => {
      const figure = root();
      if (!figure) return say(status, T('imageFailed'));
      try {
        const img = await import('./share-image.ts');
        await img.downloadFigure(figure, {
          format: b.dataset.download === 'png' ? 'png' : 'svg',
          fileName: name(),
          footer: [cfg.source, cfg.licence, location.href.replace(/#.*$/, '')],
          synthetic: cfg.synthetic,
        });
        say(status, T('imageSaved'));
      } catch (err) {
        console.warn(`${box.localName}: image export failed`, err);
        say(status, T('imageFailed'));
      }
    });
  }
}

/** Download name of the explorer's map in its current view. */
const mapFileName = (s: { level: string; indicator: string; period: string; area?: string | null }) =>
  ['peta', s.level, s.indicator, s.period, s.area].filter(Boolean).join('-');

class EmbedBox extends HTMLElement {
  connectedCallback(): void {
    let cfg: EmbedConfig;
    try {
      cfg = JSON.parse(this.dataset.config ?? '') as EmbedConfig;
    } catch {
      return;
    }
    const area = this.querySelector<HTMLTextAreaElement>('[data-embed-code]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const T = (key: keyof typeof COPY_STATUS) => text(COPY_STATUS, cfg.lang, key);
    this.querySelector<HTMLElement>('[data-js-only]')?.removeAttribute('hidden');
    const opts: ShareOptions = withCoverage({ ...cfg.options }, cfg.coverage);
    const view = (): View => {
      if (cfg.kind === 'map') {
        if (!cfg.follow && cfg.state) return { kind: 'embed-map', state: cfg.state };
        // A static explorer page (/peta/<tingkat>/<indikator>/<periode>/) is its view; its query is relative to it.
        const page = stateFromPath(location.pathname);
        return { kind: 'embed-map', state: mapStateFromQuery(location.search, page ? { ...opts, defaults: page } : opts).state };
      }
      // The area page keeps its chosen indicator in the hash (#tren-<id>, the tabs); a query wins.
      const hash = /^#tren-([a-z_]+)$/.exec(location.hash)?.[1];
      const q = new URLSearchParams(location.search);
      if (hash && !q.has('indikator') && !q.has('indicator')) q.set('indikator', hash);
      return { kind: 'embed-trend', code: cfg.code ?? '', trend: trendFromQuery(q, opts).state };
    };
    const code = () => {
      const v = view();
      // No site address in the build (SITE_URL unset): this page's own origin is the one the reader sees.
      const title = v.kind === 'embed-trend' ? (cfg.titles[v.trend.indicator] ?? cfg.title) : cfg.title;
      const html = iframeCode({ src: permalink(v, cfg.lang, opts, cfg.site || location.origin, cfg.base), title, id: embedId(v), height: cfg.height });
      if (area && area.value !== html) area.value = html;
      return html;
    };
    code();
    const host = this.querySelector<HTMLTextAreaElement>('[data-host-script]');
    if (host && !cfg.site) host.value = hostScript(location.origin);
    this.querySelector('details')?.addEventListener('toggle', code);
    addEventListener('hashchange', code);
    addEventListener('stunting:urlchange', code);
    for (const ev of ['pointerenter', 'focusin']) this.addEventListener(ev, code, { passive: true });
    area?.addEventListener('focus', () => area.select());
    this.querySelector('[data-copy-code]')?.addEventListener('click', async () => say(status, (await copyText(code(), area)) ? T('codeCopied') : T('copyFailedShort')));
    // File names say what the image shows: the area (or map view) and the indicator.
    bindImageDownloads(this, cfg, status, () => this.figureRoot(), () => {
      const v = view();
      return v.kind === 'embed-map' ? mapFileName(v.state) : v.kind === 'embed-trend' ? `tren-${v.code}-${v.trend.indicator}` : (this.dataset.name ?? 'grafik');
    });
  }

  /** The figure to export: the element matching data-figure (or the one before the box), widened to its chart. */
  figureRoot(): HTMLElement | null {
    const sel = this.dataset.figure;
    const hit = (sel ? document.querySelector<HTMLElement>(sel) : null) ?? (this.previousElementSibling as HTMLElement | null);
    return hit?.closest<HTMLElement>('trend-chart, .chm') ?? hit;
  }
}

/**
 * <figure-download>: PNG and SVG of the figure it sits in (or `data-figure`), with title, source and licence drawn in;
 * for charts without an embed (the quality page's). Config: `data-config` {lang, source, licence, synthetic}.
 */
class FigureDownload extends HTMLElement {
  connectedCallback(): void {
    let cfg: ImageCredits;
    try {
      cfg = JSON.parse(this.dataset.config ?? '');
    } catch {
      return;
    }
    this.hidden = false;
    const sel = this.dataset.figure;
    bindImageDownloads(this, cfg, this.querySelector<HTMLElement>('[data-status]'), () => (sel ? document.querySelector<HTMLElement>(sel) : null) ?? this.closest<HTMLElement>('figure'), () => this.dataset.name ?? 'grafik');
  }
}

if (!customElements.get('share-box')) customElements.define('share-box', ShareBox);
if (!customElements.get('figure-download')) customElements.define('figure-download', FigureDownload);
if (!customElements.get('embed-box')) customElements.define('embed-box', EmbedBox);

/**
 * Embed pages: shows the trend of the query's indicator (invalid → default, said once in the console), makes every
 * link open in the top window, and posts `{type: 'stunting-embed:height', id, height}` to the host whenever the
 * content height changes and whenever the host asks (`{type: 'stunting-embed:request-height'}`).
 */
export function initEmbed(): void {
  const box = document.querySelector<HTMLElement>('[data-embed-kind="trend"]');
  let shown: string | null = null;
  if (box) {
    const panels = [...box.querySelectorAll<HTMLElement>('[data-trend-indicator]')];
    const indicators = panels.map((p) => p.dataset.trendIndicator!);
    const { state, invalid } = trendFromQuery(location.search, { indicators: [box.dataset.defaultIndicator ?? indicators[0], ...indicators] });
    if (invalid.length) console.warn(text(URL_PARAMS, langOf(box), 'invalidParam'), invalid.join(', '));
    for (const p of panels) {
      const on = p.dataset.trendIndicator === state.indicator;
      p.hidden = !on;
      if (on) shown = state.indicator;
      if (on && p.dataset.title) {
        const h1 = document.querySelector('h1');
        if (h1) h1.textContent = p.dataset.title;
        document.title = document.title.replace(/^[^·]*·/, `${p.dataset.title} ·`);
      }
    }
  }
  initEmbedTabs();
  followEmbedView();
  if (box && shown) {
    // The image file is named after what it shows; the map tab opens the same indicator's map.
    const dl = document.querySelector<HTMLElement>('figure-download');
    if (dl && box.dataset.code) dl.dataset.name = `${box.dataset.imagePrefix ?? 'tren'}-${box.dataset.code}-${shown}`;
    const map = document.querySelector<HTMLAnchorElement>('a[data-ev-link="map"]');
    if (map) {
      const u = new URL(map.href);
      // The map embed's own default indicator needs no key (the convergence embed's map is never on it).
      if (shown !== (box.dataset.mapDefault ?? box.dataset.defaultIndicator)) u.searchParams.set('indikator', shown);
      map.href = u.href;
    }
  }
  const topLinks = () => {
    for (const a of document.querySelectorAll<HTMLAnchorElement | SVGAElement>('a[href]')) if (!a.getAttribute('target')) a.setAttribute('target', '_top');
  };
  topLinks();
  new MutationObserver(topLinks).observe(document.body, { childList: true, subtree: true });

  if (window.parent === window) return;
  const id = window.name || location.pathname + location.search;
  let last = -1;
  let queued = false;
  const measure = () => document.documentElement.getBoundingClientRect().height;
  const send = (force = false) => {
    queued = false;
    const msg = heightMessage(id, measure());
    if (!force && msg.height === last) return;
    last = msg.height;
    window.parent.postMessage(msg, '*');
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => send());
  };
  new ResizeObserver(schedule).observe(document.documentElement);
  addEventListener('load', () => send(true));
  addEventListener('message', (e: MessageEvent) => {
    if (e.source === window.parent && e.data && (e.data as { type?: string }).type === REQUEST_HEIGHT_MESSAGE) send(true);
  });
  send(true);
}

/**
 * The embed's view tabs (chart or map / table / sources, src/layouts/Embed.astro): the in-page buttons become an ARIA
 * tab list over the embed's body; the chosen view is `data-view` on <main>, which the layout's CSS uses to show one
 * part. `#table` or `#sources` in the embed's address opens that view. Without JavaScript all parts stay visible.
 */
function initEmbedTabs(): void {
  const main = document.querySelector<HTMLElement>('[data-embed-main]');
  const list = main?.querySelector<HTMLElement>('[data-ev-tablist]');
  const body = main?.querySelector<HTMLElement>('#ev-body');
  const tabs = list ? [...list.querySelectorAll<HTMLButtonElement>('[data-ev-tab]')] : [];
  if (!main || !list || !body || tabs.length < 2 || list.getAttribute('role') === 'tablist') return;
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', list.dataset.label ?? '');
  body.setAttribute('role', 'tabpanel');
  for (const b of tabs) {
    b.hidden = false;
    b.id = `ev-tab-${b.dataset.evTab}`;
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-controls', body.id);
  }
  const select = (i: number, focus: boolean) => {
    tabs.forEach((b, j) => {
      b.setAttribute('aria-selected', String(i === j));
      b.tabIndex = i === j ? 0 : -1;
    });
    const view = tabs[i].dataset.evTab!;
    main.dataset.view = view;
    body.setAttribute('aria-labelledby', tabs[i].id);
    if (view === 'table') for (const d of main.querySelectorAll<HTMLDetailsElement>('details.chm-table')) d.open = true;
    if (focus) tabs[i].focus();
  };
  tabs.forEach((b, i) => {
    b.addEventListener('click', () => select(i, false));
    b.addEventListener('keydown', (e) => {
      const n = tabs.length;
      const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      select(to, true);
    });
  });
  const fromHash = tabs.findIndex((b) => `#${b.dataset.evTab}` === location.hash);
  select(Math.max(0, fromHash), false);
}

/**
 * Map embed: the image file name and the chart tab follow the map's view (level, indicator, period, selected area),
 * read from the interactive map when it is drawn, else from the view rendered statically.
 */
function followEmbedView(): void {
  const el = document.querySelector<HTMLElement>('[data-embed-kind="map"] stunting-map');
  if (!el) return;
  const box = el.closest<HTMLElement>('[data-embed-kind]');
  const update = () => {
    const live = (el as unknown as { stuntingMap?: { state?: { level: string; indicator: string; period: string; area: string | null } } }).stuntingMap?.state;
    let cfg: { level: string; indicator: string; period: string; indicators?: { id: string; kind?: string }[] } | null = null;
    try {
      cfg = JSON.parse(el.dataset.config ?? '');
    } catch {
      /* keep null */
    }
    const st = live ?? (cfg ? { ...cfg, area: null } : null);
    if (!st) return;
    const dl = document.querySelector<HTMLElement>('figure-download');
    if (dl) dl.dataset.name = mapFileName(st);
    const chart = document.querySelector<HTMLAnchorElement>('a[data-ev-link="chart"]');
    if (chart) {
      // A convergence indicator's trend is the convergence embed of the area; a prevalence's, the trend embed.
      const coverage = cfg?.indicators?.find((i) => i.id === st.indicator)?.kind === 'coverage' ? box?.dataset.coverageChart : undefined;
      const u = new URL(coverage ?? (chart.dataset.href ??= chart.href), location.href);
      chart.dataset.href ??= chart.href;
      if (st.area) u.pathname = u.pathname.replace(/\/embed\/(tren|konvergensi)\/[^/]+\/$/, `/embed/$1/${st.area}/`);
      u.search = !coverage && st.indicator === box?.dataset.defaultIndicator ? '' : `?indikator=${encodeURIComponent(st.indicator)}`;
      chart.href = u.href;
    }
  };
  update();
  el.addEventListener('map-ready', update);
  addEventListener('stunting:urlchange', update);
}
