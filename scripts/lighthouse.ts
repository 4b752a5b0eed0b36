/**
 * Lighthouse (mobile preset: simulated slow 4G and 4x CPU slowdown, Moto G Power viewport) over the built site,
 * served locally, with Debian's chromium. Offline-safe: chromium resolves no host but 127.0.0.1/localhost
 * (`--host-resolver-rules`), background networking is off, and any request to another host is listed and fails the run.
 *
 * Usage: node scripts/lighthouse.ts [--dist <dir>] [--min-perf 0.95] [--min-a11y 1] [path ...]
 *   paths default to the overview `/` and the first kabupaten's area page `/wilayah/<code>/`.
 * Prints performance and accessibility scores, the main metrics and every accessibility audit that fails. Exits 1 when
 * a score is under its minimum (defaults: performance 0.95 and accessibility 1.0, the issue's targets) or a request left the host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../test/browser/static-server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Debian's chromium, headless, with every other host unresolvable. */
function launchChromium() {
  return chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-extensions',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--metrics-recording-only',
      // Nothing but this machine resolves: a request to another host fails instead of leaving.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
    logLevel: 'silent',
  });
}

/** One page's Lighthouse run: its table row and whether it fails the minimums; failing audits, requests to other
 * hosts and the main opportunities are printed. */
async function auditPage(base: string, p: string, port: number, minPerf: number, minA11y: number): Promise<{ row: string[]; bad: boolean }> {
  const url = base + p.replace(/^\//, '');
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const perf = lhr.categories.performance?.score ?? null;
  const a11y = lhr.categories.accessibility?.score ?? null;
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '–';
  const requests = ((lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? []).map((i) => i.url);
  const external = requests.filter((u) => {
    try {
      const h = new URL(u).hostname;
      return /^https?:$/.test(new URL(u).protocol) && h !== '127.0.0.1' && h !== 'localhost';
    } catch {
      return false;
    }
  });
  const a11yFails = Object.values(lhr.audits).filter(
    (a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1,
  );
  const bad = perf === null || perf < minPerf || a11y === null || a11y < minA11y || external.length > 0;
  const row = [
    p,
    perf === null ? '–' : String(Math.round(perf * 100)),
    a11y === null ? '–' : String(Math.round(a11y * 100)),
    metric('first-contentful-paint'),
    metric('largest-contentful-paint'),
    metric('total-blocking-time'),
    metric('cumulative-layout-shift'),
    metric('speed-index'),
    String(requests.length),
    bad ? 'FAIL' : 'PASS',
  ];
  for (const a of a11yFails) console.log(`  ${p}: accessibility audit "${a.id}" fails: ${a.title}`);
  for (const u of external) console.log(`  ${p}: request to another host: ${u}`);
  const opp = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && a.score !== null && a.score < 0.9)
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  if (opp.length) console.log(`  ${p}: opportunities: ${opp.join('; ')}`);
  return { row, bad };
}

/** The result table. */
function printTable(rows: string[][], dist: string, minPerf: number, minA11y: number): void {
  const head = ['page', 'perf', 'a11y', 'FCP', 'LCP', 'TBT', 'CLS', 'SI', 'requests', 'result'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`\nLighthouse ${'(mobile preset, simulated throttling)'} over ${dist}; minimums: performance ${minPerf * 100}, accessibility ${minA11y * 100}\n`);
  console.log(head.map((h, i) => h.padEnd(w[i])).join('  '));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
}

async function main(): Promise<void> {
  const dist = resolve(arg('--dist', join(ROOT, 'dist')));
  const minPerf = Number(arg('--min-perf', '0.95'));
  const minA11y = Number(arg('--min-a11y', '1'));
  const flagged = new Set(['--dist', '--min-perf', '--min-a11y']);
  const paths = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !flagged.has(all[i - 1] ?? ''));
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built site at ${dist}: run \`npm run build\` first`);
  if (!paths.length) {
    const areas = JSON.parse(readFileSync(join(dist, 'data/v1/areas.json'), 'utf8')) as { code: string; level: string }[];
    const kab = areas.find((a) => a.level === 'kabupaten');
    paths.push('/', `/wilayah/${kab?.code ?? ''}/`);
  }

  const server = await serveStatic({ root: dist });
  const chrome = await launchChromium();
  let failed = false;
  const rows: string[][] = [];
  try {
    for (const p of paths) {
      const r = await auditPage(server.url, p, chrome.port, minPerf, minA11y);
      failed ||= r.bad;
      rows.push(r.row);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  printTable(rows, dist, minPerf, minA11y);
  process.exit(failed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
