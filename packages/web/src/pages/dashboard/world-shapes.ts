import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';

export type CountryShape = Feature<Geometry, { name: string }>;

// Antarctica (ISO 010) has no border posts and takes a fifth of the map's height.
const LEFT_OUT = new Set(['010']);

/**
 * world-atlas keeps shapes on the sphere: a ring crossing the antimeridian (Russia, Fiji) jumps
 * from +180 to -180 and would be drawn as a band across a flat map. Each point is moved by whole
 * turns to stay next to the one before, then the ring as a whole back to where most of it lies.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let prev: number | undefined;
  for (const [lon, lat, ...rest] of ring) {
    let x = lon!;
    if (prev !== undefined) {
      while (x - prev > 180) x -= 360;
      while (x - prev < -180) x += 360;
    }
    out.push([x, lat!, ...rest]);
    prev = x;
  }
  const xs = out.map((p) => p[0]!);
  const centre = (Math.min(...xs) + Math.max(...xs)) / 2;
  const shift = centre > 180 ? -360 : centre < -180 ? 360 : 0;
  return shift === 0 ? out : out.map(([x, ...r]) => [x! + shift, ...r]);
}

function unwrap(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

/**
 * The world's countries at 1:110 million from world-atlas (Natural Earth), bundled with the page:
 * the map needs no tile server and makes no request. Each shape's id is its ISO 3166 numeric code,
 * which the server gives for each screening country.
 */
export const COUNTRY_SHAPES: FeatureCollection<Geometry, { name: string }> = (() => {
  const all = feature(countries110m, countries110m.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return { ...all, features: all.features.filter((f) => !LEFT_OUT.has(String(f.id))).map((f) => ({ ...f, geometry: unwrap(f.geometry) })) };
})();

/** ISO numeric codes that have a shape on the map (small states are absent at this scale). */
export const MAPPED = new Set(COUNTRY_SHAPES.features.map((f) => String(f.id)));
