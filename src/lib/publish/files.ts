/**
 * Published files are handed out one at a time (`PutFile`) instead of collected: a province publishes ≈37,000 files
 * (≈860 MB), which the build writes as they come, so memory holds one file, not the whole contract.
 */

/** Receives one published file: its path under `data/v1/` and its text. */
export type PutFile = (path: string, text: string) => void;

/** What a writer of published files puts, collected into a map (path → text), for tests and small callers. */
export function collectFiles<R>(write: (put: PutFile) => R): { files: Map<string, string>; result: R } {
  const files = new Map<string, string>();
  const result = write((path, text) => {
    if (files.has(path)) throw new Error(`published twice: ${path}`);
    files.set(path, text);
  });
  return { files, result };
}
