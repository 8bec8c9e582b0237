import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { isWholeAnswer } from '#domain/intake/contact-agreement.ts';
import { phoneIntake } from '#domain/intake/phone-intake.ts';
import { parseSubmission } from '#domain/questions/request-schema.ts';
import { makeReference } from '#domain/requests/reference.ts';
import { at, testUuid } from '../../../support/factories.ts';
import { onBehalfSubmission, person, rawSubmission } from '../../../support/submissions.ts';
import { admin, coordinator } from '../../../support/world/world.ts';

function call(raw = rawSubmission('self_isolation_support', { id: testUuid() })) {
  const parsed = parseSubmission(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  const reference = makeReference(() => 3);
  return phoneIntake(parsed.value, reference, 'ceredigion', coordinator.id, at(0), testUuid());
}

describe('a contact a member of staff creates', () => {
  it('is a whole answer when it is what the form would have sent, for every kind of help', () => {
    for (const kind of ['food', 'prescription', 'self_isolation_support', 'other'] as const) {
      const { request, contact } = call(rawSubmission(kind, { id: testUuid() }));
      expect(isWholeAnswer(request, contact)).toBe(true);
    }
    const { request, contact } = call({ ...onBehalfSubmission('other'), id: testUuid() });
    expect(isWholeAnswer(request, contact)).toBe(true);
  });

  it('is not when it asks for someone else without saying who is asking, or the reverse', () => {
    const { request, contact } = call();
    expect(isWholeAnswer(request, { ...contact, for_someone_else: true })).toBe(false);
    const requester = { name: person.requester_name, phone: '02920180000', relationship: '' };
    expect(isWholeAnswer(request, { ...contact, requester })).toBe(false);
  });

  it('is not when its details mix two kinds of help or leave a question out', () => {
    const { request, contact } = call();
    const mixed = { ...contact.details, household_size: 2 } as typeof contact.details;
    expect(isWholeAnswer(request, { ...contact, details: mixed })).toBe(false);
    const partial = { support_tasks: ['shopping'] } as unknown as typeof contact.details;
    expect(isWholeAnswer(request, { ...contact, details: partial })).toBe(false);
  });

  it('is refused by the policy when it is not a whole answer, from a coordinator or an admin', () => {
    const { request, contact } = call();
    const broken = { ...contact, for_someone_else: true };
    expect(canWrite(coordinator, null, broken, request)).toEqual({
      ok: false,
      reason: 'invalid_document',
    });
    expect(canWrite(admin, null, broken, request)).toEqual({
      ok: false,
      reason: 'invalid_document',
    });
    expect(canWrite(coordinator, null, contact, request)).toEqual({ ok: true });
  });
});
