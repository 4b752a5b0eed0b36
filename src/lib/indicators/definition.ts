/**
 * What every indicator definition has, whatever its source: the shape shared by the z-score indicators computed from
 * measurements (zscore-defs.ts) and the coverage indicators counted from an input file (coverage-defs.ts). The list
 * of all of them and the checks are in ./index.ts.
 */

/** Bilingual text: Bahasa Indonesia first. */
export interface Words {
  id: string;
  en: string;
}

/** Which way is good: coverage of a service (higher is better) or an unwanted outcome (lower is better). */
export type Direction = 'higher_better' | 'lower_better';

/**
 * Where the figure comes from. `zscore`: the share of measured children beyond a WHO z-score cut-off, computed by
 * the build from the child-level exports. `counts`: numerator and denominator per area and period from an input file.
 */
export type SourceKind = 'zscore' | 'counts';

/** The fields every indicator definition carries. */
export interface IndicatorBase {
  /** Stable id used in input files, URLs and published files: lower case, digits and `_`. */
  id: string;
  /** Short name (tables, legends, tabs). */
  name: Words;
  /** Full definition in words. */
  definition: Words;
  numerator: Words;
  denominator: Words;
  direction: Direction;
  source: SourceKind;
  /** Always percent for now: numerator / denominator × 100. */
  unit: 'percent';
  /** Where the definition comes from. */
  citation: string;
}
