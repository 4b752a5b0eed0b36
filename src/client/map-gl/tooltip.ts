/**
 * What the interactive map says about an area: the tooltip over the map (name, value, CI, n, status in words, and a
 * link to the area's page) and the polite live region that announces the same lines to screen readers.
 */
import { tipPosition } from '../../lib/site/map-interaction.ts';

/** The tooltip element of one map frame. */
export class Tooltip {
  readonly el: HTMLDivElement;
  readonly #frame: HTMLElement;

  constructor(frame: HTMLElement) {
    this.#frame = frame;
    this.el = document.createElement('div');
    this.el.className = 'chm-tip';
    this.el.hidden = true;
    frame.append(this.el);
  }

  get hidden(): boolean {
    return this.el.hidden;
  }

  /** Shows `lines` (the first in bold, a weak-quality line marked) at `at` in the frame, with `link` under them. */
  show(lines: readonly string[], at: [number, number], link: { href: string; text: string } | null): void {
    const tip = this.el;
    tip.replaceChildren();
    const strong = document.createElement('strong');
    strong.textContent = lines[0];
    tip.append(strong);
    for (const l of lines.slice(1)) {
      const d = document.createElement('div');
      d.textContent = l;
      if (l.startsWith('⚠')) d.className = 'chm-tq';
      tip.append(d);
    }
    if (link) {
      const a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      tip.append(a);
    }
    tip.hidden = false;
    // Keep the tooltip inside the frame: flip to the left / above near the edges.
    const [x, y] = tipPosition(at, [tip.offsetWidth, tip.offsetHeight], [this.#frame.clientWidth, this.#frame.clientHeight]);
    tip.style.transform = `translate(${x}px, ${y}px)`;
  }

  hide(): void {
    this.el.hidden = true;
  }

  remove(): void {
    this.el.remove();
  }
}

/** The visually hidden polite live region of a map element (`<id>-live`), appended to it. */
export function liveRegion(el: HTMLElement): HTMLParagraphElement {
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.id = `${el.id || 'peta'}-live`;
  live.setAttribute('aria-live', 'polite');
  live.dataset.mapLive = '';
  el.append(live);
  return live;
}
