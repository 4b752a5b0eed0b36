/**
 * The CSV of one area (`/data/v1/csv/<kode>.csv`): exactly the rows of the tidy `stunting.csv` whose `area_code` is
 * that area, same columns, order (period, then indicator) and cell rules (empty = null, formula-injection safe via
 * the publisher's `csvCell`), so a reader can concatenate area files or filter the big one and get the same bytes.
 */
import type { Meta, SeriesJson } from '../site/contract.ts';
import { INDICATORS } from '../types.ts';
import { toCsv } from '../publish/csv.ts';
import { TIDY_COLUMNS } from '../publish/publish.ts';

/** The tidy CSV text of one area from its series and the published periods. */
export function areaCsv(series: SeriesJson, meta: Pick<Meta, 'periods' | 'indicators'>): string {
  const published = new Set(meta.indicators.map((i) => i.id));
  const ids = INDICATORS.filter((id) => published.has(id));
  const rows: (string | number | null)[][] = [];
  for (const period of meta.periods) {
    const p = series.periods[period];
    for (const id of ids) {
      const v = p?.indicators?.[id];
      rows.push([series.code, series.name, series.level, period, id, v?.n ?? null, v?.cases ?? null, v?.prevalence ?? null, v?.ci_low ?? null, v?.ci_high ?? null, v?.status ?? 'no_data']);
    }
  }
  return toCsv(TIDY_COLUMNS, rows);
}

/** File name of an area's CSV under /data/v1/. */
export function areaCsvPath(code: string): string {
  return `csv/${code}.csv`;
}
