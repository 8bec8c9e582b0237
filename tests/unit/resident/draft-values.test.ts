import { describe, expect, it } from 'vitest';
import { requestKinds } from '#domain/questions/request-fields.ts';
import { buildSubmission, fieldInput, validateFields } from '$lib/resident/draft-values.ts';
import { findStep } from '$lib/resident/steps.ts';
import { completeDraft, person, sampleId } from '../../support/submissions.ts';

const fieldsOf = (stepId: string) => {
  const step = findStep(stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step.fields;
};

describe('fieldInput turns form answers into what the schemas check', () => {
  it('reads numbers as typed, and empty as missing', () => {
    expect(fieldInput('household_size', { household_size: ' 3 ' })).toBe(3);
    expect(fieldInput('household_size', { household_size: '' })).toBeUndefined();
    expect(fieldInput('household_size', {})).toBeUndefined();
    expect(fieldInput('household_size', { household_size: '3 a' })).toBeNaN();
  });

  it('asks for medicine days only when medicine is running out', () => {
    expect(fieldInput('medicine_runs_out_days', { medicine_runs_out_days: '4' })).toBeNull();
    expect(
      fieldInput('medicine_runs_out_days', {
        medicine_running_out: true,
        medicine_runs_out_days: '4',
      }),
    ).toBe(4);
  });

  it('keeps "other" support text only when "other" is ticked', () => {
    const d = { support_tasks: ['shopping'], support_other: 'Postio' };
    expect(fieldInput('support_other', d)).toBe('');
    expect(fieldInput('support_other', { ...d, support_tasks: ['other'] })).toBe('Postio');
  });

  it('reads an unticked circumstance as no, and a skipped optional answer as empty', () => {
    expect(fieldInput('shielding', {})).toBe(false);
    expect(fieldInput('access_needs', {})).toBe('');
    expect(fieldInput('name', {})).toBeUndefined();
  });
});

describe('validateFields checks one page', () => {
  const household = fieldsOf('household');

  it('household size typed "3 a" is invalid, not missing', () => {
    expect(validateFields(household, { household_size: '3 a' })).toEqual({
      household_size: 'invalid',
    });
  });

  it('an empty household size is required', () => {
    expect(validateFields(household, { household_size: '' })).toEqual({
      household_size: 'required',
    });
    expect(validateFields(household, {})).toEqual({ household_size: 'required' });
  });

  it('household sizes 0, 21 and 1.5 are out of range or not whole', () => {
    expect(validateFields(household, { household_size: '0' })).toEqual({
      household_size: 'too_small',
    });
    expect(validateFields(household, { household_size: '21' })).toEqual({
      household_size: 'too_large',
    });
    expect(validateFields(household, { household_size: '1.5' })).toEqual({
      household_size: 'invalid',
    });
    expect(validateFields(household, { household_size: '20' })).toEqual({});
  });

  it('reports each field of a grouped page, and only that page', () => {
    const address = fieldsOf('address');
    expect(validateFields(address, { postcode: 'XX', town: 'Aberystwyth' })).toEqual({
      address_line1: 'required',
      postcode: 'invalid',
    });
  });

  it('medicine days are checked only when medicine is running out', () => {
    const circumstances = fieldsOf('circumstances');
    expect(validateFields(circumstances, {})).toEqual({});
    expect(validateFields(circumstances, { medicine_running_out: true })).toEqual({
      medicine_runs_out_days: 'required',
    });
    expect(
      validateFields(circumstances, { medicine_running_out: true, medicine_runs_out_days: 'dau' }),
    ).toEqual({ medicine_runs_out_days: 'invalid' });
  });

  it('a complete draft passes every page', () => {
    for (const kind of requestKinds) {
      const d = completeDraft(kind);
      for (const id of ['kind', 'needed-by', 'name', 'phone', 'address', 'consent']) {
        expect(validateFields(fieldsOf(id), d), `${kind} ${id}`).toEqual({});
      }
    }
  });
});

describe('buildSubmission', () => {
  it.each(requestKinds)('from a complete %s draft is accepted', (kind) => {
    const result = buildSubmission(completeDraft(kind), sampleId, 'cy');
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.value).toMatchObject({ id: sampleId, lang: 'cy', kind, requester: null });
    expect(result.value.contact.phone).toBe(person.phoneStored);
    expect(result.value.contact.postcode).toBe(person.postcodeStored);
  });

  it('on behalf of someone else carries the requester', () => {
    const d = completeDraft('food', {
      for_someone_else: true,
      requester_name: person.requester_name,
      requester_phone: person.requester_phone,
    });
    const result = buildSubmission(d, sampleId, 'en');
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.value.requester).toEqual({
      name: person.requester_name,
      phone: person.requester_phoneStored,
      relationship: '',
    });
  });

  it('leaves out the requester a resident typed before saying the help was for themselves', () => {
    const d = completeDraft('food', { requester_name: person.requester_name });
    const result = buildSubmission(d, sampleId, 'en');
    expect(result.ok && result.value.requester).toBeNull();
  });

  it('with answers missing, names the missing fields', () => {
    const d = completeDraft('prescription', { pharmacy: undefined, postcode: '' });
    const result = buildSubmission(d, sampleId, 'cy');
    expect(result).toEqual({ ok: false, fields: { pharmacy: 'required', postcode: 'required' } });
  });

  it('with no kind chosen, says so', () => {
    const result = buildSubmission(completeDraft('food', { kind: undefined }), sampleId, 'cy');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fields['kind']).toBe('required');
  });

  it('from an empty draft is refused with field codes', () => {
    const result = buildSubmission({}, sampleId, 'cy');
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fields).length).toBeGreaterThan(0);
  });
});
