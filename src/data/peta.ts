/**
 * Static pages of the map explorer's views (`/peta/<tingkat>/<indikator>/<periode>/`): the getStaticPaths entries and
 * the page texts. Every level × indicator × period is listed (2 × 6 × 8 = 96 pages per language with the demo data);
 * past MAX_PER_LANG the list keeps the latest two periods only, so a long history does not multiply the build.
 */
import type { IndicatorId } from '../lib/types.ts';
import { formatPeriod } from '../lib/site/format.ts';
import { pick, type Lang } from '../lib/site/i18n.ts';
import { staticStates, type MapLevel } from '../lib/site/map-state.ts';
import { loadMeta } from './load.ts';

/** Above this many pages per language, only the latest two periods get a static page. */
export const MAX_PER_LANG = 200;

/** One static explorer view. */
export interface PetaView {
  level: MapLevel;
  indicator: IndicatorId;
  period: string;
}

/** getStaticPaths entries of the static explorer views. */
export function petaPaths(): { params: { tingkat: string; indikator: string; periode: string }; props: { view: PetaView } }[] {
  const meta = loadMeta();
  const o = { periods: meta.periods, indicators: meta.indicators.map((i) => i.id), levels: meta.levels };
  let states = staticStates(o);
  if (states.length > MAX_PER_LANG) states = staticStates(o, meta.periods.slice(-2));
  return states.map((s) => ({ params: { tingkat: s.level, indikator: s.indicator, periode: s.period }, props: { view: s } }));
}

/** Title and description of a view's page. */
export function petaTexts(view: PetaView, lang: Lang): { title: string; description: string; heading: string } {
  const meta = loadMeta();
  const label = pick(meta.indicators.find((i) => i.id === view.indicator)?.label, lang);
  const lw = lang === 'id' ? (view.level === 'desa' ? 'desa/kelurahan' : 'kecamatan') : view.level === 'desa' ? 'village' : 'district';
  const p = formatPeriod(view.period, lang);
  return lang === 'id'
    ? { title: `Peta: ${label} per ${lw}, ${p}`, heading: 'Peta', description: `Peta dan tabel ${label} per ${lw}, ${p}, menurut kelas WHO/UNICEF.` }
    : { title: `Map: ${label} by ${lw}, ${p}`, heading: 'Map', description: `Map and table of ${label} by ${lw}, ${p}, in WHO/UNICEF classes.` };
}
