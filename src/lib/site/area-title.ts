/** An area's name with its kind, in its own module so browser code can use it without the page strings. */
import type { AreaJson } from './contract.ts';
import type { Lang } from './format.ts';

/** "Desa Pesanggaran" / "Pesanggaran village", "Kecamatan X" / "X district"; the kabupaten by its own name. */
export function areaTitle(a: Pick<AreaJson, 'name' | 'kind' | 'level'>, lang: Lang): string {
  if (a.level === 'kabupaten') return a.name;
  const word: Record<string, [string, string]> = {
    kecamatan: ['Kecamatan', 'district'],
    kelurahan: ['Kelurahan', 'urban village'],
    desa: ['Desa', 'village'],
    desa_adat: ['Desa', 'village'],
    kota: ['Kota', 'city'],
  };
  const w = word[a.kind] ?? ['', ''];
  return lang === 'id' ? `${w[0]} ${a.name}`.trim() : `${a.name} ${w[1]}`.trim();
}
