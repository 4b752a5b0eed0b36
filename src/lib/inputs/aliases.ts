/**
 * Older area names accepted in exports: the areas renamed since the older code list (`areas.file2022`). Mere spelling
 * changes are left out, because the name matcher's normalisation already covers them.
 */
import type { EditionCrosswalk } from '../areas.ts';
import type { AreaAlias } from '../csv/names.ts';

/** The aliases (code → older name) of the areas whose name really changed between the editions. */
export function aliasesOf(crosswalk: Pick<EditionCrosswalk, 'renamed'>): AreaAlias[] {
  return crosswalk.renamed.filter((r) => !r.spellingOnly).map((r) => ({ code: r.code, name: r.oldName }));
}
