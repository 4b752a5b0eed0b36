/**
 * Shared helpers of the trust tests: a throw-away data folder (config + measurement files) built with `runBuild`,
 * using the repository's Kota Metro registry, surveys and boundaries (absolute paths, so the folder can live in
 * the system temp directory).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BuildError, runBuild, type BuildSummary } from '../../../scripts/lib/build.ts';
import type { StructuralError } from '../../../src/lib/types.ts';

export const REPO = new URL('../../../', import.meta.url).pathname;
export const BAD_INPUT = join(REPO, 'test/fixtures/bad-input');

/** The base config of every trust case: Kota Metro, rounds 02/08, reference date 2025-12-31. */
export function baseConfig(): Record<string, unknown> {
  return {
    region: '18.72',
    title: { id: 'Uji kepercayaan', en: 'Trust test' },
    publisher: { name: 'Uji / test' },
    rounds: ['02', '08'],
    referenceDate: '2025-12-31',
    maxBadRowShare: 1,
    measurements: { dir: 'measurements' },
    surveys: join(REPO, 'data/surveys/prevalence.csv'),
    areas: { file: join(REPO, 'data/areas/kode_wilayah_2025.csv.gz') },
    boundaries: join(REPO, 'test/fixtures/regions/metro-1872'),
  };
}

/** Deep merge of plain objects (arrays and scalars replace); a `null` value deletes the key. */
export function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === null) delete out[k];
    else if (v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k])) {
      out[k] = merge(out[k] as Record<string, unknown>, v as Record<string, unknown>);
    } else out[k] = v;
  }
  return out;
}

/** A temp data folder: `site.config.json` (base merged with `config`, or `configText` verbatim), the given
 * measurement files (name → bytes) in `measurements/`, and `dataFiles` (path relative to the folder → bytes). */
export function makeDataDir(opts: { files?: Record<string, string | Uint8Array>; dataFiles?: Record<string, string | Uint8Array>; config?: Record<string, unknown>; configText?: string; copyFrom?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'trust-'));
  mkdirSync(join(dir, 'measurements'));
  if (opts.copyFrom && existsSync(opts.copyFrom)) cpSync(opts.copyFrom, join(dir, 'measurements'), { recursive: true });
  for (const [name, bytes] of Object.entries(opts.files ?? {})) writeFileSync(join(dir, 'measurements', name), bytes);
  for (const [name, bytes] of Object.entries(opts.dataFiles ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  writeFileSync(join(dir, 'site.config.json'), opts.configText ?? JSON.stringify(merge(baseConfig(), opts.config ?? {}), null, 2));
  return dir;
}

/** Outcome of one build: the summary and the published validation report, or the structural problems. */
export type Outcome =
  | { ok: true; summary: BuildSummary; validation: Validation; out: string }
  | { ok: false; problems: StructuralError[]; message: string };

export interface Validation {
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_outside_rounds?: number;
  by_reason: Record<string, number>;
  examples: Record<string, { file: string; line: number; column?: string; raw?: string }[]>;
  unmatched_areas: { kecamatan: string; desa: string; code?: string; count: number; first_line: number; file: string }[];
}

/** Builds the data folder into `<dir>/out`; a BuildError becomes `{ok: false}`, any other throw propagates. */
export async function build(dir: string, opts: { workers?: number; out?: string } = {}): Promise<Outcome> {
  const out = opts.out ?? join(dir, 'out');
  try {
    const summary = await runBuild({ configPath: join(dir, 'site.config.json'), outDir: out, log: () => {}, workers: opts.workers ?? 1 });
    const validation = JSON.parse(readFileSync(join(out, 'data/v1/validation.json'), 'utf8')) as Validation;
    return { ok: true, summary, validation, out };
  } catch (e) {
    if (e instanceof BuildError) return { ok: false, problems: e.problems, message: e.message };
    throw e;
  }
}

/** Every file under `dir`, recursively (absolute paths, sorted). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? listFiles(join(dir, f)) : [join(dir, f)]))
    .sort();
}

/** Removes a temp folder. */
export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
