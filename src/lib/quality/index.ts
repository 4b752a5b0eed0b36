/** Data-quality report: accumulator, metrics, grade and published records (see docs/quality.md). */
export * from './accumulator.ts';
export * from './metrics.ts';
export * from './grade.ts';
export * from './records.ts';
export * from './stats.ts';
