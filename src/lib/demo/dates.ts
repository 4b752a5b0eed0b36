/**
 * Calendar helpers of the demo export: day numbers (days since 1970-01-01) to civil dates and to the
 * DD/MM/YYYY text an Indonesian spreadsheet export shows, and values in tenths with a decimal comma.
 */
import { dayNumber, daysInMonth } from '../csv/values.ts';

/** Civil date of a day number (days since 1970-01-01), H. Hinnant's civil_from_days. */
export function civilFromDay(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** A number below 100 with two digits: 7 → "07". */
export const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** DD/MM/YYYY of day/month/year numbers (no validation: faults write impossible dates on purpose). */
export function dmy(d: number, m: number, y: number): string {
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** DD/MM/YYYY of a day number. */
export function formatDayDmy(day: number): string {
  const c = civilFromDay(day);
  return dmy(c.d, c.m, c.y);
}

/** A value in tenths written with a decimal comma and one decimal: 105 → "10,5". */
export function tenthsComma(t: number): string {
  return `${Math.floor(t / 10)},${t % 10}`;
}

/** First day of a period `YYYY-MM` as a day number. */
export function periodStart(period: string): number {
  return dayNumber(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1);
}

/** Number of days in the month of a period `YYYY-MM`. */
export function periodLength(period: string): number {
  return daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
}
