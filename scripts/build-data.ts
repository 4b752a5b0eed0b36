/**
 * The data build: `npm run data` (or `node scripts/build-data.ts [--config data/site.config.json] [--out generated]`).
 * Validates the inputs, computes z-scores and aggregates, and writes the published data contract atomically.
 * Exit code 0 on success, 1 on a structural problem or too many bad rows (messages name file:line:column).
 */
import { parseArgs } from 'node:util';
import { BuildError, runBuild } from './lib/build.ts';
import { parseWorkerCount } from '../src/lib/build-plan.ts';

const { values } = parseArgs({
  options: {
    config: { type: 'string', default: 'data/site.config.json' },
    out: { type: 'string', default: 'generated' },
    'reference-date': { type: 'string' },
    workers: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run data -- [--config data/site.config.json] [--out generated] [--reference-date YYYY-MM-DD] [--workers N]');
  process.exit(0);
}
const workers = parseWorkerCount(values.workers);
if (!workers.ok) {
  console.error(`Build data gagal / Data build failed:\n${workers.message}`);
  process.exit(1);
}
try {
  await runBuild({
    configPath: values.config!,
    outDir: values.out!,
    referenceDate: values['reference-date'],
    workers: workers.value,
  });
} catch (e) {
  if (e instanceof BuildError) {
    console.error('Build data gagal / Data build failed:');
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
