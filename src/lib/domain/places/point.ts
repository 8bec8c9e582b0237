/**
 * A point on the map: WGS84 latitude and longitude in decimal degrees, as GPS, web maps and
 * postcodes.io give them. Five decimal places (about a metre) is all a postcode's reference point
 * is worth, so points are stored rounded to that: a stored point says no more than we know.
 * https://epsg.io/4326
 */
import * as v from 'valibot';

export type Point = { lat: number; lon: number };

const degrees = (min: number, max: number) =>
  v.pipe(
    v.number('invalid'),
    v.finite('invalid'),
    v.minValue(min, 'invalid'),
    v.maxValue(max, 'invalid'),
  );

export const pointEntries = { lat: degrees(-90, 90), lon: degrees(-180, 180) };
export const pointSchema = v.strictObject(pointEntries, 'invalid');

/** Rounded to 5 decimal places (about 1 m). */
export function roundedPoint(lat: number, lon: number): Point {
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { lat: round(lat), lon: round(lon) };
}

/** The plain mean of points: a district's centroid from its units' points. */
export function meanPoint(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  const sum = points.reduce((s, p) => ({ lat: s.lat + p.lat, lon: s.lon + p.lon }), {
    lat: 0,
    lon: 0,
  });
  return roundedPoint(sum.lat / points.length, sum.lon / points.length);
}
