/**
 * Saving a call on the coordinator's device: the answers become the resident's own submission
 * (the same schemas as `POST /api/requests`), take one of the device's references, and are written
 * to the replica as the request, its contact and its `created` event (#domain/intake/phone-intake.ts),
 * judged first by the same `canWrite` the server applies. Replication carries them to the server,
 * which binds the reference (sync-server/intake/); until then they are counted as waiting to
 * upload, and a refusal is shown like any other (docs/architecture.md, "Phone intake").
 */
import { canWrite } from '#domain/access/access.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import { newId } from '#domain/ids.ts';
import { phoneIntake } from '#domain/intake/phone-intake.ts';
import type { Language } from '#domain/languages.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { buildSubmission, type DraftValues } from '$lib/resident/draft-values.ts';
import { takeReference, topUp } from './reference-pool.ts';

export type CallSaved = { ok: true; id: string; reference: string };
export type CallProblem = 'incomplete' | 'no_reference' | 'not_allowed';
export type CallOutcome = CallSaved | { ok: false; problem: CallProblem };

const uuidOf = (requestId: string) => requestId.replace(/^request:/, '');

export async function saveCall(
  db: PouchDB.Database,
  user: StaffUser,
  values: DraftValues,
  lang: Language,
  area: string,
): Promise<CallOutcome> {
  const id = values.client_id;
  const built = id === undefined ? null : buildSubmission(values, id, lang);
  if (!built?.ok) return { ok: false, problem: 'incomplete' };
  // Saved already (pressed twice, or the page reloaded after saving): the same call, not another.
  const saved = await db.get<RequestDoc>(requestDocId(built.value.id)).catch(() => null);
  if (saved !== null) return { ok: true, id: uuidOf(saved._id), reference: saved.reference };

  let reference = await takeReference(db);
  if (reference === null && (await topUp(db))) reference = await takeReference(db);
  if (reference === null) return { ok: false, problem: 'no_reference' };

  const now = new Date().toISOString();
  const call = phoneIntake(built.value, reference, area, user.id, now, newId());
  const verdicts = [
    canWrite(user, null, call.request),
    canWrite(user, null, call.contact, call.request),
    canWrite(user, null, call.created, call.request),
  ];
  if (verdicts.some((v) => !v.ok)) return { ok: false, problem: 'not_allowed' };
  // The request first: the server judges a contact and an event against it.
  await db.bulkDocs([call.request, call.contact, call.created]);
  return { ok: true, id: built.value.id, reference };
}
