/** A data-build failure that lists structural problems (file:line:column), and their one-line form. */
import type { StructuralError } from '../../src/lib/types.ts';

/** A build failure with every structural problem found, each as `file:line:column: message`. */
/** A build failure with every structural problem found, each as `file:line:column: message`. */
export class BuildError extends Error {
  problems: StructuralError[];
  /** Builds the error from its problems. */
  constructor(problems: StructuralError[]) {
    super(problems.map(formatStructural).join('\n'));
    this.name = 'BuildError';
    this.problems = problems;
  }
}

/** `file:line:column: message (raw: "…"; expected: …)`. */
export function formatStructural(e: StructuralError): string {
  const where = [e.file, e.line, e.line !== undefined ? e.column : undefined].filter((x) => x !== undefined).join(':');
  const raw = e.raw !== undefined ? ` [nilai/value: "${e.raw}"]` : '';
  return `${where}: ${e.message}${raw} — diharapkan/expected: ${e.expected}`;
}
