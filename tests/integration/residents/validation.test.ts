import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '#domain/api-errors.ts';
import {
  foodSubmission,
  onBehalfSubmission,
  otherSubmission,
  supportSubmission,
  withField,
  type Json,
} from '../../support/server/submission-fixtures.ts';
import {
  countDocs,
  postJson,
  startTestServer,
  type TestServer,
} from '../../support/server/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const food = foodSubmission();
const set = (path: string, value: Json | undefined, base = food) =>
  withField(base, path.split('.'), value);
/** Inserts `"key": value` as the first member of the object that starts at `marker` in the JSON. */
const injectKey = (marker: string, key: string, value: string) =>
  JSON.stringify(food).replace(marker, `${marker}"${key}":${value},`);

async function expectRefusedAndNothingStored(body: unknown): Promise<ApiError> {
  const before = await countDocs(server.storage);
  const res = await postJson(server, body);
  const answer = (await res.json()) as ApiError;
  expect(res.status).toBe(400);
  expect(answer.error).toBe('invalid_request');
  expect(typeof answer.reason).toBe('string');
  expect(await countDocs(server.storage)).toEqual(before);
  return answer;
}

describe('POST /api/requests refuses invalid requests with 400, field codes and nothing stored', () => {
  it.each<[string, unknown, Record<string, string>]>([
    ['an id that is not a UUID', set('id', 'abc'), { id: 'invalid' }],
    ['a language that is not cy or en', set('lang', 'fr'), { lang: 'invalid' }],
    ['an unknown kind', set('kind', 'taxi'), { kind: 'invalid' }],
    [
      'details of another kind',
      set('kind', 'other'),
      // `description` is missing: its code is the domain bug tested below.
      { household_size: 'unknown_field', description: expect.any(String) as string },
    ],
    ['a postcode of the wrong shape', set('contact.postcode', 'CF10'), { postcode: 'invalid' }],
    [
      'a postcode with letters for digits',
      set('contact.postcode', 'ABC 12D'),
      { postcode: 'invalid' },
    ],
    ['a phone number too short', set('contact.phone', '12345'), { phone: 'invalid' }],
    ['a foreign phone number', set('contact.phone', '+33 1 23 45 67 89'), { phone: 'invalid' }],
    ['an empty phone number', set('contact.phone', '  '), { phone: 'required' }],
    ['a number as the phone', set('contact.phone', 7700900982), { phone: 'invalid' }],
    ['a number as the name', set('contact.name', 42), { name: 'invalid' }],
    ['a name of spaces', set('contact.name', '   '), { name: 'required' }],
    ['a name too long', set('contact.name', 'a'.repeat(101)), { name: 'too_long' }],
    ['a control character', set('contact.name', 'Siân\u0007'), { name: 'invalid' }],
    [
      'consent as a string',
      set('contact.consent_to_share', 'true'),
      { consent_to_share: 'invalid' },
    ],
    [
      'for_someone_else as a string',
      set('for_someone_else', 'no'),
      { for_someone_else: 'invalid' },
    ],
    ['a circumstance as a string', set('circumstances.shielding', 'no'), { shielding: 'invalid' }],
    [
      'household size as a string',
      set('details.household_size', '2'),
      { household_size: 'invalid' },
    ],
    ['a fractional household', set('details.household_size', 2.5), { household_size: 'invalid' }],
    ['an empty household', set('details.household_size', 0), { household_size: 'too_small' }],
    ['a huge household', set('details.household_size', 21), { household_size: 'too_large' }],
    [
      'negative days of medicine',
      set('circumstances.medicine_runs_out_days', -1),
      { medicine_runs_out_days: 'too_small' },
    ],
    ['a date in words', set('needed_by', 'tomorrow'), { needed_by: 'invalid' }],
    ['a day that does not exist', set('needed_by', '2030-02-30'), { needed_by: 'invalid' }],
    ['an unknown cooking option', set('details.cooking', 'barbecue'), { cooking: 'invalid' }],
    [
      'no support tasks',
      set('details.support_tasks', [], supportSubmission()),
      { support_tasks: 'required' },
    ],
    [
      'a repeated support task',
      set('details.support_tasks', ['shopping', 'shopping'], supportSubmission()),
      { support_tasks: 'invalid' },
    ],
    [
      'support tasks as a string',
      set('details.support_tasks', 'shopping', supportSubmission()),
      { support_tasks: 'invalid' },
    ],
    [
      'a description too short',
      set('details.description', 'help', otherSubmission()),
      { description: 'too_short' },
    ],
    ['someone else, without a requester', set('for_someone_else', true), { requester: 'required' }],
    [
      'for themselves, with a requester',
      set('for_someone_else', false, onBehalfSubmission()),
      { requester: 'required' },
    ],
    [
      'a bad requester phone',
      set('requester.phone', '999', onBehalfSubmission()),
      { requester_phone: 'invalid' },
    ],
    ['an unknown top-level key', set('admin', true), { admin: 'unknown_field' }],
    ['an unknown nested key', set('contact.email', 'a@example.com'), { email: 'unknown_field' }],
    [
      '`constructor` at the top',
      set('constructor', { prototype: {} }),
      { constructor: 'unknown_field' },
    ],
    ['`prototype` in details', set('details.prototype', 1), { prototype: 'unknown_field' }],
    ['an array', [], { kind: 'required' }],
    ['null', null, { _: 'required' }],
    ['a number', 42, { _: 'invalid' }],
    ['a string', '"help"', { _: 'invalid' }],
    ['an empty object', {}, { kind: 'required' }],
  ])('%s', async (_name, body, fields) => {
    const answer = await expectRefusedAndNothingStored(body);
    expect(answer.fields).toEqual(fields);
  });

  it.each([
    ['at the top', '{', { isAdmin: true }],
    ['inside contact', '"contact":{', { isAdmin: true }],
    ['inside details', '"details":{', { polluted: 'yes' }],
  ])('refuses a `__proto__` key %s and pollutes nothing', async (_where, marker, payload) => {
    const raw = injectKey(marker, '__proto__', JSON.stringify(payload));
    expect(raw).toContain('"__proto__"');
    const res = await postJson(server, raw);
    const text = await res.text();
    const before = await countDocs(server.storage);
    expect(res.status).toBe(400);
    const answer = JSON.parse(text) as ApiError;
    expect(answer.error).toBe('invalid_request');
    expect(Object.hasOwn(answer.fields ?? {}, '__proto__')).toBe(true);
    expect(answer.fields?.['__proto__' as string]).toBe('unknown_field');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await countDocs(server.storage)).toEqual(before);
  });

  it('names each missing required field', async () => {
    const cases: [string, string][] = [
      ['contact.postcode', 'postcode'],
      ['id', 'id'],
      ['details', 'details'],
      ['circumstances.shielding', 'shielding'],
    ];
    for (const [path, field] of cases) {
      const answer = await expectRefusedAndNothingStored(set(path, undefined));
      expect(Object.keys(answer.fields ?? {})).toEqual([field]);
    }
  });

  // Known domain bug (reported): issuesToFields maps valibot's "missing key" issues, which carry
  // the strict_object type, to `unknown_field`. This starts failing once the domain is fixed.
  it('codes a missing field as `required`', async () => {
    const answer = await expectRefusedAndNothingStored(set('contact.postcode', undefined));
    expect(answer.fields).toEqual({ postcode: 'required' });
  });
});

describe('POST /api/requests refuses bodies that are not JSON', () => {
  it.each([
    ['an empty body', ''],
    ['a truncated object', '{"id":'],
    ['single quotes', "{'id': 1}"],
    ['trailing garbage', `${JSON.stringify(food)} x`],
    ['a comment', '{} // hi'],
  ])('%s → 400 invalid_json', async (_name, raw) => {
    const before = await countDocs(server.storage);
    const res = await postJson(server, raw);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_json',
      reason: expect.any(String) as string,
    });
    expect(await countDocs(server.storage)).toEqual(before);
  });

  it('refuses bytes that are not UTF-8 with 400 invalid_json', async () => {
    const utf8 = new TextEncoder();
    const bytes = new Uint8Array([...utf8.encode('{"id":"'), 0xff, 0xfe, ...utf8.encode('"}')]);
    const res = await fetch(`${server.url}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiError).error).toBe('invalid_json');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['JSON in Latin-1', 'application/json; charset=latin1'],
    ['a JSON look-alike', 'application/jsonp'],
  ])('refuses %s with 415 unsupported_media_type', async (_name, type) => {
    const before = await countDocs(server.storage);
    const res = await postJson(server, foodSubmission(), { 'Content-Type': type });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: 'unsupported_media_type',
      reason: expect.any(String) as string,
    });
    expect(await countDocs(server.storage)).toEqual(before);
  });

  it('refuses a body without a Content-Type with 415', async () => {
    const res = await fetch(`${server.url}/api/requests`, {
      method: 'POST',
      body: new Blob([JSON.stringify(foodSubmission())]),
    });
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.status).toBe(415);
  });

  it('accepts `application/json; charset=UTF-8`', async () => {
    const res = await postJson(server, foodSubmission(), {
      'Content-Type': 'Application/JSON; charset=UTF-8',
    });
    expect(res.status).toBe(201);
  });
});
