/**
 * View model of an area page's convergence section: the indicators of `konvergensi-meta.json` grouped (specific,
 * sensitive, scorecard), each with the area's latest figure, its interval, the target that applies (latest target
 * year not after the period's year, else the earliest one) with its source, and whether the figure reaches it.
 * Pure: the page renders what this returns.
 */
import type { CoverageAreaJson, CoverageMetaJson, CoverageValueJson } from '../publish/coverage.ts';
import { formatInterval, formatNumber, formatPercent, formatPeriod, formatPeriodShort, type Lang } from './format.ts';

/** One indicator's row. */
export interface ConvergenceRow {
  id: string;
  name: string;
  definition: string;
  /** "12 / 40" or a status word. */
  counts: string;
  coverage: string;
  interval: string;
  /** 0–100 for the bar, null when there is no figure. */
  bar: number | null;
  target: { value: number; year: number; source: string; label: string } | null;
  /** True when the figure reaches the target (in the indicator's direction), null without figure or target. */
  meets: boolean | null;
  lowerBetter: boolean;
  status: CoverageValueJson['status'];
  /** Said when the figure is a sum of fewer desa than the area has. */
  partial: string | null;
  /** The published figures of every period (two or more): a sparkline in a 64 × 18 box (y: 0–100 %) and the same
   * as text. */
  trend: { points: string; last: [number, number]; text: string } | null;
}

export interface ConvergenceView {
  period: string;
  periodLabel: string;
  groups: { id: string; name: string; rows: ConvergenceRow[] }[];
  /** Targets met of those with a figure and a target. */
  met: number;
  withTarget: number;
}

const W = {
  id: { suppressed: 'disembunyikan', primary: 'penyebut kurang dari {min}', complementary: 'disembunyikan agar angka kecil lain tidak terhitung', noData: 'belum ada data', partial: 'jumlah dari {k} dari {n} desa/kelurahan yang melapor', target: 'target {year}: {value}% ({source})' },
  en: { suppressed: 'hidden', primary: 'denominator below {min}', complementary: 'hidden so that another small count cannot be worked out', noData: 'no data yet', partial: 'sum of the {k} of {n} villages that reported', target: '{year} target: {value}% ({source})' },
} as const;

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

/** The target that applies to `year`: the latest not after it, else the earliest after it; first source on ties. */
export function targetFor(targets: readonly { year: number; target: number; source: string }[], year: number) {
  const before = targets.filter((t) => t.year <= year);
  if (before.length) return before.reduce((a, b) => (b.year > a.year ? b : a));
  return targets.length ? targets.reduce((a, b) => (b.year < a.year ? b : a)) : null;
}

/** The sparkline of one indicator over the area's periods (published figures only), or null with fewer than two. */
export function trendOf(area: CoverageAreaJson, id: string, lang: Lang): ConvergenceRow['trend'] {
  const pts = area.periods.flatMap((p) => {
    const v = area.values[p]?.[id];
    return v?.status === 'ok' && v.coverage !== null ? [{ p, c: v.coverage }] : [];
  });
  if (pts.length < 2) return null;
  const x = (i: number) => Math.round((2 + (60 * i) / (pts.length - 1)) * 10) / 10;
  const y = (c: number) => Math.round((16 - (14 * c) / 100) * 10) / 10;
  return {
    points: pts.map((q, i) => `${x(i)},${y(q.c)}`).join(' '),
    last: [x(pts.length - 1), y(pts[pts.length - 1].c)],
    text: pts.map((q) => `${formatPeriodShort(q.p, lang)}: ${formatPercent(q.c, lang)}`).join(' · '),
  };
}

function rowOf(def: CoverageMetaJson['indicators'][number], v: CoverageValueJson | undefined, year: number, lang: Lang, min: number, area: CoverageAreaJson): ConvergenceRow {
  const w = W[lang];
  const t = targetFor(def.targets, year);
  const lowerBetter = def.direction === 'lower_better';
  const ok = v?.status === 'ok' && v.coverage !== null;
  const counts = !v || v.status === 'no_data'
    ? w.noData
    : v.status === 'suppressed'
      ? `${w.suppressed} (${v.suppression === 'complementary' ? w.complementary : fill(w.primary, { min })})`
      : `${formatNumber(v.numerator, lang)} / ${formatNumber(v.denominator, lang)}`;
  return {
    id: def.id,
    name: def.name[lang],
    definition: def.definition[lang],
    counts,
    // Said in the key column too: on a phone the counts column is scrolled out of view.
    coverage: ok ? formatPercent(v!.coverage, lang) : v?.status === 'suppressed' ? w.suppressed : '–',
    interval: ok ? formatInterval(v!.ci_low, v!.ci_high, lang) : '',
    bar: ok ? Math.max(0, Math.min(100, v!.coverage!)) : null,
    target: t ? { value: t.target, year: t.year, source: t.source, label: fill(w.target, { year: t.year, value: formatNumber(t.target, lang, t.target % 1 ? 1 : 0), source: t.source }) } : null,
    meets: ok && t ? (lowerBetter ? v!.coverage! <= t.target : v!.coverage! >= t.target) : null,
    lowerBetter,
    status: v?.status ?? 'no_data',
    partial: v && v.basis === 'sum' && v.desa_reporting < v.desa_total ? fill(w.partial, { k: v.desa_reporting, n: v.desa_total }) : null,
    trend: trendOf(area, def.id, lang),
  };
}

/** The section for one area in its latest period with data; null when the area has no convergence file. */
export function convergenceView(meta: CoverageMetaJson, area: CoverageAreaJson, lang: Lang): ConvergenceView | null {
  const period = [...area.periods].reverse().find((p) => Object.values(area.values[p] ?? {}).some((v) => v.status !== 'no_data'));
  if (!period) return null;
  const year = Number(period.slice(0, 4));
  const groups = meta.groups.map((g) => ({
    id: g.id,
    name: g.name[lang],
    rows: meta.indicators.filter((d) => d.group === g.id).map((d) => rowOf(d, area.values[period]?.[d.id], year, lang, meta.suppression_min, area)),
  }));
  const rows = groups.flatMap((g) => g.rows);
  return {
    period,
    periodLabel: formatPeriod(period, lang),
    groups,
    met: rows.filter((r) => r.meets === true).length,
    withTarget: rows.filter((r) => r.meets !== null).length,
  };
}
