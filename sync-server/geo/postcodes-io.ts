/**
 * A postcodes.io-compatible service (`POSTCODES_URL`): postcodes.io is open source and can be run
 * by the operator (https://github.com/ideal-postcodes/postcodes.io). Its API, as used here:
 * `GET /postcodes/:postcode` and `GET /outcodes/:outcode` answer `{ status: 200, result: {
 * latitude, longitude, … } }`, or `{ status: 404, error }` for one it does not know
 * (https://postcodes.io/docs). A point may be null there (a postcode with no grid reference),
 * which is treated as not found. Anything else (no connection, a 5xx, a 429, a timeout) is
 * `GeocoderUnavailable`, to be tried again.
 */
import type { Point } from '#domain/places/point.ts';
import { roundedPoint } from '#domain/places/point.ts';
import { GeocoderUnavailable, type Found, type Geocoder } from './geocoder.ts';

type Answer = { status?: number; result?: { latitude?: unknown; longitude?: unknown } | null };

const timeoutMs = 5_000;

export class PostcodesIo implements Geocoder {
  readonly #base: string;

  /** `url` is the service's root, e.g. `https://postcodes.example/` (path prefixes allowed). */
  constructor(url: string) {
    this.#base = url.endsWith('/') ? url : `${url}/`;
  }

  async #point(path: string): Promise<Point | null> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.#base), {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new GeocoderUnavailable('service unreachable');
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new GeocoderUnavailable(`service answered ${res.status}`);
    }
    const body = (await res.json().catch(() => null)) as Answer | null;
    const lat = body?.result?.latitude;
    const lon = body?.result?.longitude;
    if (body === null || body.status !== 200) throw new GeocoderUnavailable('unexpected answer');
    if (typeof lat !== 'number' || typeof lon !== 'number') return null;
    return roundedPoint(lat, lon);
  }

  async find(postcode: string): Promise<Found> {
    const outward = postcode.split(' ')[0] ?? '';
    const unit = await this.#point(`postcodes/${encodeURIComponent(postcode)}`);
    return { unit, district: await this.findDistrict(outward) };
  }

  findDistrict(district: string): Promise<Point | null> {
    return this.#point(`outcodes/${encodeURIComponent(district)}`);
  }
}
