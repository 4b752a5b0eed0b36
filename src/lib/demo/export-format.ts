/**
 * The text of the demo export: e-PPGBM's "data balita" columns, ';' delimited, CRLF line ends, no BOM, as a
 * spreadsheet saved in an Indonesian locale writes it.
 */
import type { DemoRound, DemoRow } from './round.ts';

/** The export's header, in order: e-PPGBM's "data balita" export columns that the pipeline reads or that make the
 * file look real (No, Alamat, Prov, Kab/Kota, Posyandu and LiLA are read or ignored by the reader). */
export const DEMO_HEADERS = [
  'No', 'NIK', 'Nama Anak', 'JK', 'Tgl Lahir', 'Nama Ortu', 'Alamat', 'Prov', 'Kab/Kota', 'Kec', 'Desa/Kel',
  'Posyandu', 'Tanggal Pengukuran', 'Berat', 'Tinggi', 'Cara Ukur', 'LiLA', 'Edema',
] as const;
/** Field delimiter and line ending of a spreadsheet export saved in an Indonesian locale. */
export const DEMO_DELIMITER = ';';
const DEMO_EOL = '\r\n';

/** Quotes a cell when it holds the delimiter, a quote or a line break (none of the generated cells do today). */
function csvCell(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line of a round file, with its line end. */
export function formatHeader(): string {
  return DEMO_HEADERS.join(DEMO_DELIMITER) + DEMO_EOL;
}

/** Rows as CSV lines numbered from `firstNo`, each with its line end (a part of a round file after the header). */
export function formatRows(rows: readonly DemoRow[], firstNo: number): string {
  let text = '';
  let no = firstNo;
  for (const row of rows) text += `${no++}${DEMO_DELIMITER}${row.cells.map(csvCell).join(DEMO_DELIMITER)}${DEMO_EOL}`;
  return text;
}

/** The CSV text of a round: header, then numbered rows; ';' delimited, CRLF line ends, no BOM. */
export function formatRound(round: DemoRound): string {
  return formatHeader() + formatRows(round.rows, 1);
}

/** File name of a round: `demo-YYYY-MM.csv.gz`. */
export function demoFileName(period: string): string {
  return `demo-${period}.csv.gz`;
}
