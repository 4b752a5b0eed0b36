/**
 * Peak memory of a whole process tree (a build that starts worker processes, such as the page shards of
 * scripts/build-site.ts). `/usr/bin/time -v` reports the largest single process only; two Astro shards of 1.2 GB each
 * are 2.4 GB on the machine. Linux only (reads /proc); elsewhere the sampler reports 0.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid and resident set (bytes) of every process, from /proc/<pid>/stat (fields 4 and 24, in pages). */
function processTable(): Map<number, { ppid: number; rss: number }> {
  const table = new Map<number, { ppid: number; rss: number }>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: split after its closing parenthesis.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(e), { ppid: Number(rest[1]), rss: Number(rest[21]) * 4096 });
    } catch {
      // the process ended while we read
    }
  }
  return table;
}

/** Resident bytes of `root` and all its descendants now. */
export function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, p] of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree under `root` every `ms` milliseconds; `stop()` returns the largest sum seen, in bytes. */
export function sampleTreeRss(root: number, ms = 250): { stop: () => number } {
  let peak = treeRss(root);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(root))), ms);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
