/**
 * `GET /db`'s `doc_count` (issue 9): the figure a device's first sync shows its progress against.
 * It is judged per user, as every other answer under `/db` is: the number of live documents this
 * user may read now, which is exactly what the first sync's pages bring (bulk-load.ts), so it
 * tells nobody how many documents there are that they may not see. Deletions are not counted, as
 * in CouchDB's own `doc_count`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer } from '../../../support/staff/account-fixtures.ts';
import { request } from '../../../support/factories.ts';
import {
  dbFetch,
  expectedIds,
  seed,
  type Staff,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

const docCount = async (server: TestServer, who: Staff) => {
  const res = await dbFetch(server, '/db', { cookie: who.cookie });
  expect(res.status).toBe(200);
  const { doc_count: count } = (await res.json()) as { doc_count?: unknown };
  expect(count).toEqual(expect.any(Number));
  return count as number;
};

forEachStorage('/db info', (storage) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  beforeAll(async () => {
    server = await startAccountServer({ storage });
    world = await seedWorld(server);
  });
  afterAll(() => server.close());

  it('counts what each user may read, and only that', async () => {
    for (const who of [world.cath, world.vera, world.owen, world.gwen]) {
      const now = new Date().toISOString();
      expect(await docCount(server, who)).toBe(expectedIds(who.user, world.docs, now).length);
    }
    // The views differ, so the figure is each user's own, not the database's.
    expect(await docCount(server, world.cath)).toBeGreaterThan(await docCount(server, world.vera));
    expect(await docCount(server, world.cath)).toBeLessThan(world.docs.length);
  });

  it("moves with the user's view, and not with documents outside it", async () => {
    const vera = await docCount(server, world.vera);
    const gwen = await docCount(server, world.gwen);
    // A request in Gwynedd: Gwen's to read, not Vera's (she volunteers in Ceredigion, and it is
    // not open there).
    await seed(server, [request({ area: 'gwynedd' })]);
    expect(await docCount(server, world.gwen)).toBe(gwen + 1);
    expect(await docCount(server, world.vera)).toBe(vera);
  });
});
