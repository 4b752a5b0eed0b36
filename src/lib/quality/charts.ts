/**
 * Chart geometry for the data-quality page, computed at build time (no DOM): the HAZ histogram of a region against
 * the WHO standard normal curve, and terminal-digit bars for height and weight. Scales and the curve come from
 * d3-scale and d3-shape; the components only draw the returned rectangles, paths and ticks as static SVG.
 */
import { scaleLinear } from 'd3-scale';
import { line, curveMonotoneX } from 'd3-shape';
import { erfc } from './stats.ts';

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Chart frame: outer size and inner margins in SVG units. */
export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** One bar, in SVG units, with the data it shows. */
export interface Bar {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Lower and upper edge (histogram) or digit (digit bars). */
  from: number;
  to: number;
  count: number;
  pct: number;
  /** Expected percentage under the reference (WHO standard normal, or 10% per digit). */
  expectedPct: number;
}

/** A tick on an axis. */
export interface Tick {
  pos: number;
  value: number;
}

/** Geometry of the HAZ histogram. */
export interface HistogramChart extends Frame {
  n: number;
  bars: Bar[];
  /** Path of the WHO standard normal curve, scaled to percent per bin. */
  curve: string;
  xTicks: Tick[];
  yTicks: Tick[];
  /** x of the stunting cut-off (-2 SD). */
  cutoffX: number;
  /** % of unflagged HAZ below -2 (exact: -2 is a bin edge), and the WHO standard's 2.28%. */
  belowMinus2Pct: number | null;
  expectedBelowMinus2Pct: number;
  /** Inner plot box. */
  plot: { x0: number; x1: number; y0: number; y1: number };
}

const DEFAULT_FRAME: Frame = { width: 640, height: 280, margin: { top: 12, right: 12, bottom: 36, left: 44 } };

function niceMax(v: number): number {
  return v <= 0 ? 1 : scaleLinear().domain([0, v]).nice(5).domain()[1];
}

/** HAZ histogram (counts per bin from `from` with `width`) against the WHO standard normal curve, in percent. */
export function hazHistogramChart(counts: readonly number[], from = -6, width = 0.25, frame: Frame = DEFAULT_FRAME): HistogramChart {
  const n = counts.reduce((a, b) => a + b, 0);
  const to = from + counts.length * width;
  const { margin } = frame;
  const x = scaleLinear().domain([from, to]).range([margin.left, frame.width - margin.right]);
  const expected = counts.map((_, i) => 100 * (normalCdf(from + (i + 1) * width) - normalCdf(from + i * width)));
  const pcts = counts.map((c) => (n > 0 ? (100 * c) / n : 0));
  const yMax = niceMax(Math.max(...pcts, ...expected));
  const y = scaleLinear().domain([0, yMax]).range([frame.height - margin.bottom, margin.top]);
  const bars: Bar[] = counts.map((c, i) => {
    const a = from + i * width;
    const x0 = x(a);
    const x1 = x(a + width);
    const y0 = y(pcts[i]);
    return { x: round1(x0), y: round1(y0), w: round1(Math.max(0, x1 - x0 - 1)), h: round1(y(0) - y0), from: a, to: a + width, count: c, pct: pcts[i], expectedPct: expected[i] };
  });
  const pts: [number, number][] = [];
  for (let z = from; z <= to + 1e-9; z += 0.05) pts.push([x(z), y(normalPdf(z) * width * 100)]);
  const curve = line().curve(curveMonotoneX)(pts.map(([a, b]) => [round1(a), round1(b)] as [number, number])) ?? '';
  let below = 0;
  for (let i = 0; i < counts.length; i++) if (from + (i + 1) * width <= -2 + 1e-9) below += counts[i];
  return {
    ...frame,
    n,
    bars,
    curve,
    xTicks: [-6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6].filter((v) => v >= from && v <= to).map((v) => ({ pos: round1(x(v)), value: v })),
    yTicks: y.ticks(4).map((v) => ({ pos: round1(y(v)), value: v })),
    cutoffX: round1(x(-2)),
    belowMinus2Pct: n > 0 ? (100 * below) / n : null,
    expectedBelowMinus2Pct: 100 * normalCdf(-2),
    plot: { x0: margin.left, x1: frame.width - margin.right, y0: margin.top, y1: frame.height - margin.bottom },
  };
}

/** Geometry of terminal-digit bars. */
export interface DigitChart extends Frame {
  n: number;
  bars: Bar[];
  /** y of the 10% line (uniform digits). */
  expectedY: number;
  yTicks: Tick[];
  plot: { x0: number; x1: number; y0: number; y1: number };
}

const DIGIT_FRAME: Frame = { width: 320, height: 200, margin: { top: 12, right: 8, bottom: 30, left: 40 } };

/** Bars of the share of each terminal digit 0-9 with the 10% expected line. */
export function digitChart(counts: readonly number[], frame: Frame = DIGIT_FRAME): DigitChart {
  const n = counts.reduce((a, b) => a + b, 0);
  const { margin } = frame;
  const pcts = counts.map((c) => (n > 0 ? (100 * c) / n : 0));
  const yMax = niceMax(Math.max(20, ...pcts));
  const y = scaleLinear().domain([0, yMax]).range([frame.height - margin.bottom, margin.top]);
  const step = (frame.width - margin.left - margin.right) / counts.length;
  const bars: Bar[] = counts.map((c, d) => ({
    x: round1(margin.left + d * step + step * 0.15),
    y: round1(y(pcts[d])),
    w: round1(step * 0.7),
    h: round1(y(0) - y(pcts[d])),
    from: d,
    to: d,
    count: c,
    pct: pcts[d],
    expectedPct: 10,
  }));
  return {
    ...frame,
    n,
    bars,
    expectedY: round1(y(10)),
    yTicks: y.ticks(4).map((v) => ({ pos: round1(y(v)), value: v })),
    plot: { x0: margin.left, x1: frame.width - margin.right, y0: margin.top, y1: frame.height - margin.bottom },
  };
}

function round1(v: number): number {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}
