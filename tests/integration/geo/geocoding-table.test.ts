/**
 * Requests get their points from the imported table: the district's centre on the request, the
 * unit's point on the contact; a unit the table lacks falls back to its district, a district it
 * lacks leaves no point and no marker; and with no table yet the request waits and is done once
 * one is imported. Intake answers at once every time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { meanPoint } from '#domain/places/point.ts';
import { PostcodeTable } from '../../../sync-server/geo/postcode-table.ts';
import { eventually } from '../../support/eventually.ts';
import { known, metresBetween } from '../../support/geo/code-point-fixture.ts';
import { startTestServer, type TestServer } from '../../support/server/test-server.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import { importFixture, pointsOf, quickGeocoding, submitFrom } from './geo-fixtures.ts';

const cardiff = ['CF10 1AA', 'CF10 1EP', 'CF10 1SG', 'CF10 2EY'];
const cf10Centre = meanPoint(cardiff.map((p) => known[p] ?? { lat: 0, lon: 0 }));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    geocoding: quickGeocoding((storage) => new PostcodeTable(storage.serverOnly)),
  });
  await importFixture(server.storage);
});
afterAll(() => server.close());

describe('points from the imported table', () => {
  it('the request gets its district’s centre and the contact its unit’s point', async () => {
    const uuid = await submitFrom(server, 'cf10 1ep');
    const done = await eventually(
      async () => {
        const p = await pointsOf(server, uuid);
        return p.centroid && p.location && p.marker === null ? p : null;
      },
      { what: 'the points of CF10 1EP' },
    );
    expect(done.centroid).toMatchObject({ ...cf10Centre, district: 'CF10' });
    expect(done.location).toMatchObject({ postcode: 'CF10 1EP', precision: 'unit' });
    expect(
      metresBetween(done.location ?? { lat: 0, lon: 0 }, known['CF10 1EP'] ?? { lat: 0, lon: 0 }),
    ).toBeLessThan(3);
    // Still documents staff devices accept.
    const stored = await server.storage.replicated.get(requestDocId(uuid));
    expect(parseStaffDoc(stored).ok).toBe(true);
  });

  it('a postcode the table lacks falls back to its district’s centre, and says so', async () => {
    const uuid = await submitFrom(server, 'CF10 9ZZ');
    const done = await eventually(
      async () => {
        const p = await pointsOf(server, uuid);
        return p.location && p.marker === null ? p : null;
      },
      { what: 'the fallback point of CF10 9ZZ' },
    );
    expect(done.location).toMatchObject({
      ...cf10Centre,
      postcode: 'CF10 9ZZ',
      precision: 'district',
    });
    expect(done.centroid).toMatchObject({ ...cf10Centre, district: 'CF10' });
  });

  it('a district the table lacks leaves no point, and is not tried again', async () => {
    const uuid = await submitFrom(server, 'NP20 1AA');
    await eventually(async () => (await pointsOf(server, uuid)).marker === null, {
      what: 'the marker of NP20 1AA to go',
    });
    expect(await pointsOf(server, uuid)).toMatchObject({
      centroid: undefined,
      location: undefined,
    });
  });
});

describe('before any table is imported', () => {
  it('the request waits, and gets its points once the table is there', async () => {
    const bare = await startTestServer({
      geocoding: quickGeocoding((storage) => new PostcodeTable(storage.serverOnly)),
    });
    try {
      const uuid = await submitFrom(bare, 'LL11 1AB');
      const waiting = await eventually(
        async () => {
          const p = await pointsOf(bare, uuid);
          return (p.marker?.attempts ?? 0) >= 1 ? p : null;
        },
        { what: 'a failed try without a table' },
      );
      expect(waiting.location).toBeUndefined();
      await importFixture(bare.storage);
      const done = await eventually(
        async () => {
          const p = await pointsOf(bare, uuid);
          return p.location && p.marker === null ? p : null;
        },
        { what: 'the points after the import' },
      );
      expect(done.location).toMatchObject({ ...known['LL11 1AB'], precision: 'unit' });
      expect(done.centroid?.district).toBe('LL11');
    } finally {
      await bare.close();
    }
  });
});
