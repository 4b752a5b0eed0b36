/**
 * The datapackage.json of the built site (dist/data/v1, the real demo data build that `npm test` runs before the
 * browser tests) against the Frictionless rules and its own files: sizes, SHA-256, every CSV against its schema.
 * No browser needed; it sits in the browser project because that project runs after the build.
 */
import { TIDY_COLUMNS } from '../../src/lib/publish/publish.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFilesIn, validatePackage } from '../helpers/datapackage.ts';
import { DIST } from './helpers.ts';

const V1 = join(DIST, 'data', 'v1');

describe('datapackage.json of the built site', () => {
  it('exists (run `npm run build` first)', () => {
    expect(existsSync(join(V1, 'datapackage.json')), `${V1}/datapackage.json missing: run npm run build`).toBe(true);
  });

  it('is a valid data package whose every file matches its size, hash and schema', () => {
    const d = JSON.parse(readFileSync(join(V1, 'datapackage.json'), 'utf8'));
    expect(validatePackage(d, packageFilesIn(V1))).toEqual([]);
    expect(d.licenses?.[0]?.name).toMatch(/^CC-BY/);
    const tidy = d.resources.find((r: { path: string }) => r.path === 'stunting.csv');
    expect(tidy?.schema?.fields?.map((f: { name: string }) => f.name)).toEqual([...TIDY_COLUMNS]);
    expect(d.resources.length).toBeGreaterThan(100);
  });
});
