/**
 * Words for the funnel plot, the standing against the parent area and the smoothed figures, in Bahasa Indonesia and
 * English (kept beside funnel.ts rather than in i18n.ts: they take a parent name and a verdict).
 */
import type { Lang } from './format.ts';
import type { Verdict } from './funnel.ts';

/** "significantly above Kecamatan X (outside the 95% limits)" and its kin. */
export function verdictText(v: Verdict, parent: string, lang: Lang): string {
  if (lang === 'id') {
    return v === 2 ? `jauh di atas ${parent} (di luar batas kendali 99,8%)`
      : v === 1 ? `di atas ${parent} secara bermakna (di luar batas kendali 95%)`
      : v === -1 ? `di bawah ${parent} secara bermakna (di luar batas kendali 95%)`
      : v === -2 ? `jauh di bawah ${parent} (di luar batas kendali 99,8%)`
      : `tidak berbeda bermakna dari ${parent} (di dalam batas kendali 95%)`;
  }
  return v === 2 ? `well above ${parent} (outside the 99.8% control limits)`
    : v === 1 ? `significantly above ${parent} (outside the 95% control limits)`
    : v === -1 ? `significantly below ${parent} (outside the 95% control limits)`
    : v === -2 ? `well below ${parent} (outside the 99.8% control limits)`
    : `not significantly different from ${parent} (inside the 95% control limits)`;
}

/** Short verdict for table cells. */
export function verdictShort(v: Verdict, lang: Lang): string {
  if (lang === 'id') return v === 2 ? 'jauh di atas' : v === 1 ? 'di atas' : v === -1 ? 'di bawah' : v === -2 ? 'jauh di bawah' : 'tidak berbeda';
  return v === 2 ? 'well above' : v === 1 ? 'above' : v === -1 ? 'below' : v === -2 ? 'well below' : 'not different';
}

/** The one-line explanation printed wherever raw and smoothed figures stand side by side. */
export function smoothedExplanation(lang: Lang): string {
  return lang === 'id'
    ? 'Angka terhaluskan ditarik ke arah angka wilayah induk, makin kuat bila anaknya sedikit, sehingga kurang dipengaruhi kebetulan; angka mentah tetap angka resmi.'
    : 'The smoothed figure is pulled towards the parent area’s figure, the more so the fewer the children, so it is less driven by chance; the raw figure stays the official one.';
}
