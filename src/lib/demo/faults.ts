/**
 * What the demo counts per desa and round: the injected faults of params.ts plus the accepted oddities the
 * quality report measures, and the reason the row validator should give each.
 */
import type { ProblemReason } from '../types.ts';
import { ERROR_KINDS, type ErrorKind } from './params.ts';

/** Everything counted per desa and round: the injected faults plus the accepted oddities the quality report
 * measures (digit preference, position, oedema) and the duplicates. */
export type FaultKind =
  | ErrorKind
  | 'unknown_village'
  | 'duplicate_identical'
  | 'duplicate_remeasured'
  | 'digit_preference'
  | 'position_other_way'
  | 'infant_standing'
  | 'oedema';

/** All counted kinds, in manifest order. */
export const FAULT_KINDS: readonly FaultKind[] = [
  ...ERROR_KINDS,
  'unknown_village',
  'duplicate_identical',
  'duplicate_remeasured',
  'digit_preference',
  'position_other_way',
  'infant_standing',
  'oedema',
];

/** The reasons the row validator should give each kind of row; [] where the row is valid (it still shows in
 * dedup or quality metrics). swapped_weight_height gives both weight and height reasons. */
export const EXPECTED_REASONS: Record<FaultKind, ProblemReason[]> = {
  missing_weight: [],
  missing_height: [],
  weight_decimal_shift: ['implausible_weight'],
  height_decimal_shift: ['implausible_height'],
  swapped_weight_height: ['implausible_weight', 'implausible_height'],
  impossible_date: ['bad_date'],
  future_date: ['future_date'],
  measured_before_birth: ['measured_before_birth'],
  unknown_village: ['unknown_area'],
  duplicate_identical: ['duplicate_row'],
  duplicate_remeasured: [],
  digit_preference: [],
  position_other_way: [],
  infant_standing: [],
  oedema: [],
};

/** A count of zero for every kind. */
export function emptyFaults(): Record<FaultKind, number> {
  const o = {} as Record<FaultKind, number>;
  for (const k of FAULT_KINDS) o[k] = 0;
  return o;
}
