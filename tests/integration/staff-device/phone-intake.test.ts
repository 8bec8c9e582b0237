/**
 * A coordinator's device taking calls against the real server (src/lib/staff/intake/): the pool of
 * references it asks for while online, kept in its replica; a call saved on the device with one of
 * them, the same call saved twice being one request; the replicator carrying it to the server,
 * which binds the reference; the next top-up never handing out what was used; and with no
 * reference left and no signal, nothing written and the answers still there to save later.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { browser } from './browser.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { referencePoolSize } from '#domain/intake/reference-pool.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { readPool, takeReference, topUp } from '$lib/staff/intake/reference-pool.ts';
import { saveCall } from '$lib/staff/intake/take-call.ts';
import { referenceDocId } from '../../../sync-server/residents/reference-claim.ts';
import { testUuid } from '../../support/factories.ts';
import { completeDraft } from '../../support/submissions.ts';
import { cleanUp, deviceDbs, replicate, signedInCoordinator } from './device-fixtures.ts';

afterEach(cleanUp);

describe('a coordinator’s device takes calls', () => {
  it('holds a pool from the server, saves a call with one reference, and the server binds it', async () => {
    const { server, cathId } = await signedInCoordinator();
    const cath = {
      id: cathId,
      role: 'coordinator' as const,
      areas: ['ceredigion'],
      disabled: false,
    };
    const { local, remote } = deviceDbs(server);
    expect(await topUp(local, server.url)).toBe(true);
    const pool = (await readPool(local)).free;
    expect(pool).toHaveLength(referencePoolSize);
    expect(browser.sent.some((s) => s.url.pathname === '/api/staff/references')).toBe(true);

    const draft = completeDraft('prescription', { client_id: testUuid(), language: 'cy' });
    const saved = await saveCall(local, cath, draft, 'en', 'ceredigion');
    expect(saved).toEqual({ ok: true, id: draft.client_id, reference: pool[0] });
    // Pressed twice: the same call, not a second request nor a second reference.
    expect(await saveCall(local, cath, draft, 'en', 'ceredigion')).toEqual(saved);
    expect(await readPool(local)).toEqual({ free: pool.slice(1), used: [pool[0]] });

    const onDevice = await local.get<RequestDoc>(`request:${draft.client_id}`);
    expect(onDevice).toMatchObject({ language: 'cy', consent: { given: false, how: 'phone' } });

    const { until } = replicate({ local, remote });
    await until((s) => s.everythingOnServer && s.initialSync.finished, 10_000);
    expect(await server.storage.replicated.get(`request:${draft.client_id}`)).toMatchObject({
      reference: pool[0],
      area: 'ceredigion',
    });
    expect(await server.storage.serverOnly.get(referenceDocId(pool[0]!))).toMatchObject({
      held_by: cathId,
      request_id: `request:${draft.client_id}`,
    });

    // Topped up again: full, and the used one never comes back.
    expect(await topUp(local, server.url)).toBe(true);
    const next = await readPool(local);
    expect(next.free).toHaveLength(referencePoolSize);
    expect(next.free).not.toContain(pool[0]);
  });

  it('with no reference left and no signal, writes nothing and keeps the answers for later', async () => {
    const { server, cathId } = await signedInCoordinator();
    const cath = {
      id: cathId,
      role: 'coordinator' as const,
      areas: ['ceredigion'],
      disabled: false,
    };
    const { local } = deviceDbs(server);
    // No pool yet, and the server cannot be reached: saveCall's own top-up fails too.
    expect(await topUp(local, 'http://127.0.0.1:9')).toBe(false);
    expect(await takeReference(local)).toBeNull();
    const draft = completeDraft('food', { client_id: testUuid() });
    const before = structuredClone(draft);
    expect(await saveCall(local, cath, draft, 'cy', 'ceredigion')).toEqual({
      ok: false,
      problem: 'no_reference',
    });
    expect(draft).toEqual(before);
    expect((await local.allDocs()).rows).toEqual([]);
  });

  it('refuses on the device what the server would refuse: a volunteer, an area not covered', async () => {
    const { server, cathId } = await signedInCoordinator();
    const { local } = deviceDbs(server);
    await topUp(local, server.url);
    const draft = completeDraft('other', { client_id: testUuid() });
    const cath = {
      id: cathId,
      role: 'coordinator' as const,
      areas: ['ceredigion'],
      disabled: false,
    };
    const volunteer = { ...cath, role: 'volunteer' as const };
    for (const [who, area] of [
      [volunteer, 'ceredigion'],
      [cath, 'gwynedd'],
    ] as const) {
      expect(await saveCall(local, who, draft, 'cy', area)).toEqual({
        ok: false,
        problem: 'not_allowed',
      });
    }
    expect((await local.allDocs()).rows).toEqual([]);
  });
});
