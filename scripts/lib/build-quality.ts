/**
 * Adapter between the data build and the quality core: metrics and a grade per area and period, published only
 * where the area's count itself is published (a suppressed desa gets no distribution statistics either).
 */
import type { Area } from '../../src/lib/types.ts';
import type { PublishedValues } from '../../src/lib/aggregate/values.ts';
import type { QualityAccumulator } from '../../src/lib/quality/accumulator.ts';
import { qualityRecords, type QualityEntry } from '../../src/lib/quality/records.ts';

/** Returns the quality.json object and quality.csv text for every area and period. */
export function buildQuality(
  areas: readonly Area[],
  periods: readonly string[],
  acc: QualityAccumulator[][],
  values: PublishedValues,
  suppressionMin: number,
): { json: unknown; csv: string | null } {
  const entries: QualityEntry[] = [];
  areas.forEach((area, a) => periods.forEach((period, p) => entries.push({ code: area.code, name: area.name, level: area.level, period, acc: acc[a][p] })));
  const index = new Map(areas.map((a, i) => [a.code, i]));
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  const r = qualityRecords(entries, {
    suppressionMin,
    isSuppressed: (code, period) => values.values[index.get(code)!][pIndex.get(period)!].measuredStatus === 'suppressed',
  });
  return { json: r.json, csv: r.csv };
}
