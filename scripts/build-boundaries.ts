/**
 * Builds the per-level boundary TopoJSON of the configured region and reports the registry cross-check.
 *   npm run boundaries [-- data/site.config.json [output folder, default generated/boundaries]]
 * Paths in the config are relative to the config's folder. Exit code 1 when the cross-check finds a problem.
 * The data build calls the same pure functions (src/lib/geo/boundaries.ts) directly; this is for officials setting
 * up a new kabupaten and for tuning the simplification.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseSiteConfig } from '../src/lib/config.ts';
import { buildBoundaries, crossCheck, formatCrossCheck } from '../src/lib/geo/boundaries.ts';
import { readRegistry } from './lib/areas-file.ts';

const configPath = resolve(process.argv[2] ?? 'data/site.config.json');
const outDir = resolve(process.argv[3] ?? 'generated/boundaries');
const parsed = parseSiteConfig(JSON.parse(readFileSync(configPath, 'utf8')));
if (!parsed.ok) {
  for (const i of parsed.issues) console.error(`${configPath}: ${i.key}: ${i.message}`);
  process.exit(1);
}
const { config } = parsed;
const base = dirname(configPath);
const registry = readRegistry(config.region, resolve(base, config.areas.file));
const desaFile = resolve(base, config.boundaries, 'desa.geojson');
const desa = JSON.parse(readFileSync(desaFile, 'utf8'));

const check = crossCheck(registry, desa.features);
const problems = formatCrossCheck(check);
console.log(`${registry.region.name} (${registry.region.code}): ${registry.desa.length} desa/kelurahan in the area list, ${desa.features.length} shapes in ${desaFile}`);
console.log(problems.length ? problems.join('\n') : 'cross-check: every desa has exactly one shape and every shape is a desa of the region');

const known = new Set(registry.desa.map((d) => d.code));
const topologies = buildBoundaries({ ...desa, features: desa.features.filter((f: { properties: { kode: string } }) => known.has(f.properties.kode)) }, { names: registry.byCode });
mkdirSync(outDir, { recursive: true });
for (const [level, topo] of Object.entries(topologies)) {
  const json = JSON.stringify(topo);
  const file = join(outDir, `${level}.topo.json`);
  writeFileSync(file, json);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${file}: ${kb(Buffer.byteLength(json))} raw, ${kb(gzipSync(json, { level: 9 }).length)} gzip, ${topo.arcs.reduce((s, a) => s + a.length, 0)} vertices`);
}
process.exit(problems.length ? 1 : 0);
