/**
 * Province boundaries (src/lib/geo/province.ts):
 *   npm run boundaries:province -- import <desa.geojson> [data/boundaries/jawa-timur-35/desa.topo.json.gz]
 *     packs a province's desa GeoJSON (property `kode`, `nama`) into the stored TopoJSON (shared arcs, no
 *     simplification, 1e6 quantisation, gzip -9 with a fixed header). Run once when the source changes; the build
 *     and the tests read only the stored file.
 *   npm run boundaries:province -- split [stored file] [output folder, default generated/province-boundaries]
 *     splits it per kab/kota (desa, kecamatan, kab/kota levels each) and builds the province file of kab/kota
 *     outlines; writes them and prints sizes (raw, gzip) with min/median/max, and the desa without a shape.
 *   npm run boundaries:province -- cut <output .topo.json> <code prefix>...
 *     the desa under the given kab/kota or kecamatan codes, in the stored form (plain JSON): the test fixture
 *     test/fixtures/province-35/desa.topo.json was cut with `cut test/fixtures/province-35/desa.topo.json 35.15.18
 *     35.76 35.78` (kecamatan Waru of Sidoarjo, Kota Mojokerto, Kota Surabaya).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packDesaTopology, splitProvince, unpackDesaTopology, type StoredDesaTopology } from '../src/lib/geo/province.ts';
import { provinceDemoRegistry } from '../src/lib/demo/province.ts';
import { readAreaListText } from './lib/areas-file.ts';

const STORED = fileURLToPath(new URL('../data/boundaries/jawa-timur-35/desa.topo.json.gz', import.meta.url));
const [mode, a1, a2] = process.argv.slice(2);
const gz = (s: string) => {
  const b = gzipSync(s, { level: 9 });
  b[9] = 3; // OS byte fixed (zlib writes no time or name), so the bytes do not depend on the platform
  return b;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (mode === 'import') {
  if (!a1) {
    console.error('usage: npm run boundaries:province -- import <desa.geojson> [output .topo.json.gz]');
    process.exit(1);
  }
  const out = resolve(a2 ?? STORED);
  const t0 = performance.now();
  const topo = packDesaTopology(JSON.parse(readFileSync(resolve(a1), 'utf8')));
  const json = JSON.stringify(topo);
  mkdirSync(dirname(out), { recursive: true });
  const bytes = gz(json);
  writeFileSync(out, bytes);
  console.log(`${out}: ${topo.objects.desa.geometries.length} desa, ${kb(json.length)} raw, ${kb(bytes.length)} gzip (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
} else if (mode === 'split') {
  const file = resolve(a1 ?? STORED);
  const outDir = resolve(a2 ?? 'generated/province-boundaries');
  const t0 = performance.now();
  const topo = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as StoredDesaTopology;
  const desa = unpackDesaTopology(topo);
  const prov = desa.features[0]?.properties.kode.slice(0, 2) ?? '';
  const registry = provinceDemoRegistry(readAreaListText(), prov);
  const names = new Map([...registry.kecamatan, ...registry.desa, ...registry.kabupaten!].map((x) => [x.code, x]));
  const split = splitProvince(desa, { kabupaten: registry.kabupaten!, desa: registry.desa }, { names });
  const ms = performance.now() - t0;
  mkdirSync(outDir, { recursive: true });
  const sizes: { code: string; name: string; desa: number; raw: number; gz: number; all: number }[] = [];
  for (const k of split.kab) {
    if (!k.levels) continue;
    let all = 0;
    let desaRaw = 0;
    let desaGz = 0;
    for (const [level, t] of Object.entries(k.levels)) {
      const json = JSON.stringify(t);
      const g = gz(json).length;
      mkdirSync(join(outDir, k.code), { recursive: true });
      writeFileSync(join(outDir, k.code, `${level}.topo.json`), json);
      all += g;
      if (level === 'desa') [desaRaw, desaGz] = [json.length, g];
    }
    sizes.push({ code: k.code, name: k.name, desa: k.levels.desa.objects.desa.geometries.length, raw: desaRaw, gz: desaGz, all });
  }
  const provJson = JSON.stringify(split.province);
  writeFileSync(join(outDir, 'kabupaten.topo.json'), provJson);
  const byGz = [...sizes].sort((x, y) => x.gz - y.gz);
  const med = byGz[Math.floor(byGz.length / 2)];
  for (const s of sizes) console.log(`${s.code} ${s.name}: ${s.desa} desa, desa file ${kb(s.raw)} raw, ${kb(s.gz)} gzip; 3 levels ${kb(s.all)} gzip`);
  console.log(`desa file per kab/kota (gzip -9): min ${kb(byGz[0].gz)} (${byGz[0].name}), median ${kb(med.gz)} (${med.name}), max ${kb(byGz[byGz.length - 1].gz)} (${byGz[byGz.length - 1].name}); total ${kb(sizes.reduce((t, s) => t + s.gz, 0))}`);
  console.log(`province file of ${split.province.objects.kabupaten.geometries.length} kab/kota outlines + borders: ${kb(provJson.length)} raw, ${kb(gz(provJson).length)} gzip`);
  for (const k of split.kab) for (const d of k.missing) console.log(`no shape (published without one): ${d.code} ${d.name} (${k.name})`);
  console.log(`split in ${(ms / 1000).toFixed(1)} s; files in ${outDir}`);
} else if (mode === 'cut') {
  const prefixes = process.argv.slice(4);
  if (!a1 || prefixes.length === 0) {
    console.error('usage: npm run boundaries:province -- cut <output .topo.json> <code prefix>...');
    process.exit(1);
  }
  const desa = unpackDesaTopology(JSON.parse(gunzipSync(readFileSync(STORED)).toString('utf8')) as StoredDesaTopology);
  const features = desa.features.filter((f) => prefixes.some((p) => f.properties.kode.startsWith(`${p}.`)));
  const json = JSON.stringify(packDesaTopology({ type: 'FeatureCollection', features }));
  writeFileSync(resolve(a1), json);
  console.log(`${a1}: ${features.length} desa, ${kb(json.length)}`);
} else {
  console.error('usage: npm run boundaries:province -- import <desa.geojson> [out] | split [stored file] [out folder] | cut <out> <prefix>...');
  process.exit(1);
}
