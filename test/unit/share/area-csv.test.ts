/** The per-area CSVs (csv/<kode>.csv) equal the area's rows of the tidy stunting.csv, byte for byte (golden fixture). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaCsvPath, SCHEMA_PATHS } from '../../../src/lib/publish/publish.ts';

const dir = join(import.meta.dirname, '..', '..', 'golden', 'expected');
const tidy = readFileSync(join(dir, 'stunting.csv'), 'utf8').split('\n');
const codes = readdirSync(join(dir, 'series')).map((f) => f.replace(/\.json$/, ''));
const dp = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { resources: { path: string; schema?: unknown }[] };

describe('csv/<kode>.csv', () => {
  it('one file per area, and no other', () => {
    const areas = (JSON.parse(readFileSync(join(dir, 'areas.json'), 'utf8')) as { areas?: { code: string }[] } | { code: string }[]);
    const list = Array.isArray(areas) ? areas : areas.areas ?? [];
    const csvs = dp.resources.filter((r) => r.path.startsWith('csv/')).map((r) => r.path).sort();
    expect(list.length).toBeGreaterThan(3);
    expect(csvs).toEqual(list.map((a) => areaCsvPath(a.code)).sort());
    expect(readdirSync(join(dir, 'csv')).length).toBe(codes.length);
  });
  it.each(codes)('%s: header + exactly the rows of stunting.csv for that code', (code) => {
    const expected = [tidy[0], ...tidy.filter((l) => l.startsWith(`${code},`))].join('\n') + '\n';
    expect(readFileSync(join(dir, areaCsvPath(code)), 'utf8')).toBe(expected);
  });
  it('each is a data package resource with the tidy schema', () => {
    for (const code of codes) {
      const r = dp.resources.find((x) => x.path === areaCsvPath(code));
      expect(r, code).toBeDefined();
      expect(r!.schema).toBe(SCHEMA_PATHS.tidy);
      expect(JSON.parse(readFileSync(join(dir, r!.schema as string), 'utf8'))).toEqual(dp.resources.find((x) => x.path === 'stunting.csv')!.schema);
    }
  });
});
