import { describe, expect, it } from 'vitest';
import { isClosed, isRequestStatus, requestStatuses } from '#domain/requests/status.ts';

describe('request statuses', () => {
  it('recognises exactly the listed statuses', () => {
    for (const s of requestStatuses) expect(isRequestStatus(s)).toBe(true);
    for (const s of ['New', 'open', '', null, 1, undefined]) expect(isRequestStatus(s)).toBe(false);
  });

  it('closes a request only when done or cancelled', () => {
    expect(requestStatuses.filter(isClosed)).toEqual(['done', 'cancelled']);
  });
});
