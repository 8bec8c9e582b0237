/**
 * Handing a request to another area (issue 9): the request's `area` decides who may see it
 * (docs/architecture.md, "Access"), so only someone who answers for both sides may move it: a
 * coordinator covering the present area and the target, or an admin. It is recorded as an event
 * in the request's history with from, to, who and a reason (required, trimmed, bounded), so the
 * team receiving it knows why. The assignee stays only if they work in the new area too; otherwise
 * the task goes back to triage there, since a volunteer may hold only work in their own areas
 * (assignable.ts) and the server would refuse the hand-over (`not_assignable`).
 */
import * as v from 'valibot';
import { canWrite } from '../access/access.ts';
import { assignTo } from '../actions/request-actions.ts';
import { eventDocSchema, type EventDoc } from '../records/append-only-docs.ts';
import { eventOn } from '../records/history.ts';
import { setRegister } from '../requests/edits.ts';
import type { RequestDoc } from '../requests/request.ts';
import { coversArea, type StaffUser } from '../people/users.ts';

export type HandoverDraft = { to: string; reason: string };
export type HandoverProblem =
  | 'not_allowed'
  | 'choose_area'
  | 'same_area'
  | 'unknown_area'
  | 'reason_required'
  | 'reason_too_long'
  | 'reason_invalid';
export type HandedOver = { request: RequestDoc; event: EventDoc };

/** Whether `user` may move a request from area `from` to area `to`. */
export function mayHandOver(user: StaffUser, from: string | null, to: string): boolean {
  if (user.disabled || from === to) return false;
  if (user.role === 'admin') return true;
  return user.role === 'coordinator' && coversArea(user, from) && coversArea(user, to);
}

/** Of the areas that exist (`known`), those `user` may hand `doc` to, in the order given. */
export function handoverTargets(
  user: StaffUser,
  doc: Pick<RequestDoc, 'area'>,
  known: readonly string[],
): string[] {
  return known.filter((area) => mayHandOver(user, doc.area, area));
}

const reasonProblems: Record<string, HandoverProblem> = {
  required: 'reason_required',
  too_long: 'reason_too_long',
};

/**
 * The request handed to `draft.to` and its history event, or why not. `known` are the areas that
 * exist; `assigneeStays` whether whoever holds the task works in the target area too (the device
 * judges that by their profile; the server by their account, assignable.ts).
 */
export function handOver(
  doc: RequestDoc,
  draft: HandoverDraft,
  user: StaffUser,
  known: readonly string[],
  assigneeStays: boolean,
  now: string,
  uuid: string,
): { ok: true; handed: HandedOver } | { ok: false; problem: HandoverProblem } {
  if (draft.to === '') return { ok: false, problem: 'choose_area' };
  if (draft.to === doc.area) return { ok: false, problem: 'same_area' };
  if (!known.includes(draft.to)) return { ok: false, problem: 'unknown_area' };
  if (!mayHandOver(user, doc.area, draft.to)) return { ok: false, problem: 'not_allowed' };
  const moved = setRegister(doc, 'area', draft.to, user.id, now);
  const request =
    doc.assignee !== null && !assigneeStays ? assignTo(moved, null, user.id, now) : moved;
  const candidate = {
    ...eventOn(doc._id, uuid, {
      author: user.id,
      field: 'area',
      from: doc.area,
      to: draft.to,
      at: request.fields_meta.area.at,
    }),
    reason: draft.reason,
  };
  const parsed = v.safeParse(eventDocSchema, candidate);
  if (!parsed.success) {
    const code = parsed.issues.find((i) => i.path?.[0]?.key === 'reason')?.message ?? '';
    return { ok: false, problem: reasonProblems[code] ?? 'reason_invalid' };
  }
  // The policy's own verdict, as every staff action (request-actions.ts).
  if (!canWrite(user, doc, request).ok) return { ok: false, problem: 'not_allowed' };
  return { ok: true, handed: { request, event: parsed.output } };
}
