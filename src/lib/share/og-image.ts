/**
 * The link-preview image (OpenGraph / Twitter card) of an area as an SVG string, 1200 × 630: site title, the area's
 * name and place, its latest prevalence with the 95% CI and n (or why there is no figure), a sparkline of the trend
 * with its CI band, the synthetic-data marker when the data are synthetic, and source and licence. Pure; the build
 * renders it to PNG with @resvg/resvg-js (src/pages/og/[...slug].png.ts) using system fonts (no web font).
 */
import type { Lang } from '../site/format.ts';
import { normaliseBase } from '../site/i18n.ts';
import { escapeText, wrapText } from './image.ts';

/** Preview size recommended by Facebook, LinkedIn and X (1.91:1). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Site path (with base) of an area's preview image in a language: `/og/id/35.10.01.png`. */
export function ogImagePath(lang: Lang, code: string, base = '/'): string {
  return `${normaliseBase(base)}og/${lang}/${code}.png`;
}

/** Site path (with base) of the preview image of a convergence indicator's map in a period (both levels' static
 * pages share it): `/og/id/peta/imunisasi_dasar/2025-08.png`. */
export function ogMapImagePath(lang: Lang, indicator: string, period: string, base = '/'): string {
  return `${normaliseBase(base)}og/${lang}/peta/${indicator}/${period}.png`;
}

/** One point of the sparkline: percent values or null. */
export interface SparkPoint {
  value: number | null;
  lo: number | null;
  hi: number | null;
}

/** What the preview shows (all text already in the page language). */
export interface OgInput {
  siteTitle: string;
  /** "Desa Pesanggaran". */
  areaTitle: string;
  /** "Kecamatan Pesanggaran, Kabupaten Banyuwangi". */
  context: string;
  /** Formatted latest prevalence ("18,5%") or null when not published. */
  value: string | null;
  /** "Prevalensi stunting, Agustus 2025". */
  valueLabel: string;
  /** "SK 95%: 16,2–20,9% · 1.234 balita" or the reason there is no figure (with `classes`: a second line after a
   * line break). */
  valueNote: string;
  points: SparkPoint[];
  /** Labels under the sparkline's first and last point. */
  firstLabel: string;
  lastLabel: string;
  /** Marker text when the data are synthetic, else null. */
  synthetic: string | null;
  /** "Sumber: … · Lisensi CC BY 4.0 · example.org". */
  footer: string;
  /** Font family list (the build passes the families it loaded). */
  font?: string;
  /** Colour of the number and the sparkline (default the site's blue; a convergence map: its palette's darkest). */
  accent?: string;
  /** Top of the sparkline's scale (default: from the values; a coverage: 100). */
  sparkMax?: number;
  /** A long title (an indicator's name): up to three lines of `wrap` letters instead of two of 22. */
  longTitle?: boolean;
  /** Under the sparkline: a map's classes, each with its colour, label and number of areas, and their heading. */
  classes?: { heading: string; items: { fill: string; text: string; count: number }[]; bounds: string[] };
}

const BLUE = '#0b57a4';

/** The sparkline paths (line, CI band, last point) in a box of `w` × `h` with a 0-based y axis. */
export function sparkline(points: readonly SparkPoint[], w: number, h: number, fixedMax?: number): { line: string; band: string; last: [number, number] | null; max: number } {
  const vals = points.flatMap((p) => [p.value, p.hi]).filter((v): v is number => v !== null && Number.isFinite(v));
  const max = fixedMax ?? Math.max(10, Math.ceil((Math.max(0, ...vals) * 1.1) / 5) * 5);
  const n = points.length;
  const x = (i: number) => (n <= 1 ? w / 2 : (i / (n - 1)) * w);
  const y = (v: number) => h - (v / max) * h;
  const f = (v: number) => Math.round(v * 10) / 10;
  let line = '';
  let pen = false;
  let last: [number, number] | null = null;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    line += `${pen ? 'L' : 'M'}${f(x(i))},${f(y(p.value))}`;
    pen = true;
    last = [f(x(i)), f(y(p.value))];
  });
  // CI band over runs of points with both bounds.
  let band = '';
  let run: number[] = [];
  const flush = () => {
    if (run.length > 1) {
      band += `M${run.map((i) => `${f(x(i))},${f(y(points[i].hi!))}`).join('L')}L${[...run].reverse().map((i) => `${f(x(i))},${f(y(points[i].lo!))}`).join('L')}Z`;
    }
    run = [];
  };
  points.forEach((p, i) => (p.lo !== null && p.hi !== null ? run.push(i) : flush()));
  flush();
  return { line, band, last, max };
}

/** The centred square (630 × 630) that WhatsApp, Telegram and other apps crop a preview to: the area's name, the
 * number, its label and note and the synthetic marker are drawn inside it; the sparkline and the footer may be cut. */
export const OG_SQUARE = { x0: (OG_WIDTH - OG_HEIGHT) / 2, x1: (OG_WIDTH + OG_HEIGHT) / 2 };

/** Largest font size (≤ max) at which `text` fits `width` px (average glyph ≈ 0.56 em; bold ≈ 0.6 em). */
function fitSize(text: string, width: number, max: number, bold = false): number {
  return Math.max(14, Math.min(max, Math.floor(width / (Math.max(1, text.length) * (bold ? 0.6 : 0.56)))));
}

/** A map's classes as a strip of swatches `w` wide at `y`: the count of areas on each, the class bounds between them. */
function classStrip(c: NonNullable<OgInput['classes']>, w: number, y: number, esc: (s: string) => string): string {
  const n = c.items.length;
  const cw = n ? w / n : w;
  const out = [`<text x="0" y="${y}" font-size="18" fill="#4f5660">${esc(c.heading)}</text>`];
  c.items.forEach((it, i) => {
    const x = Math.round(i * cw);
    out.push(
      `<rect x="${x}" y="${y + 12}" width="${Math.round(cw) - 3}" height="44" fill="${it.fill}"/>`,
      `<text x="${Math.round(x + cw / 2 - 1)}" y="${y + 42}" font-size="${it.count >= 100 ? 16 : 20}" font-weight="700" fill="${it.text}" text-anchor="middle">${it.count}</text>`,
    );
  });
  c.bounds.slice(0, n - 1).forEach((b, i) => out.push(`<text x="${Math.round((i + 1) * cw - 1.5)}" y="${y + 76}" font-size="15" fill="#4f5660" text-anchor="middle">${esc(b)}</text>`));
  return out.join('');
}

/** The preview image as an SVG document string (1200 × 630). */
export function ogImageSvg(o: OgInput): string {
  const W = OG_WIDTH;
  const H = OG_HEIGHT;
  const font = o.font ?? "'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, sans-serif";
  const t = escapeText;
  const parts: string[] = [];
  // Everything that must survive a square crop is centred on cx within `inner` px.
  const cx = W / 2;
  const inner = OG_SQUARE.x1 - OG_SQUARE.x0 - 50;
  const text = (y: number, size: number, fill: string, s: string, bold = false) =>
    parts.push(`<text x="${cx}" y="${y}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${fill}" text-anchor="middle">${t(s)}</text>`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`, `<rect width="16" height="${H}" fill="${BLUE}"/>`);
  let y = 40;
  if (o.synthetic) {
    const size = fitSize(o.synthetic, inner - 40, 24, true);
    const w = Math.min(inner, Math.round(o.synthetic.length * size * 0.66 + 40));
    parts.push(`<rect x="${cx - w / 2}" y="${y}" width="${w}" height="${size + 22}" rx="6" fill="#fff3cd" stroke="#b58100" stroke-width="3"/>`);
    text(y + size + 4, size, '#6a3d00', o.synthetic, true);
    y += size + 22;
  }
  // Site title, area name (one line, or two at a smaller size) and place.
  y += 44;
  const siteLine = wrapText(o.siteTitle, 44)[0];
  text(y, fitSize(siteLine, inner, 26), '#4f5660', siteLine);
  const oneLine = fitSize(o.areaTitle, inner, 56, true) >= 40;
  const nameLines = oneLine ? [o.areaTitle] : o.longTitle ? wrapText(o.areaTitle, 30).slice(0, 3) : wrapText(o.areaTitle, 22).slice(0, 2);
  const nameSize = Math.min(...nameLines.map((l) => fitSize(l, inner, 56, true)));
  for (const line of nameLines) {
    y += nameSize + 12;
    text(y, nameSize, '#1b1f23', line, true);
  }
  if (o.context) {
    const c = wrapText(o.context, 60)[0];
    y += 40;
    text(y, fitSize(c, inner, 24), '#4f5660', c);
  }
  // The number, its label above and its interval and n below.
  y += 50;
  const label = wrapText(o.valueLabel, 44)[0];
  text(y, fitSize(label, inner, 28), '#1b1f23', label);
  const numSize = o.value ? Math.min(128, H - y - 150) : 96;
  y += numSize + 4;
  const accent = o.accent ?? BLUE;
  text(y, numSize, o.value ? accent : '#4f5660', o.value ?? '–', true);
  // A convergence map's note has two lines: interval and counts, then the target.
  const notes = o.classes ? o.valueNote.split('\n').slice(0, 2).map((l) => wrapText(l, 50)[0]) : [wrapText(o.valueNote, 50)[0]];
  const noteSize = Math.min(...notes.map((l) => fitSize(l, inner, 24)));
  notes.forEach((note, i) => {
    y += i ? 30 : 42;
    text(y, notes.length > 1 ? noteSize : fitSize(note, inner, 24), '#4f5660', note);
  });
  // Sparkline on the right, outside the square (context, not the message).
  const sx = OG_SQUARE.x1 + 40;
  const sw = W - 48 - sx;
  // With a class strip under it, the sparkline moves up to leave it room above the footer.
  const sh = o.classes ? 160 : 180;
  const sy = o.classes ? 150 : 260;
  const s = sparkline(o.points, sw, sh, o.sparkMax);
  parts.push(`<g transform="translate(${sx},${sy})">`);
  parts.push(`<line x1="0" x2="${sw}" y1="${sh}" y2="${sh}" stroke="#6b7178" stroke-width="2"/>`);
  parts.push(`<line x1="0" x2="${sw}" y1="0" y2="0" stroke="#e3e5e8" stroke-width="2"/>`);
  parts.push(`<text x="0" y="-10" font-size="18" fill="#4f5660">${s.max}%</text>`);
  if (s.band) parts.push(`<path d="${s.band}" fill="${accent}" fill-opacity="0.16"/>`);
  if (s.line) parts.push(`<path d="${s.line}" fill="none" stroke="${accent}" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"/>`);
  if (s.last) parts.push(`<circle cx="${s.last[0]}" cy="${s.last[1]}" r="8" fill="${accent}" stroke="#fff" stroke-width="3"/>`);
  parts.push(`<text x="0" y="${sh + 30}" font-size="18" fill="#4f5660">${t(o.firstLabel)}</text>`);
  parts.push(`<text x="${sw}" y="${sh + 30}" font-size="18" fill="#4f5660" text-anchor="end">${t(o.lastLabel)}</text>`);
  if (o.classes) parts.push(classStrip(o.classes, sw, sh + 62, t));
  parts.push(`</g>`);
  // Footer.
  const foot = wrapText(o.footer, 95)[0];
  parts.push(`<line x1="64" x2="${W - 56}" y1="${H - 62}" y2="${H - 62}" stroke="#dcdfe3" stroke-width="2"/>`);
  text(H - 28, fitSize(foot, W - 120, 20), '#4f5660', foot);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${font.replace(/"/g, "'")}">` +
    parts.join('') +
    `</svg>`
  );
}
