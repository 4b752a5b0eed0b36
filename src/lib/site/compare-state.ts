/**
 * URL state and line styles of the area comparison (src/lib/site/compare.ts), without d3, so the browser can read the
 * address and show the chosen areas before the chart code is loaded.
 */
import type { IndicatorId } from '../types.ts';

/** At most this many areas on one chart (more lines are unreadable). */
export const COMPARE_MAX = 6;
/** Query keys: Indonesian (written) and the English alias (read). */
export const COMPARE_KEYS = ['banding', 'compare'] as const;

/** What the comparison shows. */
export interface CompareState {
  codes: string[];
  indicator: IndicatorId;
}

const CODE_RE = /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/;

/**
 * The comparison of a query: codes from `banding` (comma-separated, deduplicated, known codes only, at most
 * COMPARE_MAX), the indicator from `indikator`. Missing or entirely invalid keys give `fallback`; dropped values are
 * listed in `invalid`. Never throws.
 */
export function compareFromQuery(
  query: string | URLSearchParams | null | undefined,
  o: { areas: ReadonlySet<string>; indicators: readonly string[]; fallback: CompareState },
): { state: CompareState; invalid: string[]; given: boolean } {
  let p: URLSearchParams;
  try {
    p = query instanceof URLSearchParams ? query : new URLSearchParams(query ?? '');
  } catch {
    p = new URLSearchParams();
  }
  const invalid: string[] = [];
  const raw = COMPARE_KEYS.map((k) => p.get(k)).find((v) => v !== null) ?? null;
  let codes = o.fallback.codes;
  if (raw !== null) {
    const parts = raw.split(',').map((c) => c.trim()).filter(Boolean);
    const ok = [...new Set(parts.filter((c) => CODE_RE.test(c) && o.areas.has(c)))].slice(0, COMPARE_MAX);
    if (ok.length < parts.length) invalid.push('banding');
    if (ok.length) codes = ok;
  }
  let indicator = o.fallback.indicator;
  const ind = p.get('indikator') ?? p.get('indicator');
  if (ind !== null) {
    const v = ind.trim().toLowerCase().replace(/-/g, '_');
    if (o.indicators.includes(v)) indicator = v as IndicatorId;
    else invalid.push('indikator');
  }
  return { state: { codes, indicator }, invalid, given: raw !== null };
}

/** The query of a comparison, merged into `base` (other keys kept); the indicator only when it is not `defaultIndicator`. */
export function compareToQuery(s: CompareState, defaultIndicator: string, base: string | URLSearchParams = ''): string {
  const p = new URLSearchParams(base);
  for (const k of COMPARE_KEYS) p.delete(k);
  p.delete('indicator');
  p.set('banding', s.codes.join(','));
  if (s.indicator === defaultIndicator) p.delete('indikator');
  else p.set('indikator', s.indicator);
  // Commas and dots stay readable in the address.
  return `?${p.toString().replace(/%2C/gi, ',')}`;
}

/** The areas compared by default on an area's page: the area and the areas above it (desa → kecamatan → kabupaten). */
export function defaultComparison(code: string, parentOf: (c: string) => string | null): string[] {
  const out = [code];
  for (let p = parentOf(code); p && out.length < COMPARE_MAX; p = parentOf(p)) out.push(p);
  return out;
}

/** Line styles: colour, dash and marker, distinct without colour too. */
export const COMPARE_STYLES = [
  { stroke: '#0b57a4', dash: '', marker: 'circle' },
  { stroke: '#b34700', dash: '7 3', marker: 'square' },
  { stroke: '#1d6b5f', dash: '2 3', marker: 'diamond' },
  { stroke: '#6d3a8c', dash: '10 3 2 3', marker: 'triangle' },
  { stroke: '#8a6d00', dash: '4 4', marker: 'square' },
  { stroke: '#5b5f66', dash: '1 2', marker: 'circle' },
] as const;
