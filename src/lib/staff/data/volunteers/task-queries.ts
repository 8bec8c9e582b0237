/**
 * A volunteer's lists read through the model's indexes: their own tasks through
 * `[assignee+queue+rank]`, the open
 * ones they might take from the front of the queue (`[queue+rank]`, queue 0: open and nobody's),
 * then judged by the domain (volunteer-lists.ts) exactly as before. A volunteer's device holds few
 * requests, but no screen reads a whole table.
 */
import Dexie from 'dexie';
import type { StaffUser } from '#domain/people/users.ts';
import { volunteerLists, type VolunteerLists } from './volunteer-lists.ts';
import { requestOfRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';

export async function volunteerTasks(
  model: ReadModelDb,
  user: StaffUser,
  now: string,
): Promise<VolunteerLists> {
  const [mine, open] = await Promise.all([
    model.requests
      .where('[assignee+queue+rank]')
      .between([user.id, 0, Dexie.minKey], [user.id, 2, Dexie.maxKey])
      .toArray(),
    model.requests.where('[queue+rank]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray(),
  ]);
  return volunteerLists([...mine, ...open].map(requestOfRow), user, now);
}
