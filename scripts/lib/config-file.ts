/** Reads site.config.json: JSON syntax errors with line and column, schema issues by key, addresses checked. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isWebUrl, parseSiteConfig, type SiteConfig } from '../../src/lib/config.ts';
import { checkPeriodRange, checkReferenceDate } from '../../src/lib/build-plan.ts';
import { BuildError } from './build-error.ts';

/** Reads and validates the config; JSON syntax errors name line and column. */
export function readConfig(configPath: string): SiteConfig {
  const display = relative(process.cwd(), configPath) || configPath;
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (e) {
    throw new BuildError([{ file: display, expected: 'file konfigurasi site.config.json', message: `Tidak dapat dibaca / Cannot be read (${(e as NodeJS.ErrnoException).code})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const pos = m ? Number(m[1]) : 0;
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    throw new BuildError([{ file: display, line, column, raw: text.slice(pos, pos + 20).split('\n')[0], expected: 'JSON yang valid / valid JSON', message: `JSON tidak valid / invalid JSON: ${(e as Error).message}` }]);
  }
  const r = parseSiteConfig(json);
  if (!r.ok) {
    throw new BuildError(r.issues.map((i) => ({ file: display, expected: i.message, message: `kunci/key "${i.key}" tidak valid / invalid`, raw: String(rawAt(json, i.key) ?? '') })));
  }
  // Addresses end up in links (href) on the site: only http(s), never javascript:, data: or file: URLs.
  const urls: [string, string | null | undefined][] = [['siteUrl', r.config.siteUrl], ['publisher.url', r.config.publisher.url], ['licence.url', r.config.licence.url], ['basemap.tiles', r.config.basemap?.tiles]];
  const badUrls = urls.filter(([, u]) => u != null && !isWebUrl(u));
  if (badUrls.length) {
    throw new BuildError(badUrls.map(([key, u]) => ({ file: display, raw: String(u), expected: 'alamat http:// atau https:// / an http:// or https:// address', message: `kunci/key "${key}" tidak valid / invalid` })));
  }
  const dateProblems = [checkPeriodRange(r.config.periods), r.config.referenceDate ? checkReferenceDate(r.config.referenceDate) : { ok: true as const }];
  const bad = dateProblems.flatMap((c, i) => (c.ok ? [] : [{ file: display, raw: i === 0 ? `${r.config.periods.from} > ${r.config.periods.to}` : r.config.referenceDate, expected: i === 0 ? 'periods.from ≤ periods.to' : 'YYYY-MM-DD', message: `kunci/key "${i === 0 ? 'periods' : 'referenceDate'}": ${c.message}` }]));
  if (bad.length) throw new BuildError(bad);
  return r.config;
}

function rawAt(obj: unknown, key: string): unknown {
  let o: unknown = obj;
  for (const k of key.split('.')) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Record<string, unknown>)[k];
  }
  return typeof o === 'object' ? JSON.stringify(o) : o;
}
