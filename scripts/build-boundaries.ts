/**
 * Builds the per-level boundary TopoJSON of the configured region and reports the registry cross-check.
 *   npm run boundaries [-- data/site.config.json [output folder, default generated/boundaries]]
 * Paths in the config are relative to the config's folder. Exit code 1 when the cross-check finds a problem.
 * The data build calls the same pure functions (src/lib/geo/boundaries.ts) directly; this is for officials setting
 * up a new kabupaten (see also `npm run new-region`) and for tuning the simplification.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseSiteConfig } from '../src/lib/config.ts';
import { readRegistry } from './lib/areas-file.ts';
import { buildBoundaryReport, formatBoundaryReport, readDesaGeoJson, writeBoundaryFiles } from './lib/boundaries-report.ts';

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
let desa;
try {
  desa = readDesaGeoJson(desaFile);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const report = buildBoundaryReport(registry, desa);
writeBoundaryFiles(report, outDir);
console.log(formatBoundaryReport(registry, desaFile, desa.features.length, report, outDir).join('\n'));
process.exit(report.problems.length ? 1 : 0);
