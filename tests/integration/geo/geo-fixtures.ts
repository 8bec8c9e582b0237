/**
 * What the geocoding suites share: a test server whose worker polls quickly and retries within
 * milliseconds, the fixture table imported into it, and reading back a request's points.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contactDocId, requestDocId } from '#domain/documents/doc-ids.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { Geocoder } from '../../../sync-server/geo/geocoder.ts';
import { pendingId, type PendingDoc } from '../../../sync-server/geo/pending.ts';
import { readTable, storeTable } from '../../../sync-server/geo/import/table-import.ts';
import type { Storage } from '../../../sync-server/storage/storage.ts';
import { writeCodePointFixture } from '../../support/geo/code-point-fixture.ts';
import { foodSubmission, withField } from '../../support/server/submission-fixtures.ts';
import { postJson, type TestServer } from '../../support/server/test-server.ts';

export const quickBackoff = { baseMs: 40, capMs: 200, maxAttempts: 4 };

export const quickGeocoding = <G extends Geocoder | ((storage: Storage) => Geocoder)>(
  geocoder: G,
) => ({
  geocoder,
  pollMs: 30,
  backoff: quickBackoff,
  log: () => undefined,
});

/** Imports the Code-Point fixture into the server's table, as `npm run geo -- import` would. */
export async function importFixture(storage: Storage) {
  const root = await mkdtemp(path.join(tmpdir(), 'cymorth-geo-'));
  try {
    return await storeTable(
      storage.serverOnly,
      await readTable(await writeCodePointFixture(root)),
      new Date(),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Sends a resident's request from `postcode`; gives its uuid. */
export async function submitFrom(server: TestServer, postcode: string) {
  const submission = withField(foodSubmission(), ['contact', 'postcode'], postcode);
  const res = await postJson(server, submission);
  if (res.status !== 201) throw new Error(`submit answered ${res.status}`);
  return String(submission.id);
}

export async function pointsOf(server: TestServer, uuid: string) {
  const [request, contact, marker] = await Promise.all([
    server.storage.replicated.get<RequestDoc>(requestDocId(uuid)),
    server.storage.replicated.get<ContactDoc>(contactDocId(uuid)),
    server.storage.serverOnly.get<PendingDoc>(pendingId(requestDocId(uuid))),
  ]);
  return {
    centroid: request?.district_centroid,
    location: contact?.location,
    marker,
  };
}
