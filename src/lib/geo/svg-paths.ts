/**
 * Static SVG map paths: one TopoJSON object projected to SVG path strings sized to a box, for the server-rendered
 * choropleth (the map must be readable without JavaScript).
 *
 * Projection: Web Mercator, done by hand on the coordinates, then fitted with d3's planar `geoIdentity` (y
 * reflected, since SVG y grows downwards). Why not d3's spherical `geoMercator`: d3 reads polygon rings by their
 * winding on the sphere, and a ring wound the "wrong" way (as RFC 7946 GeoJSON, many tools, or a merge may produce)
 * is taken as the whole globe minus the village, which breaks `fitSize` and the paths. Planar drawing is
 * winding-agnostic. At Indonesian latitudes (11° S to 6° N) the two are the same map at this scale.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { geoIdentity, geoPath } from 'd3-geo';

/** One projected area: its dotted code, the SVG path `d` and a label/marker point, in viewBox units. */
export interface SvgArea {
  code: string;
  name: string;
  d: string;
  centroid: [number, number];
}

/** A projected map: `viewBox` is `0 0 width height`; paths in the object's geometry order. */
export interface SvgMap {
  viewBox: string;
  width: number;
  height: number;
  paths: SvgArea[];
}

const RAD = Math.PI / 180;

/** Spherical Mercator y in degrees (so x and y share a unit): ln(tan(π/4 + φ/2)). */
function mercator(p: Position): Position {
  return [p[0], Math.log(Math.tan(Math.PI / 4 + (p[1] * RAD) / 2)) / RAD];
}

function projectGeometry(g: Geometry | null): Geometry | null {
  if (!g) return g;
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: mercator(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(mercator) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(mercator)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(mercator))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => projectGeometry(x)!) };
  }
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Projects `topology.objects[objectName]` to SVG paths fitted to `width` × `height` (aspect kept, centred),
 * coordinates rounded to 1 decimal. Each feature's `id` becomes `code`; `centroid` is the planar area centroid.
 */
export function projectToSvg(topology: Topology, objectName: string, width: number, height: number): SvgMap {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`projectToSvg: topology has no object "${objectName}" (has: ${Object.keys(topology.objects).join(', ')})`);
  const fc = feature(topology, object as GeometryCollection) as FeatureCollection;
  const projected: FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature => ({ ...f, geometry: projectGeometry(f.geometry)! })),
  };
  const projection = geoIdentity().reflectY(true).fitSize([width, height], projected);
  const path = geoPath(projection).digits(1);
  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    paths: projected.features.map((f) => {
      const c = path.centroid(f);
      return {
        code: String(f.id),
        name: String(f.properties?.name ?? ''),
        d: path(f) ?? '',
        centroid: [round1(c[0]), round1(c[1])],
      };
    }),
  };
}
