import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegistry } from './areas.ts';
import { validateLokus } from './lokus.ts';
import { readAreaListText } from '../../scripts/lib/areas-file.ts';

const registry = parseRegistry(readAreaListText(), '35.10');

describe('validateLokus', () => {
  it('accepts the demo list: 10 real desa per year 2022-2025, years merged per desa', () => {
    const demo = JSON.parse(readFileSync(new URL('../../data/lokus-demo.json', import.meta.url), 'utf8'));
    expect(Object.keys(demo)).toEqual(['2022', '2023', '2024', '2025']);
    for (const y of Object.keys(demo)) expect(demo[y]).toHaveLength(10);
    const r = validateLokus(demo, registry);
    expect(r.issues).toEqual([]);
    expect(r.years.get('35.10.08.2006')).toEqual([2022, 2023, 2024]);
    expect(r.years.get('35.10.20.2003')).toEqual([2025]);
    expect([...r.years.values()].reduce((s, y) => s + y.length, 0)).toBe(40);
  });

  it('reports unknown, non-desa, foreign and repeated codes by key, and keeps the valid ones', () => {
    const r = validateLokus(
      { '2024': ['35.10.01.2001', '35.10.01', '35.10.01.2001', '35.10.99.2001', '18.72.01.1001'], '24': ['35.10.01.2001'] },
      registry,
    );
    expect(r.issues.map((i) => i.key)).toEqual(['lokus.2024[1]', 'lokus.2024[2]', 'lokus.2024[3]', 'lokus.2024[4]', 'lokus.24']);
    expect(r.issues[0].message).toMatch(/35\.10\.01 Pesanggaran is a kecamatan/);
    expect(r.issues[1].message).toMatch(/already listed at lokus\.2024\[0\]/);
    expect(r.issues[2].message).toContain('35.10.99.2001 is not a desa/kelurahan of Kabupaten Banyuwangi (35.10) in the area list; check the digits');
    // a code of another region says so, and what to do
    expect(r.issues[3].message).toContain('18.72.01.1001 is not a desa/kelurahan of Kabupaten Banyuwangi (35.10) but of another region (18.72); remove it from lokus.2024');
    expect([...r.years]).toEqual([['35.10.01.2001', [2024]]]);
  });
});
