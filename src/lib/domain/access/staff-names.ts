/**
 * Whose display name a member of staff's device may hold, so a history line, a note or "who took
 * the call" names a person rather than "a member of staff". Coordinators' and admins' names live
 * only in their accounts on the server (never replicated), so the server hands each device the
 * names this rule allows (`GET /api/staff-names`, sync-server/directory/): a name, nothing else of
 * the account.
 *
 * Least privilege, as "Access: who may see what" in docs/architecture.md reads: a member of staff
 * may know the coordinators and admins who work in one of their areas, and anyone who acted on a
 * document they may read (its author or a stamp's writer), since that document names them already
 * by id. An admin reads every document, so may know every coordinator's and admin's name. A
 * volunteer never learns another volunteer's name: a volunteer's profile is theirs alone
 * (read-access.ts), so only coordinators and admins are told a volunteer's name, and only of one
 * who acted on what they may read.
 */
import { sharesAnArea, type StaffUser } from '../people/users.ts';

/** A document, or the routing fields the server's index keeps of it, as far as it names actors. */
export type ActedOn = {
  type: string;
  author?: string;
  fields_meta?: Readonly<Record<string, { by: string } | undefined>>;
  assignments?: readonly { by: string }[];
};

/**
 * The ids of those who acted on `doc`: a note's or event's author, whoever stamped a request's
 * registers or made an entry of its assignment log. The resident's own stamp is among them as
 * `resident`, which names no account.
 */
export function actorsOf(doc: ActedOn): Set<string> {
  const ids = new Set<string>();
  if (doc.author !== undefined) ids.add(doc.author);
  for (const stamp of Object.values(doc.fields_meta ?? {})) if (stamp) ids.add(stamp.by);
  for (const entry of doc.assignments ?? []) ids.add(entry.by);
  return ids;
}

/**
 * May `viewer` be given `other`'s display name? `actedOnReadable`: `other` acted on a document
 * `viewer` may read now (`actorsOf` over what `canRead` allows them).
 */
export function mayKnowStaffName(
  viewer: StaffUser,
  other: Pick<StaffUser, 'id' | 'role' | 'areas'>,
  actedOnReadable: boolean,
): boolean {
  if (viewer.disabled) return false;
  if (other.id === viewer.id) return true;
  if (other.role === 'volunteer') return viewer.role !== 'volunteer' && actedOnReadable;
  if (viewer.role === 'admin') return true;
  return sharesAnArea(viewer, other.areas) || actedOnReadable;
}
