/**
 * Number, percentage, period and change formatting for the pages, in Bahasa Indonesia (decimal comma, dot thousands)
 * and English. Pure; null (missing) always formats as an en dash, never as 0.
 */
import type { CellStatus } from '../types.ts';
import { CELL_STATUS, CHANGE_WORDS } from '../i18n/cells.ts';
import { text } from '../i18n/lookup.ts';

/** The two site languages. */
export type Lang = 'id' | 'en';

/** What a missing value prints as. */
export const DASH = '–';

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const MONTHS_SHORT: Record<Lang, string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** A finite number or null (NaN, Infinity and undefined become null). */
function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** `x` with `digits` decimals and grouped thousands: 47629 → "47.629" (id) / "47,629" (en); null → "–". */
export function formatNumber(x: number | null | undefined, lang: Lang, digits = 0): string {
  const v = finite(x);
  if (v === null) return DASH;
  const fixed = Math.abs(v).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
  const sign = v < 0 && Number(fixed) !== 0 ? '−' : '';
  return sign + g + (frac ? (lang === 'id' ? ',' : '.') + frac : '');
}

/** A percentage with one decimal: 9 → "9,0%" (id) / "9.0%" (en); null → "–". */
export function formatPercent(x: number | null | undefined, lang: Lang, digits = 1): string {
  const v = finite(x);
  return v === null ? DASH : `${formatNumber(v, lang, digits)}%`;
}

/** A rate with its 95% CI: "9,0% (6,6–12,1)"; the interval is left out when either bound is missing. */
export function formatCI(p: number | null | undefined, lo: number | null | undefined, hi: number | null | undefined, lang: Lang): string {
  if (finite(p) === null) return DASH;
  const a = finite(lo);
  const b = finite(hi);
  if (a === null || b === null) return formatPercent(p, lang);
  return `${formatPercent(p, lang)} (${formatNumber(a, lang, 1)}–${formatNumber(b, lang, 1)})`;
}

/** Only the interval of a rate: "6,6–12,1%" or "–". */
export function formatInterval(lo: number | null | undefined, hi: number | null | undefined, lang: Lang): string {
  const a = finite(lo);
  const b = finite(hi);
  return a === null || b === null ? DASH : `${formatNumber(a, lang, 1)}–${formatNumber(b, lang, 1)}%`;
}

/** Year and month of a `YYYY-MM` period, or null when it is not one. */
export function parsePeriod(period: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/** A period in words: "2025-08" → "Agustus 2025" (id) / "August 2025" (en); unparseable input is returned as is. */
export function formatPeriod(period: string, lang: Lang): string {
  const p = parsePeriod(period);
  return p ? `${MONTHS[lang][p.month - 1]} ${p.year}` : period;
}

/** A short period for axes and tables: "Agu 2025" / "Aug 2025". */
export function formatPeriodShort(period: string, lang: Lang): string {
  const p = parsePeriod(period);
  return p ? `${MONTHS_SHORT[lang][p.month - 1]} ${p.year}` : period;
}

/** Month name only (for the axis): 8 → "Agu" / "Aug". */
export function monthShort(month: number, lang: Lang): string {
  return MONTHS_SHORT[lang][month - 1] ?? String(month);
}

/** A change in percentage points in words: −1.2 → "turun 1,2 poin" / "down 1.2 points"; 0 → "tetap" / "no change". */
export function formatChange(delta: number | null | undefined, lang: Lang): string {
  const d = finite(delta);
  if (d === null) return DASH;
  const r = Math.round(d * 10) / 10;
  if (r === 0) return text(CHANGE_WORDS, lang, 'noChange');
  const size = formatNumber(Math.abs(r), lang, 1);
  const one = Math.abs(r) === 1;
  return text(CHANGE_WORDS, lang, r < 0 ? (one ? 'changeDownOne' : 'changeDown') : one ? 'changeUpOne' : 'changeUp', { size });
}

/** A signed change in points for compact tables: "−1,2" / "+0,8" / "0,0". */
export function formatSignedPoints(delta: number | null | undefined, lang: Lang): string {
  const d = finite(delta);
  if (d === null) return DASH;
  const r = Math.round(d * 10) / 10;
  return (r > 0 ? '+' : '') + formatNumber(r, lang, 1);
}

/** A byte size for download links: 1234567 → "1,2 MB". */
export function formatBytes(bytes: number | null | undefined, lang: Lang): string {
  const b = finite(bytes);
  if (b === null) return DASH;
  if (b < 1024) return `${formatNumber(b, lang)} B`;
  if (b < 1024 * 1024) return `${formatNumber(b / 1024, lang, b < 10240 ? 1 : 0)} KB`;
  return `${formatNumber(b / 1024 / 1024, lang, 1)} MB`;
}

/** The table key of each cell status that shows words instead of a number. */
const STATUS_KEY: Record<Exclude<CellStatus, 'ok'>, keyof typeof CELL_STATUS> = {
  suppressed: 'statusSuppressed',
  no_data: 'statusNoData',
  not_measured: 'statusNotMeasured',
};

/** The words for a cell status when no number is shown. */
export function statusLabel(status: CellStatus, lang: Lang): string {
  if (status === 'ok') return '';
  const key = STATUS_KEY[status];
  return key ? text(CELL_STATUS, lang, key) : status;
}
