/**
 * `<area-search>`: upgrades the no-JS link into an ARIA 1.2 combobox. The index is fetched on first focus (same
 * origin, so it works offline once the site is cached); arrows move, Enter opens, Escape closes. Matching tolerates
 * spacing and typing errors (searchIndex); an indicator found offers two options, its map view and its definition.
 * When nothing matches, a note links to the A–Z list of areas.
 */
import { indicatorLinks, indicatorName, searchIndex, type SearchHit, type SearchIndex } from '../lib/site/search-index.ts';
import { SEARCH_RESULTS } from '../lib/i18n/client.ts';
import { text } from '../lib/i18n/lookup.ts';

let indexPromise: Promise<SearchIndex> | null = null;
function loadIndex(url: string): Promise<SearchIndex> {
  indexPromise ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`search index ${r.status}`);
    return r.json() as Promise<SearchIndex>;
  });
  return indexPromise;
}

const LEVEL = { id: { b: 'Kabupaten', k: 'Kecamatan', d: 'Desa/kel.' }, en: { b: 'Regency', k: 'District', d: 'Village' } };

class AreaSearch extends HTMLElement {
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private status!: HTMLElement;
  private empty: HTMLElement | null = null;
  /** The options shown: text, the small line under it, and the language-free path it opens. */
  private rows: { text: string; small: string; path: string }[] = [];
  private active = -1;
  private index: SearchIndex | null = null;

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

  private ensureIndex(): Promise<SearchIndex | null> {
    return loadIndex(this.dataset.index!)
      .then((ix) => (this.index = ix))
      .catch(() => null);
  }

  private async update(): Promise<void> {
    const ix = this.index ?? (await this.ensureIndex());
    const q = this.input.value;
    if (!ix || !q.trim()) return this.close();
    this.rows = searchIndex(ix, q, 10).flatMap((h) => this.options(h));
    this.active = -1;
    this.render();
  }

  /** The options of one result: an area's page; an indicator's map view and definition. */
  private options(h: SearchHit): { text: string; small: string; path: string }[] {
    const lang = this.dataset.lang === 'en' ? 'en' : 'id';
    if (h.kind === 'area') {
      const r = h.row;
      return [{ text: r[1], small: [LEVEL[lang][r[4]], r[3]].filter(Boolean).join(' · '), path: r[5] }];
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
