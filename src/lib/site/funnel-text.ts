/**
 * Words for the funnel plot, the standing against the parent area and the smoothed figures, in Bahasa Indonesia and
 * English; the strings are in src/lib/i18n/charts.ts.
 */
import type { Lang } from './format.ts';
import type { Verdict } from './funnel.ts';
import { t } from '../i18n/strings.ts';

/** The table key of a verdict, in the order −2 … 2. */
const VERDICT = ['verdictWellBelow', 'verdictBelow', 'verdictSame', 'verdictAbove', 'verdictWellAbove'] as const;

/** "significantly above Kecamatan X (outside the 95% limits)" and its kin. */
export function verdictText(v: Verdict, parent: string, lang: Lang): string {
  return t(lang, VERDICT[v + 2], { parent });
}

/** Short verdict for table cells. */
export function verdictShort(v: Verdict, lang: Lang): string {
  return t(lang, `${VERDICT[v + 2]}Short`);
}

/** The one-line explanation printed wherever raw and smoothed figures stand side by side. */
export function smoothedExplanation(lang: Lang): string {
  return t(lang, 'smoothedExplanation');
}
