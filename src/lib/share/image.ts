/**
 * Composes a stand-alone SVG of a figure for download: title (wrapped), subtitle, an optional synthetic-data marker,
 * the figure's own SVG (nested, styles already inlined by the caller), a legend row and a footer with source, licence
 * and the page address. Pure string work: the browser side (src/client/share-image.ts) collects the parts from the
 * page and rasterises the result for PNG.
 */
import { escapeAttr } from './embed.ts';

/** One legend entry: a swatch (an SVG fragment drawn in a 28 × 12 box, or a fill colour) and its label. */
export interface LegendEntry {
  swatch: string;
  label: string;
}

/** What the image shows. */
export interface FigureImage {
  /** Output width in CSS pixels (the SVG's own width; PNG is drawn at 2×). */
  width: number;
  title: string;
  subtitle?: string;
  /** Marker drawn in a warning band (e.g. "DATA CONTOH (SINTETIS)"), or null. */
  synthetic?: string | null;
  /** The figure: its viewBox and inner markup (no outer <svg>). */
  body: { viewBox: [number, number, number, number]; markup: string };
  legend?: LegendEntry[];
  /** Footer lines: source, licence, address. */
  footer: string[];
  /** Font family list for the text. */
  font?: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** Splits text into lines of at most ~`maxChars` characters at spaces (a long word stays whole). */
export function wrapText(text: string, maxChars: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > maxChars) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}

/** Escapes element text. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Approximate characters per line for a font size and a width (average glyph ≈ 0.55 em). */
function charsFor(width: number, size: number): number {
  return Math.max(10, Math.floor(width / (size * 0.55)));
}

/** The complete SVG document of a figure image, with its computed height. */
export function composeFigureSvg(f: FigureImage): { svg: string; width: number; height: number } {
  const W = Math.round(f.width);
  const pad = 20;
  const inner = W - 2 * pad;
  const font = f.font ?? FONT;
  const parts: string[] = [];
  let y = pad;

  const titleLines = wrapText(f.title, charsFor(inner, 20));
  for (const line of titleLines) {
    y += 24;
    parts.push(`<text x="${pad}" y="${y}" font-size="20" font-weight="700" fill="#1b1f23">${escapeText(line)}</text>`);
  }
  if (f.subtitle) {
    for (const line of wrapText(f.subtitle, charsFor(inner, 14))) {
      y += 20;
      parts.push(`<text x="${pad}" y="${y}" font-size="14" fill="#4f5660">${escapeText(line)}</text>`);
    }
  }
  if (f.synthetic) {
    y += 10;
    parts.push(`<rect x="${pad}" y="${y}" width="${inner}" height="24" fill="#fff3cd" stroke="#b58100"/>`);
    parts.push(`<text x="${pad + 8}" y="${y + 16.5}" font-size="13" font-weight="700" fill="#6a3d00">${escapeText(f.synthetic)}</text>`);
    y += 24;
  }
  if (f.legend?.length) {
    y += 12;
    let x = pad;
    const rowH = 20;
    let rowY = y;
    for (const e of f.legend) {
      const w = 28 + 6 + Math.ceil(e.label.length * 12 * 0.56) + 16;
      if (x > pad && x + w > W - pad) {
        x = pad;
        rowY += rowH;
      }
      const sw = e.swatch.trim().startsWith('<')
        ? `<svg x="${x}" y="${rowY}" width="28" height="12" viewBox="0 0 28 12" overflow="visible">${e.swatch}</svg>`
        : `<rect x="${x}" y="${rowY}" width="28" height="12" rx="2" fill="${escapeAttr(e.swatch)}" stroke="rgba(0,0,0,0.2)"/>`;
      parts.push(sw, `<text x="${x + 34}" y="${rowY + 10.5}" font-size="12" fill="#1b1f23">${escapeText(e.label)}</text>`);
      x += w;
    }
    y = rowY + rowH - 4;
  }
  y += 12;
  const [vx, vy, vw, vh] = f.body.viewBox;
  const bodyH = Math.round((inner * vh) / Math.max(1, vw));
  parts.push(
    `<svg x="${pad}" y="${y}" width="${inner}" height="${bodyH}" viewBox="${vx} ${vy} ${vw} ${vh}" overflow="visible">${f.body.markup}</svg>`,
  );
  y += bodyH + 14;
  parts.push(`<line x1="${pad}" x2="${W - pad}" y1="${y}" y2="${y}" stroke="#dcdfe3"/>`);
  y += 4;
  for (const line of f.footer.flatMap((l) => wrapText(l, charsFor(inner, 12)))) {
    y += 16;
    parts.push(`<text x="${pad}" y="${y}" font-size="12" fill="#4f5660">${escapeText(line)}</text>`);
  }
  const H = Math.ceil(y + pad);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeAttr(font)}">` +
    `<title>${escapeText(f.title)}</title>` +
    `<rect width="${W}" height="${H}" fill="#ffffff"/>` +
    parts.join('') +
    `</svg>`;
  return { svg, width: W, height: H };
}

/** A file name from free text: lower case ASCII, dashes, at most 80 characters. */
export function fileSlug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'grafik'
  );
}
