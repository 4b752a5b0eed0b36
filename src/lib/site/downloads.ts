/**
 * The downloads page's content as data: the published files with the string-table key of their description
 * (src/lib/i18n/downloads.ts), and the data dictionary of the tidy CSV. Pure; sizes come from the loader.
 */
import type { Lang } from './format.ts';
import type { StringKey } from '../i18n/strings.ts';
import { EXCEL_EXTRA_CODEBOOK, TIDY_CODEBOOK } from '../publish/codebook.ts';

/** One downloadable file (path relative to /data/v1/). */
export interface DownloadFile {
  path: string;
  format: string;
  /** The description's key in the string table. */
  description: StringKey;
  /** A path pattern rather than one file (series/<kode>.json). */
  pattern?: boolean;
}

/** The published files, most useful first. */
export const DOWNLOADS: readonly DownloadFile[] = [
  { path: 'stunting.csv', format: 'CSV', description: 'dlStunting' },
  { path: 'stunting-excel.csv', format: 'CSV (Excel)', description: 'dlStuntingExcel' },
  { path: 'kamus-data.csv', format: 'CSV (Excel)', description: 'dlCodebook' },
  { path: 'konvergensi.csv', format: 'CSV', description: 'dlConvergence' },
  { path: 'konvergensi-excel.csv', format: 'CSV (Excel)', description: 'dlConvergenceExcel' },
  { path: 'konvergensi-meta.json', format: 'JSON', description: 'dlConvergenceMeta' },
  { path: 'datapackage.json', format: 'JSON', description: 'dlDatapackage' },
  { path: 'meta.json', format: 'JSON', description: 'dlMeta' },
  { path: 'areas.json', format: 'JSON', description: 'dlAreas' },
  { path: 'surveys.csv', format: 'CSV', description: 'dlSurveysCsv' },
  { path: 'surveys.json', format: 'JSON', description: 'dlSurveysJson' },
  { path: 'quality.csv', format: 'CSV', description: 'dlQualityCsv' },
  { path: 'quality.json', format: 'JSON', description: 'dlQualityJson' },
  { path: 'validation.json', format: 'JSON', description: 'dlValidation' },
  { path: 'csv/<kode>.csv', format: 'CSV', pattern: true, description: 'dlAreaCsv' },
  { path: 'csv-excel/<kode>.csv', format: 'CSV (Excel)', pattern: true, description: 'dlAreaCsvExcel' },
  { path: 'series/<kode>.json', format: 'JSON', pattern: true, description: 'dlSeries' },
  { path: 'map/<tingkat>/<periode>.json', format: 'JSON', pattern: true, description: 'dlMap' },
  { path: 'konvergensi/<kode>.json', format: 'JSON', pattern: true, description: 'dlConvergenceArea' },
  { path: 'konvergensi-map/<tingkat>/<periode>.json', format: 'JSON', pattern: true, description: 'dlConvergenceMap' },
  { path: 'boundaries/<tingkat>.topo.json', format: 'TopoJSON', pattern: true, description: 'dlBoundaries' },
];

/** One column of the tidy CSV. */
export interface DictionaryRow {
  column: string;
  type: string;
  meaning: Record<Lang, string>;
}

/** Data dictionary of stunting.csv (one source with the published codebook). */
export const CSV_DICTIONARY: readonly DictionaryRow[] = TIDY_CODEBOOK;

/** The columns the Excel variants add, explained on the data page. */
export const EXCEL_EXTRA_DICTIONARY: readonly DictionaryRow[] = EXCEL_EXTRA_CODEBOOK;
