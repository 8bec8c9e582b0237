/**
 * The references a coordinator's device holds for calls taken with no signal
 * (sync-server/intake/), asked for as the device asks: `POST /api/staff/references` with the
 * session cookie, on the real server and both storages. Each device has its own pool, used ones
 * are replaced and never handed out again, and only coordinators and admins get any.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { referencePoolSize } from '#domain/intake/reference-pool.ts';
import { parseReference } from '#domain/requests/reference.ts';
import { referenceDocId } from '../../../sync-server/residents/reference-claim.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import { testUuid } from '../../support/factories.ts';
import { startAccountServer } from '../../support/staff/account-fixtures.ts';
import { askForPool } from '../../support/staff/reference-fixtures.ts';
import { dbFetch, staff } from '../../support/staff/replication-fixtures.ts';

forEachStorage('a device’s pool of references', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start() {
    server = await startAccountServer({ storage });
    const [cath, vera, ada] = await Promise.all([
      staff(server, 'cath', 'coordinator', ['ceredigion']),
      staff(server, 'vera', 'volunteer', ['ceredigion']),
      staff(server, 'ada', 'admin', []),
    ]);
    return { s: server, cath, vera, ada };
  }

  const references = (answer: { body: Record<string, unknown> }) =>
    answer.body.references as string[];

  it('hands a coordinator’s device a full pool of valid references claimed for them, the same ones again', async () => {
    const { s, cath } = await start();
    const device = testUuid();
    const first = await askForPool(s, cath.cookie, { device, used: [] });
    expect(first.status).toBe(200);
    const pool = references(first);
    expect(pool).toHaveLength(referencePoolSize);
    expect(new Set(pool).size).toBe(referencePoolSize);
    for (const r of pool) {
      expect(parseReference(r)).toBe(r);
      expect(await s.storage.serverOnly.get(referenceDocId(r))).toMatchObject({
        held_by: cath.user.id,
        request_id: null,
      });
    }
    expect(references(await askForPool(s, cath.cookie, { device, used: [] }))).toEqual(pool);
  });

  it('replaces the references a device used, never handing them out again', async () => {
    const { s, cath } = await start();
    const device = testUuid();
    const pool = references(await askForPool(s, cath.cookie, { device, used: [] }));
    const used = pool.slice(0, 3);
    const next = references(await askForPool(s, cath.cookie, { device, used }));
    expect(next).toHaveLength(referencePoolSize);
    expect(next.filter((r) => used.includes(r))).toEqual([]);
    expect(next.slice(0, referencePoolSize - 3)).toEqual(pool.slice(3));
    const later = references(await askForPool(s, cath.cookie, { device, used: [] }));
    expect(later.filter((r) => used.includes(r))).toEqual([]);
  });

  it('gives each device of one coordinator, and an admin, a pool of its own', async () => {
    const { s, cath, ada } = await start();
    const laptop = references(await askForPool(s, cath.cookie, { device: testUuid(), used: [] }));
    const phone = references(await askForPool(s, cath.cookie, { device: testUuid(), used: [] }));
    const admins = references(await askForPool(s, ada.cookie, { device: testUuid(), used: [] }));
    expect(new Set([...laptop, ...phone, ...admins]).size).toBe(3 * referencePoolSize);
  });

  it('refuses a volunteer, someone not signed in, and bodies that do not fit, claiming nothing', async () => {
    const { s, cath, vera } = await start();
    const device = testUuid();
    const before = await s.storage.serverOnly.idsWithPrefix('ref:');
    expect(await askForPool(s, vera.cookie, { device, used: [] })).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    });
    expect((await askForPool(s, undefined, { device, used: [] })).status).toBe(401);
    const bad = await askForPool(s, cath.cookie, { device: 'my-laptop', used: ['123'] });
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(bad.body.fields).toMatchObject({ device: 'invalid', used: 'invalid' });
    const many = { device, used: Array.from({ length: 51 }, () => '000000000') };
    expect((await askForPool(s, cath.cookie, many)).status).toBe(400);
    expect((await askForPool(s, cath.cookie, '{"device":')).body.error).toBe('invalid_json');
    const huge = JSON.stringify({ device, used: [], pad: 'x'.repeat(100_000) });
    expect((await askForPool(s, cath.cookie, huge)).status).toBe(413);
    expect(await s.storage.serverOnly.idsWithPrefix('ref:')).toEqual(before);
  });
});

describe('the pool’s route', () => {
  it('answers only POST', async () => {
    const s = await startAccountServer();
    try {
      const res = await dbFetch(s, '/api/staff/references');
      expect(res.status).toBe(405);
    } finally {
      await s.close();
    }
  });
});
