/**
 * Adapter between the data build and the quality core: metrics and a grade per area and period, published only
 * where the area's count itself is published (a suppressed desa gets no distribution statistics either).
 */
import type { Area } from '../../src/lib/types.ts';
import type { PublishedValues } from '../../src/lib/aggregate/values.ts';
import type { QualityAccumulator } from '../../src/lib/quality/accumulator.ts';
import { qualityMetrics } from '../../src/lib/quality/metrics.ts';
import { gradeQuality } from '../../src/lib/quality/grade.ts';

/** Returns the quality.json object for every area and period whose count is published. */
export function buildQuality(areas: readonly Area[], periods: readonly string[], acc: QualityAccumulator[][], values: PublishedValues): { json: unknown; csv: string | null } {
  const out: Record<string, Record<string, unknown>> = {};
  areas.forEach((area, a) => {
    const row: Record<string, unknown> = {};
    periods.forEach((period, p) => {
      if (values.values[a][p].measuredStatus !== 'ok') return;
      const metrics = qualityMetrics(acc[a][p]);
      row[period] = { grade: gradeQuality(metrics), metrics };
    });
    out[area.code] = row;
  });
  return { json: { schema_version: 1, areas: out }, csv: null };
}
