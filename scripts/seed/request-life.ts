/**
 * A seeded request's life up to the status it is meant to reach, lived the way coordinators and
 * volunteers live one in the app: triage, a call about sharing details after a No, now and then an
 * urgency changed or a volunteer who hands the task back, notes along the way. Each step is an app
 * action recorded by `History`, so the documents are the ones the app would write.
 */
import { hasConsent, type RecordedMethod } from '#domain/requests/consent.ts';
import type { RequestStatus } from '#domain/requests/status.ts';
import { isHeld } from '#domain/requests/lifecycle.ts';
import { hasAccepted } from '#domain/requests/assignments.ts';
import { urgencyLevels } from '#domain/requests/urgency.ts';
import * as text from './content.ts';
import type { Author, History } from './history.ts';
import type { Random } from './random.ts';

const consentMethodWeights: readonly (readonly [RecordedMethod, number])[] = [
  ['phone', 75],
  ['in_person', 15],
  ['in_writing', 10],
];

/**
 * The call the form promised a resident who said No to sharing their details: most agree once a
 * coordinator explains; some still say no, and their volunteer works without the contact.
 */
function callBeforeSharing(r: Random, h: History, lead: Author) {
  if (hasConsent(h.doc) || r.chance(0.2)) return;
  h.act(lead.id, { kind: 'consent', given: r.chance(0.8), how: r.weighted(consentMethodWeights) });
}

/**
 * A request's life up to `target`, as its coordinator (`lead`: an admin where the area has none)
 * and volunteers would live it in the app.
 */
export function live(
  r: Random,
  h: History,
  target: RequestStatus,
  lead: Author,
  volunteers: readonly string[],
) {
  if (target === 'new') return;
  h.act(lead.id, { kind: 'status', to: 'triaged' });
  callBeforeSharing(r, h, lead);
  if (r.chance(0.2)) {
    const to = r.pick(urgencyLevels.filter((u) => u !== h.doc.urgency));
    h.act(lead.id, { kind: 'urgency', to });
  }
  if (r.chance(0.3)) h.note(lead, r.pick(text.notesForCoordinators), false);
  if (target === 'triaged') return;

  const wantsVolunteer = target !== 'cancelled' || r.chance(0.3);
  if (wantsVolunteer && volunteers.length > 0) {
    let volunteer = r.pick(volunteers);
    if (volunteers.length > 1 && r.chance(0.1)) {
      // Someone said yes, then could not do it after all, and it went to somebody else.
      h.act(lead.id, { kind: 'assign', to: volunteer });
      h.act(volunteer, { kind: 'decline', reason: text.declineReason[h.doc.language] });
      volunteer = r.pick(volunteers.filter((v) => v !== volunteer));
    }
    if (r.chance(0.3)) h.act(volunteer, { kind: 'claim' });
    else h.act(lead.id, { kind: 'assign', to: volunteer });
    if (r.chance(0.5)) h.note(lead, r.pick(text.notesForAssignee), true);
    // Now and then a resident changes their mind, and the details leave the volunteer's phone.
    if (hasConsent(h.doc) && r.chance(0.03)) {
      h.act(lead.id, { kind: 'consent', given: false, how: 'phone' });
    }
    if (target === 'cancelled') {
      h.act(lead.id, { kind: 'status', to: 'cancelled' });
      return;
    }
    if (target === 'assigned') return;
    // A claim is accepted already; a task given by the coordinator is accepted first.
    if (!hasAccepted(h.doc.assignments, volunteer)) h.act(volunteer, { kind: 'accept' });
    h.act(volunteer, { kind: 'status', to: 'in_progress' });
    if (target === 'in_progress') return;
    h.act(volunteer, { kind: 'finish', outcome: { kind: 'helped' } });
    const doer: Author = { id: volunteer, role: 'volunteer' };
    if (r.chance(0.3)) h.note(doer, r.pick(text.notesForCoordinators), false);
    return;
  }
  // No volunteer to give it to: open requests wait in triage; others were settled by phone.
  if (isHeld(target)) return;
  h.act(lead.id, { kind: 'status', to: target });
}
