/** The credits every downloaded chart or map image carries, in one language. */
import type { Lang } from '../site/format.ts';
import type { Meta } from '../site/contract.ts';
import { t } from '../i18n/strings.ts';

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
