/**
 * A note as a member of staff writes it: one append-only document (append-only-docs.ts), checked
 * with the domain schema before it is saved, so the form shows the same error the server would give.
 */
import * as v from 'valibot';
import { noteDocSchema, type NoteDoc } from '#domain/staff/append-only-docs.ts';
import { noteDocId } from '#domain/staff/doc-ids.ts';
import type { StaffUser } from '#domain/staff/users.ts';

export type NoteDraft = { text: string; forAssignee: boolean };
export type NoteProblem = 'required' | 'too_long' | 'invalid';

export function newNote(
  requestId: string,
  author: StaffUser,
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
    // A volunteer's note is for the coordinators (who read every note) and for themselves.
    for_assignee: author.role === 'volunteer' ? false : draft.forAssignee,
    created_at: now,
  };
  const parsed = v.safeParse(noteDocSchema, candidate);
  if (parsed.success) return { ok: true, note: parsed.output };
  const code = parsed.issues.find((i) => i.path?.[0]?.key === 'text')?.message;
  return { ok: false, problem: code === 'required' || code === 'too_long' ? code : 'invalid' };
}
