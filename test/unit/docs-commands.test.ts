/**
 * Every command the documentation tells a reader to run is an npm script: the machine's own Node may be too old for
 * `node scripts/x.ts` (Node 20 does not strip types), while npm scripts run the project's pinned Node 24.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);

/** Inline code spans and fenced code lines of a Markdown text. */
function codeOf(md: string): string[] {
  const fenced = [...md.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].flatMap((m) => m[1].split('\n'));
  const inline = [...md.replace(/^```[\s\S]*?^```/gm, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...fenced, ...inline].map((s) => s.trim()).filter(Boolean);
}

describe('documented commands', () => {
  it.each(docs)('%s runs no script with node or npx directly', (file) => {
    const direct = codeOf(readFileSync(join(ROOT, file), 'utf8')).filter((c) => /(^|&&\s*|\s)(node|npx|tsx|ts-node)\s+\S+\.(ts|mjs|js)\b/.test(c) && !/^\(?`?npm run/.test(c));
    expect(direct).toEqual([]);
  });

  it.each(docs)('%s names only npm scripts that exist', (file) => {
    const named = codeOf(readFileSync(join(ROOT, file), 'utf8')).flatMap((c) => [...c.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]));
    expect(named.filter((n) => !scripts.includes(n))).toEqual([]);
  });
});
