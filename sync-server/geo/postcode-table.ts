/**
 * The postcode table the operator imports (`npm run geo -- import`, import/geo-cli.ts), kept in the
 * server-only database so that every instance on one CouchDB reads the same table and none keeps a
 * copy of its own (docs/architecture.md, "Places"). One document per postcode district,
 * `geo-district:CF10`, holding the district's centre and every unit's point by inward code, so a
 * look-up is one read; `geo-table` says what was imported and when, and that a table exists.
 */
import type { Point } from '#domain/places/point.ts';
import type { MutableDocStore, StoredDoc } from '../storage/storage.ts';
import { GeocoderUnavailable, type Found, type Geocoder } from './geocoder.ts';

export type DistrictDoc = StoredDoc & {
  type: 'geo_district';
  district: string;
  lat: number;
  lon: number;
  /** Units in the district, by inward code: `{ "1EP": [51.47576, -3.17921] }`. */
  units: Record<string, [number, number]>;
  /** No longer in the imported product: answered as unknown. */
  withdrawn?: boolean;
};

export type TableInfo = StoredDoc & {
  type: 'geo_table';
  source: string;
  imported_at: string;
  postcodes: number;
  districts: number;
};

export const tableInfoId = 'geo-table';
export const districtDocId = (district: string) => `geo-district:${district}`;

const asPoint = ([lat, lon]: [number, number]): Point => ({ lat, lon });

export class PostcodeTable implements Geocoder {
  readonly #store: MutableDocStore;

  constructor(store: MutableDocStore) {
    this.#store = store;
  }

  async #district(district: string): Promise<DistrictDoc | null> {
    const doc = await this.#store.get<DistrictDoc>(districtDocId(district));
    if (doc !== null) return doc.withdrawn ? null : doc;
    // No table at all is no answer yet, not an unknown district: try again once it is imported.
    if ((await this.#store.get(tableInfoId)) === null) {
      throw new GeocoderUnavailable('no postcode table imported');
    }
    return null;
  }

  async find(postcode: string): Promise<Found> {
    const [outward = '', inward = ''] = postcode.split(' ');
    const doc = await this.#district(outward);
    if (doc === null) return { unit: null, district: null };
    const unit = doc.units[inward];
    return { unit: unit ? asPoint(unit) : null, district: { lat: doc.lat, lon: doc.lon } };
  }

  async findDistrict(district: string): Promise<Point | null> {
    const doc = await this.#district(district);
    return doc === null ? null : { lat: doc.lat, lon: doc.lon };
  }
}
