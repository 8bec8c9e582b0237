import { describe, expect, it } from 'vitest';
import { requestKinds, type FieldName } from '#domain/questions/request-fields.ts';
import { applicableSteps, findStep, nextStep, previousStep, steps } from '$lib/resident/steps.ts';
import { completeDraft } from '../../support/submissions.ts';

const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

/** Every detail question of a kind, from the submission schema's point of view. */
const detailFields: Record<(typeof requestKinds)[number], FieldName[]> = {
  food: ['household_size', 'dietary_needs', 'cooking'],
  prescription: ['pharmacy', 'prescription_ready', 'prescription_payment'],
  self_isolation_support: ['support_tasks', 'support_other', 'support_frequency'],
  other: ['description'],
};

describe('the resident journey', () => {
  it('has unique step ids, all found by findStep', () => {
    expect(new Set(ids(steps)).size).toBe(steps.length);
    for (const step of steps) expect(findStep(step.id)).toBe(step);
    expect(findStep('nope')).toBeUndefined();
  });

  it.each(requestKinds)('asks every question of a %s request, and only those', (kind) => {
    const asked = applicableSteps(completeDraft(kind)).flatMap((s) => s.fields);
    for (const field of detailFields[kind]) expect(asked).toContain(field);
    for (const other of requestKinds.filter((k) => k !== kind)) {
      for (const field of detailFields[other]) expect(asked).not.toContain(field);
    }
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('asks about the requester only for someone else', () => {
    expect(ids(applicableSteps(completeDraft('food')))).not.toContain('requester');
    const forOther = applicableSteps(completeDraft('food', { for_someone_else: true }));
    expect(ids(forOther)[1]).toBe('requester');
  });

  it('Continue walks every applicable step in order, and Back walks it in reverse', () => {
    const d = completeDraft('self_isolation_support', { for_someone_else: true });
    const expected = ids(applicableSteps(d));
    const forward = [steps[0]!.id];
    for (let s = nextStep(forward[0]!, d); s; s = nextStep(s.id, d)) forward.push(s.id);
    expect(forward).toEqual(expected);
    const back = [expected[expected.length - 1]!];
    for (let s = previousStep(back[0]!, d); s; s = previousStep(s.id, d)) back.push(s.id);
    expect(back).toEqual([...expected].reverse());
  });
});
