/**
 * The entries of the measurements folder: which are read (CSV/text/TSV, gzip or not, and .xlsx workbooks) and which
 * are not, and why. Nothing is opened here: a FIFO or a device is recognised by its type (opening a FIFO would block
 * the build), and a symbolic link is followed only when its target lies inside the data folder.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { kindOfName, type MeasurementKind, type SkippedFile } from '../../src/lib/csv/file-kinds.ts';

/** A file to read. */
export interface MeasurementEntry {
  path: string;
  /** Data-folder relative name, for messages. */
  display: string;
  kind: MeasurementKind;
  /** 1-based position in the folder listing. */
  entry: number;
}

/** Files the demo generator writes beside its exports (not measurement files, not named as skipped). */
const OWN_FILES = new Set(['demo-manifest.json']);

/** True when `path` is `dir` or lies inside it. */
function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Scans the measurements folder (sorted by name): the files to read and the entries not read, with the reason. */
export function scanMeasurementFolder(dir: string, dataDir: string): { files: MeasurementEntry[]; skipped: SkippedFile[] } {
  const files: MeasurementEntry[] = [];
  const skipped: SkippedFile[] = [];
  if (!existsSync(dir)) return { files, skipped };
  const dataReal = realpathSync(dataDir);
  const names = readdirSync(dir).filter((n) => !OWN_FILES.has(n)).sort();
  names.forEach((name, i) => {
    const path = join(dir, name);
    const display = relative(dataDir, path);
    const entry = i + 1;
    const skip = (reason: SkippedFile['reason']) => skipped.push({ entry, name: display, reason });
    const kind = kindOfName(name);
    if (kind === 'hidden') return skip(kind);
    let st;
    try {
      const link = lstatSync(path);
      if (link.isSymbolicLink() && !inside(realpathSync(path), dataReal)) return skip('link_outside_data');
      st = statSync(path);
    } catch {
      return skip('unreadable');
    }
    if (st.isDirectory()) return skip('folder');
    if (!st.isFile()) return skip('not_regular_file');
    if (kind !== 'csv' && kind !== 'xlsx') return skip(kind);
    files.push({ path, display, kind, entry });
  });
  return { files, skipped };
}
