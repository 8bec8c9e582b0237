/**
 * A volunteer signs up on the real server (`POST /api/volunteers`), waits, pending, with nothing on
 * their device but their own profile and the areas, until a coordinator of their area approves them
 * over real PouchDB replication; then their area's open requests reach them. Every bad input is a
 * JSON 4xx with nothing stored, and a failure half-way leaves nothing behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { areaDocId, volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { approveVolunteer, signUpProfile, type SignUp } from '#domain/people/volunteer-sign-up.ts';
import { orphanAfterMs } from '../../../../sync-server/accounts/sign-up/volunteer-sign-up.ts';
import { staffUserId } from '../../../../sync-server/accounts/staff-user-id.ts';
import type { Storage } from '../../../../sync-server/storage/storage.ts';
import { area } from '../../../support/factories.ts';
import {
  deviceDb,
  expectedIds,
  liveIds,
  remoteDb,
  seed,
  stored,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import type { TestServer, TestServerOptions } from '../../../support/server/test-server.ts';
import {
  signedIn,
  signIn,
  startAccountServer,
  testClock,
} from '../../../support/staff/account-fixtures.ts';
import { eventually } from '../../../support/eventually.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const password = 'Mae hen wlad fy nhadau';

function signUpBody(overrides: Record<string, unknown> = {}) {
  return {
    username: 'nia',
    password,
    name: 'Nia Jones',
    phone: '07700 900 982',
    areas: ['ceredigion'],
    skills: ['driver', 'dbs_checked', 'welsh_speaker'],
    availability: { days: ['mon', 'sat'], parts_of_day: ['morning'], note: '' },
    ...overrides,
  };
}

function signUp(s: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${s.url}/api/volunteers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function everyId(storage: Storage): Promise<string[]> {
  const [replicated, serverOnly] = await Promise.all([
    storage.replicated.idsWithPrefix(''),
    storage.serverOnly.idsWithPrefix(''),
  ]);
  return [...replicated, ...serverOnly].sort();
}

async function pushWithDenials(device: PouchDB.Database, s: TestServer, cookie: string) {
  const denied: unknown[] = [];
  const replication = device.replicate.to(remoteDb(s, cookie));
  void replication.on('denied', (error) => denied.push(error));
  const result = await replication;
  return { result, denied };
}

async function startWorld(options: TestServerOptions = {}) {
  server = await startAccountServer(options);
  const world = await seedWorld(server);
  await seed(server, [{ ...area('gwynedd'), name_cy: 'Gwynedd', name_en: 'Gwynedd' }]);
  return { s: server, world };
}

describe('a volunteer signs up and waits for approval', () => {
  it('is pending, signs in, and sees nothing but their own profile and the areas', async () => {
    const { s } = await startWorld();
    const res = await signUp(s, signUpBody({ username: ' Nia ' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ username: 'nia', approval: 'pending' });

    const profileId = volunteerDocId(staffUserId('nia'));
    expect(await stored(s, profileId)).toMatchObject({
      approval: 'pending',
      name: 'Nia Jones',
      phone: '07700900982',
      areas: ['ceredigion'],
      // Kept as declared; the coordinator confirms it when approving.
      skills: ['driver', 'dbs_checked', 'welsh_speaker'],
    });
    const account = await s.storage.serverOnly.get('user:nia');
    expect(account).toMatchObject({ role: 'volunteer', display_name: 'Nia Jones' });
    expect(JSON.stringify(account)).not.toContain(password);

    const cookie = await signedIn(s.url, 'nia', password);
    const device = deviceDb();
    expect((await device.replicate.from(remoteDb(s, cookie))).ok).toBe(true);
    expect(await liveIds(device)).toEqual(
      [profileId, areaDocId('ceredigion'), areaDocId('gwynedd')].sort(),
    );
  });

  it('a coordinator of the area approves over replication; then the area’s requests arrive', async () => {
    const { s, world } = await startWorld();
    expect((await signUp(s, signUpBody())).status).toBe(201);
    const nia = await signedIn(s.url, 'nia', password);
    const niaDevice = deviceDb();
    const live = niaDevice.replicate.from(remoteDb(s, nia), { live: true, retry: true });
    try {
      const cath = deviceDb();
      await cath.replicate.from(remoteDb(s, world.cath.cookie));
      const profileId = volunteerDocId(staffUserId('nia'));
      const pending = await cath.get<VolunteerDoc>(profileId);
      expect(pending.approval).toBe('pending');
      await cath.put(approveVolunteer(pending, new Date().toISOString(), true));
      const { result, denied } = await pushWithDenials(cath, s, world.cath.cookie);
      expect(denied).toEqual([]);
      expect(result.docs_written).toBe(1);
      expect(await stored(s, profileId)).toMatchObject({ approval: 'approved' });

      // Nia's device, replicating live all along, now gets what an approved volunteer there sees.
      await eventually(async () => (await liveIds(niaDevice)).includes(world.requests.open._id), {
        what: 'her area’s open request on her device',
        timeout: 10_000,
      });
      live.cancel();
      const approved = (await stored(s, profileId)) as StaffDoc;
      const niaUser = {
        id: staffUserId('nia'),
        role: 'volunteer' as const,
        areas: ['ceredigion'],
        disabled: false,
      };
      const everything = [
        ...world.docs,
        approved,
        { ...area('gwynedd'), name_cy: 'Gwynedd', name_en: 'Gwynedd' },
      ];
      const expected = expectedIds(niaUser, everything, new Date().toISOString());
      expect(expected).toContain(world.requests.open._id);
      expect(await liveIds(niaDevice)).toEqual(expected);
    } finally {
      live.cancel();
    }
  });

  it('a coordinator of another area cannot approve, nor can the volunteer themselves', async () => {
    const { s, world } = await startWorld();
    expect((await signUp(s, signUpBody())).status).toBe(201);
    const profileId = volunteerDocId(staffUserId('nia'));
    const pending = (await stored(s, profileId)) as VolunteerDoc;
    const approved = approveVolunteer(pending, new Date().toISOString(), true);

    // Gwen (Gwynedd) never receives the profile; a write made from a copy of it is refused.
    const gwen = deviceDb();
    await gwen.replicate.from(remoteDb(s, world.gwen.cookie));
    expect(await liveIds(gwen)).not.toContain(profileId);
    await gwen.bulkDocs([pending], { new_edits: false } as PouchDB.Core.BulkDocsOptions);
    await gwen.put(approved);
    const byGwen = await pushWithDenials(gwen, s, world.gwen.cookie);
    expect(byGwen.denied).toEqual([
      expect.objectContaining({ id: profileId, error: 'forbidden', reason: 'outside_your_areas' }),
    ]);

    // Nia, signed in, approves herself on her own device: refused as a read-only field.
    const nia = await signedIn(s.url, 'nia', password);
    const niaDevice = deviceDb();
    await niaDevice.replicate.from(remoteDb(s, nia));
    const own = await niaDevice.get<VolunteerDoc>(profileId);
    await niaDevice.put(approveVolunteer(own, new Date().toISOString(), true));
    const byNia = await pushWithDenials(niaDevice, s, nia);
    expect(byNia.denied).toEqual([
      expect.objectContaining({ id: profileId, error: 'forbidden', reason: 'read_only_field' }),
    ]);
    expect(await stored(s, profileId)).toMatchObject({ approval: 'pending' });
  });
});

describe('refusals, with nothing stored', () => {
  it('a username already taken is a 409 that says nothing more', async () => {
    const { s } = await startWorld();
    expect((await signUp(s, signUpBody())).status).toBe(201);
    const before = await everyId(s.storage);
    for (const username of ['nia', 'NIA', 'cath']) {
      const res = await signUp(s, signUpBody({ username, name: 'Someone Else' }));
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: 'id_conflict',
        reason: expect.any(String),
        fields: { username: 'taken' },
      });
    }
    expect(await everyId(s.storage)).toEqual(before);
    // Cath is still a coordinator who signs in with her own password.
    expect((await signIn(s.url, { username: 'cath', password })).status).toBe(401);
    expect(await stored(s, volunteerDocId(staffUserId('cath')))).toBeNull();
  });

  it('of two sign-ups racing for one username, exactly one wins, and its details are kept', async () => {
    const { s } = await startWorld();
    const answers = await Promise.all(
      ['Nia Un', 'Nia Dau', 'Nia Tri'].map((name) => signUp(s, signUpBody({ name }))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const account = await s.storage.serverOnly.get<{ _id: string; display_name: string }>(
      'user:nia',
    );
    const profile = (await stored(s, volunteerDocId(staffUserId('nia')))) as VolunteerDoc;
    expect(profile.name).toBe(account?.display_name);
  });

  it.each([
    ['malformed JSON', '{"username": "nia",', {}, 400, 'invalid_json'],
    ['a form post', 'username=nia', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['text/plain', JSON.stringify(signUpBody()), { 'Content-Type': 'text/plain' }, 415],
    ['an array', '[]', {}, 400, 'invalid_request'],
    ['null', 'null', {}, 400, 'invalid_request'],
    [
      '__proto__',
      `{"__proto__": {"approval": "approved"}, ${JSON.stringify(signUpBody()).slice(1)}`,
      {},
      400,
      'invalid_request',
    ],
    ['an approval', signUpBody({ approval: 'approved' }), {}, 400, 'invalid_request'],
    ['a weak password', signUpBody({ password: 'byr' }), {}, 400, 'invalid_request'],
    ['an unknown area', signUpBody({ areas: ['atlantis'] }), {}, 400, 'invalid_request'],
    ['no areas', signUpBody({ areas: [] }), {}, 400, 'invalid_request'],
    ['oversized', signUpBody({ name: 'x'.repeat(70 * 1024) }), {}, 413, 'payload_too_large'],
  ] as const)('%s is a JSON 4xx', async (_label, body, headers, status, code?: string) => {
    const { s } = await startWorld();
    const before = await everyId(s.storage);
    const res = await signUp(s, body, headers);
    expect(res.status).toBe(status);
    const answer = (await res.json()) as { error: string };
    if (code) expect(answer.error).toBe(code);
    expect(await everyId(s.storage)).toEqual(before);
  });

  it('names the field at fault', async () => {
    const { s } = await startWorld();
    const res = await signUp(s, signUpBody({ areas: ['atlantis'], phone: '12' }));
    expect(await res.json()).toMatchObject({ fields: { phone: 'invalid' } });
    const unknown = await signUp(s, signUpBody({ areas: ['atlantis'] }));
    expect(await unknown.json()).toMatchObject({ fields: { areas: 'unknown_area' } });
  });

  it('a password too easy to guess is a 400 on the password, before anything is written', async () => {
    const { s } = await startWorld();
    const before = await everyId(s.storage);
    const sequence = (await s.storage.replicatedDb.info()).update_seq;
    const weak = [
      signUpBody({ password: 'password123' }),
      signUpBody({ password: 'qwertyuiop' }),
      signUpBody({ password: ' '.repeat(10) }),
      // Strong enough for someone else; Gwyn Parry's own name is the first thing to try.
      signUpBody({ username: 'gwyn', name: 'Gwyn Parry', password: 'gwyn-parry' }),
    ];
    for (const body of weak) {
      const res = await signUp(s, body);
      expect(res.status, body.password).toBe(400);
      expect(await res.json()).toEqual({
        error: 'invalid_request',
        reason: expect.any(String),
        fields: { password: 'guessable' },
      });
    }
    expect(await everyId(s.storage)).toEqual(before);
    // Not even a deleted profile: the replicated database has not moved.
    expect((await s.storage.replicatedDb.info()).update_seq).toEqual(sequence);
    expect((await signUp(s, signUpBody({ password: 'gwyn-parry' }))).status).toBe(201);
  });

  it('takes POST only, and limits sign-ups per address', async () => {
    const { s } = await startWorld({ rateLimitPerMinute: 2 });
    const get = await fetch(`${s.url}/api/volunteers`);
    expect(get.status).toBe(405);
    expect((await signUp(s, signUpBody({ username: 'un' }))).status).toBe(400);
    expect((await signUp(s, signUpBody({ username: 'dau' }))).status).toBe(201);
    const third = await signUp(s, signUpBody({ username: 'tri' }));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).not.toBeNull();
    expect(await s.storage.serverOnly.get('user:tri')).toBeNull();
  });
});

describe('a failure half-way leaves nothing behind', () => {
  it('when the profile cannot be written, no account is made', async () => {
    const { s } = await startWorld({
      wrapStorage: (storage) => ({
        ...storage,
        replicatedDb: {
          ...storage.replicatedDb,
          info: storage.replicatedDb.info.bind(storage.replicatedDb),
          changes: storage.replicatedDb.changes.bind(storage.replicatedDb),
          revsDiff: storage.replicatedDb.revsDiff.bind(storage.replicatedDb),
          bulkGet: storage.replicatedDb.bulkGet.bind(storage.replicatedDb),
          get: storage.replicatedDb.get.bind(storage.replicatedDb),
          bulkDocs: storage.replicatedDb.bulkDocs.bind(storage.replicatedDb),
          allDocs: storage.replicatedDb.allDocs.bind(storage.replicatedDb),
          put: () => Promise.reject(new Error('disk full')),
        } as Storage['replicatedDb'],
      }),
    });
    const before = await everyId(s.storage);
    const res = await signUp(s, signUpBody());
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: 'internal' });
    expect(await everyId(s.storage)).toEqual(before);
  });

  it('when the account cannot be written, the profile is taken back and a retry works', async () => {
    let failAccounts = true;
    const { s } = await startWorld({
      wrapStorage: (storage) => ({
        ...storage,
        serverOnly: {
          ...storage.serverOnly,
          get: storage.serverOnly.get.bind(storage.serverOnly),
          remove: storage.serverOnly.remove.bind(storage.serverOnly),
          idsWithPrefix: storage.serverOnly.idsWithPrefix.bind(storage.serverOnly),
          replace: storage.serverOnly.replace.bind(storage.serverOnly),
          ping: storage.serverOnly.ping.bind(storage.serverOnly),
          close: storage.serverOnly.close.bind(storage.serverOnly),
          putIfAbsent: (doc) =>
            failAccounts && doc._id.startsWith('user:')
              ? Promise.reject(new Error('disk full'))
              : storage.serverOnly.putIfAbsent(doc),
        },
      }),
    });
    const before = await everyId(s.storage);
    expect((await signUp(s, signUpBody())).status).toBe(500);
    expect(await everyId(s.storage)).toEqual(before);
    expect(await stored(s, volunteerDocId(staffUserId('nia')))).toBeNull();

    failAccounts = false;
    expect((await signUp(s, signUpBody())).status).toBe(201);
    expect(await stored(s, volunteerDocId(staffUserId('nia')))).toMatchObject({
      approval: 'pending',
    });
  });
});

describe('a sign-up the server crashed in the middle of', () => {
  it('blocks its username only until it is clearly abandoned, then a new sign-up takes it', async () => {
    const clock = testClock('2030-01-11T09:00:00.000Z');
    const { s } = await startWorld({ now: clock.now });
    // What a crash between the profile and the account leaves: a pending profile, no account.
    const left = signUpProfile(
      signUpBody({ name: 'Hen Enw' }) as SignUp,
      staffUserId('nia'),
      clock.now().toISOString(),
    );
    await seed(s, [left]);

    clock.advance(orphanAfterMs - 1000);
    const early = await signUp(s, signUpBody());
    expect(early.status).toBe(409);
    expect(await stored(s, left._id)).toMatchObject({ name: 'Hen Enw' });

    clock.advance(2000);
    expect((await signUp(s, signUpBody())).status).toBe(201);
    expect(await stored(s, left._id)).toMatchObject({ name: 'Nia Jones', approval: 'pending' });
    expect((await signIn(s.url, { username: 'nia', password })).status).toBe(200);
    // Now it has an account: nobody takes it over, however old it gets.
    clock.advance(orphanAfterMs * 10);
    expect((await signUp(s, signUpBody({ name: 'Rhywun Arall' }))).status).toBe(409);
  });
});

describe('GET /api/areas', () => {
  it('lists every area’s id and names, and nothing else', async () => {
    const { s } = await startWorld();
    const res = await fetch(`${s.url}/api/areas`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      areas: [
        { id: 'ceredigion', name_cy: 'Ceredigion', name_en: 'Ceredigion' },
        { id: 'gwynedd', name_cy: 'Gwynedd', name_en: 'Gwynedd' },
      ],
    });
    expect((await fetch(`${s.url}/api/areas`, { method: 'POST' })).status).toBe(405);
  });
});
