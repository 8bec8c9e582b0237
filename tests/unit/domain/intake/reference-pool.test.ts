import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  maxUsedReported,
  mayTakeCalls,
  poolRequestSchema,
  referenceUseProblem,
} from '#domain/intake/reference-pool.ts';
import { makeReference } from '#domain/requests/reference.ts';
import { testUuid } from '../../../support/factories.ts';
import {
  admin,
  coordinator,
  disabledCoordinator,
  northCoordinator,
  volunteer,
} from '../../../support/world/world.ts';

const requestId = `request:${testUuid()}`;

describe('who takes calls', () => {
  it('coordinators and admins, while enabled; never volunteers', () => {
    expect(mayTakeCalls(coordinator)).toBe(true);
    expect(mayTakeCalls(admin)).toBe(true);
    expect(mayTakeCalls(volunteer)).toBe(false);
    expect(mayTakeCalls(disabledCoordinator)).toBe(false);
  });
});

describe('a new request’s reference', () => {
  it('must be one held for its writer and not used', () => {
    const held = { held_by: coordinator.id, request_id: null };
    expect(referenceUseProblem(coordinator, requestId, held)).toBeNull();
    expect(referenceUseProblem(northCoordinator, requestId, held)).toBe('reference_not_yours');
  });

  it('one the server never handed out, or a resident’s, is not theirs', () => {
    expect(referenceUseProblem(coordinator, requestId, null)).toBe('reference_not_yours');
    const residents = { request_id: `request:${testUuid()}` };
    expect(referenceUseProblem(coordinator, requestId, residents)).toBe('reference_not_yours');
  });

  it('used by another request is refused; by this same request (a retry) it is fine', () => {
    const used = { held_by: coordinator.id, request_id: `request:${testUuid()}` };
    expect(referenceUseProblem(coordinator, requestId, used)).toBe('reference_used');
    const mine = { held_by: coordinator.id, request_id: requestId };
    expect(referenceUseProblem(coordinator, requestId, mine)).toBeNull();
  });
});

describe('what a device sends to be topped up', () => {
  const device = testUuid();
  const valid = makeReference(() => 7);

  it('its own UUID and the valid references it used', () => {
    expect(v.safeParse(poolRequestSchema, { device, used: [valid] }).success).toBe(true);
  });

  it('nothing else: a bad reference, a device that is not a UUID, too many, unknown keys', () => {
    const wrongDigit = `${valid.slice(0, 8)}${(Number(valid[8]) + 1) % 10}`;
    const bad = [
      { device, used: [wrongDigit] },
      { device: 'laptop', used: [] },
      { device, used: Array.from({ length: maxUsedReported + 1 }, () => valid) },
      { device, used: [], held_by: coordinator.id },
      { device },
    ];
    for (const body of bad) expect(v.safeParse(poolRequestSchema, body).success).toBe(false);
  });
});
