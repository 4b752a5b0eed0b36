/**
 * Figure → SVG / PNG download, loaded by <embed-box> on the first click. Takes the server-rendered SVG that is
 * visible (the trend's wide or narrow drawing, the static map), copies it with its computed styles inlined (the page
 * CSS does not travel with a file), adds title, legend, source, licence and address (src/lib/share/image.ts) and
 * saves it; PNG is that SVG drawn on a canvas at 2×. When the interactive map shows another view than the static
 * SVG, the map's canvas is captured instead (raster inside the SVG).
 */
import { composeFigureSvg, fileSlug, type LegendEntry } from '../lib/share/image.ts';

const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linejoin', 'stroke-linecap',
  'opacity', 'font-size', 'font-weight', 'font-family', 'text-anchor', 'dominant-baseline', 'visibility',
] as const;

/** A copy of an SVG element with the computed presentation styles of every node written as attributes. */
function inlineStyles(src: SVGSVGElement): SVGSVGElement {
  const copy = src.cloneNode(true) as SVGSVGElement;
  // The static map is hidden (visibility) under the live map: drawn from the SVG anyway, it must not come out blank.
  const skipVisibility = getComputedStyle(src).visibility === 'hidden';
  const a = [src, ...src.querySelectorAll('*')];
  const b = [copy, ...copy.querySelectorAll('*')];
  a.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const out = b[i] as Element;
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (p === 'visibility' && (skipVisibility || v === 'visible')) continue;
      if (v && v !== 'normal') out.setAttribute(p, v);
    }
    out.removeAttribute('class');
    out.removeAttribute('tabindex');
    out.removeAttribute('data-tip');
  });
  return copy;
}

const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

/** Legend entries of a trend chart (its <ul class="tc-legend">) or of a map legend. */
function legendOf(root: HTMLElement): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const li of root.querySelectorAll<HTMLElement>('.tc-legend li')) {
    const svg = li.querySelector('svg');
    out.push({ swatch: svg ? inlineStyles(svg).innerHTML : '#0b57a4', label: (li.textContent ?? '').replace(/\s+/g, ' ').trim() });
  }
  for (const li of root.querySelectorAll<HTMLElement>('[data-map-legend] li')) {
    const sw = li.querySelector<HTMLElement>('.chm-sw');
    const label = li.querySelector('.chm-ll')?.textContent ?? '';
    const count = li.querySelector('.chm-lc')?.textContent;
    const bg = sw ? getComputedStyle(sw).backgroundColor : '#ccc';
    const img = sw ? getComputedStyle(sw).backgroundImage : 'none';
    // Patterned swatches (suppressed, not measured, lokus dot) are drawn as small SVG fragments.
    const swatch = sw?.classList.contains('sup')
      ? `<rect width="28" height="12" fill="${bg === 'rgba(0, 0, 0, 0)' ? '#e9e9e9' : bg}"/><path d="M0,12L12,0M8,12L20,0M16,12L28,0" stroke="#777" stroke-width="1.5"/>`
      : sw?.classList.contains('nom')
        ? `<rect width="28" height="12" fill="${bg}" stroke="#888"/><circle cx="7" cy="6" r="1.2" fill="#555"/><circle cx="14" cy="6" r="1.2" fill="#555"/><circle cx="21" cy="6" r="1.2" fill="#555"/>`
        : sw?.classList.contains('lk')
          ? `<circle cx="14" cy="6" r="4" fill="#2b2b7a" stroke="#fff"/>`
          : img && img !== 'none' && bg === 'rgba(0, 0, 0, 0)' ? '#cccccc' : bg;
    out.push({ swatch, label: count ? `${label} (${count.trim()})` : label });
  }
  return out;
}

/** The interactive map that `root` is, sits in or contains, when it is drawn (`.chm-live`), else null. */
function liveMapOf(root: HTMLElement): LiveMap | null {
  const el = root.closest<HTMLElement>('stunting-map') ?? root.querySelector<HTMLElement>('stunting-map');
  if (!el || !el.classList.contains('chm-live')) return null;
  return (el as unknown as { stuntingMap?: { map?: LiveMap } }).stuntingMap?.map ?? null;
}
interface LiveMap {
  once: (e: string, f: () => void) => void;
  triggerRepaint: () => void;
  getCanvas: () => HTMLCanvasElement;
}

/** The live MapLibre canvas as a PNG data URL, when the interactive map is drawn (else null). WebGL clears its
 * drawing buffer after each frame is shown, so the pixels are read inside the next 'render' event (the frame is
 * complete and not yet cleared) rather than with preserveDrawingBuffer, which would slow every frame. A map that
 * does not draw within 3 s (e.g. in a hidden tab) gives null: the static SVG is used instead. */
async function liveMapImage(root: HTMLElement): Promise<{ url: string; w: number; h: number } | null> {
  const m = liveMapOf(root);
  if (!m) return null;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 3000);
    m.once('render', () => {
      clearTimeout(timer);
      const c = m.getCanvas();
      try {
        if (!c.clientWidth || !c.clientHeight) return resolve(null);
        resolve({ url: c.toDataURL('image/png'), w: c.clientWidth, h: c.clientHeight });
      } catch {
        resolve(null);
      }
    });
    m.triggerRepaint();
  });
}

/** Saves a blob under a file name. */
function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Rasterises an SVG text to a PNG blob at `scale`. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('SVG image did not load'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The figure image of `root` as SVG text with its size (exported for the browser test). */
export async function figureSvg(root: HTMLElement, o: { footer: string[]; synthetic?: string | null }): Promise<{ svg: string; width: number; height: number; title: string }> {
  const FIG = 'svg.tc-svg, svg.chm-svg, svg.qsvg, svg.cmp-svg';
  const svg = [...root.querySelectorAll<SVGSVGElement>(FIG)].find(visible) ?? root.querySelector<SVGSVGElement>(FIG);
  if (!svg) throw new Error('no figure SVG');
  // Title: the chart's caption heading, else the SVG's own <title> (quality charts), else the figcaption.
  const cap = root.querySelector('[data-map-caption], .tc-caption strong, [data-cmp-title]') ?? svg.querySelector('title') ?? root.querySelector('figcaption');
  const title = (cap?.textContent ?? document.title).replace(/\s+/g, ' ').replace(/[.:]\s*$/, '').trim();
  const summary = (root.querySelector('[data-map-summary]') ?? (cap?.tagName.toLowerCase() === 'title' ? root.querySelector('figcaption') : null))?.textContent?.replace(/\s+/g, ' ').trim();
  const vb = svg.viewBox.baseVal;
  let body: { viewBox: [number, number, number, number]; markup: string };
  const live = await liveMapImage(root);
  if (live) {
    body = { viewBox: [0, 0, live.w, live.h], markup: `<image href="${live.url}" width="${live.w}" height="${live.h}"/>` };
  } else {
    const copy = inlineStyles(svg);
    body = { viewBox: vb && vb.width ? [vb.x, vb.y, vb.width, vb.height] : [0, 0, svg.clientWidth, svg.clientHeight], markup: copy.innerHTML };
  }
  const width = Math.max(480, Math.min(1000, Math.round(svg.getBoundingClientRect().width) || 800));
  // Survey series drawn in the chart (SSGI, SKI) are credited on the source line next to the publisher.
  const credits = [...new Set([...svg.querySelectorAll<SVGElement>('[data-credit]')].map((g) => g.dataset.credit ?? '').filter(Boolean))];
  const footer = credits.length ? [`${o.footer[0]}; ${credits.join('; ')}`, ...o.footer.slice(1)] : o.footer;
  const out = composeFigureSvg({ width, title, subtitle: summary, synthetic: o.synthetic, body, legend: legendOf(root), footer });
  return { ...out, title };
}

/** Downloads the figure of `root` as SVG or PNG. */
export async function downloadFigure(root: HTMLElement, o: { format: 'svg' | 'png'; fileName: string; footer: string[]; synthetic?: string | null }): Promise<void> {
  const { svg, width, height } = await figureSvg(root, o);
  const name = fileSlug(o.fileName);
  if (o.format === 'svg') save(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`);
  else save(await svgToPng(svg, width, height), `${name}.png`);
}
