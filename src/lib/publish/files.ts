/**
 * Published files are handed out one at a time (`PutFile`) instead of collected: a province publishes ≈37,000 files
 * (≈860 MB), which the build writes as they come, so memory holds one file, not the whole contract.
 */

/** A published file's text: one string, or its parts in order. A province's big CSVs (konvergensi.csv is 60 MB) are
 * handed over part by part, never joined into one string: the join held the parts and the whole at once, and a text
 * with a byte-order mark doubles in memory (a string with one character past Latin-1 takes two bytes a character). */
export type FileText = string | readonly string[];

/** The parts of a file text, in order. */
export const textParts = (text: FileText): readonly string[] => (typeof text === 'string' ? [text] : text);

/** A file text as one string. */
export const joinText = (text: FileText): string => (typeof text === 'string' ? text : text.join(''));

/** Receives one published file: its path under `data/v1/` and its text. */
export type PutFile = (path: string, text: FileText) => void;

/** What a writer of published files puts, collected into a map (path → text), for tests and small callers. */
export function collectFiles<R>(write: (put: PutFile) => R): { files: Map<string, string>; result: R } {
  const files = new Map<string, string>();
  const result = write((path, text) => {
    if (files.has(path)) throw new Error(`published twice: ${path}`);
    files.set(path, joinText(text));
  });
  return { files, result };
}
