/**
 * `<trend-chart>`: hover and keyboard tooltips on the server-rendered trend SVG. Enhancement only: every value is
 * already in the figcaption and the table. Points become focusable (Tab / arrow keys) and announce their value.
 */
class TrendChart extends HTMLElement {
  connectedCallback(): void {
    const tip = this.querySelector<HTMLElement>('.tc-tip');
    const plot = this.querySelector<HTMLElement>('.tc-plot');
    if (!tip || !plot) return;
    // The tooltip stays inside the chart: centred over the point, pushed in from the left and right edges, and
    // below the point when there is no room above it.
    const show = (el: SVGGraphicsElement) => {
      const box = el.getBoundingClientRect();
      const host = plot.getBoundingClientRect();
      tip.textContent = el.dataset.tip ?? '';
      tip.hidden = false;
      const w = Math.min(tip.offsetWidth, host.width);
      const h = tip.offsetHeight;
      const cx = box.left + box.width / 2 - host.left;
      const x = Math.min(Math.max(cx - w / 2, 0), Math.max(0, host.width - w));
      const above = box.top - host.top - h - 10;
      const y = above >= 0 ? above : Math.min(box.bottom - host.top + 10, Math.max(0, host.height - h));
      tip.style.left = `${Math.round(x)}px`;
      tip.style.top = `${Math.round(y)}px`;
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
