/**
 * Static pages of the map explorer's views (`/peta/<tingkat>/<indikator>/<periode>/`): the getStaticPaths entries and
 * the page texts. Every level × indicator × period with figures is listed: the z-score indicators (2 × 6 × 8 = 96
 * pages per language with the demo data) and the convergence indicators of konvergensi-meta.json in their own
 * periods (2 × 24 × 3 = 144). Past MAX_PER_LANG a family keeps its latest two periods only, so a long history does not
 * multiply the build.
 */
import { formatPeriod } from '../lib/site/format.ts';
import type { Lang } from '../lib/site/i18n.ts';
import { mapLevels, staticStates, type MapLevel } from '../lib/site/map-state.ts';
import { mapIndicators, type MapIndicator } from '../lib/site/map-indicator.ts';
import { loadCoverageMeta, loadMeta } from './load.ts';
import { ownPaths } from './site.ts';

/** Above this many pages per language and indicator family, only its latest two periods get a static page. */
export const MAX_PER_LANG = 200;

/** One static explorer view. */
export interface PetaView {
  level: MapLevel;
  indicator: string;
  period: string;
}

/** getStaticPaths entries of the static explorer views. */
export function petaPaths(): { params: { tingkat: string; indikator: string; periode: string }; props: { view: PetaView } }[] {
  const meta = loadMeta();
  const all = mapIndicators(meta, loadCoverageMeta(), 'id');
  const states = (['zscore', 'coverage'] as const).flatMap((kind) => {
    const list = all.filter((i) => i.kind === kind);
    if (!list.length) return [];
    const o = { periods: list[0].periods, indicators: list.map((i) => i.id), levels: mapLevels(meta.levels) };
    const s = staticStates(o);
    return s.length > MAX_PER_LANG ? staticStates(o, o.periods.slice(-2)) : s;
  });
  return ownPaths(states.map((s) => ({ params: { tingkat: s.level, indikator: s.indicator, periode: s.period }, props: { view: s } })));
}

/** The lede under the heading: of a prevalence view, of a convergence view. */
const LEDE = {
  id: [
    'Prevalensi per kecamatan dan desa menurut kelas WHO/UNICEF. Klik wilayah untuk membuka halamannya.',
    'Cakupan intervensi konvergensi per kecamatan dan desa (pembilang/penyebut). Klik wilayah untuk membuka halamannya.',
  ],
  en: [
    'Prevalence by district (kecamatan) and village (desa) in WHO/UNICEF classes. Click an area to open its page.',
    'Coverage of the convergence interventions by district (kecamatan) and village (desa), numerator over denominator. Click an area to open its page.',
  ],
} as const;

/** Title, description and lede of a view's page. */
export function petaTexts(view: PetaView, lang: Lang): { title: string; description: string; heading: string; lede: string } {
  const ind: MapIndicator | undefined = mapIndicators(loadMeta(), loadCoverageMeta(), lang).find((i) => i.id === view.indicator);
  const label = ind?.label ?? view.indicator;
  const lw = lang === 'id' ? (view.level === 'desa' ? 'desa/kelurahan' : 'kecamatan') : view.level === 'desa' ? 'village' : 'district';
  const p = formatPeriod(view.period, lang);
  const cov = ind?.kind === 'coverage';
  return lang === 'id'
    ? { title: `Peta: ${label} per ${lw}, ${p}`, heading: 'Peta', lede: LEDE.id[cov ? 1 : 0], description: `Peta dan tabel ${label} per ${lw}, ${p}, ${cov ? 'cakupan intervensi konvergensi' : 'menurut kelas WHO/UNICEF'}.` }
    : { title: `Map: ${label} by ${lw}, ${p}`, heading: 'Map', lede: LEDE.en[cov ? 1 : 0], description: `Map and table of ${label} by ${lw}, ${p}, ${cov ? 'convergence intervention coverage' : 'in WHO/UNICEF classes'}.` };
}
