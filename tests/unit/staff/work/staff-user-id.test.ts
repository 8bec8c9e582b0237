import { describe, expect, it } from 'vitest';
import { staffUserIdOf } from '$lib/staff/work/staff-user-id.ts';
import { staffUserId } from '../../../../sync-server/replication/staff-user.ts';

describe('staffUserIdOf', () => {
  it('derives the id the server gives the same username', async () => {
    for (const username of ['coordinator1', 'volunteer12', 'admin', 'gwyn', 'siân']) {
      expect(await staffUserIdOf(username)).toBe(staffUserId(username));
    }
  });
});
