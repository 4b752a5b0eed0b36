/**
 * Which files of the measurements folder are read, by name, and the reasons a file is not read. The reasons are
 * named in the build log (with the file name, for the official) and in validation.json in a safe form: the file's
 * position in the folder listing and its extension, never its name (a name may hold a child's name or NIK).
 */

/** File names read as measurement exports: CSV/text (also tab-separated), optionally gzip, and Excel workbooks. */
export const MEASUREMENT_EXT = /\.(csv|txt|tsv)(\.gz)?$|\.xlsx$/i;

/** How a measurement file is read. */
export type MeasurementKind = 'csv' | 'xlsx';

/** Why an entry of the measurements folder is not read. */
export type SkipReason =
  | 'unsupported_type'
  | 'old_excel'
  | 'archive'
  | 'hidden'
  | 'folder'
  | 'not_regular_file'
  | 'link_outside_data'
  | 'unreadable'
  | 'sheet_without_header';

/** A file (or workbook sheet) that is not read. */
export interface SkippedFile {
  /** 1-based position of the entry in the folder listing sorted by name. */
  entry: number;
  /** Display name (data-folder relative): for the build log only, never published. */
  name: string;
  reason: SkipReason;
  /** Sheet number, for a workbook sheet. */
  sheet?: number;
}

/** The kind of a file by its name, or why it is not read. Files whose name starts with a dot are hidden. */
export function kindOfName(name: string): MeasurementKind | SkipReason {
  if (name.startsWith('.')) return 'hidden';
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (MEASUREMENT_EXT.test(name)) return 'csv';
  if (/\.(xls|xlsm|xlsb|ods)$/i.test(name)) return 'old_excel';
  if (/\.(zip|rar|7z|tar|tgz|gz|bz2|xz)$/i.test(name)) return 'archive';
  return 'unsupported_type';
}

const MESSAGES: Record<SkipReason, string> = {
  unsupported_type: 'jenis file tidak dibaca; simpan sebagai CSV atau .xlsx / file type not read; save it as CSV or .xlsx',
  old_excel: 'format spreadsheet ini tidak dibaca; simpan sebagai .xlsx atau CSV / this spreadsheet format is not read; save it as .xlsx or CSV',
  archive: 'arsip tidak dibuka; ekstrak file CSV/.xlsx ke folder ini / archives are not opened; extract the CSV/.xlsx files into this folder',
  hidden: 'file tersembunyi (namanya diawali titik) / hidden file (its name starts with a dot)',
  folder: 'subfolder tidak dibaca / subfolders are not read',
  not_regular_file: 'bukan file biasa (FIFO, soket atau perangkat) / not a regular file (a FIFO, socket or device)',
  link_outside_data: 'tautan ke luar folder data tidak diikuti / a link pointing outside the data folder is not followed',
  unreadable: 'tidak dapat dibaca (tautan rusak atau tanpa izin) / cannot be read (a broken link or no permission)',
  sheet_without_header: 'lembar kerja tanpa baris judul kolom yang dikenali / a worksheet without a recognised header row',
};

/** The log line of a skipped file (names the file: the log is the official's, never published). */
export function skippedMessage(s: SkippedFile): string {
  const what = s.sheet !== undefined ? `${s.name} (lembar/sheet ${s.sheet})` : s.name;
  return `${what}: tidak dibaca / not read: ${MESSAGES[s.reason]}`;
}

/** The extension of a name when it is a plain one (letters and digits, at most 8), else ''. */
export function safeExtension(name: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name);
  return m && !/^\.+$/.test(name) ? `.${m[1].toLowerCase()}` : '';
}

/** The published form of a skipped file: entry position, extension and reason, no name. */
export function publishedSkip(s: SkippedFile): { entry: number; extension: string; reason: SkipReason; sheet?: number } {
  return { entry: s.entry, extension: safeExtension(s.name), reason: s.reason, ...(s.sheet !== undefined ? { sheet: s.sheet } : {}) };
}
