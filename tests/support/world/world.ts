/**
 * One small fixed world for the access tables: two areas, a coordinator for each, volunteers in
 * each, and a request in every state that matters. Every cell of docs/architecture.md's table is checked on it.
 */
import { assign, recordConsent, setRegister } from '#domain/requests/edits.ts';
import { at, request, user } from '../factories.ts';

export const admin = user('admin');
export const coordinator = user('coordinator', ['ceredigion']);
export const northCoordinator = user('coordinator', ['gwynedd']);
export const disabledCoordinator = user('coordinator', ['ceredigion'], true);
export const volunteer = user('volunteer', ['ceredigion']);
export const otherVolunteer = user('volunteer', ['ceredigion']);
export const northVolunteer = user('volunteer', ['gwynedd']);
export const disabledVolunteer = user('volunteer', ['ceredigion'], true);

export const requests = {
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
export const consentRequests = {
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
