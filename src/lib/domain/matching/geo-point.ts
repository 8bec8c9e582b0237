/**
 * A place on the map as matching reads it: latitude and longitude in degrees (WGS84, as postcode
 * data gives them). Matching keeps its own point type so it depends on no document's shape; the
 * desk builds points from whatever the read model holds.
 */
export type GeoPoint = { lat: number; lon: number };

const earthRadiusKm = 6371.0088; // the mean radius (IUGG)
const rad = Math.PI / 180;

/**
 * The great-circle distance in kilometres by the haversine formula
 * (https://en.wikipedia.org/wiki/Haversine_formula): within 0.5% of the distance on the ellipsoid,
 * far closer than a postcode's own spread.
 */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (typeof value !== 'object' || value === null) return false;
  const { lat, lon } = value as Record<string, unknown>;
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}
