/** Test handler for parallel-csv: returns the parsed rows and their start lines (optionally throws on a marker). */
import { parseBlock, setFastPathDefault } from '../../src/lib/csv/block-rows.ts';
import type { BlockContext, CsvFileInfo } from './parallel-csv.ts';

let failOn: string | undefined;

/** Reads the test options. */
export function init(data: { fastPath?: boolean; failOn?: string } | undefined): void {
  if (data?.fastPath !== undefined) setFastPathDefault(data.fastPath);
  failOn = data?.failOn;
}

/** Per-file state: the run's fileData name (pool tests check that every block sees its own file's). */
export function openFile(data: { name?: string; failOpen?: boolean } | undefined, info: CsvFileInfo): { name?: string; file: string } {
  if (data?.failOpen) throw new Error(`cannot open ${data.name}`);
  return { name: data?.name, file: info.file };
}

/** Parses the block; throws when a cell equals `failOn`. */
export function processBlock(block: Buffer, firstLine: number, header: string[], ctx: BlockContext<{ name?: string; file: string }>) {
  const parsed = parseBlock(block, firstLine, ctx);
  if (failOn !== undefined && parsed.rows.some((r) => r.includes(failOn!))) throw new Error(`found ${failOn}`);
  return { header, index: ctx.index, state: ctx.state, ...parsed };
}
