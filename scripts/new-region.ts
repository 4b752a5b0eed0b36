/**
 * Sets the data folder up for a kabupaten/kota: `npm run new-region -- <kode> <desa.geojson> [--data data]`.
 * See scripts/lib/new-region.ts. Exit code 1 (and nothing changed) when the code or the shapes do not fit.
 */
import { parseArgs } from 'node:util';
import { newRegion, NewRegionError } from './lib/new-region.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: 'data' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 2) {
  console.log('Usage: npm run new-region -- <kode kab/kota, e.g. 33.17> <desa.geojson> [--data data]');
  process.exit(values.help ? 0 : 1);
}
try {
  newRegion({ dataDir: values.data!, region: positionals[0], geojson: positionals[1] });
} catch (e) {
  if (e instanceof NewRegionError) {
    console.error(`Wilayah baru gagal, tidak ada yang diubah / New region failed, nothing was changed:\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
