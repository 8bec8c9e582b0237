/**
 * A few postcode units in OS Code-Point Open's own CSV format, written where a test wants them as
 * the product unzips (`codepo_gb/Data/CSV/<area>.csv`), so the import is tested without
 * `../shared/data`. The Cardiff and Wrexham rows are the product's own (Code-Point Open 2025.4.0);
 * `known` gives their WGS84 points as PROJ 9.5 computed them (EPSG:27700 → 4326), for the transform
 * to be checked against. The Aberystwyth rows are made up near the town, for the small world's
 * postcodes (tests/support/submissions.ts). `LL14 5BU` is an English unit in a Welsh area file;
 * `SY18 9AA` has no grid reference (quality 90) and is skipped.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const row = (postcode: string, quality: number, e: number, n: number, country = 'W92000004') =>
  `"${postcode}",${quality},${e},${n},"${country}","","W11000029","","W06000015","W05001274"`;

export const codePointFiles: Record<string, string[]> = {
  'cf.csv': [
    row('CF10 1AA', 10, 318284, 176230),
    row('CF10 1EP', 10, 318200, 175860),
    row('CF10 1SG', 10, 317180, 174761),
    row('CF10 2EY', 10, 319274, 176339),
  ],
  'll.csv': [
    row('LL14 5BU', 10, 329097, 337256, 'E92000001'),
    row('LL11 1AA', 10, 333056, 350649),
    row('LL11 1AB', 10, 333527, 350360),
  ],
  'sy.csv': [
    row('SY18 9AA', 90, 0, 0),
    row('SY23 1AA', 10, 258420, 281640),
    row('SY23 1DE', 10, 258700, 281450),
    row('SY23 3DY', 10, 259900, 279800),
  ],
};

/** The units the fixture holds with a point (SY18 9AA has none), LL14 5BU in England among them. */
export const fixturePostcodes = 10;

/** WGS84 points of the product's own rows, by PROJ (EPSG:27700 → EPSG:4326), to 5 places. */
export const known: Record<string, { lat: number; lon: number }> = {
  'CF10 1AA': { lat: 51.4791, lon: -3.17809 },
  'CF10 1EP': { lat: 51.47576, lon: -3.17921 },
  'CF10 1SG': { lat: 51.46574, lon: -3.19363 },
  'CF10 2EY': { lat: 51.48022, lon: -3.16386 },
  'LL11 1AA': { lat: 53.04889, lon: -3.00008 },
  'LL11 1AB': { lat: 53.04635, lon: -2.993 },
};

/** Writes the fixture as `<root>/codepo_gb/…` and gives the product's directory. */
export async function writeCodePointFixture(root: string): Promise<string> {
  const product = path.join(root, 'codepo_gb');
  const csv = path.join(product, 'Data', 'CSV');
  await mkdir(csv, { recursive: true });
  for (const [name, lines] of Object.entries(codePointFiles)) {
    await writeFile(path.join(csv, name), `${lines.join('\r\n')}\r\n`);
  }
  return product;
}

/** Metres between two points (haversine on a sphere of the Earth's mean radius). */
export function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
