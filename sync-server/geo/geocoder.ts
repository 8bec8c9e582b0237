/**
 * What the server asks of a source of postcode points, whichever it is: the table the operator
 * imported (postcode-table.ts) or a postcodes.io-compatible service (postcodes-io.ts). `find`
 * answers a postcode's own point and its district's centre, each null when the source does not
 * know it; a source that cannot answer now throws `GeocoderUnavailable`, and the request is tried
 * again later (geocode-worker.ts). Postcodes come normalised (`CF10 1EP`).
 */
import type { Point } from '#domain/places/point.ts';

export type Found = { unit: Point | null; district: Point | null };

export interface Geocoder {
  find(postcode: string): Promise<Found>;
  findDistrict(district: string): Promise<Point | null>;
}

/** The source cannot answer now (unreachable, failing, no table imported yet): try later. */
export class GeocoderUnavailable extends Error {
  constructor(readonly why: string) {
    super(`geocoder unavailable: ${why}`);
  }
}
