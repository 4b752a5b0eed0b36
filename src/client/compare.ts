/**
 * <compare-chart>: the reader's comparison of several areas (src/components/CompareChart.astro). Shows the form,
 * reads `?banding=…&indikator=…` (invalid → the page's default, said once in the console), fetches the areas' series
 * (`/data/v1/series/<kode>.json`) and redraws chart, title and table with the pure code of src/lib/site/compare.ts;
 * every change is written to the address with replaceState and announced (`stunting:urlchange`) so the share box
 * follows. The list of area names (`areas.json`) is fetched when the reader first reaches for the "add" field; the
 * chart code (d3, src/lib/site/compare.ts) with the first redraw.
 */
import type { AreaJson, SeriesJson } from '../lib/site/contract.ts';
import type { IndicatorId } from '../lib/types.ts';
import { compareFromQuery, compareToQuery, COMPARE_STYLES, type CompareState } from '../lib/site/compare-state.ts';
import { formatCI, formatPeriod, statusLabel, type Lang } from '../lib/site/format.ts';
import { areaTitle } from '../lib/site/area-title.ts';
import { URL_PARAMS } from '../lib/i18n/client.ts';
import { text } from '../lib/i18n/lookup.ts';

interface Config {
  lang: Lang;
  defaults: string[];
  indicator: IndicatorId;
  data: string;
  periods: string[];
  indicators: { id: string; short: string }[];
  capId: string;
  max: number;
  text: { remove: string; period: string; and: string; title: string; notFound: string; full: string };
  names: Record<string, string>;
}

const json = new Map<string, Promise<unknown>>();
function getJson<T>(url: string): Promise<T> {
  let p = json.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${url}`);
      return r.json();
    });
    json.set(url, p);
  }
  return p as Promise<T>;
}

/** Folds case, accents and spaces, for matching a typed name. */
const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '');

class CompareChart extends HTMLElement {
  cfg!: Config;
  state!: CompareState;
  areas: AreaJson[] | null = null;
  token = 0;

  connectedCallback(): void {
    if (this.cfg) return;
    try {
      this.cfg = JSON.parse(this.dataset.config ?? '') as Config;
    } catch {
      return;
    }
    const cfg = this.cfg;
    const fallback = { codes: cfg.defaults, indicator: cfg.indicator };
    this.state = fallback;
    const form = this.querySelector<HTMLFormElement>('[data-cmp-form]');
    const input = this.querySelector<HTMLInputElement>('[data-cmp-input]');
    const select = this.querySelector<HTMLSelectElement>('[data-cmp-indicator]');
    if (!form || !input || !select) return;
    form.hidden = false;
    this.chips();
    input.addEventListener('focus', () => void this.loadAreas(), { once: true });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.add(input.value);
    });
    select.addEventListener('change', () => void this.apply({ ...this.state, indicator: select.value as IndicatorId }));
    const q = new URLSearchParams(location.search);
    if (q.has('banding') || q.has('compare')) {
      // Known codes are checked against areas.json; until it arrives only the syntax is (the fetch fails for others).
      void this.loadAreas().then((areas) => {
        const { state, invalid } = compareFromQuery(q, { areas: new Set(areas.map((a) => a.code)), indicators: cfg.indicators.map((i) => i.id), fallback });
        if (invalid.length) console.warn(text(URL_PARAMS, cfg.lang, 'invalidParam'), invalid.join(', '));
        select.value = state.indicator;
        void this.apply(state, false);
      });
    }
  }

  async loadAreas(): Promise<AreaJson[]> {
    if (this.areas) return this.areas;
    const areas = await getJson<AreaJson[]>(`${this.cfg.data}areas.json`);
    this.areas = areas;
    for (const a of areas) this.cfg.names[a.code] ??= areaTitle(a, this.cfg.lang);
    const list = this.querySelector('[data-cmp-list]');
    if (list && !list.childElementCount) {
      for (const a of areas) {
        const o = document.createElement('option');
        o.value = `${this.cfg.names[a.code]} (${a.code})`;
        list.append(o);
      }
    }
    return areas;
  }

  status(text: string): void {
    const s = this.querySelector<HTMLElement>('[data-cmp-status]');
    if (s) s.textContent = text;
  }

  /** Adds the area the reader typed: "Name (code)" from the list, a code, or a name that matches one area. */
  async add(typed: string): Promise<void> {
    const areas = await this.loadAreas();
    const code = /\((\d{2}\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)\)\s*$/.exec(typed)?.[1] ?? typed.trim();
    let hit = areas.find((a) => a.code === code);
    if (!hit) {
      const f = fold(typed);
      const named = areas.filter((a) => fold(a.name) === f || fold(this.cfg.names[a.code] ?? '') === f);
      // A kecamatan and a desa often share a name: the higher level wins (the list offers the other).
      const rank = { kabupaten: 0, kecamatan: 1, desa: 2 } as Record<string, number>;
      const top = Math.min(...named.map((a) => rank[a.level] ?? 3));
      const best = named.filter((a) => (rank[a.level] ?? 3) === top);
      hit = best.length === 1 ? best[0] : undefined;
    }
    if (!hit) return this.status(this.cfg.text.notFound + typed);
    if (this.state.codes.includes(hit.code)) return this.status('');
    if (this.state.codes.length >= this.cfg.max) return this.status(this.cfg.text.full);
    const input = this.querySelector<HTMLInputElement>('[data-cmp-input]');
    if (input) input.value = '';
    this.status('');
    await this.apply({ ...this.state, codes: [...this.state.codes, hit.code] });
  }

  chips(): void {
    const ul = this.querySelector('[data-cmp-chips]');
    if (!ul) return;
    ul.replaceChildren(
      ...this.state.codes.map((c, i) => {
        const li = document.createElement('li');
        li.style.borderColor = COMPARE_STYLES[i % COMPARE_STYLES.length].stroke;
        li.dataset.code = c;
        const name = this.cfg.names[c] ?? c;
        li.append(name);
        if (this.state.codes.length > 1) {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = '×';
          b.setAttribute('aria-label', `${this.cfg.text.remove}: ${name}`);
          b.addEventListener('click', () => void this.apply({ ...this.state, codes: this.state.codes.filter((x) => x !== c) }));
          li.append(b);
        }
        return li;
      }),
    );
  }

  /** Draws a comparison and (unless `write` is false) writes it to the address. */
  async apply(state: CompareState, write = true): Promise<void> {
    const token = ++this.token;
    const cfg = this.cfg;
    // The chart code (d3) loads with the first redraw, not with the page.
    const [{ compareModel, compareSvg }, series] = await Promise.all([
      import('../lib/site/compare.ts'),
      Promise.all(state.codes.map((c) => getJson<SeriesJson>(`${cfg.data}series/${c}.json`))),
    ]);
    if (token !== this.token) return;
    this.state = state;
    this.chips();
    const names = state.codes.map((c) => cfg.names[c] ?? c);
    const model = compareModel(series, cfg.periods, { indicator: state.indicator, lang: cfg.lang, names: (s) => cfg.names[s.code] ?? s.name });
    const plot = this.querySelector('[data-cmp-plot]');
    if (plot) plot.innerHTML = compareSvg(model, cfg.capId);
    const short = cfg.indicators.find((i) => i.id === state.indicator)?.short ?? state.indicator;
    const list = names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${cfg.text.and} ${names[names.length - 1]}`;
    const title = this.querySelector('[data-cmp-title]');
    if (title) title.textContent = cfg.text.title.replace('{i}', short).replace('{I}', short.replace(/^./, (c) => c.toUpperCase())).replace('{a}', list);
    this.table(series, names, state.indicator);
    const dl = this.querySelector<HTMLElement>('figure-download');
    if (dl) dl.dataset.name = `banding-${state.codes.join('_')}-${state.indicator}`;
    if (write) {
      history.replaceState(history.state, '', `${location.pathname}${compareToQuery(state, cfg.indicator, location.search)}${location.hash}`);
      dispatchEvent(new Event('stunting:urlchange'));
    }
  }

  table(series: SeriesJson[], names: string[], indicator: IndicatorId): void {
    const t = this.querySelector<HTMLTableElement>('[data-cmp-table]');
    if (!t) return;
    const lang = this.cfg.lang;
    const head = document.createElement('tr');
    const th0 = document.createElement('th');
    th0.scope = 'col';
    th0.textContent = this.cfg.text.period;
    head.append(th0);
    for (const n of names) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = 'n';
      th.textContent = n;
      head.append(th);
    }
    t.tHead?.replaceChildren(head);
    const cap = t.caption;
    if (cap) cap.textContent = cap.textContent!.replace(/:.*$/, `: ${this.cfg.indicators.find((i) => i.id === indicator)?.short ?? indicator}`);
    t.tBodies[0]?.replaceChildren(
      ...this.cfg.periods.map((p) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = formatPeriod(p, lang);
        tr.append(th);
        for (const s of series) {
          const v = s.periods[p]?.indicators?.[indicator];
          const td = document.createElement('td');
          td.className = 'n';
          td.textContent = v && v.status === 'ok' ? formatCI(v.prevalence, v.ci_low, v.ci_high, lang) : statusLabel((v?.status ?? 'no_data') as never, lang);
          tr.append(td);
        }
        return tr;
      }),
    );
  }
}

if (!customElements.get('compare-chart')) customElements.define('compare-chart', CompareChart);
