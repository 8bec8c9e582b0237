/**
 * A note as a member of staff writes it: one append-only document (append-only-docs.ts), checked
 * with the domain schema before it is saved, so the form shows the same error the server would
 * give. The request page and the seed both make their notes here.
 */
import * as v from 'valibot';
import { noteDocSchema, type NoteDoc } from './append-only-docs.ts';
import { noteDocId } from '../documents/doc-ids.ts';
import type { StaffUser } from '../people/users.ts';

export type NoteDraft = { text: string; forAssignee: boolean };
export type NoteProblem = 'required' | 'too_long' | 'invalid';

/**
 * Whether this user's notes may be shown to the volunteer doing the task (`for_assignee`). A
 * volunteer's note is for the coordinators, who read every note, and for themselves: it is not
 * passed on to whoever holds the task next. Only the device applies this; the policy does not
 * refuse such a note (write-access.ts).
 */
export const mayWriteForAssignee = (author: Pick<StaffUser, 'role'>): boolean =>
  author.role !== 'volunteer';

export function newNote(
  requestId: string,
  author: Pick<StaffUser, 'id' | 'role'>,
  draft: NoteDraft,
  now: string,
  uuid: string,
): { ok: true; note: NoteDoc } | { ok: false; problem: NoteProblem } {
  const candidate = {
    _id: noteDocId(requestId, uuid),
    type: 'note',
    request_id: requestId,
    author: author.id,
    text: draft.text,
    for_assignee: draft.forAssignee && mayWriteForAssignee(author),
    created_at: now,
  };
  const parsed = v.safeParse(noteDocSchema, candidate);
  if (parsed.success) return { ok: true, note: parsed.output };
  const code = parsed.issues.find((i) => i.path?.[0]?.key === 'text')?.message;
  return { ok: false, problem: code === 'required' || code === 'too_long' ? code : 'invalid' };
}
