/**
 * Page budgets of the built site (`npm run budgets`): HTML with its CSS ≤ 60 KB gzip per page, JavaScript before the
 * map ≤ 50 KB, the map's own code ≤ 30 KB. Sizes, not times: a page that grows past its budget fails here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from './helpers.ts';

describe('page budgets', () => {
  it('every page type in both languages is within its budget', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/budgets.ts'), '--dist', DIST], { encoding: 'utf8' });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('PASS: every page within budget');
  });
});
