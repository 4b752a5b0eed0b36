/**
 * The demo's answer key: what was injected per desa and round (faults, duplicates, oddities) and the plan's
 * character of each desa, without any personal data. Tests of the validation and quality reports compare against it.
 */
import type { ProblemReason } from '../types.ts';
import { DEMO_DELIMITER, DEMO_HEADERS, demoFileName } from './export-format.ts';
import { EXPECTED_REASONS, FAULT_KINDS, type FaultKind } from './faults.ts';
import {
  DIGIT_PREFERENCE_RATE,
  DUPLICATE_IDENTICAL_SHARE,
  DUPLICATE_REMEASURED_SHARE,
  ERROR_SHARES,
  INFANT_STANDING_SHARE,
  MISSPELLED_ROW_SHARE,
  OEDEMA_SHARE,
  POSITION_OTHER_WAY_SHARE,
} from './params.ts';
import type { DemoPlan } from './plan.ts';
import type { DemoDesaRoundCounts, DemoRound } from './round.ts';

/** Counts of one desa (or the whole region) in one round. Faults with a zero count are omitted per desa. */
export interface ManifestCounts {
  rows: number;
  children: number;
  stunted: number;
  faults: Partial<Record<FaultKind, number>>;
}

/** What the demo injected, without any personal data: the plan per desa and the counts per desa and round. */
export interface DemoManifest {
  generator: 'aksi7-demo';
  version: 1;
  synthetic: true;
  seed: number;
  region: { code: string; name: string };
  periods: string[];
  files: Record<string, string>;
  format: { headers: string[]; delimiter: string; lineEnding: 'CRLF'; decimal: ','; dateFormat: 'DD/MM/YYYY'; encoding: 'utf-8' };
  shares: Record<string, number>;
  expectedReasons: Record<FaultKind, ProblemReason[]>;
  totals: Record<string, ManifestCounts>;
  desa: Record<
    string,
    {
      name: string;
      kecamatan: string;
      kind: string;
      small: boolean;
      hotspot: boolean;
      brightSpot: boolean;
      digitPreference: 'heavy' | 'some' | 'none';
      misspelling: string | null;
      periods: Record<string, ManifestCounts>;
    }
  >;
}

/** An empty manifest for a plan; fill it with `addRoundToManifest`. */
export function createManifest(plan: DemoPlan): DemoManifest {
  const desa: DemoManifest['desa'] = {};
  for (const d of plan.desa) {
    desa[d.code] = {
      name: d.name,
      kecamatan: d.kecamatanName,
      kind: d.kind,
      small: d.small,
      hotspot: d.hotspot,
      brightSpot: d.brightSpot,
      digitPreference: d.digitPreference,
      misspelling: d.misspelling,
      periods: {},
    };
  }
  const shares: Record<string, number> = { ...ERROR_SHARES };
  Object.assign(shares, {
    duplicate_identical: DUPLICATE_IDENTICAL_SHARE,
    duplicate_remeasured: DUPLICATE_REMEASURED_SHARE,
    misspelled_row_in_misspelled_desa: MISSPELLED_ROW_SHARE,
    digit_preference_heavy: DIGIT_PREFERENCE_RATE.heavy,
    digit_preference_moderate: DIGIT_PREFERENCE_RATE.moderate,
    digit_preference_baseline: DIGIT_PREFERENCE_RATE.none,
    position_other_way: POSITION_OTHER_WAY_SHARE,
    infant_standing: INFANT_STANDING_SHARE,
    oedema: OEDEMA_SHARE,
  });
  return {
    generator: 'aksi7-demo',
    version: 1,
    synthetic: true,
    seed: plan.seed,
    region: { code: plan.region.code, name: plan.region.name },
    periods: plan.periods,
    files: Object.fromEntries(plan.periods.map((p) => [p, demoFileName(p)])),
    format: { headers: [...DEMO_HEADERS], delimiter: DEMO_DELIMITER, lineEnding: 'CRLF', decimal: ',', dateFormat: 'DD/MM/YYYY', encoding: 'utf-8' },
    shares,
    expectedReasons: EXPECTED_REASONS,
    totals: {},
    desa,
  };
}

/** Adds one desa's counts of one round to the manifest and to the round's total (created on first use). */
function addDesaRound(manifest: DemoManifest, code: string, period: string, c: DemoDesaRoundCounts): void {
  let total = manifest.totals[period];
  if (!total) {
    total = { rows: 0, children: 0, stunted: 0, faults: {} };
    for (const k of FAULT_KINDS) total.faults[k] = 0;
    manifest.totals[period] = total;
  }
  const faults: Partial<Record<FaultKind, number>> = {};
  for (const k of FAULT_KINDS) {
    if (c.faults[k] > 0) faults[k] = c.faults[k];
    total.faults[k]! += c.faults[k];
  }
  manifest.desa[code].periods[period] = { rows: c.rows, children: c.children, stunted: c.stunted, faults };
  total.rows += c.rows;
  total.children += c.children;
  total.stunted += c.stunted;
}

/** Adds one round's counts to the manifest (per desa and the region total). */
export function addRoundToManifest(manifest: DemoManifest, plan: DemoPlan, round: DemoRound): void {
  round.counts.forEach((c, di) => addDesaRound(manifest, plan.desa[di].code, round.period, c));
}

/** Adds one desa's counts of every round (index as plan.periods) to the manifest: the streaming path. Desa in plan
 * order give the same manifest, key order included, as addRoundToManifest round by round. */
export function addDesaToManifest(manifest: DemoManifest, plan: DemoPlan, di: number, counts: readonly DemoDesaRoundCounts[]): void {
  counts.forEach((c, r) => addDesaRound(manifest, plan.desa[di].code, plan.periods[r], c));
}
