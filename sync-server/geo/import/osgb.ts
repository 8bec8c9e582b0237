/**
 * British National Grid (OSGB36 eastings and northings, EPSG:27700) to WGS84 latitude and
 * longitude, by proj4: the inverse Transverse Mercator on the Airy 1830 ellipsoid with the
 * National Grid's constants, then OS's 7-parameter Helmert transform to WGS84 (EPSG:1314). That is
 * good to a few metres against OS's definitive OSTN15 grid, far finer than a postcode unit, and
 * needs no grid file. The definition is EPSG:27700's own, as https://epsg.io/27700 gives it.
 */
import proj4 from 'proj4';
import { roundedPoint, type Point } from '#domain/places/point.ts';

const britishNationalGrid =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const toWgs84 = proj4(britishNationalGrid, 'EPSG:4326');

/** A grid reference in metres, rounded to 5 decimal places of a degree (about 1 m). */
export function gridToWgs84(easting: number, northing: number): Point {
  const [lon, lat] = toWgs84.forward([easting, northing]);
  return roundedPoint(lat ?? Number.NaN, lon ?? Number.NaN);
}
