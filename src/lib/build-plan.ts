/**
 * The build's plan from its options, checked before any file is read: which periods are published, the reference
 * date ("today" for future-date checks) and the number of worker threads. Each check returns a message an official
 * can act on instead of an exception or a silent default.
 */
import { periodIndex } from './aggregate/record.ts';

/** `{ok, value}` or the bilingual reason the option is refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Published period indexes: the configured months, within `from`..`to`, not after the reference date. */
export function allowedPeriods(rounds: readonly string[], periods: { from?: string; to?: string }, referenceDate: string): number[] {
  const from = periodIndex(periods.from ?? '2000-01');
  const to = Math.min(periodIndex(periods.to ?? '2100-12'), periodIndex(referenceDate.slice(0, 7)));
  const months = new Set(rounds.map(Number));
  const out: number[] = [];
  for (let p = from; p <= to; p++) if (months.has((p % 12) + 1)) out.push(p);
  return out;
}

/** A real calendar date `YYYY-MM-DD` (2025-13-45 and 2025-02-30 are refused). */
export function checkReferenceDate(raw: string): Checked<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    return { ok: false, message: `Tanggal acuan "${raw}" bukan tanggal YYYY-MM-DD yang ada / The reference date "${raw}" is not a real YYYY-MM-DD date` };
  }
  return { ok: true, value: raw };
}

/** `periods.from` must not come after `periods.to` (otherwise no period could ever be published). */
export function checkPeriodRange(periods: { from?: string; to?: string }): Checked<null> {
  if (periods.from && periods.to && periods.from > periods.to) {
    return { ok: false, message: `periods.from (${periods.from}) sesudah periods.to (${periods.to}); tukar keduanya / periods.from (${periods.from}) is after periods.to (${periods.to}); swap them` };
  }
  return { ok: true, value: null };
}

/** The most worker threads a build starts, whatever is asked (each holds ~30 MB; more only queue for the cores). */
export const MAX_WORKERS = 16;

/** `--workers N`: a whole number ≥ 1, clamped to MAX_WORKERS; anything else is refused. */
export function parseWorkerCount(raw: string | undefined): Checked<number | undefined> {
  if (raw === undefined) return { ok: true, value: undefined };
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
    return { ok: false, message: `--workers "${raw}" bukan bilangan bulat ≥ 1 / is not a whole number ≥ 1` };
  }
  const n = Number(raw);
  return { ok: true, value: Math.min(n, MAX_WORKERS) };
}
