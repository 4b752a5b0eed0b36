/**
 * `<trend-chart>`: hover and keyboard tooltips on the server-rendered trend SVG. Enhancement only: every value is
 * already in the figcaption and the table. Points become focusable (Tab / arrow keys) and announce their value.
 */
class TrendChart extends HTMLElement {
  connectedCallback(): void {
    const tip = this.querySelector<HTMLElement>('.tc-tip');
    const plot = this.querySelector<HTMLElement>('.tc-plot');
    if (!tip || !plot) return;
    const show = (el: SVGGraphicsElement) => {
      const box = el.getBoundingClientRect();
      const host = plot.getBoundingClientRect();
      tip.textContent = el.dataset.tip ?? '';
      tip.hidden = false;
      const x = Math.min(Math.max(box.left + box.width / 2 - host.left, 70), host.width - 70);
      tip.style.left = `${x}px`;
      tip.style.top = `${box.top - host.top}px`;
    };
    const hide = () => (tip.hidden = true);
    for (const svg of this.querySelectorAll<SVGSVGElement>('svg.tc-svg')) {
      svg.setAttribute('role', 'group');
      const pts = [...svg.querySelectorAll<SVGGraphicsElement>('.tc-pt')];
      pts.forEach((p, i) => {
        p.setAttribute('tabindex', i === 0 ? '0' : '-1');
        p.setAttribute('role', 'img');
        p.setAttribute('aria-label', p.dataset.tip ?? '');
        p.addEventListener('mouseenter', () => show(p));
        p.addEventListener('mouseleave', hide);
        p.addEventListener('focus', () => show(p));
        p.addEventListener('blur', hide);
        p.addEventListener('keydown', (e) => {
          const d = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
          if (e.key === 'Escape') return hide();
          if (!d) return;
          e.preventDefault();
          const next = pts[(i + d + pts.length) % pts.length];
          p.setAttribute('tabindex', '-1');
          next.setAttribute('tabindex', '0');
          next.focus();
        });
      });
    }
  }
}
if (!customElements.get('trend-chart')) customElements.define('trend-chart', TrendChart);
