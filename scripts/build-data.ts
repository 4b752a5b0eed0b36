/**
 * The data build: `npm run data` (or `node scripts/build-data.ts [--config data/site.config.json] [--out generated]`).
 * Validates the inputs, computes z-scores and aggregates, and writes the published data contract atomically.
 * Exit code 0 on success, 1 on a structural problem or too many bad rows (messages name file:line:column).
 */
import { parseArgs } from 'node:util';
import { BuildError, resolveReferenceDate, runBuild } from './lib/build.ts';
import { parseWorkerCount } from '../src/lib/build-plan.ts';
import { existsSync, rmSync } from 'node:fs';
import { cacheFolderOf } from './lib/file-cache.ts';
import { dirname, join, resolve } from 'node:path';
import { readConfig } from './lib/config-file.ts';
import { dataBuildFingerprint, recordedFingerprint, recordFingerprint } from './lib/fingerprint.ts';
import { runWithHeapCap } from './lib/heap-cap.ts';

/** How to fingerprint this build's inputs, or null when the config cannot be read (the build then says why). */
function incrementalPlan(configPath: string, referenceDate: string | undefined): { before: () => string } | null {
  try {
    const path = resolve(configPath);
    const config = readConfig(path);
    const dataDir = dirname(path);
    const ref = resolveReferenceDate(referenceDate, config);
    return { before: () => dataBuildFingerprint({ configPath: path, dataDir, config, referenceDate: ref }) };
  } catch {
    return null;
  }
}

// The work runs in a child with a capped heap (scripts/lib/heap-cap.ts): this process only waits for it.
const capped = runWithHeapCap();
if (capped !== null) process.exit(capped);

const { values } = parseArgs({
  options: {
    config: { type: 'string', default: 'data/site.config.json' },
    out: { type: 'string', default: 'generated' },
    'reference-date': { type: 'string' },
    workers: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'Usage: npm run data -- [--config data/site.config.json] [--out generated] [--reference-date YYYY-MM-DD] [--workers N] [--force]\n' +
      '  Skips the build when nothing it reads changed since the last one; when only some exports changed, only those are read\n' +
      '  (the others come from .<out>.cache beside the output). --force rebuilds everything, the cache too.',
  );
  process.exit(0);
}
const workers = parseWorkerCount(values.workers);
if (!workers.ok) {
  console.error(`Build data gagal / Data build failed:\n${workers.message}`);
  process.exit(1);
}
try {
  // Incremental: nothing to do when every input, the code and the options are as the last successful build left them.
  const plan = incrementalPlan(values.config!, values['reference-date']);
  if (!values.force && plan && recordedFingerprint(values.out!) === plan.before() && existsSync(join(values.out!, 'data/v1/meta.json'))) {
    console.log(`Masukan tidak berubah sejak build terakhir; ${values.out} dipakai ulang (--force untuk membangun ulang) / Inputs unchanged since the last build; ${values.out} reused (--force to rebuild)`);
    process.exit(0);
  }
  if (values.force) rmSync(cacheFolderOf(resolve(values.out!)), { recursive: true, force: true });
  await runBuild({
    configPath: values.config!,
    outDir: values.out!,
    referenceDate: values['reference-date'],
    workers: workers.value,
    fileCache: true,
  });
  // After the build: a synthetic demo's inputs are written by the build itself, so the inputs are read as they are now.
  if (plan) recordFingerprint(values.out!, plan.before());
} catch (e) {
  if (e instanceof BuildError) {
    console.error('Build data gagal / Data build failed:');
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
