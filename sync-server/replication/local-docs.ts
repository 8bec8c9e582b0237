/**
 * `GET|PUT /db/_local/:id`: replication checkpoints. Each user's are stored under their own prefix
 * (`_local/<user id>:<id>`) and handed back under the id the device asked for, so one user can
 * neither read nor overwrite another's, even with the same replication id.
 * https://docs.couchdb.org/en/stable/api/local.html
 */
import type { Context } from 'hono';
import type { StaffUser } from '#domain/people/users.ts';
import type { ReplicatedDb } from '../storage/storage.ts';
import { badRequest, missing } from './couch/couch-errors.ts';

type LocalDoc = { _id: string; _rev?: string; [field: string]: unknown };

const localIdShape = /^[A-Za-z0-9._~=+-]{1,200}$/;
const storedId = (user: StaffUser, id: string) => `_local/${user.id}:${id}`;

export const isLocalId = (id: string) => localIdShape.test(id);

export async function getLocal(c: Context, db: ReplicatedDb, user: StaffUser, id: string) {
  try {
    const doc = await db.get<LocalDoc>(storedId(user, id));
    return c.json({ ...doc, _id: `_local/${id}` });
  } catch {
    return missing(c);
  }
}

export async function putLocal(
  c: Context,
  db: ReplicatedDb,
  user: StaffUser,
  id: string,
  body: unknown,
) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return badRequest(c, 'A checkpoint is a JSON object.');
  }
  if (Object.hasOwn(body, '__proto__')) return badRequest(c, 'A checkpoint has no "__proto__".');
  const doc = body as LocalDoc;
  if (doc._id !== undefined && doc._id !== `_local/${id}`) {
    return badRequest(c, 'The checkpoint id does not match its address.');
  }
  try {
    const result = await db.put({ ...doc, _id: storedId(user, id) });
    return c.json({ ok: true, id: `_local/${id}`, rev: result.rev }, 201);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 409) {
      return c.json({ error: 'conflict', reason: 'Document update conflict.' }, 409);
    }
    throw error;
  }
}
