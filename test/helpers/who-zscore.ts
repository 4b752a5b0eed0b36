/** Test helper for the z-score engine's tests (src/lib/who/zscore*.test.ts): the WHO tables and a short call. */
import { readWhoTables } from '../../scripts/lib/who-files.ts';
import type { Position, Sex, ZScores } from '../../src/lib/types.ts';
import { computeZScores } from '../../src/lib/who/zscore.ts';

/** The WHO 2006 tables as the build reads them. */
export const tables = readWhoTables();

/** The z-scores of one measurement (position unknown and no oedema unless given). */
export function z(
  sex: Sex | null,
  ageDays: number | null,
  weightKg: number | null,
  lengthHeightCm: number | null,
  position: Position | null = null,
  oedema = false,
): ZScores {
  return computeZScores({ sex, ageDays, weightKg, lengthHeightCm, position, oedema }, tables);
}
