import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sampleTreeRss, treeRss } from './tree-rss.ts';

describe.runIf(process.platform === 'linux')('treeRss', () => {
  it('counts the children of a process, not only the process itself', async () => {
    const alone = treeRss(process.pid);
    expect(alone).toBeGreaterThan(10 * 2 ** 20);
    // A child that holds 200 MB of touched memory until it is told to stop.
    const child = spawn(process.execPath, ['-e', "const b = Buffer.alloc(200 * 2 ** 20, 1); console.log('ready'); setInterval(() => b[0]++, 1000)"], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout!, 'data');
    const sampler = sampleTreeRss(process.pid, 20);
    const withChild = treeRss(process.pid);
    child.kill();
    await once(child, 'exit');
    expect(withChild - alone).toBeGreaterThan(180 * 2 ** 20);
    expect(sampler.stop()).toBeGreaterThanOrEqual(withChild - 50 * 2 ** 20);
  });

  it('is 0 for a process that does not exist', () => {
    expect(treeRss(2 ** 30)).toBe(0);
  });
});
