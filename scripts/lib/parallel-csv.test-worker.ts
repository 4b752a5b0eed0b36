/** Test handler for parallel-csv: returns the parsed rows and their start lines (optionally throws on a marker). */
import { parseBlock, setFastPathDefault, type BlockContext } from './parallel-csv.ts';

let failOn: string | undefined;

/** Reads the test options. */
export function init(data: { fastPath?: boolean; failOn?: string } | undefined): void {
  if (data?.fastPath !== undefined) setFastPathDefault(data.fastPath);
  failOn = data?.failOn;
}

/** Parses the block; throws when a cell equals `failOn`. */
export function processBlock(block: Buffer, firstLine: number, header: string[], ctx: BlockContext) {
  const parsed = parseBlock(block, firstLine, ctx);
  if (failOn !== undefined && parsed.rows.some((r) => r.includes(failOn!))) throw new Error(`found ${failOn}`);
  return { header, index: ctx.index, ...parsed };
}
