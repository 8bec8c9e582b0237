/**
 * The one small world every layer tests in: two areas, a coordinator for each, two volunteers in
 * Ceredigion, and a request in every state that matters to who may read and write what. Every cell
 * of docs/architecture.md's access table is checked on it.
 *
 * `buildWorld` makes it for any cast: the unit tests take the made-up users below (`user`, ids
 * from `testUuid`); the integration tests seat real accounts in the same parts and store the
 * world on the server (seeded-world.ts).
 */
import { assign, recordConsent, setRegister } from '#domain/requests/edits.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { at, request, user } from '../factories.ts';

/** Who plays each part. The requests below name them by id only. */
export type Cast = {
  /** Coordinator of Ceredigion, who reassigns and records consent. */
  coordinator: Pick<StaffUser, 'id'>;
  /** Volunteer in Ceredigion whose tasks these are. */
  volunteer: Pick<StaffUser, 'id'>;
  /** Another volunteer in Ceredigion. */
  otherVolunteer: Pick<StaffUser, 'id'>;
};

export function buildWorld({ coordinator, volunteer, otherVolunteer }: Cast) {
  const requests = {
    open: request(),
    triaged: request({ status: 'triaged' }),
    mine: request({ status: 'assigned', assignee: volunteer.id }),
    mineInProgress: request({ status: 'in_progress', assignee: volunteer.id }),
    mineDone: request({ status: 'done', assignee: volunteer.id }),
    mineCancelled: request({ status: 'cancelled', assignee: volunteer.id }),
    others: request({ status: 'assigned', assignee: otherVolunteer.id }),
    north: request({ area: 'gwynedd' }),
    unrouted: request({ area: null }),
    closedByPhone: request({ status: 'done' }),
    /** Was the volunteer's, then a coordinator gave it to someone else. */
    reassigned: setRegister(
      assign(
        request({ status: 'assigned', assignee: volunteer.id }),
        otherVolunteer.id,
        coordinator.id,
        at(20),
      ),
      'status',
      'assigned',
      coordinator.id,
      at(20),
    ),
  };

  /** The volunteer's task, held, as the resident's answer about sharing their details moves. */
  const saidNo = request({ status: 'assigned', assignee: volunteer.id, consented: false });
  const consentRequests = {
    /** The resident said No on the form: a coordinator must call first. */
    saidNo,
    /** …then a coordinator called, and the resident agreed. */
    recorded: recordConsent(saidNo, true, 'phone', coordinator.id, at(20)),
    /** The resident said Yes on the form, then told a coordinator they no longer agree. */
    withdrawn: recordConsent(requests.mine, false, 'in_person', coordinator.id, at(20)),
    /** Agreed, withdrew, and agreed again: the latest record counts. */
    regiven: recordConsent(
      recordConsent(requests.mine, false, 'phone', coordinator.id, at(20)),
      true,
      'in_writing',
      coordinator.id,
      at(30),
    ),
  };
  return { requests, consentRequests };
}

// ——— The world the unit tests judge the policy on: made-up users, ids from testUuid ———

export const admin = user('admin');
export const coordinator = user('coordinator', ['ceredigion']);
export const northCoordinator = user('coordinator', ['gwynedd']);
export const disabledCoordinator = user('coordinator', ['ceredigion'], true);
export const volunteer = user('volunteer', ['ceredigion']);
export const otherVolunteer = user('volunteer', ['ceredigion']);
export const northVolunteer = user('volunteer', ['gwynedd']);
export const disabledVolunteer = user('volunteer', ['ceredigion'], true);

export const { requests, consentRequests } = buildWorld({ coordinator, volunteer, otherVolunteer });
