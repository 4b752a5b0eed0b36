/**
 * Link-preview images, one per area and language (`/og/<lang>/<kode>.png`, 1200 × 630 PNG), and one per convergence
 * indicator, period and language for its map's static pages (`/og/<lang>/peta/<indikator>/<periode>.png`, the
 * indicator's name, the region's coverage and its desa in the indicator's palette), made at build time:
 * src/lib/share/og-image.ts composes the SVG, @resvg/resvg-js renders it with system fonts (DejaVu Sans or Liberation
 * Sans when present, else whatever the system has; no web font is downloaded).
 *
 * Why an Astro endpoint and not a script: it is part of `astro build` (no extra step, works in `astro dev`), it reads
 * the contract through src/data/load.ts like the pages, and its paths follow `base`. To keep the build fast and its
 * memory bounded, renders run a few images ahead of Astro's requests on two worker threads (src/data/png-renderer.ts). Rendered PNGs are also kept in `node_modules/.cache/stunting-og/`, keyed by the SHA-256 of the SVG and
 * the render options, so a rebuild with unchanged numbers renders nothing (delete the folder to force a re-render).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { areaNameOf as kabName, getArea, loadAreas, loadCoverage, loadCoverageMap, loadCoverageMeta, loadMeta, loadSeries } from '../../data/load.ts';
import { MAIN_INDICATOR, ownPaths } from '../../data/site.ts';
import { LANGS, type Lang } from '../../lib/site/i18n.ts';
import { ogImageSvg } from '../../lib/share/og-image.ts';
import { svgToPng } from '../../data/png-renderer.ts';
import { coverageOgInput, ogInput } from '../../lib/share/social.ts';

/** An area's preview (`code`), or a convergence map's (`map`). */
type Props = { lang: Lang; key: string; code: string | null; map: { indicator: string; period: string } | null };

/** One image per language and area, then one per language, convergence indicator and period. */
export function getStaticPaths() {
  const coverage = loadCoverageMeta();
  // Period by period: each period's desa map (34 MB for a province) is read once, not once per indicator.
  const maps = (coverage?.periods ?? []).flatMap((period) => (coverage?.indicators ?? []).map((i) => ({ indicator: i.id, period })));
  return ownPaths(LANGS.flatMap((lang) => [
    ...loadAreas().map((a) => ({ slug: `${lang}/${a.code}`, props: { lang, key: `${lang}/${a.code}`, code: a.code, map: null } })),
    ...maps.map((m) => ({ slug: `${lang}/peta/${m.indicator}/${m.period}`, props: { lang, key: `${lang}/peta/${m.indicator}/${m.period}`, code: null, map: m } })),
  ]).map(({ slug, props }) => ({ params: { slug }, props: props as Props })));
}

/** Font files to use, first found wins per family; empty → resvg loads the system fonts. */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  'C:\\Windows\\Fonts\\arialbd.ttf',
];
const fontFiles = FONT_CANDIDATES.filter((f) => existsSync(f));
const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, sans-serif";
const OPTIONS: ResvgRenderOptions = {
  font: fontFiles.length
    ? { loadSystemFonts: false, fontFiles, defaultFontFamily: fontFiles[0].includes('DejaVu') ? 'DejaVu Sans' : fontFiles[0].includes('Liberation') ? 'Liberation Sans' : 'Arial' }
    : { loadSystemFonts: true },
  fitTo: { mode: 'original' },
  logLevel: 'off',
};

/** The preview SVG of an area, or of a convergence map, in a language. */
function svgFor(p: Props, host: string): string {
  const meta = loadMeta();
  const { lang } = p;
  if (p.map) {
    const coverage = loadCoverageMeta()!;
    const desa = loadCoverageMap('desa', p.map.period)?.values ?? {};
    return ogImageSvg({ ...coverageOgInput({ meta, coverage, ...p.map, region: loadCoverage(meta.region.code), desa, lang, host }), font: FONT_FAMILY });
  }
  const area = getArea(p.code!);
  const parent = area.parent ? getArea(area.parent) : null;
  return ogImageSvg({ ...ogInput({ meta, area, parent, kabName, series: loadSeries(p.code!), indicator: MAIN_INDICATOR, lang, host }), font: FONT_FAMILY });
}

const CACHE = join(process.cwd(), 'node_modules', '.cache', 'stunting-og');
const OPTIONS_KEY = JSON.stringify({ OPTIONS, png: 'rgba-zlib3' });

/** At most this many renders are queued at once: one per worker (src/data/png-renderer.ts); each holds its own
 * buffers (peak memory). */
const RENDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `job` when fewer than RENDERS jobs run. */
async function limited<T>(job: () => Promise<T>): Promise<T> {
  // A finished job hands its slot to the first waiting one (running stays the same), else frees it.
  if (running >= RENDERS) await new Promise<void>((go) => waiting.push(go));
  else running++;
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** The PNG of an SVG: from the cache when the same SVG was rendered with the same options and fonts before. */
async function render(svg: string): Promise<Buffer> {
  const key = createHash('sha256').update(OPTIONS_KEY).update('\0').update(svg).digest('hex').slice(0, 32);
  const file = join(CACHE, `${key}.png`);
  if (existsSync(file)) return readFileSync(file);
  // Drawn and encoded by worker threads (src/data/png-renderer.ts), not on the main thread.
  const png = await limited(() => svgToPng(svg, OPTIONS));
  try {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, file);
  } catch {
    // A read-only node_modules only costs the cache.
  }
  return png;
}

/** Renders started ahead of the requests, at most WINDOW at a time: resvg works off the main thread while Astro
 * writes the previous files, and memory stays bounded (a province has tens of thousands of previews; holding every
 * PNG until Astro asks for it took ≈ 2 MB of peak memory each). Keyed by the slug; a served PNG is dropped. */
const WINDOW = 16;
const ahead = new Map<string, Promise<Buffer>>();
let order: Props[] | null = null;
let next = 0;

function renderAhead(host: string): void {
  order ??= getStaticPaths().map((p) => p.props);
  while (ahead.size < WINDOW && next < order.length) {
    const p = order[next++];
    if (!ahead.has(p.key)) ahead.set(p.key, render(svgFor(p, host)));
  }
}

/** The PNG of one preview. */
export async function GET({ props, site }: APIContext<Props>): Promise<Response> {
  // No host line in the image when the site's address is not known (SITE_URL unset).
  const host = site?.host ?? '';
  const key = props.key;
  renderAhead(host);
  const png = await (ahead.get(key) ?? render(svgFor(props, host)));
  ahead.delete(key);
  renderAhead(host);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
