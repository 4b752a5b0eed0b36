/**
 * Performance budgets over the built site (dist/, or the folder given as the first argument / `--dist <dir>`).
 *
 * For each page type, in both languages:
 *  - HTML (with its inlined CSS and inline scripts) plus any linked stylesheet, gzip;
 *  - JS shipped before the map is needed: every script the HTML references (external `src` and inline modules),
 *    following static imports (`import … from`, `import "…"`, `export … from`) but not dynamic `import()`, gzip;
 *  - the map's own code: the dynamically imported chunk(s) that lead to maplibre-gl, with their static imports,
 *    minus what the page already loaded and minus maplibre-gl itself, gzip;
 *  - maplibre-gl: its chunk, worker and stylesheet, gzip (reported, no budget: it is the price of the interactive map).
 * Each file is gzipped on its own at zlib's default level 6 (what a static host typically serves).
 *
 * Budgets: HTML+CSS ≤ 60 KB; JS before the map ≤ 50 KB on every page (the area pages are the binding case); map own
 * code ≤ 30 KB on top of maplibre-gl on pages with an interactive map; the desa boundary file of each kab/kota (a
 * province's `boundaries/<kab/kota>/desa.topo.json`, a kab/kota site's `boundaries/desa.topo.json`) ≤ 150 KB. On a
 * province site the area pages measured are the province page and the largest page of each level below it
 * (areaPageTypes). Prints a table; exits 1 if a budget fails.
 *
 * Usage: node scripts/budgets.ts [dist-dir] [--json]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const KB = 1024;
/** Budgets in bytes (gzip). */
export const BUDGETS = { html: 60 * KB, jsBeforeMap: 50 * KB, mapOwn: 30 * KB, desaBoundary: 150 * KB } as const;

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** gzip size of some bytes. */
export function gz(b: Buffer | string): number {
  return gzipSync(typeof b === 'string' ? Buffer.from(b) : b).length;
}

/** Specifiers of static imports/re-exports in an ES module (dynamic `import()` excluded). */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[^'"`()=;]*?\bfrom\s*)?(["'`])([^"'`\n]+)\1/g;
  for (const m of code.matchAll(re)) out.push(m[2]);
  return out;
}

/** Specifiers of dynamic `import("…")` calls with a literal argument. */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[^\w$.])import\(\s*(["'`])([^"'`\n]+)\1\s*\)/g)].map((m) => m[2]);
}

interface Site {
  dist: string;
  base: string;
}

/** File path in dist of a URL referenced from `fromUrlPath` (a site path like `/wilayah/35.10/`), or null if not local. */
function resolveRef(site: Site, fromUrlPath: string, ref: string): string | null {
  if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) return null;
  const abs = ref.startsWith('/') ? ref : posix.join(fromUrlPath.endsWith('/') ? fromUrlPath : posix.dirname(fromUrlPath), ref);
  const clean = abs.split(/[?#]/)[0];
  const rel = clean.startsWith(site.base) ? clean.slice(site.base.length) : clean.replace(/^\//, '');
  const file = join(site.dist, rel);
  return existsSync(file) ? file : null;
}

/** Site path of a file in dist (`/_astro/x.js` under base `/`). */
function urlPathOf(site: Site, file: string): string {
  return site.base + file.slice(site.dist.length + 1).split('\\').join('/');
}

const isMapLibre = (file: string) => /maplibre-gl/i.test(file.split(/[\\/]/).pop() ?? '');

/** Static import closure of some module files (the files themselves included). */
function staticClosure(site: Site, files: Iterable<string>, stopAt: (f: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>();
  const todo = [...files];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f) || stopAt(f)) continue;
    seen.add(f);
    if (!/\.m?js$/.test(f)) continue;
    const code = readFileSync(f, 'utf8');
    for (const s of staticImports(code)) {
      const r = resolveRef(site, urlPathOf(site, f), s);
      if (r) todo.push(r);
    }
  }
  return seen;
}

/** Every module reachable (static and dynamic imports) from some files. */
function fullClosure(site: Site, files: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [...files];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (!/\.m?js$/.test(f)) continue;
    const code = readFileSync(f, 'utf8');
    for (const s of [...staticImports(code), ...dynamicImports(code)]) {
      const r = resolveRef(site, urlPathOf(site, f), s);
      if (r) todo.push(r);
    }
  }
  return seen;
}

const sum = (files: Iterable<string>) => [...files].reduce((a, f) => a + gz(readFileSync(f)), 0);

export interface PageMeasure {
  page: string;
  path: string;
  exists: boolean;
  html: number;
  jsBeforeMap: number;
  jsFiles: string[];
  hasMap: boolean;
  mapOwn: number | null;
  mapFiles: string[];
}

/** Measures one page (site path like `/wilayah/35.10/`). */
export function measurePage(site: Site, name: string, urlPath: string): PageMeasure {
  const file = join(site.dist, urlPath.slice(site.base.length), 'index.html');
  if (!existsSync(file)) return { page: name, path: urlPath, exists: false, html: 0, jsBeforeMap: 0, jsFiles: [], hasMap: false, mapOwn: null, mapFiles: [] };
  const html = readFileSync(file, 'utf8');
  let htmlSize = gz(html);
  for (const m of html.matchAll(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*>/gi)) {
    const href = /href=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const f = href && resolveRef(site, urlPath, href);
    if (f) htmlSize += gz(readFileSync(f));
  }
  // Scripts the HTML references: external module/classic scripts and modulepreloads; inline module scripts' imports.
  const entries: string[] = [];
  let inlineJs = 0;
  const inlineCode: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/type=["']?(application\/(ld\+)?json|importmap|text\/template)/i.test(attrs)) continue;
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src) {
      const f = resolveRef(site, urlPath, src);
      if (f) entries.push(f);
    } else if (m[2].trim()) {
      inlineJs += gz(m[2]);
      inlineCode.push(m[2]);
      for (const s of staticImports(m[2])) {
        const f = resolveRef(site, urlPath, s);
        if (f) entries.push(f);
      }
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi)) {
    const href = /href=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const f = href && resolveRef(site, urlPath, href);
    if (f) entries.push(f);
  }
  const before = staticClosure(site, entries);
  const jsBefore = sum(before) + inlineJs;

  // Map: dynamic imports (from the page's scripts) whose closure reaches maplibre-gl.
  const dyn = new Set<string>();
  const scan = (code: string, from: string) => {
    for (const s of dynamicImports(code)) {
      const f = resolveRef(site, from, s);
      if (f && !isMapLibre(f)) dyn.add(f);
    }
  };
  for (const code of inlineCode) scan(code, urlPath);
  for (const f of before) if (/\.m?js$/.test(f)) scan(readFileSync(f, 'utf8'), urlPathOf(site, f));
  const mapEntries = [...dyn].filter((f) => [...fullClosure(site, [f])].some(isMapLibre));
  let mapOwn: number | null = null;
  let mapFiles: string[] = [];
  if (mapEntries.length) {
    const closure = staticClosure(site, mapEntries, isMapLibre);
    mapFiles = [...closure].filter((f) => !before.has(f) && !isMapLibre(f));
    mapOwn = sum(mapFiles);
  }
  const rel = (f: string) => f.slice(site.dist.length + 1);
  return {
    page: name,
    path: urlPath,
    exists: true,
    html: htmlSize,
    jsBeforeMap: jsBefore,
    jsFiles: [...before].map(rel),
    hasMap: /<stunting-map\b/.test(html),
    mapOwn,
    mapFiles: mapFiles.map(rel),
  };
}

/**
 * The area pages to measure, language-free paths. A kab/kota site: the first kabupaten, kecamatan and desa of
 * areas.json. A province site (an area of level `provinsi`): the province page and the largest page (HTML bytes) of
 * each level below it, since a province's kab/kota differ widely in size (Kota Mojokerto 18 desa, Kab. Malang 390).
 */
export function areaPageTypes(dist: string): { name: string; path: string }[] {
  const areasFile = join(dist, 'data/v1/areas.json');
  const areas = existsSync(areasFile) ? (JSON.parse(readFileSync(areasFile, 'utf8')) as { code: string; level: string }[]) : [];
  const first = (l: string) => areas.find((a) => a.level === l)?.code;
  const province = first('provinsi');
  if (!province) {
    return [
      { name: 'kabupaten', path: `wilayah/${first('kabupaten')}/` },
      { name: 'kecamatan', path: `wilayah/${first('kecamatan')}/` },
      { name: 'desa', path: `wilayah/${first('desa')}/` },
    ];
  }
  const size = (code: string) => {
    const f = join(dist, 'wilayah', code, 'index.html');
    return existsSync(f) ? statSync(f).size : -1;
  };
  const largest = (l: string) => {
    let best: { code: string; size: number } | null = null;
    for (const a of areas) {
      if (a.level !== l) continue;
      const s = size(a.code);
      if (!best || s > best.size) best = { code: a.code, size: s };
    }
    return best?.code;
  };
  return [
    { name: 'province', path: `wilayah/${province}/` },
    { name: 'kabupaten (largest)', path: `wilayah/${largest('kabupaten')}/` },
    { name: 'kecamatan (largest)', path: `wilayah/${largest('kecamatan')}/` },
    { name: 'desa (largest)', path: `wilayah/${largest('desa')}/` },
  ];
}

/** Page types of the site (the area pages of areaPageTypes), language-free paths. */
function pageTypes(site: Site): { name: string; path: string }[] {
  const list = [
    { name: 'overview', path: '' },
    { name: 'map explorer', path: 'peta/' },
    { name: 'area list', path: 'wilayah/' },
    ...areaPageTypes(site.dist),
    { name: 'methodology', path: 'metodologi/' },
    { name: 'data', path: 'data/' },
    { name: 'data quality', path: 'kualitas-data/' },
  ];
  // Embeds, when the site has them (not translated: one path each).
  if (existsSync(join(site.dist, 'embed/peta/index.html'))) list.push({ name: 'embed map', path: 'embed/peta/' });
  const tren = join(site.dist, 'embed/tren');
  if (existsSync(tren)) {
    const code = readdirSync(tren).sort()[0];
    if (code) list.push({ name: 'embed trend', path: `embed/tren/${code}/` });
  }
  // The convergence trend of the first area (24 indicators' charts, one shown at a time).
  const konv = join(site.dist, 'embed/konvergensi');
  if (existsSync(konv)) {
    const code = readdirSync(konv).sort()[0];
    if (code) list.push({ name: 'embed convergence', path: `embed/konvergensi/${code}/` });
  }
  return list;
}

/** The desa boundary files with gzip sizes, largest first: a province's one per kab/kota
 * (`boundaries/35.78/desa.topo.json`), a kab/kota site's one (`boundaries/desa.topo.json`). */
export function desaBoundaryFiles(dist: string): { file: string; gzip: number; raw: number }[] {
  const dir = join(dist, 'data/v1/boundaries');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .map((n) => (n === 'desa.topo.json' ? n : `${n}/desa.topo.json`))
    .filter((f) => existsSync(join(dir, f)) && statSync(join(dir, f)).isFile());
  return files
    .map((f) => {
      const b = readFileSync(join(dir, f));
      return { file: `data/v1/boundaries/${f}`, gzip: gz(b), raw: b.length };
    })
    .sort((a, b) => b.gzip - a.gzip || (a.file < b.file ? -1 : 1));
}

/** The maplibre-gl files in _astro (chunk, worker, css) with gzip sizes. */
function maplibreFiles(site: Site): { file: string; gzip: number; raw: number }[] {
  const dir = join(site.dist, '_astro');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => isMapLibre(f))
    .sort()
    .map((f) => {
      const b = readFileSync(join(dir, f));
      return { file: `_astro/${f}`, gzip: gz(b), raw: b.length };
    });
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const di = args.indexOf('--dist');
  const distArg = di >= 0 ? args[di + 1] : args.find((a) => !a.startsWith('--'));
  const dist = resolve(distArg ?? join(ROOT, 'dist'));
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`budgets: no built site at ${dist} (run \`npm run build\` first)`);
    process.exit(2);
  }
  // Base path: read from the HTML's own asset URLs (`/stunting/_astro/...`), else `/`.
  const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
  const base = /(?:src|href)=["']?(\/[^"'\s>]*?\/)?_astro\//.exec(indexHtml)?.[1] ?? '/';
  const site: Site = { dist, base };

  const rows: (PageMeasure & { lang: string; fails: string[] })[] = [];
  for (const p of pageTypes(site)) {
    const langs = p.path.startsWith('embed/') ? [''] : ['', 'en/'];
    for (const l of langs) {
      const m = measurePage(site, p.name, `${base}${l}${p.path}`);
      const fails: string[] = [];
      if (!m.exists) fails.push('missing');
      else {
        if (m.html > BUDGETS.html) fails.push('html');
        if (m.jsBeforeMap > BUDGETS.jsBeforeMap) fails.push('js');
        if (m.hasMap && m.mapOwn !== null && m.mapOwn > BUDGETS.mapOwn) fails.push('map');
        if (m.hasMap && m.mapOwn === null) fails.push('map chunk not found');
      }
      rows.push({ ...m, lang: l ? 'en' : p.path.startsWith('embed/') ? '-' : 'id', fails });
    }
  }
  const ml = maplibreFiles(site);
  const failed = rows.filter((r) => r.fails.length && !(r.fails.length === 1 && r.fails[0] === 'missing'));
  const missing = rows.filter((r) => r.fails.includes('missing'));
  const desa = desaBoundaryFiles(dist);
  const desaOver = desa.filter((f) => f.gzip > BUDGETS.desaBoundary);
  const ok = !failed.length && !desaOver.length;
  if (json) {
    console.log(JSON.stringify({ dist, base, budgets: BUDGETS, pages: rows, maplibre: ml, desaBoundaries: desa }, null, 2));
    process.exit(ok ? 0 : 1);
  }
  const k = (n: number | null) => (n === null ? '–' : `${(n / KB).toFixed(1)}`);
  const head = ['page', 'lang', 'HTML+CSS', 'JS before map', 'map own code', 'result'];
  const table = rows.map((r) => [
    `${r.page} (${r.path})`,
    r.lang,
    r.exists ? `${k(r.html)} ${r.html > BUDGETS.html ? '✗' : '✓'}` : '–',
    r.exists ? `${k(r.jsBeforeMap)} ${r.jsBeforeMap > BUDGETS.jsBeforeMap ? '✗' : '✓'}` : '–',
    r.exists && r.hasMap ? `${k(r.mapOwn)} ${r.mapOwn !== null && r.mapOwn <= BUDGETS.mapOwn ? '✓' : '✗'}` : '–',
    !r.exists ? 'MISSING' : r.fails.length ? `FAIL (${r.fails.join(', ')})` : 'PASS',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`Budgets over ${dist} (base ${base}); KB = 1024 bytes, gzip level 6, each file alone.`);
  console.log(`  HTML+CSS ≤ ${BUDGETS.html / KB} KB · JS before the map ≤ ${BUDGETS.jsBeforeMap / KB} KB · map own code on top of maplibre-gl ≤ ${BUDGETS.mapOwn / KB} KB\n`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
  const mapRow = rows.find((r) => r.mapFiles.length);
  if (mapRow) console.log(`\nmap own code = ${mapRow.mapFiles.join(' + ')}`);
  const jsRow = rows.find((r) => r.page.startsWith('kabupaten') && r.lang === 'id');
  if (jsRow) console.log(`JS before the map on an area page = ${jsRow.jsFiles.join(' + ') || '(inline only)'} + inline scripts`);
  console.log('\nmaplibre-gl (loaded only with the interactive map; no budget):');
  for (const f of ml) console.log(`  ${f.file.padEnd(48)} ${k(f.gzip).padStart(7)} KB gzip  (${k(f.raw)} KB raw)`);
  console.log(`  ${'total'.padEnd(48)} ${k(ml.reduce((a, f) => a + f.gzip, 0)).padStart(7)} KB gzip`);
  if (desa.length) {
    const top = desa[0];
    console.log(`\ndesa boundary file per kab/kota (loaded by the interactive desa map; ≤ ${BUDGETS.desaBoundary / KB} KB gzip): ${desa.length} file(s), largest ${top.file} ${k(top.gzip)} KB gzip (${k(top.raw)} KB raw) ${top.gzip > BUDGETS.desaBoundary ? '✗' : '✓'}`);
    for (const f of desaOver) console.log(`  over budget: ${f.file} ${k(f.gzip)} KB gzip`);
  }
  if (missing.length) console.log(`\nmissing pages (not built yet): ${missing.map((r) => r.path).join(', ')}`);
  const fails = [failed.length ? `${failed.length} page(s) over budget` : '', desaOver.length ? `${desaOver.length} desa boundary file(s) over budget` : ''].filter(Boolean);
  console.log(`\n${fails.length ? `FAIL: ${fails.join('; ')}` : 'PASS: every page within budget'}`);
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
