/**
 * Random assignment graphs for the access matrix, and the oracle it is judged by. Staff are real
 * accounts, so their ids are the ones the server derives from their usernames; their requests come
 * from the random worlds' own generator (tests/support/world/random-world.ts), built with the
 * domain's own edits, so every document is one a device could have written.
 *
 * The oracle is written from docs/architecture.md's access table and the decisions listed in
 * src/lib/domain/access/access.ts, in its own words: it calls nothing of the policy (`canRead`,
 * `canReadRequest`, `overriddenClaimants`), only reads the documents' fields.
 */
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffRole } from '#domain/people/account-rules.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { staffUserId } from '../../../../sync-server/accounts/staff-user-id.ts';
import { area, contactFor, event, note, profile } from '../../../support/factories.ts';
import type { Random } from '../../../support/seeded-random.ts';
import { randomRequest, worldAreas } from '../../../support/world/random-world.ts';

export type MatrixUser = {
  username: string;
  id: string;
  role: StaffRole;
  /** The account's areas: a coordinator's view; a volunteer's come from their approved profile. */
  areas: string[];
  disabled: boolean;
};

export type MatrixWorld = {
  users: MatrixUser[];
  /** Every document as first stored, deletions included as their last live body. */
  docs: StaffDoc[];
  /** Ids stored and then deleted. */
  deleted: Set<string>;
};

export function matrixWorld(random: Random, graph: number): MatrixWorld {
  const roles: [StaffRole, number][] = [
    ['volunteer', 5],
    ['coordinator', 3],
    ['admin', 1],
  ];
  const users: MatrixUser[] = Array.from({ length: 3 + random.int(4) }, (_, i) => {
    const username = `m${graph}u${i}`;
    return {
      username,
      id: staffUserId(username),
      role: random.weighted(roles),
      areas: random.subset(worldAreas),
      disabled: random.chance(0.1),
    };
  });
  const requests = Array.from({ length: 4 + random.int(6) }, () => randomRequest(random, users, 5));
  const authors = users.map((u) => u.id);
  const profiles: VolunteerDoc[] = users
    .filter((u) => (u.role === 'volunteer' && random.chance(0.9)) || random.chance(0.15))
    .map((u) =>
      profile(u.id, random.subset(worldAreas), random.chance(0.75) ? 'approved' : 'pending'),
    );
  const contacts = requests.map(contactFor);
  const docs: StaffDoc[] = [
    ...requests,
    ...contacts,
    ...requests.flatMap((r) =>
      Array.from({ length: random.int(3) }, () =>
        note(r, random.pick(authors), random.chance(0.5)),
      ),
    ),
    ...requests.flatMap((r) => (random.chance(0.4) ? [event(r, random.pick(authors))] : [])),
    ...profiles,
    ...worldAreas.map(area),
  ];
  const deleted = new Set(contacts.filter(() => random.chance(0.15)).map((c) => c._id));
  return { users, docs, deleted };
}

// ——— The oracle ———

const dayMs = 86_400_000;
/** access.ts: finished or cancelled tasks leave a volunteer's phone this long after the change. */
const retentionMs = 7 * dayMs;

type Entry = RequestDoc['assignments'][number];
const entryKey = (e: Entry) => `${e.at}|${e.by}|${e.to ?? ''}`;

/** Volunteers named by an assignment that no later write saw, other than the assignee. */
function overridden(request: RequestDoc): string[] {
  const seen = new Set(request.assignments.flatMap((e) => e.after));
  return request.assignments
    .filter((e) => !seen.has(entryKey(e)) && e.to !== null && e.to !== request.assignee)
    .map((e) => e.to as string);
}

/** The areas that decide what a user sees, as the table means them. */
function viewAreas(user: MatrixUser, docs: readonly StaffDoc[]): string[] {
  if (user.role !== 'volunteer') return user.areas;
  const own = docs.find((d) => d._id === `volunteer:${user.id}`);
  return own?.type === 'volunteer' && own.approval === 'approved' ? own.areas : [];
}

/**
 * May `user` read `doc` (live, or deleted: judged by its last body) at `now`? `docs` is the whole
 * world, for a child's request and a volunteer's approved profile.
 */
export function oracleCanRead(
  user: MatrixUser,
  doc: StaffDoc,
  docs: readonly StaffDoc[],
  now: string,
): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin' || doc.type === 'area') return true;
  const areas = viewAreas(user, docs);
  if (doc.type === 'volunteer') {
    return user.role === 'coordinator'
      ? doc.areas.some((a) => areas.includes(a))
      : doc._id === `volunteer:${user.id}`;
  }
  const req =
    doc.type === 'request'
      ? doc
      : docs.find((d): d is RequestDoc => d.type === 'request' && d._id === doc.request_id);
  if (req === undefined) return false;
  const inArea = req.area !== null && areas.includes(req.area);
  if (user.role === 'coordinator') return inArea;
  const closed = req.status === 'done' || req.status === 'cancelled';
  const gone = closed && Date.parse(now) - Date.parse(req.fields_meta.status.at) > retentionMs;
  const task = req.assignee === user.id && !gone;
  if (doc.type === 'request') {
    const open = req.assignee === null && (req.status === 'new' || req.status === 'triaged');
    return task || (open && inArea) || overridden(req).includes(user.id);
  }
  if (!task) return false;
  if (doc.type === 'contact') {
    // "only while assigned to them and the resident consented (or a coordinator recorded consent)"
    const active = req.status === 'assigned' || req.status === 'in_progress';
    return active && req.consent.given;
  }
  if (doc.type === 'note') return doc.for_assignee || doc.author === user.id;
  return doc.author === user.id;
}
