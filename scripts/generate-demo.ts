/**
 * npm run generate-demo [-- --config-dir data --region 51.08 --seed 1 --children 20000]
 *
 * Writes the synthetic e-PPGBM-style demo export (one `demo-YYYY-MM.csv.gz` per round) and `demo-manifest.json`
 * into the measurements folder of the config, for the config's region and seed unless overridden. Same seed, same
 * bytes. Prints the time and the file sizes.
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
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: npm run generate-demo -- [--config-dir data] [--region 35.10] [--seed 20250801] [--children 55000]');
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
  const s = await writeDemoData(dir, config, { childrenPerRound, log: (l) => console.log(l) });
  const rows = s.files.reduce((a, f) => a + f.rows, 0);
  const gz = s.files.reduce((a, f) => a + f.gzipBytes, 0);
  console.log(
    `demo ${s.region} seed ${s.seed}: ${s.files.length} rounds, ${rows} rows, ${(gz / 1e6).toFixed(1)} MB gzip in ${s.dir} ` +
      `(${(s.ms / 1000).toFixed(1)} s); manifest ${s.manifestPath}`,
  );
} catch (e) {
  console.error(`generate-demo: ${(e as Error).message}`);
  process.exit(1);
}
