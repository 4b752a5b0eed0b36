/**
 * Whether a folder may be (re)placed by a build's output. The build swaps its output in whole, so whatever the folder
 * held is gone: it must be empty, missing, or an earlier output (marked by the manifest file), and must not hold the
 * inputs or the project. Pure: the caller gathers the facts (absolute paths with `/`, the folder's entries).
 */

/** The manifest file every output carries at its root, so that a later build knows the folder is its own. */
export const OUTPUT_MANIFEST = '.stunting-output.json';

/** The manifest's text for an output of `kind` (`data` or `site`); no date, so outputs stay byte-identical. */
export function outputManifest(kind: 'data' | 'site'): string {
  return JSON.stringify({ generator: 'aksi7-stunting-site', kind, note: 'Folder ini ditulis ulang oleh build / This folder is rewritten by the build' }, null, 2) + '\n';
}

/** What the caller found about the output folder. */
export interface OutputFacts {
  /** Absolute path of the output folder. */
  out: string;
  /** null when it does not exist; otherwise its entries' names. */
  entries: string[] | null;
  /** True when it exists and is not a folder. */
  notFolder?: boolean;
  /** True when it holds a data build's contract without a manifest (an output of a build before manifests). */
  legacyOutput?: boolean;
  /** Absolute paths of the inputs (data folder, config, measurements, ...). */
  inputs: readonly string[];
  /** Absolute path of the project (the repository root). */
  project?: string;
}

const within = (child: string, parent: string) => {
  const p = parent.endsWith('/') ? parent : `${parent}/`;
  return child === parent || child.startsWith(p);
};

/** The bilingual reason the folder must not be used as output, or null when it may. */
export function outputFolderProblem(f: OutputFacts): string | null {
  const refuse = (id: string, en: string) => `Folder keluaran ${f.out} ditolak: ${id}; tidak ada yang dihapus. / The output folder ${f.out} is refused: ${en}; nothing was deleted.`;
  const input = f.inputs.find((i) => within(i, f.out));
  if (input) return refuse(`berisi masukan build (${input}); pilih folder lain, mis. generated`, `it holds the build's inputs (${input}); choose another folder, e.g. generated`);
  if (f.project && within(f.project, f.out)) return refuse('berisi proyek ini; pilih folder lain, mis. generated', 'it holds this project; choose another folder, e.g. generated');
  if (f.notFolder) return refuse('bukan folder', 'it is not a folder');
  if (!f.entries || f.entries.length === 0) return null;
  if (f.entries.includes('.git') || f.entries.includes('package.json')) return refuse('berisi proyek (.git atau package.json)', 'it holds a project (.git or package.json)');
  if (f.entries.includes(OUTPUT_MANIFEST) || f.legacyOutput) return null;
  return refuse(`tidak kosong dan bukan keluaran build sebelumnya (tidak ada ${OUTPUT_MANIFEST}); kosongkan atau pilih folder baru`, `it is not empty and not an earlier output (no ${OUTPUT_MANIFEST}); empty it or choose a new folder`);
}
