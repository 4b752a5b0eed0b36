/** What a browser test checks on a page beyond its text: WCAG 2.2 AA violations (axe-core) and the colours of a screenshot. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** Path of axe-core's browser bundle. */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
/** WCAG 2.2 AA as axe tags. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Injects axe-core into the page and returns the WCAG 2.2 AA violations (optionally within `include`, minus `exclude`). */
export async function runAxe(page: Page, opts: { include?: string[]; exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not as an inline <script>: the site's Content-Security-Policy (rightly)
  // blocks inline scripts without a hash.
  if (!hasAxe) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(
    async ({ tags, include, exclude }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const ctx: { include?: string[][]; exclude?: string[][] } = {};
      if (include?.length) ctx.include = include.map((s) => [s]);
      if (exclude?.length) ctx.exclude = exclude.map((s) => [s]);
      const r = await axe.run(ctx.include || ctx.exclude ? ctx : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), failureSummary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, include: opts.include, exclude: opts.exclude },
  );
}

/** Axe violations as readable lines: rule, impact, help, then up to 5 offending elements each. */
export function formatViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `[${v.id}] (${v.impact}) ${v.help} — ${v.nodes.length} element(s)\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** `#rrggbb` → [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Counts the pixels of a PNG whose colour is within `tolerance` (per channel) of each palette colour; decodes with
 * sharp (an Astro dependency). Returns the count per colour and the total pixel count.
 */
export async function countPaletteColours(png: Buffer, palette: readonly string[], tolerance = 6): Promise<{ counts: number[]; total: number }> {
  const sharp = (await import('sharp')).default;
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const targets = palette.map(hexToRgb);
  const counts = targets.map(() => 0);
  for (let i = 0; i < data.length; i += info.channels) {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k];
      if (Math.abs(data[i] - t[0]) <= tolerance && Math.abs(data[i + 1] - t[1]) <= tolerance && Math.abs(data[i + 2] - t[2]) <= tolerance) {
        counts[k]++;
        break;
      }
    }
  }
  return { counts, total: info.width * info.height };
}
