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
  /** "SK 95%: 16,2–20,9% · 1.234 balita" or the reason there is no figure. */
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
}

const BLUE = '#0b57a4';

/** The sparkline paths (line, CI band, last point) in a box of `w` × `h` with a 0-based y axis. */
export function sparkline(points: readonly SparkPoint[], w: number, h: number): { line: string; band: string; last: [number, number] | null; max: number } {
  const vals = points.flatMap((p) => [p.value, p.hi]).filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(10, Math.ceil((Math.max(0, ...vals) * 1.1) / 5) * 5);
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

/** The preview image as an SVG document string (1200 × 630). */
export function ogImageSvg(o: OgInput): string {
  const W = OG_WIDTH;
  const H = OG_HEIGHT;
  const font = o.font ?? "'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, sans-serif";
  const t = escapeText;
  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`, `<rect width="16" height="${H}" fill="${BLUE}"/>`);
  // Site title and synthetic marker.
  parts.push(`<text x="64" y="76" font-size="28" fill="#4f5660">${t(o.siteTitle)}</text>`);
  if (o.synthetic) {
    const w = Math.round(o.synthetic.length * 16.5 + 40);
    parts.push(
      `<rect x="${W - 56 - w}" y="40" width="${w}" height="52" rx="6" fill="#fff3cd" stroke="#b58100" stroke-width="3"/>`,
      `<text x="${W - 56 - w / 2}" y="75" font-size="24" font-weight="700" fill="#6a3d00" text-anchor="middle">${t(o.synthetic)}</text>`,
    );
  }
  // Area name (at most two lines) and place.
  const nameLines = wrapText(o.areaTitle, 24).slice(0, 2);
  let y = 150;
  for (const line of nameLines) {
    parts.push(`<text x="64" y="${y}" font-size="58" font-weight="700" fill="#1b1f23">${t(line)}</text>`);
    y += 66;
  }
  if (o.context) parts.push(`<text x="64" y="${y - 14}" font-size="26" fill="#4f5660">${t(wrapText(o.context, 60)[0])}</text>`);
  // Big number.
  const top = Math.max(y + 40, 330);
  const labelLines = wrapText(o.valueLabel, 34).slice(0, 2);
  labelLines.forEach((line, i) => parts.push(`<text x="64" y="${top - (labelLines.length - 1 - i) * 36}" font-size="30" fill="#1b1f23">${t(line)}</text>`));
  parts.push(`<text x="60" y="${top + 120}" font-size="${o.value ? 128 : 96}" font-weight="700" fill="${o.value ? BLUE : '#4f5660'}">${t(o.value ?? '–')}</text>`);
  const notes = wrapText(o.valueNote, 36).slice(0, 2);
  notes.forEach((line, i) => parts.push(`<text x="64" y="${top + 170 + i * 32}" font-size="26" fill="#4f5660">${t(line)}</text>`));
  // Sparkline on the right.
  const sx = 700;
  const sw = 440;
  const sy = top - 20;
  const sh = 200;
  const s = sparkline(o.points, sw, sh);
  parts.push(`<g transform="translate(${sx},${sy})">`);
  parts.push(`<line x1="0" x2="${sw}" y1="${sh}" y2="${sh}" stroke="#6b7178" stroke-width="2"/>`);
  parts.push(`<line x1="0" x2="${sw}" y1="0" y2="0" stroke="#e3e5e8" stroke-width="2"/>`);
  parts.push(`<text x="-10" y="8" font-size="20" fill="#4f5660" text-anchor="end">${s.max}%</text>`);
  parts.push(`<text x="-10" y="${sh + 6}" font-size="20" fill="#4f5660" text-anchor="end">0</text>`);
  if (s.band) parts.push(`<path d="${s.band}" fill="${BLUE}" fill-opacity="0.16"/>`);
  if (s.line) parts.push(`<path d="${s.line}" fill="none" stroke="${BLUE}" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>`);
  if (s.last) parts.push(`<circle cx="${s.last[0]}" cy="${s.last[1]}" r="10" fill="${BLUE}" stroke="#fff" stroke-width="3"/>`);
  parts.push(`<text x="0" y="${sh + 34}" font-size="22" fill="#4f5660">${t(o.firstLabel)}</text>`);
  parts.push(`<text x="${sw}" y="${sh + 34}" font-size="22" fill="#4f5660" text-anchor="end">${t(o.lastLabel)}</text>`);
  parts.push(`</g>`);
  // Footer.
  parts.push(`<line x1="64" x2="${W - 56}" y1="${H - 74}" y2="${H - 74}" stroke="#dcdfe3" stroke-width="2"/>`);
  parts.push(`<text x="64" y="${H - 36}" font-size="22" fill="#4f5660">${t(wrapText(o.footer, 95)[0])}</text>`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${font.replace(/"/g, "'")}">` +
    parts.join('') +
    `</svg>`
  );
}
