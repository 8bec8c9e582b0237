/**
 * Where a request is in its life. Staff see every status; a resident sees the same word, translated
 * under `status.<value>`. The transitions themselves come with triage and assignment.
 */
export const requestStatuses = [
  'new',
  'triaged',
  'assigned',
  'in_progress',
  'done',
  'cancelled',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (requestStatuses as readonly string[]).includes(value);
}

export function isClosed(status: RequestStatus): boolean {
  return status === 'done' || status === 'cancelled';
}
