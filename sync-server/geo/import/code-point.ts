/**
 * Reading the two layouts `npm run geo -- import` accepts, one line at a time:
 * - OS Code-Point Open as published (`codepo_gb/Data/CSV/<area>.csv`): no header, quoted strings,
 *   `"CF10 1EP",10,318200,175860,"W92000004",…`: postcode, positional quality, easting, northing,
 *   then area codes (the product's `Doc/Code-Point_Open_Column_Headers.csv`). Units with quality 90
 *   have no grid reference (0, 0) and are skipped.
 * - the converted pair used for tests and benches (`postcodes-wales.csv`: `postcode,latitude,
 *   longitude`; `districts-wales.csv`: `district,latitude,longitude,postcodes`), with a header.
 * A line that is not one of these is an error naming the line, so a wrong directory fails loudly.
 */
import { isUkPostcode, normalisePostcode } from '#domain/questions/contact-format.ts';
import { roundedPoint, type Point } from '#domain/places/point.ts';
import { gridToWgs84 } from './osgb.ts';

export type Unit = { postcode: string; point: Point };
export type District = { district: string; point: Point; count: number };

const unquote = (cell: string) => cell.trim().replace(/^"(.*)"$/, '$1');
const noGridReference = 90;

export class LineError extends Error {}

/** One Code-Point Open line: the unit and its WGS84 point, or null for a unit with no position. */
export function codePointLine(line: string): Unit | null {
  const cells = line.split(',').map(unquote);
  const [raw = '', quality, easting, northing] = cells;
  const e = Number(easting);
  const n = Number(northing);
  if (cells.length < 4 || !isUkPostcode(raw) || !Number.isFinite(e) || !Number.isFinite(n)) {
    throw new LineError('not a Code-Point Open line');
  }
  if (Number(quality) === noGridReference || (e === 0 && n === 0)) return null;
  return { postcode: normalisePostcode(raw), point: gridToWgs84(e, n) };
}

function degrees(lat: string | undefined, lon: string | undefined): Point {
  const [a, b] = [Number(lat), Number(lon)];
  if (lat === undefined || lon === undefined || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new LineError('latitude and longitude must be numbers');
  }
  return roundedPoint(a, b);
}

/** One line of `postcodes-wales.csv` (the header is the caller's to skip). */
export function convertedUnitLine(line: string): Unit {
  const [postcode = '', lat, lon] = line.split(',').map(unquote);
  if (!isUkPostcode(postcode)) throw new LineError('not a postcode');
  return { postcode: normalisePostcode(postcode), point: degrees(lat, lon) };
}

/** One line of `districts-wales.csv`. */
export function convertedDistrictLine(line: string): District {
  const [district = '', lat, lon, count] = line.split(',').map(unquote);
  if (!/^[A-Z]{1,2}\d[A-Z\d]?$/.test(district)) throw new LineError('not a postcode district');
  return { district, point: degrees(lat, lon), count: Number(count) || 0 };
}
