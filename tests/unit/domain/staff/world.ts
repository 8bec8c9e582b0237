/**
 * One small fixed world for the access tables: two areas, a coordinator for each, volunteers in
 * each, and a request in every state that matters. Every cell of docs/architecture.md's table is checked on it.
 */
import { assign, setRegister } from '#domain/staff/request-edits.ts';
import { at, request, user } from './factories.ts';

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
