/** An area's name with its kind, in its own module so browser code can use it without the page strings. */
import type { AreaJson } from './contract.ts';
import type { Lang } from './format.ts';
import { AREA_TITLES } from '../i18n/cells.ts';
import { text } from '../i18n/lookup.ts';

/** The title string of each area kind (a desa adat is titled as a desa). */
const KIND_TITLE: Record<string, keyof typeof AREA_TITLES> = {
  kecamatan: 'titleKecamatan',
  kelurahan: 'titleKelurahan',
  desa: 'titleDesa',
  desa_adat: 'titleDesa',
  kota: 'titleKota',
  provinsi: 'titleProvinsi',
};

/** "Desa Pesanggaran" / "Pesanggaran village", "Kecamatan X" / "X district", "Provinsi Jawa Timur" / "Jawa Timur
 * Province"; a kab/kota by its own name (the code list spells it "Kabupaten X", "Kota Y"). */
export function areaTitle(a: Pick<AreaJson, 'name' | 'kind' | 'level'>, lang: Lang): string {
  if (a.level === 'kabupaten') return a.name;
  const key = KIND_TITLE[a.kind];
  return key ? text(AREA_TITLES, lang, key, { name: a.name }) : a.name;
}
