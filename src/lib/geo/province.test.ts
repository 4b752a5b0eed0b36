import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { readAreaListText } from '../../../scripts/lib/areas-file.ts';
import { provinceDemoRegistry } from '../demo/province.ts';
import { packDesaTopology, splitProvince, unpackDesaTopology, type StoredDesaTopology } from './province.ts';

const FIXTURE = new URL('../../../test/fixtures/province-35/desa.topo.json', import.meta.url);
const STORED = new URL('../../../data/boundaries/jawa-timur-35/desa.topo.json.gz', import.meta.url);
const jatim = provinceDemoRegistry(readAreaListText(), '35');
const fixture = unpackDesaTopology(JSON.parse(readFileSync(FIXTURE, 'utf8')) as StoredDesaTopology);

/** The code list's areas under the fixture's kab/kota (Kota Mojokerto, Kota Surabaya) and kecamatan (Waru). */
const PREFIXES = ['35.15.18.', '35.76.', '35.78.'];
const registry = {
  kabupaten: jatim.kabupaten!.filter((k) => ['35.15', '35.76', '35.78'].includes(k.code)),
  desa: jatim.desa.filter((d) => PREFIXES.some((p) => d.code.startsWith(p))),
};

/** Planar area in square degrees (shoelace; exterior minus holes, whatever the winding): enough to compare shapes of
 * the same small region. */
function planarArea(g: Geometry | Feature): number {
  const geom = g.type === 'Feature' ? g.geometry : g;
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  let total = 0;
  for (const rings of polys) {
    let a = 0;
    for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    total += Math.abs(a / 2);
  }
  return total;
}

const square = (x: number, y: number, kode: string, extra: Record<string, unknown> = {}): Feature<Polygon> => ({
  type: 'Feature',
  properties: { kode, nama: `Desa ${kode}`, ...extra },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] },
});

describe('stored province boundaries', () => {
  it('packs desa into a topology sorted by code with kode and nama only, and unpacks them within the quantisation step', () => {
    const input: FeatureCollection = { type: 'FeatureCollection', features: [square(112.01, -7.3, '35.78.01.1002', { jenis: 'kelurahan' }), square(112, -7.3, '35.78.01.1001')] };
    const topo = packDesaTopology(input);
    expect(topo.objects.desa.geometries.map((g) => (g.properties as { kode: string }).kode)).toEqual(['35.78.01.1001', '35.78.01.1002']);
    // The shared edge is one arc used by both desa.
    const arcsOf = (i: number) => (topo.objects.desa.geometries[i] as unknown as { arcs: number[][] }).arcs.flat().map((a) => (a < 0 ? ~a : a));
    expect(arcsOf(0).some((a) => arcsOf(1).includes(a))).toBe(true);
    const back = unpackDesaTopology(topo);
    expect(back.features[1].properties).toEqual({ kode: '35.78.01.1002', nama: 'Desa 35.78.01.1002' });
    const ring = (back.features[1].geometry as Polygon).coordinates[0];
    for (const [x, y] of ring) {
      expect(Math.min(Math.abs(x - 112.01), Math.abs(x - 112.02))).toBeLessThan(1e-7);
      expect(Math.min(Math.abs(y + 7.3), Math.abs(y + 7.29))).toBeLessThan(1e-7);
    }
    expect(() => packDesaTopology({ type: 'FeatureCollection', features: [{ ...square(0, 0, 'x'), properties: {} }] })).toThrow(/no string property "kode"/);
    expect(() => unpackDesaTopology({ type: 'Topology', objects: {}, arcs: [] } as never)).toThrow(/GeometryCollection object "desa"/);
  });

  it('holds every desa of Jawa Timur but two, which the code list has and the source lacks', () => {
    const stored = unpackDesaTopology(JSON.parse(gunzipSync(readFileSync(STORED)).toString('utf8')) as StoredDesaTopology);
    expect(stored.features).toHaveLength(8492);
    const codes = new Set(stored.features.map((f) => f.properties.kode));
    expect(codes.size).toBe(8492);
    expect(jatim.desa.filter((d) => !codes.has(d.code)).map((d) => `${d.code} ${d.name}`)).toEqual([
      '35.01.10.2017 Ketro Harjo',
      '35.78.12.1006 Tanjung Perak',
    ]);
    const known = new Set(jatim.desa.map((d) => d.code));
    expect([...codes].filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('splitProvince (fixture: kecamatan Waru of Sidoarjo, Kota Mojokerto, Kota Surabaya)', () => {
  const split = splitProvince(fixture, registry, { names: new Map(jatim.desa.map((d) => [d.code, d])) });

  it('gives each kab/kota only its own desa, with its kecamatan and outline, and lists the desa without a shape', () => {
    expect(split.kab.map((k) => k.code)).toEqual(['35.15', '35.76', '35.78']);
    for (const k of split.kab) {
      const ids = k.levels!.desa.objects.desa.geometries.map((g) => String(g.id));
      const expected = fixture.features.map((f) => f.properties.kode).filter((c) => c.startsWith(`${k.code}.`));
      expect(ids).toEqual(expected);
      expect(k.levels!.kabupaten.objects.kabupaten.geometries.map((g) => g.id)).toEqual([k.code]);
      expect(k.levels!.kecamatan.objects.kecamatan.geometries.every((g) => String(g.id).startsWith(`${k.code}.`))).toBe(true);
    }
    expect(split.kab[1].name).toBe('Kota Mojokerto');
    expect(split.kab.flatMap((k) => k.missing.map((d) => d.code))).toEqual(['35.78.12.1006']);
    // Names come from the code list.
    expect((split.kab[2].levels!.desa.objects.desa.geometries[0].properties as { name: string }).name).toBe(jatim.desa.find((d) => d.code === '35.78.01.1001')!.name);
  });

  it('merges the province outlines from the desa: each kab/kota covers the area of its desa, borders only between two', () => {
    const prov = split.province as unknown as Topology;
    const outlines = feature(prov, split.province.objects.kabupaten) as FeatureCollection;
    expect(outlines.features.map((f) => f.id)).toEqual(['35.15', '35.76', '35.78']);
    expect(outlines.features.map((f) => f.properties!.name)).toEqual(['Kabupaten Sidoarjo', 'Kota Mojokerto', 'Kota Surabaya']);
    // Unsimplified, the merged outline has exactly the desa's area (up to quantisation); simplified for the province
    // scale (0.2 km² triangles), a small kota (Mojokerto, ≈20 km²) moves by a few percent.
    const exact = splitProvince(fixture, registry, { provinceMinAreaM2: 0 });
    const exactOutlines = feature(exact.province as unknown as Topology, exact.province.objects.kabupaten) as FeatureCollection;
    for (const [fc, tolerance] of [[exactOutlines, 0.001], [outlines, 0.06]] as const) {
      for (const f of fc.features) {
        const desaArea = fixture.features.filter((d) => d.properties.kode.startsWith(`${f.id}.`)).reduce((s, d) => s + planarArea(d), 0);
        expect(Math.abs(planarArea(f) / desaArea - 1), String(f.id)).toBeLessThan(tolerance);
      }
    }
    // Border arcs: each is on exactly two outlines (Surabaya and Waru touch; Mojokerto touches neither).
    const uses = new Map<number, Set<string>>();
    for (const g of split.province.objects.kabupaten.geometries) {
      for (const a of (g as unknown as { arcs: number[][][] }).arcs.flat(2)) {
        const i = a < 0 ? ~a : a;
        if (!uses.has(i)) uses.set(i, new Set());
        uses.get(i)!.add(String(g.id));
      }
    }
    const border = (split.province.objects.borders.geometries[0] as unknown as { arcs: number[][] }).arcs.flat().map((a) => (a < 0 ? ~a : a));
    expect(border.length).toBeGreaterThan(0);
    for (const a of border) expect([...uses.get(a)!].sort()).toEqual(['35.15', '35.78']);
    const shared = [...uses].filter(([, s]) => s.size === 2).map(([a]) => a);
    expect(new Set(border)).toEqual(new Set(shared));
  });
});
