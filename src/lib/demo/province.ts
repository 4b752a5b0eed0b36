/**
 * The demo registry of a whole province (region code `35`) for the demo generator (`npm run generate-demo --
 * --region 35`): the province's registry, optionally cut to its first kab/kota for a smaller measured run.
 */
import { parseRegistry } from '../areas.ts';
import type { DemoRegistry } from './plan.ts';

/** True for a two-digit province code such as `35`. */
export function isProvinceCode(code: string): boolean {
  return /^\d{2}$/.test(code);
}

/**
 * The registry of province `provCode` from the code list text (columns `kode,nama,level,...`), parsed by the one
 * registry parser. Optionally only the first `maxKab` kab/kota in code order (a smaller run for measuring). Throws
 * when the province or its kab/kota are not in the list.
 */
export function provinceDemoRegistry(csvText: string, provCode: string, maxKab = Infinity): DemoRegistry {
  if (!isProvinceCode(provCode)) throw new Error(`region ${JSON.stringify(provCode)} is not a province code such as 35`);
  const r = parseRegistry(csvText, provCode);
  if (r.kabupaten.length === 0) throw new Error(`province ${provCode} has no kab/kota in the area list`);
  const kabupaten = r.kabupaten.slice(0, maxKab);
  const kept = (code: string) => kabupaten.some((k) => code.startsWith(`${k.code}.`));
  return { region: r.region, province: r.province, kabupaten, kecamatan: r.kecamatan.filter((a) => kept(a.code)), desa: r.desa.filter((a) => kept(a.code)) };
}
