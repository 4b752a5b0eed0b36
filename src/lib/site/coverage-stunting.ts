/**
 * Coverage beside stunting for the desa of a kecamatan or of the kabupaten: one point per desa with both figures
 * published (x: coverage of a convergence indicator, y: stunting prevalence), reference lines at the parent's
 * stunting rate and at the coverage target (else the parent's coverage), and the desa ordered so that those where
 * stunting is above the parent and coverage below the line come first ("perhatian / attention"). Pure; the static
 * SVG and its table are rendered by CoverageStunting.astro.
 */
import { scaleLinear } from 'd3-scale';

/** One desa's two figures (null when not published). */
export interface CoverageStuntingInput {
  code: string;
  name: string;
  stunting: number | null;
  coverage: number | null;
}

export type Quadrant = 'attention' | 'high_stunting' | 'low_coverage' | 'fine';

export interface CoverageStuntingPoint extends CoverageStuntingInput {
  stunting: number;
  coverage: number;
  x: number;
  y: number;
  quadrant: Quadrant;
}

export interface CoverageStuntingModel {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  points: CoverageStuntingPoint[];
  /** Desa without both figures (suppressed or not reported), by name. */
  missing: CoverageStuntingInput[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  /** Reference lines: the parent's stunting rate (horizontal), the coverage line (vertical). */
  refY: { value: number; y: number };
  refX: { value: number; x: number; kind: 'target' | 'parent' };
  counts: Record<Quadrant, number>;
}

const ORDER: Record<Quadrant, number> = { attention: 0, high_stunting: 1, low_coverage: 2, fine: 3 };

/** The model, or null when fewer than 3 desa have both figures (nothing to compare). `lowerBetter` flips the
 * coverage side (an unwanted outcome such as unwanted pregnancies). */
export function coverageStuntingModel(
  rows: readonly CoverageStuntingInput[],
  parentStunting: number,
  coverageLine: { value: number; kind: 'target' | 'parent' },
  opts: { lowerBetter?: boolean; width?: number; height?: number } = {},
): CoverageStuntingModel | null {
  const both = rows.filter((r): r is CoverageStuntingInput & { stunting: number; coverage: number } => r.stunting !== null && r.coverage !== null);
  if (both.length < 3) return null;
  const width = opts.width ?? 640;
  const height = opts.height ?? 380;
  const margin = { top: 12, right: 16, bottom: 44, left: 48 };
  const xMin = Math.max(0, Math.floor(Math.min(coverageLine.value, ...both.map((r) => r.coverage)) / 10) * 10);
  const yMax = Math.ceil(Math.max(parentStunting, ...both.map((r) => r.stunting)) / 10) * 10 || 10;
  const x = scaleLinear().domain([xMin, 100]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, yMax]).range([height - margin.bottom, margin.top]);
  const low = (c: number) => (opts.lowerBetter ? c > coverageLine.value : c < coverageLine.value);
  const points = both
    .map((r) => {
      const high = r.stunting > parentStunting;
      const quadrant: Quadrant = high && low(r.coverage) ? 'attention' : high ? 'high_stunting' : low(r.coverage) ? 'low_coverage' : 'fine';
      return { ...r, x: Math.round(x(r.coverage) * 10) / 10, y: Math.round(y(r.stunting) * 10) / 10, quadrant };
    })
    .sort((a, b) => ORDER[a.quadrant] - ORDER[b.quadrant] || b.stunting - a.stunting || a.name.localeCompare(b.name));
  const counts: Record<Quadrant, number> = { attention: 0, high_stunting: 0, low_coverage: 0, fine: 0 };
  for (const p of points) counts[p.quadrant]++;
  return {
    width,
    height,
    margin,
    points,
    missing: rows.filter((r) => r.stunting === null || r.coverage === null).sort((a, b) => a.name.localeCompare(b.name)),
    xTicks: x.ticks(5).map((v) => ({ value: v, x: x(v) })),
    yTicks: y.ticks(5).map((v) => ({ value: v, y: y(v) })),
    refY: { value: parentStunting, y: y(parentStunting) },
    refX: { value: coverageLine.value, x: x(coverageLine.value), kind: coverageLine.kind },
    counts,
  };
}
