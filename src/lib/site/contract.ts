/**
 * Types of the published data contract v1 (`/data/v1/`, see docs/data-contract.md) exactly as the JSON is written:
 * snake_case keys, percentages with one decimal, null where suppressed or missing. The pages and the browser code
 * read these shapes; the pure core's own types (src/lib/types.ts) stay camelCase.
 */
import type { AreaKind, CellStatus, IndicatorId, Level } from '../types.ts';

/** Text in Bahasa Indonesia and English. */
export interface LocalText {
  id: string;
  en?: string;
}

/** One published indicator value for an area and period (JSON form of `IndicatorValue`). */
export interface IndicatorValueJson {
  n: number | null;
  cases: number | null;
  prevalence: number | null;
  ci_low: number | null;
  ci_high: number | null;
  status: CellStatus;
  suppression?: 'primary' | 'complementary';
  /** Empirical Bayes smoothed prevalence and 95% interval (percent), desa and kecamatan totals only; null where the
   * raw figure is not published. */
  smoothed_prevalence?: number | null;
  smoothed_ci_low?: number | null;
  smoothed_ci_high?: number | null;
}

/** `meta.json`. */
export interface Meta {
  schema_version: 1;
  data_version: string;
  region: { code: string; name: string; province?: { code: string; name: string } };
  title: LocalText;
  publisher: { name: string; url?: string };
  licence: { id: string; name: string; url: string };
  synthetic: boolean;
  periods: string[];
  latest_period: string;
  levels: Level[];
  indicators: { id: IndicatorId; label: LocalText; definition?: string; z?: string; threshold_def?: string }[];
  suppression_min: number;
  targets: { year: number; value: number; label: LocalText }[];
  /** Optional raster basemap of the interactive map (config `basemap`); absent by default. */
  basemap?: { tiles: string; attribution: string };
  sources?: { name: string; url?: string; title?: LocalText }[];
  counts?: { rows_read: number; rows_accepted: number; rows_rejected: number; children: number };
}

/** One row of `areas.json`. */
export interface AreaJson {
  code: string;
  name: string;
  level: Level;
  parent: string | null;
  kind: AreaKind;
  lokus: number[];
}

/** One period of an area's series. */
export interface SeriesPeriod {
  measured: number | null;
  valid: number | null;
  flagged?: { zlen?: number; zwei?: number; zwfl?: number } | null;
  target: number | null;
  coverage: number | null;
  measured_status?: CellStatus;
  indicators: Partial<Record<IndicatorId, IndicatorValueJson>>;
}

/** Sex and age breakdowns of one period (kabupaten and kecamatan only). */
export interface BreakdownJson {
  sex: Partial<Record<'1' | '2', Partial<Record<IndicatorId, IndicatorValueJson>>>>;
  age: Partial<Record<string, Partial<Record<IndicatorId, IndicatorValueJson>>>>;
}

/** `series/<code>.json`. */
export interface SeriesJson {
  code: string;
  name: string;
  level: Level;
  parent: string | null;
  periods: Record<string, SeriesPeriod>;
  breakdowns?: Record<string, BreakdownJson>;
}

/** Values of one area in a map file: `measured` plus one IndicatorValue per indicator. */
export type MapAreaValues = { measured?: number | null } & Partial<Record<IndicatorId, IndicatorValueJson>>;

/** `map/<level>/<period>.json`. */
export interface MapValuesJson {
  level: Level;
  period: string;
  values: Record<string, MapAreaValues>;
}

/** One survey point (SSGI/SKI). */
export interface SurveyPoint {
  year: number;
  prevalence: number | null;
  source_url: string;
  note?: string;
  /** The point's own source when series of several sources were merged for display (SSGI 2022 + SKI 2023). */
  source?: string;
}

/** One survey series of `surveys.json`. */
export interface SurveySeries {
  level: string;
  code: string;
  name: string;
  source: string;
  points: SurveyPoint[];
}

/** `validation.json`. */
export interface ValidationJson {
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  by_reason: Record<string, number>;
  examples?: Record<string, { file: string; line: number; column?: string; raw?: string }[]>;
  unmatched_areas?: { kecamatan: string; desa: string; count: number; first_line: number; file: string }[];
}

/** `quality.json`: its inner shape belongs to the quality report; the site only passes it through. */
export type QualityJson = Record<string, unknown>;
