/**
 * npm run generate-demo [-- --config-dir data --region 51.08 --seed 1 --children 20000]
 * npm run generate-demo -- --config-dir /tmp/jatim --region 35 --children 2500000 [--kab 5] [--from 2025-02]
 *
 * Writes the synthetic e-PPGBM-style demo export (one `demo-YYYY-MM.csv.gz` per round) and `demo-manifest.json`
 * into the measurements folder of the config, for the config's region and seed unless overridden. Same seed, same
 * bytes. The region may be a province (`35`: every desa of its kab/kota; `--kab N` keeps the first N kab/kota, for
 * measuring); the export is streamed one desa at a time, so memory does not grow with the rows. Prints the time and
 * the file sizes. A province export is large (≈20M rows): give it its own --config-dir, not data/.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDemoConfig, writeDemoData } from './lib/demo-data.ts';

const { values } = parseArgs({
  options: {
    'config-dir': { type: 'string', default: fileURLToPath(new URL('../data/', import.meta.url)) },
    region: { type: 'string' },
    seed: { type: 'string' },
    children: { type: 'string' },
    kab: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run generate-demo -- [--config-dir data] [--region 35.10 | 35] [--seed 20250801] [--children 55000] ' +
      '[--kab N (province: first N kab/kota)] [--from YYYY-MM] [--to YYYY-MM]',
  );
  process.exit(0);
}

try {
  const dir = values['config-dir']!;
  const config = readDemoConfig(dir);
  if (values.region) config.region = values.region;
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
    config.demo = { ...config.demo, seed };
  }
  let childrenPerRound: number | undefined;
  if (values.children !== undefined) {
    childrenPerRound = Number(values.children);
    if (!Number.isInteger(childrenPerRound) || childrenPerRound < 1) throw new Error(`--children must be a positive integer, got ${values.children}`);
  }
  let maxKab: number | undefined;
  if (values.kab !== undefined) {
    maxKab = Number(values.kab);
    if (!Number.isInteger(maxKab) || maxKab < 1) throw new Error(`--kab must be a positive integer, got ${values.kab}`);
  }
  for (const k of ['from', 'to'] as const) {
    const v = values[k];
    if (v === undefined) continue;
    if (!/^\d{4}-\d{2}$/.test(v)) throw new Error(`--${k} must be YYYY-MM, got ${v}`);
    config.periods = { ...config.periods, [k]: v };
  }
  const stats = { children: 0, peakMovers: 0 };
  const s = await writeDemoData(dir, config, { childrenPerRound, maxKab, stats, log: (l) => console.log(l) });
  const rows = s.files.reduce((a, f) => a + f.rows, 0);
  const gz = s.files.reduce((a, f) => a + f.gzipBytes, 0);
  console.log(
    `demo ${s.region} seed ${s.seed}: ${s.files.length} rounds, ${rows} rows, ${(gz / 1e6).toFixed(1)} MB gzip in ${s.dir} ` +
      `(${(s.ms / 1000).toFixed(1)} s, ${Math.round(rows / (s.ms / 1000))} rows/s); ${stats.children} children drawn, ` +
      `at most ${stats.peakMovers} movers held; manifest ${s.manifestPath}`,
  );
} catch (e) {
  console.error(`generate-demo: ${(e as Error).message}`);
  process.exit(1);
}
