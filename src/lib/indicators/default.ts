/**
 * The indicator a map, an embed or a shared link shows when none is named. One place, kept out of the definitions so
 * browser code can read it without carrying every definition's words; ./index.ts checks that it is defined.
 */
export const DEFAULT_INDICATOR = 'stunting' as const;
