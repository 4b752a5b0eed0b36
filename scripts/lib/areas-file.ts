/** Reads the Kemendagri code list shipped in data/areas/ (gzip or plain CSV); the parsing is in src/lib/areas.ts. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { crosswalkEdition, parseRegistry, type EditionCrosswalk, type Registry } from '../../src/lib/areas.ts';

/** The default 2025 list, relative to this file (so scripts and tests work from any working directory). */
export const AREAS_2025 = fileURLToPath(new URL('../../data/areas/kode_wilayah_2025.csv.gz', import.meta.url));
/** The 2022 list, for exports written with older codes or names. */
export const AREAS_2022 = fileURLToPath(new URL('../../data/areas/kode_wilayah_2022.csv.gz', import.meta.url));

/** Returns the text of a code list file, gunzipped when it starts with the gzip magic bytes. */
export function readAreaListText(path: string = AREAS_2025): string {
  const bytes = readFileSync(path);
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return plain.toString('utf8');
}

/** Reads the list and returns the registry of one kab/kota (e.g. `35.10`). */
export function readRegistry(regionCode: string, path: string = AREAS_2025): Registry {
  return parseRegistry(regionLinesOnly(readAreaListText(path), regionCode), regionCode);
}

/**
 * The list with every line emptied that parseRegistry would skip anyway (neither the region's nor its province's),
 * line numbers kept. The registry's names and codes are slices of the text they were parsed from: without this they
 * would keep the whole national list (9 MB) alive for as long as the registry lives.
 */
function regionLinesOnly(text: string, regionCode: string): string {
  if (!/^\d{2}\.\d{2}$/.test(regionCode)) return text; // parseRegistry reports it
  const prov = `${regionCode.slice(0, 2)},`;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) if (!lines[i].startsWith(prov) && !lines[i].startsWith(regionCode)) lines[i] = '';
  return lines.join('\n');
}

/** Reads an older edition (default: 2022) and maps it onto the current registry. */
export function readCrosswalk(current: Registry, olderPath: string = AREAS_2022): EditionCrosswalk {
  return crosswalkEdition(current, readAreaListText(olderPath));
}
