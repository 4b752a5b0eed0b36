/**
 * The synthetic e-PPGBM-style export: a cohort of children followed across rounds, measured at their posyandu,
 * written as a semicolon-separated spreadsheet export with Indonesian headers and realistic data-entry faults.
 *
 * Steps, all pure and seeded, one module each: `planDemo` (plan.ts: per-desa character, from the numbers in
 * params.ts), `simulateCohort` (cohort.ts: every child born in or moving into the region over the window, with
 * stable fake identity and its own persistent z-score deviations), `buildRound` (round.ts: who is measured in one
 * round, their length and weight by inverting the WHO LMS tables, and the injected faults). `formatRound`
 * (export-format.ts) writes the CSV text; the manifest (manifest.ts) counts what was injected per desa and round,
 * so that tests of the validation and quality reports can check they find it. This module runs them in order.
 */
import type { WhoTables } from '../who/tables.ts';
import { simulateCohort } from './cohort.ts';
import { demoFileName, formatRound } from './export-format.ts';
import { addRoundToManifest, createManifest, type DemoManifest } from './manifest.ts';
import { planDemo, type DemoOptions, type DemoPlan, type DemoRegistry } from './plan.ts';
import { buildRound, type DemoRound } from './round.ts';

/** One round ready to write. */
export interface DemoFile {
  period: string;
  fileName: string;
  text: string;
  round: DemoRound;
}

/** Generates the rounds one at a time (memory stays at one round), filling `manifest` as it goes. */
export function* generateDemoRounds(plan: DemoPlan, tables: WhoTables, manifest?: DemoManifest): Generator<DemoFile> {
  const cohort = simulateCohort(plan);
  for (let r = 0; r < plan.periods.length; r++) {
    const round = buildRound(plan, cohort, tables, r);
    if (manifest) addRoundToManifest(manifest, plan, round);
    yield { period: round.period, fileName: demoFileName(round.period), text: formatRound(round), round };
  }
}

/** The injection manifest for a registry and options, without writing any CSV text: the deterministic answer key
 * a test of the validation or quality report compares against. */
export function demoManifest(registry: DemoRegistry, tables: WhoTables, options: DemoOptions): DemoManifest {
  const plan = planDemo(registry, options);
  const manifest = createManifest(plan);
  const cohort = simulateCohort(plan);
  for (let r = 0; r < plan.periods.length; r++) addRoundToManifest(manifest, plan, buildRound(plan, cohort, tables, r));
  return manifest;
}

/** Generates every round in memory: the plan, the files and the manifest (convenient for tests and small regions). */
export function generateDemo(
  registry: DemoRegistry,
  tables: WhoTables,
  options: DemoOptions,
): { plan: DemoPlan; files: DemoFile[]; manifest: DemoManifest } {
  const plan = planDemo(registry, options);
  const manifest = createManifest(plan);
  const files = [...generateDemoRounds(plan, tables, manifest)];
  return { plan, files, manifest };
}
