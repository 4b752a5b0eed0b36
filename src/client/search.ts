/**
 * `<area-search>`: upgrades the no-JS link into an ARIA 1.2 combobox. The index is fetched on first focus (same
 * origin, so it works offline once the site is cached): the one file of `data-index`, or on a large site the manifest
 * of the shards under `data-shards`, whose shards are then fetched as queries need them (each once, shared by the
 * boxes of a page). Arrows move, Enter opens, Escape closes. Matching tolerates spacing and typing errors
 * (searchIndex); an indicator found offers two options, its map view and its definition. When nothing matches, a note
 * links to the A–Z list of areas.
 */
import { indicatorLinks, indicatorName, searchIndex, type SearchHit, type SearchIndex } from '../lib/site/search-index.ts';
import { createShardedSearch, type SearchShard, type ShardManifest } from '../lib/site/search-shards.ts';
import { SEARCH_LEVELS, SEARCH_RESULTS } from '../lib/i18n/client.ts';
import { text } from '../lib/i18n/lookup.ts';

/** What the box searches with: the best hits for a query. */
type Searcher = (query: string, limit: number) => Promise<SearchHit[]>;

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`search index ${r.status}: ${url}`);
  return r.json() as Promise<T>;
}

/** One searcher per index URL, shared by the boxes of a page (a failed load is retried on the next focus/keystroke). */
const searchers = new Map<string, Promise<Searcher>>();
function loadSearcher(url: string, sharded: boolean): Promise<Searcher> {
  let p = searchers.get(url);
  if (!p) {
    p = sharded
      ? getJson<ShardManifest>(`${url}keys.json`).then((manifest) => {
          const s = createShardedSearch(manifest, (key) => getJson<SearchShard>(`${url}${key}.json`));
          return (q: string, limit: number) => s.hits(q, limit);
        })
      : getJson<SearchIndex>(url).then((ix) => (q: string, limit: number) => Promise.resolve(searchIndex(ix, q, limit)));
    p.catch(() => searchers.delete(url));
    searchers.set(url, p);
  }
  return p;
}

class AreaSearch extends HTMLElement {
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private status!: HTMLElement;
  private empty: HTMLElement | null = null;
  /** The options shown: text, the small line under it, and the language-free path it opens. */
  private rows: { text: string; small: string; path: string }[] = [];
  private active = -1;
  /** Counts the queries asked, so that an answer overtaken by a later keystroke is dropped. */
  private asked = 0;

  connectedCallback(): void {
    const box = this.querySelector<HTMLElement>('.search-box');
    const input = this.querySelector<HTMLInputElement>('input');
    const list = this.querySelector<HTMLUListElement>('[role="listbox"]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!box || !input || !list || !status) return;
    this.input = input;
    this.list = list;
    this.status = status;
    this.empty = this.querySelector<HTMLElement>('[data-empty]');
    box.hidden = false;
    this.classList.add('ready');
    input.addEventListener('focus', () => this.ensureIndex(), { once: true });
    input.addEventListener('input', () => void this.update());
    input.addEventListener('keydown', (e) => this.onKey(e));
    // Leaving the box closes it, unless focus moves to the A–Z link of the "no match" note.
    const leave = (e: FocusEvent) => {
      if (!this.contains(e.relatedTarget as Node | null)) setTimeout(() => this.close(), 150);
    };
    input.addEventListener('blur', leave);
    this.empty?.addEventListener('focusout', leave);
    list.addEventListener('mousedown', (e) => e.preventDefault());
    this.empty?.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const li = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (li) this.go(Number(li.dataset.i));
    });
  }

  private ensureIndex(): Promise<Searcher | null> {
    const shards = this.dataset.shards;
    return loadSearcher(shards ?? this.dataset.index!, shards !== undefined).catch(() => null);
  }

  private async update(): Promise<void> {
    const asked = ++this.asked;
    const q = this.input.value;
    const search = await this.ensureIndex();
    if (!search || !q.trim()) return asked === this.asked ? this.close() : undefined;
    const hits = await search(q, 10).catch(() => null);
    if (asked !== this.asked) return;
    if (!hits) return this.close();
    this.rows = hits.flatMap((h) => this.options(h));
    this.active = -1;
    this.render();
  }

  /** The options of one result: an area's page; an indicator's map view and definition. */
  private options(h: SearchHit): { text: string; small: string; path: string }[] {
    const lang = this.dataset.lang === 'en' ? 'en' : 'id';
    if (h.kind === 'area') {
      const r = h.row;
      const level = text(SEARCH_LEVELS, lang, r[4] === 'b' && /^kota\s/i.test(r[1]) ? 'kota' : r[4]);
      // Where the area is: its kecamatan (a desa) and, on a province site, its kab/kota.
      return [{ text: r[1], small: [level, r[3], r[6]].filter(Boolean).join(' · '), path: r[5] }];
    }
    const name = indicatorName(h.row, lang);
    const links = indicatorLinks(h.row);
    return [
      { text: name, small: text(SEARCH_RESULTS, lang, 'indicatorMap'), path: links.map },
      { text: name, small: text(SEARCH_RESULTS, lang, 'indicatorDefinition'), path: links.definition },
    ];
  }

  private render(): void {
    const id = this.list.id;
    this.list.replaceChildren();
    if (!this.rows.length) {
      // Nothing to choose: no empty listbox, a note with the A–Z link instead.
      this.close();
      if (this.empty) this.empty.hidden = false;
      this.status.textContent = this.dataset.none ?? '';
      return;
    }
    if (this.empty) this.empty.hidden = true;
    this.rows.forEach((r, i) => {
      const li = document.createElement('li');
      li.id = `${id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === this.active));
      li.dataset.i = String(i);
      li.textContent = r.text;
      const small = document.createElement('small');
      small.textContent = r.small;
      li.append(small);
      this.list.append(li);
    });
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    this.status.textContent = (this.dataset.results ?? '').replace('{n}', String(this.rows.length));
  }

  private close(): void {
    this.list.hidden = true;
    if (this.empty && !this.empty.contains(document.activeElement)) this.empty.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.rows.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      if (this.list.hidden) return void this.update();
      this.active = (this.active + 1) % n;
      this.render();
      document.getElementById(`${this.list.id}-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this.active = this.active <= 0 ? n - 1 : this.active - 1;
      this.render();
      document.getElementById(`${this.list.id}-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      if (n && !this.list.hidden) {
        e.preventDefault();
        this.go(this.active >= 0 ? this.active : 0);
      }
    } else if (e.key === 'Escape') {
      if (!this.list.hidden || (this.empty && !this.empty.hidden)) {
        this.close();
        if (this.empty) this.empty.hidden = true;
      } else this.input.value = '';
    }
  }

  private go(i: number): void {
    const r = this.rows[i];
    if (!r) return;
    const base = (this.dataset.base ?? '/').replace(/\/?$/, '/');
    const lang = this.dataset.lang === 'en' ? 'en/' : '';
    location.href = `${base}${lang}${r.path.replace(/^\//, '')}`;
  }
}

if (!customElements.get('area-search')) customElements.define('area-search', AreaSearch);
