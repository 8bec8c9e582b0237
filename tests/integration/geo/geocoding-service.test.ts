/**
 * Requests get their points from a postcodes.io-compatible service (`POSTCODES_URL`), here a
 * stand-in on a random port speaking its API. While the service is down intake still answers at
 * once and the request is tried again with backoff; once it is back, the points arrive. Tries are
 * bounded: a request given up on waits for the next start, and a new worker on the same data (a
 * restart) finishes it, because the markers are in the database, not in memory.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostcodesIo } from '../../../sync-server/geo/postcodes-io.ts';
import { startGeocoding } from '../../../sync-server/geo/geocode-worker.ts';
import { eventually } from '../../support/eventually.ts';
import { startFakePostcodesIo, type FakePostcodesIo } from '../../support/geo/fake-postcodes-io.ts';
import { startTestServer, worldClock, type TestServer } from '../../support/server/test-server.ts';
import { pointsOf, quickBackoff, quickGeocoding, submitFrom } from './geo-fixtures.ts';

const swansea = { lat: 51.62332, lon: -3.94173 };
const sa1 = { lat: 51.62684, lon: -3.94026 };

let service: FakePostcodesIo;
let server: TestServer;
beforeEach(async () => {
  service = await startFakePostcodesIo({ 'SA1 1NW': swansea }, { SA1: sa1 });
  server = await startTestServer({ geocoding: quickGeocoding(new PostcodesIo(service.url)) });
});
afterEach(async () => {
  await server.close();
  await service.close();
});

const placed = (uuid: string) =>
  eventually(
    async () => {
      const p = await pointsOf(server, uuid);
      return p.centroid && p.location && p.marker === null ? p : null;
    },
    { what: 'the points to arrive', timeout: 8_000 },
  );

describe('points from a postcodes.io service', () => {
  it('asks for the postcode and its outcode, as postcodes.io’s API has them', async () => {
    const uuid = await submitFrom(server, 'sa1 1nw');
    const done = await placed(uuid);
    expect(done.location).toMatchObject({ ...swansea, postcode: 'SA1 1NW', precision: 'unit' });
    expect(done.centroid).toMatchObject({ ...sa1, district: 'SA1' });
    expect(service.asked).toEqual(
      expect.arrayContaining(['/postcodes/SA1%201NW', '/outcodes/SA1']),
    );
  });

  it('falls back to the outcode for a postcode the service does not know', async () => {
    const done = await placed(await submitFrom(server, 'SA1 9ZZ'));
    expect(done.location).toMatchObject({ ...sa1, precision: 'district' });
  });

  it('while the service is down, takes the request at once and tries again until it is back', async () => {
    await service.down();
    const started = Date.now();
    const uuid = await submitFrom(server, 'SA1 1NW');
    expect(Date.now() - started).toBeLessThan(2_000);
    await eventually(async () => ((await pointsOf(server, uuid)).marker?.attempts ?? 0) >= 2, {
      what: 'two failed tries',
    });
    expect((await pointsOf(server, uuid)).location).toBeUndefined();
    await service.up();
    const done = await placed(uuid);
    expect(done.location).toMatchObject(swansea);
  });

  it('gives up after a bounded number of tries, and a restart carries on from the database', async () => {
    await service.down();
    const uuid = await submitFrom(server, 'SA1 1NW');
    const given = await eventually(
      async () => {
        const p = await pointsOf(server, uuid);
        return p.marker?.gave_up ? p.marker : null;
      },
      { what: 'the worker to give up' },
    );
    expect(given.attempts).toBe(quickBackoff.maxAttempts);
    await server.geocoding?.stop();
    await service.up();
    // As after a restart: a new worker on the same data, no memory of the old one.
    const restarted = startGeocoding({
      ...quickGeocoding(new PostcodesIo(service.url)),
      storage: server.storage,
      now: worldClock(),
    });
    try {
      const done = await placed(uuid);
      expect(done.centroid).toMatchObject(sa1);
    } finally {
      await restarted.stop();
    }
  });
});
