/**
 * `<indicator-tabs>`: turns a list of links to panel anchors into an ARIA tab list (one panel visible, arrow keys,
 * Home/End) without changing the server-rendered panels. A `#<panel-id>` in the URL opens that panel, and choosing a
 * tab writes its hash (replaceState, no scroll). Without JavaScript all panels stay visible under the links.
 */
class IndicatorTabs extends HTMLElement {
  connectedCallback(): void {
    const list = this.querySelector<HTMLElement>('[data-tabs]');
    const panels = [...this.querySelectorAll<HTMLElement>('[data-panel]')];
    if (!list || panels.length < 2 || this.classList.contains('is-tabs')) return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a[data-tab]')];
    const tabs = links.map((a) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.id = `${a.dataset.tab}-tab`;
      b.setAttribute('aria-controls', a.dataset.tab!);
      b.textContent = a.textContent;
      a.parentElement!.setAttribute('role', 'presentation');
      a.replaceWith(b);
      return b;
    });
    list.setAttribute('role', 'tablist');
    const nav = list.closest('nav');
    if (nav) {
      // A tablist inside a navigation landmark would be announced as site navigation.
      list.setAttribute('aria-label', nav.getAttribute('aria-label') ?? '');
      nav.replaceWith(...nav.childNodes);
    }
    for (const p of panels) {
      p.setAttribute('role', 'tabpanel');
      p.setAttribute('aria-labelledby', `${p.id}-tab`);
      p.tabIndex = -1;
    }
    const select = (i: number, focus: boolean, writeHash: boolean) => {
      tabs.forEach((t, j) => {
        t.setAttribute('aria-selected', String(i === j));
        t.tabIndex = i === j ? 0 : -1;
        panels[j].hidden = i !== j;
      });
      if (focus) tabs[i].focus();
      if (writeHash) {
        history.replaceState(history.state, '', `#${panels[i].id}`);
        dispatchEvent(new Event('stunting:urlchange'));
      }
    };
    tabs.forEach((t, i) => {
      t.addEventListener('click', () => select(i, false, true));
      t.addEventListener('keydown', (e) => {
        const n = tabs.length;
        const to =
          e.key === 'ArrowRight' ? (i + 1) % n
          : e.key === 'ArrowLeft' ? (i - 1 + n) % n
          : e.key === 'Home' ? 0
          : e.key === 'End' ? n - 1
          : -1;
        if (to < 0) return;
        e.preventDefault();
        select(to, true, true);
      });
    });
    const fromHash = () => panels.findIndex((p) => `#${p.id}` === location.hash);
    const start = fromHash();
    this.classList.add('is-tabs');
    select(start >= 0 ? start : Math.max(0, panels.findIndex((p) => p.id === this.dataset.default)), false, false);
    window.addEventListener('hashchange', () => {
      const i = fromHash();
      if (i >= 0) select(i, false, false);
    });
  }
}
if (!customElements.get('indicator-tabs')) customElements.define('indicator-tabs', IndicatorTabs);
