/**
 * The demo registry of a whole province (region code `35`): every kab/kota of the province in the Kemendagri list,
 * each parsed by the one strict registry parser (src/lib/areas.ts), joined into one list of kecamatan and desa. The
 * site's own registry is still one kab/kota; this only feeds the demo generator (`npm run generate-demo -- --region
 * 35`), so that a province-sized export can be made and measured before the site builds provinces.
 */
import { parseRegistry, splitCsvLine } from '../areas.ts';
import type { Area } from '../types.ts';
import type { DemoRegistry } from './plan.ts';

/** True for a two-digit province code such as `35`. */
export function isProvinceCode(code: string): boolean {
  return /^\d{2}$/.test(code);
}

/**
 * The registry of province `provCode` from the code list text (columns `kode,nama,level,...`). Optionally only the
 * first `maxKab` kab/kota in code order (a smaller run for measuring). Throws when the province or its kab/kota are
 * not in the list.
 */
export function provinceDemoRegistry(csvText: string, provCode: string, maxKab = Infinity): DemoRegistry {
  if (!isProvinceCode(provCode)) throw new Error(`region ${JSON.stringify(provCode)} is not a province code such as 35`);
  const kabRe = new RegExp(`^${provCode}\\.\\d{2}$`);
  const kabCodes: string[] = [];
  for (const line of csvText.split('\n')) {
    if (!line.startsWith(`${provCode}.`)) continue;
    const code = splitCsvLine(line.replace(/\r$/, ''))[0]?.trim() ?? '';
    if (kabRe.test(code)) kabCodes.push(code);
  }
  kabCodes.sort();
  if (kabCodes.length === 0) throw new Error(`province ${provCode} has no kab/kota in the area list`);
  const kabupaten: Area[] = [];
  const kecamatan: Area[] = [];
  const desa: Area[] = [];
  let province = { code: provCode, name: provCode };
  for (const code of kabCodes.slice(0, maxKab)) {
    const r = parseRegistry(csvText, code);
    province = r.province;
    kabupaten.push({ ...r.region, parent: provCode });
    kecamatan.push(...r.kecamatan);
    desa.push(...r.desa);
  }
  return { region: { code: provCode, name: province.name, kind: 'provinsi' }, province, kabupaten, kecamatan, desa };
}
