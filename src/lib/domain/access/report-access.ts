/**
 * Who may read reports, and what they count (issue "Working together and showing what it
 * achieved", "Reports"): coordinators, over the requests of their areas, and admins, over all;
 * volunteers do their tasks and read none. What a report counts is exactly what its reader may
 * read (`canReadRequest`), so a report never says more than the documents would.
 */
import type { StaffUser } from '../people/users.ts';
import type { RequestDoc } from '../requests/request.ts';
import { canReadRequest } from './read-access.ts';

export function mayReadReports(user: StaffUser): boolean {
  return !user.disabled && (user.role === 'coordinator' || user.role === 'admin');
}

/** Whether `request` counts in a report `user` reads. */
export function countsInReport(user: StaffUser, request: RequestDoc, now: string): boolean {
  return mayReadReports(user) && canReadRequest(user, request, now);
}
