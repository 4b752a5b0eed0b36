import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capFromEnv, DATA_HEAP_MB, heapCapPlan, heapCapRetryMessage, ranOutOfHeap, siteHeapCapMb } from './heap-cap.ts';

describe('heapCapPlan', () => {
  it('caps by default, takes DATA_HEAP_MB, and runs in place for a child, a cap given, or DATA_HEAP_MB=0', () => {
    expect(heapCapPlan([], {})).toBe(DATA_HEAP_MB);
    expect(heapCapPlan([], { DATA_HEAP_MB: '1536' })).toBe(1536);
    expect(heapCapPlan([], { DATA_HEAP_MB: 'lots' })).toBe(DATA_HEAP_MB);
    expect(heapCapPlan([], { DATA_HEAP_MB: '0' })).toBeNull();
    expect(heapCapPlan(['--max-old-space-size=4096'], {})).toBeNull();
    expect(heapCapPlan([], { STUNTING_DATA_HEAP_CHILD: '1024' })).toBeNull();
  });

  it('recognises a child stopped by the heap limit', () => {
    expect(ranOutOfHeap({ status: null, signal: 'SIGABRT' })).toBe(true);
    expect(ranOutOfHeap({ status: 134, signal: null })).toBe(true);
    expect(ranOutOfHeap({ status: 1, signal: null })).toBe(false);
    expect(ranOutOfHeap({ status: 0, signal: null })).toBe(false);
  });
});

describe('site heap cap', () => {
  it('grows with the region, and the environment may set another or none', () => {
    expect(siteHeapCapMb(243)).toBe(401); // Banyuwangi
    expect(siteHeapCapMb(9200)).toBe(1028); // Jawa Timur
    expect(siteHeapCapMb(0)).toBe(384);
    expect(capFromEnv(undefined, 402)).toBe(402);
    expect(capFromEnv('2048', 402)).toBe(2048);
    expect(capFromEnv('0', 402)).toBeNull();
    expect(capFromEnv('-5', 402)).toBe(402);
  });

  it('names the step and its variable when it retries without the cap', () => {
    expect(heapCapRetryMessage('site', 402)).toContain('SITE_HEAP_MB=0');
    expect(heapCapRetryMessage('site', 402)).toContain('build situs diulang tanpa batas');
    expect(heapCapRetryMessage('data', 1024)).toContain('DATA_HEAP_MB=<MB>');
  });
});

describe('runWithHeapCap', () => {
  // A script that holds ≈ 200 MB of objects: too much for a 64 MB cap, fine without one.
  const dir = mkdtempSync(join(tmpdir(), 'heap-cap-'));
  const script = join(dir, 'hungry.mjs');
  const lib = fileURLToPath(new URL('./heap-cap.ts', import.meta.url));
  writeFileSync(
    script,
    `import { runWithHeapCap } from ${JSON.stringify(lib)};
const code = runWithHeapCap({ log: (l) => console.log('LOG ' + l) });
if (code !== null) process.exit(code);
const keep = [];
for (let i = 0; i < 3e6; i++) keep.push({ i, s: 'x' + i });
console.log('DONE ' + process.env.STUNTING_DATA_HEAP_CHILD + ' ' + keep.length);
`,
  );
  const run = (env: Record<string, string>) => spawnSync(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8' });

  it('runs the work in a capped child', () => {
    const r = run({ DATA_HEAP_MB: '1024' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('DONE 1024 3000000');
    expect(r.stdout).not.toContain('LOG');
  });

  it('runs it again without the cap when the cap is too small, and says so', () => {
    const r = run({ DATA_HEAP_MB: '64' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('LOG Memori heap 64 MB tidak cukup');
    expect(r.stdout).toContain('DONE none 3000000');
  });
});
