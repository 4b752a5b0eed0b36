/**
 * Funnel plots (Spiegelhalter 2005, "Funnel plots for comparing institutional performance"): each child area's rate
 * against its number of children, with exact binomial control limits around the parent's rate at 95% and 99.8%.
 * An area outside the limits differs from the parent by more than chance would explain; inside, its difference may
 * be chance, whatever its rank. Also the "above / within / below the parent" verdict that replaces bare ranks.
 * Pure: numbers and SVG path strings for a component to render (d3-scale, d3-shape).
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { binomialCdf, binomialQuantile } from '../aggregate/beta.ts';
import type { IndicatorValueJson } from './contract.ts';

/** Two-sided coverage of the inner and outer limits. */
export const FUNNEL_LEVELS = [0.95, 0.998] as const;

/**
 * Exact binomial control limit for a proportion (Spiegelhalter 2005, appendix): the q-quantile r of Binomial(n, p0),
 * interpolated so the limit moves smoothly with n: (r − α) / n with α = (F(r) − q) / (F(r) − F(r − 1)). Fraction.
 */
export function controlLimit(p0: number, n: number, q: number): number {
  if (!(n > 0)) return NaN;
  if (p0 <= 0) return 0;
  if (p0 >= 1) return 1;
  const r = binomialQuantile(q, n, p0);
  const fr = binomialCdf(r, n, p0);
  const fr1 = binomialCdf(r - 1, n, p0);
  const alpha = fr > fr1 ? (fr - q) / (fr - fr1) : 0;
  return Math.min(1, Math.max(0, (r - alpha) / n));
}

/** Where a point lies against the limits: 2 / −2 outside the 99.8% limits, 1 / −1 outside the 95% only, 0 inside. */
export type Verdict = -2 | -1 | 0 | 1 | 2;

/** The verdict for `cases` of `n` against a parent rate `p0` (fraction). */
export function verdict(cases: number, n: number, p0: number): Verdict {
  const rate = cases / n;
  const [inner, outer] = FUNNEL_LEVELS.map((l) => (1 - l) / 2);
  if (rate > controlLimit(p0, n, 1 - outer)) return 2;
  if (rate > controlLimit(p0, n, 1 - inner)) return 1;
  if (rate < controlLimit(p0, n, outer)) return -2;
  if (rate < controlLimit(p0, n, inner)) return -1;
  return 0;
}

/** A child area on the funnel. */
export interface FunnelPoint {
  code: string;
  name: string;
  n: number;
  cases: number;
  /** Percent, one decimal as published. */
  prevalence: number;
  verdict: Verdict;
  x: number;
  y: number;
}

/** Everything a funnel plot needs. */
export interface FunnelModel {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Parent rate in percent and its y position. */
  parentRate: number;
  parentY: number;
  points: FunnelPoint[];
  /** Children areas left out (not published). */
  hidden: number;
  /** Paths of the lower and upper limits: [95% lower, 95% upper, 99.8% lower, 99.8% upper]. */
  limits: { level: number; side: 'low' | 'high'; d: string }[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
}

/** Past how many points a figure of an area's desa (the funnel plot, coverage against stunting) draws its points as
 * one path per kind, without a tooltip each, and tables only the notable ones: on a province site 150 (the largest
 * kab/kota page is the size budget's binding case: Kab. Jember, 248 desa, was 62.3 KB gzip drawn whole), on a kab/kota
 * site 250 (Banyuwangi's 217 desa stay whole). */
export function manyPointsThreshold(provinceSite: boolean): number {
  return provinceSite ? 150 : 250;
}

/** Builds the funnel of `children` (their published values) around the parent's value, or null when the parent
 * or every child is unpublished. */
export function funnelModel(
  parent: IndicatorValueJson | null | undefined,
  children: readonly { code: string; name: string; value: IndicatorValueJson | null | undefined }[],
  opts: { width?: number; height?: number } = {},
): FunnelModel | null {
  if (!parent || parent.status !== 'ok' || !parent.n || parent.cases === null) return null;
  const p0 = parent.cases / parent.n;
  const pts = children.filter(
    (c): c is { code: string; name: string; value: IndicatorValueJson & { n: number; cases: number; prevalence: number } } =>
      !!c.value && c.value.status === 'ok' && !!c.value.n && c.value.cases !== null && c.value.prevalence !== null,
  );
  if (pts.length === 0) return null;
  const width = opts.width ?? 640;
  const height = opts.height ?? 340;
  const margin = { top: 12, right: 16, bottom: 42, left: 48 };
  const maxN = Math.max(...pts.map((p) => p.value.n));
  const minN = Math.max(1, Math.min(...pts.map((p) => p.value.n)));
  const nLo = Math.max(1, Math.floor(minN * 0.8));
  const nHi = Math.ceil(maxN * 1.15);
  const x = scaleLog().domain([nLo, nHi]).range([margin.left, width - margin.right]);
  // Limits sampled along n (integer n, about 80 steps on the log scale).
  const ns: number[] = [];
  for (let i = 0; i <= 80; i++) {
    const n = Math.round(nLo * (nHi / nLo) ** (i / 80));
    if (ns[ns.length - 1] !== n) ns.push(n);
  }
  const curves = FUNNEL_LEVELS.flatMap((level) =>
    (['low', 'high'] as const).map((side) => {
      const q = side === 'low' ? (1 - level) / 2 : 1 - (1 - level) / 2;
      return { level, side, pts: ns.map((n) => [n, 100 * controlLimit(p0, n, q)] as [number, number]) };
    }),
  );
  const yMax = Math.max(100 * p0, ...pts.map((p) => p.value.prevalence), ...curves.filter((c) => c.level === FUNNEL_LEVELS[0]).flatMap((c) => c.pts.map((p) => p[1])));
  const y = scaleLinear().domain([0, Math.min(100, yMax * 1.08 || 1)]).nice().range([height - margin.bottom, margin.top]);
  const path = line<[number, number]>().x((d) => x(d[0])).y((d) => y(Math.min(y.domain()[1], d[1])));
  // Round numbers of children on the log axis: 10, 20, 50, 100, ...
  const ticks = x.ticks().filter((v) => /^[125]0*$/.test(String(v)));
  return {
    width,
    height,
    margin,
    parentRate: Math.round(1000 * p0) / 10,
    parentY: y(100 * p0),
    points: pts
      .map((c) => ({
        code: c.code,
        name: c.name,
        n: c.value.n,
        cases: c.value.cases,
        prevalence: c.value.prevalence,
        verdict: verdict(c.value.cases, c.value.n, p0),
        x: x(c.value.n),
        y: y(c.value.prevalence),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id')),
    hidden: children.length - pts.length,
    limits: curves.map((c) => ({ level: c.level, side: c.side, d: path(c.pts) ?? '' })),
    xTicks: (ticks.length >= 2 ? ticks : x.ticks(4)).map((v) => ({ value: v, x: x(v) })),
    yTicks: y.ticks(5).map((v) => ({ value: v, y: y(v) })),
  };
}

/** A sibling comparison: how the area stands against its parent, and its rank with the caveat it needs. */
export interface Standing {
  verdict: Verdict;
  parentRate: number;
  rank: number;
  total: number;
  /** How many siblings' 95% intervals overlap this area's: when more than zero, the rank is not meaningful. */
  overlapping: number;
}

/** The standing of `code` among its siblings, against the parent's value; null when unpublished. */
export function standingAmong(
  code: string,
  parent: IndicatorValueJson | null | undefined,
  siblings: readonly { code: string; value: IndicatorValueJson | null | undefined }[],
): Standing | null {
  if (!parent || parent.status !== 'ok' || !parent.n || parent.cases === null) return null;
  const ok = siblings.filter((s) => s.value && s.value.status === 'ok' && s.value.n && s.value.cases !== null && s.value.prevalence !== null);
  const mine = ok.find((s) => s.code === code);
  if (!mine) return null;
  const v = mine.value!;
  const overlapping = ok.filter(
    (s) => s.code !== code && s.value!.ci_low !== null && s.value!.ci_high !== null && v.ci_low !== null && v.ci_high !== null && s.value!.ci_low! <= v.ci_high! && v.ci_low! <= s.value!.ci_high!,
  ).length;
  return {
    verdict: verdict(v.cases!, v.n!, parent.cases / parent.n),
    parentRate: Math.round((1000 * parent.cases) / parent.n) / 10,
    rank: 1 + ok.filter((s) => s.value!.prevalence! > v.prevalence!).length,
    total: ok.length,
    overlapping,
  };
}
