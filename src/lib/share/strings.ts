/**
 * The credits every downloaded chart or map image carries, in one language. The sharing components read `t` here
 * too (re-exported from src/lib/i18n/strings.ts), so each keeps one import for both: the order of a built page's
 * inline CSS follows the position of each component's imports (Astro's cssOrder).
 */
import type { Lang } from '../site/format.ts';
import type { Meta } from '../site/contract.ts';
import { t } from '../i18n/strings.ts';

export { t };

/** What every downloaded chart or map image carries: source, licence and, for demo data, the synthetic-data note. */
export interface ImageCredits {
  lang: Lang;
  source: string;
  licence: string;
  synthetic: string | null;
}

/** The image credits of a site in one language. */
export function imageCredits(lang: Lang, meta: Pick<Meta, 'publisher' | 'licence' | 'synthetic'>): ImageCredits {
  return {
    lang,
    source: `${t(lang, 'source')}: ${meta.publisher.name}`,
    licence: `${t(lang, 'licence')}: ${meta.licence.name} (${meta.licence.id})`,
    synthetic: meta.synthetic ? t(lang, 'synthetic') : null,
  };
}
