/**
 * `npm run build`: the data build, then `astro build` into a new sibling of dist/ (`.dist.tmp-<pid>`), swapped in with
 * two renames only when Astro succeeded. A failed or killed site build leaves the previous dist/ whole; what a killed
 * build left beside it is removed by the next one.
 *
 *   node scripts/build-site.ts [--dist dist] [--skip-data] [data build options: --config, --out, --reference-date, --workers]
 *
 * BASE_PATH and DATA_DIR pass through to Astro as before.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OUTPUT_MANIFEST, outputManifest } from '../src/lib/output-guard.ts';
import { BuildError } from './lib/build-error.ts';
import { abandonSwap, commitSwap, guardOutputFolder, prepareSwap } from './lib/work-folders.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values, tokens } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    'skip-data': { type: 'boolean', default: false },
    config: { type: 'string' },
    out: { type: 'string' },
    'reference-date': { type: 'string' },
    workers: { type: 'string' },
  },
  tokens: true,
});
const dataArgs = tokens.flatMap((t) => (t.kind === 'option' && !['dist', 'skip-data'].includes(t.name) ? [`--${t.name}`, ...(t.value !== undefined ? [t.value] : [])] : []));

/** Runs `node <args>` with this process's output; resolves to its exit code (1 when killed by a signal). */
function run(args: string[], onStart?: (kill: () => void) => void): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    onStart?.(() => child.kill('SIGTERM'));
    child.on('exit', (code) => done(code ?? 1));
  });
}

if (!values['skip-data']) {
  const code = await run([join(ROOT, 'scripts/build-data.ts'), ...dataArgs]);
  if (code !== 0) process.exit(code);
}

const dist = resolve(ROOT, values.dist!);
try {
  guardOutputFolder(dist, [join(ROOT, 'data'), join(ROOT, 'src'), join(ROOT, 'generated')], ROOT, 'site');
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`Build situs gagal / Site build failed:\n${e.message}`);
  process.exit(1);
}
const tmp = prepareSwap(dist);
// Ctrl-C or a polite kill: stop Astro and remove the half-built folder (SIGKILL cannot be caught: the next build
// removes it).
let stop: (() => void) | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    stop?.();
    abandonSwap(dist, tmp);
    process.exit(1);
  });
}
const code = await run([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', tmp], (k) => (stop = k));
if (code !== 0) {
  abandonSwap(dist, tmp);
  console.error(`Build situs gagal; ${values.dist} sebelumnya tetap utuh / Site build failed; the previous ${values.dist} is untouched (exit ${code})`);
  process.exit(code);
}
writeFileSync(join(tmp, OUTPUT_MANIFEST), outputManifest('site'));
commitSwap(dist, tmp);
console.log(`situs/site → ${values.dist}`);
