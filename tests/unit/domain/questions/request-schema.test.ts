import { describe, expect, it } from 'vitest';
import { requestKinds } from '#domain/questions/request-fields.ts';
import { parseSubmission, type SubmissionResult } from '#domain/questions/request-schema.ts';
import { seededRandom, type Random } from '../../../support/seeded-random.ts';
import {
  onBehalfSubmission,
  person,
  rawSubmission,
  withPath,
  type Json,
  type JsonObject,
} from '../../../support/submissions.ts';

function refused(result: SubmissionResult): Record<string, string> {
  if (result.ok) throw new Error('expected the submission to be refused');
  return result.fields;
}

describe('parseSubmission accepts a complete request', () => {
  it.each(requestKinds)('of kind %s, normalising what it stores', (kind) => {
    const result = parseSubmission(rawSubmission(kind));
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.value.kind).toBe(kind);
    expect(result.value.contact.phone).toBe(person.phoneStored);
    expect(result.value.contact.postcode).toBe(person.postcodeStored);
    expect(result.value.requester).toBeNull();
  });

  it('made on behalf of someone else, with the requester normalised too', () => {
    const result = parseSubmission(onBehalfSubmission('prescription'));
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.value.requester).toEqual({
      name: person.requester_name,
      phone: person.requester_phoneStored,
      relationship: person.requester_relationship,
    });
  });

  it('trims free text and fills in optional answers left out of details', () => {
    const input = withPath(rawSubmission('food'), ['details', 'dietary_needs'], undefined);
    const result = parseSubmission(withPath(input, ['contact', 'town'], '  Aberystwyth '));
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.value.contact.town).toBe('Aberystwyth');
    expect(result.value.details).toMatchObject({ dietary_needs: '' });
  });
});

describe('the requester is required exactly when asking for someone else', () => {
  it('someone else, without a requester', () => {
    const input = rawSubmission('food', { for_someone_else: true });
    expect(refused(parseSubmission(input))).toEqual({ requester: 'required' });
  });

  it('themselves, with a requester', () => {
    const input = withPath(onBehalfSubmission(), ['for_someone_else'], false);
    expect(refused(parseSubmission(input))).toEqual({ requester: 'required' });
  });

  // The API answers field codes keyed by question name (request-schema.ts, FieldErrors), and the
  // requester's questions are `requester_name`, `requester_phone`, `requester_relationship`.
  // Keyed by the last path segment they become `name`/`phone` (the resident's own questions, so
  // one error hides the other) and `relationship`, which has no message at all.
  it('reports a requester error under the requester question, not the resident one', () => {
    const input = withPath(onBehalfSubmission(), ['requester', 'name'], '');
    const withBadName = withPath(input, ['contact', 'name'], 'n'.repeat(101));
    expect(refused(parseSubmission(withBadName))).toEqual({
      requester_name: 'required',
      name: 'too_long',
    });
  });
});

describe('parseSubmission refuses what it does not know', () => {
  it('details of another kind are unknown fields', () => {
    const input = rawSubmission('food', { kind: 'other' });
    expect(refused(parseSubmission(input))).toMatchObject({ household_size: 'unknown_field' });
  });

  it.each([
    [['admin'], 'admin'],
    [['contact', 'email'], 'email'],
    [['circumstances', 'pregnant'], 'pregnant'],
    [['details', 'prototype'], 'prototype'],
    [['constructor'], 'constructor'],
  ])('an unknown key at %j', (path, key) => {
    const fields = refused(parseSubmission(withPath(rawSubmission('food'), path, true)));
    expect(fields).toEqual({ [key]: 'unknown_field' });
  });

  it.each([
    ['at the top', '{'],
    ['in contact', '"contact":{'],
    ['in details', '"details":{'],
  ])('a raw-JSON `__proto__` key %s, without touching Object.prototype', (_where, marker) => {
    const raw = JSON.stringify(rawSubmission('food')).replace(
      marker,
      `${marker}"__proto__":{"isAdmin":true,"kind":"other"},`,
    );
    const input: unknown = JSON.parse(raw);
    // JSON.parse makes `__proto__` an own property, which JSON.stringify writes back out.
    expect(JSON.stringify(input)).toContain('"__proto__":{"isAdmin":true');
    const fields = refused(parseSubmission(input));
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
    expect(fields['__proto__']).toBe('unknown_field');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('a body that is null is required, one that is not an object invalid', () => {
    expect(refused(parseSubmission(null))).toEqual({ _: 'required' });
    expect(refused(parseSubmission(42))).toEqual({ _: 'invalid' });
    expect(refused(parseSubmission('help'))).toEqual({ _: 'invalid' });
  });

  it('an unknown kind is invalid, a missing one required', () => {
    expect(refused(parseSubmission(rawSubmission('food', { kind: 'taxi' })))).toEqual({
      kind: 'invalid',
    });
    const noKind = withPath(rawSubmission('food'), ['kind'], undefined);
    expect(refused(parseSubmission(noKind))).toEqual({ kind: 'required' });
  });

  // A question left out of the JSON altogether was not answered: `required`, as the form says.
  // valibot reports a missing key with the object's own issue type (`strict_object`), which
  // issuesToFields takes for an unknown key.
  it('a missing answer is required, not unknown', () => {
    const paths = [
      ['contact', 'postcode'],
      ['details', 'household_size'],
      ['circumstances', 'shielding'],
      ['needed_by'],
    ];
    const answers = paths.map((path) =>
      refused(parseSubmission(withPath(rawSubmission('food'), path, undefined))),
    );
    expect(answers).toEqual(paths.map((path) => ({ [path[path.length - 1]!]: 'required' })));
  });
});

// Property: whatever arrives, parseSubmission answers (never throws) with either a value or at
// least one field code from the documented vocabulary, and leaves Object.prototype alone.
describe('parseSubmission on random mutations of valid requests', () => {
  const codes = new Set([
    'required',
    'too_short',
    'too_long',
    'invalid',
    'too_small',
    'too_large',
    'unknown_field',
  ]);
  const keys = ['__proto__', 'constructor', 'prototype', 'toString', 'kind', 'name', 'x'];

  function randomValue(r: Random, depth = 0): Json {
    switch (r.int(depth > 1 ? 6 : 8)) {
      case 0:
        return null;
      case 1:
        return r.next() < 0.5;
      case 2:
        return r.pick([0, -1, 1, 1.5, 20, 21, 91, 1e308, -0, NaN, Infinity]);
      case 3:
        return r.pick(['', ' ', 'Siân', 'sy23 1aa', '+44 7700 900982', '2026-02-31', '\u0000']);
      case 4:
        return 'ŵ'.repeat(r.int(1100));
      case 5:
        return r.pick([...requestKinds, 'shopping', 'cy', 'en', 'none', 'ready_now']);
      case 6:
        return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
      default: {
        const obj: JsonObject = {};
        for (let i = r.int(3); i > 0; i--) define(obj, r.pick(keys), randomValue(r, depth + 1));
        return obj;
      }
    }
  }

  /** An own property, as JSON.parse makes it, even for `__proto__`. */
  function define(obj: JsonObject, key: string, value: Json) {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  function objectsIn(node: Json, out: JsonObject[] = []): JsonObject[] {
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      out.push(node);
      for (const child of Object.values(node)) objectsIn(child, out);
    }
    return out;
  }

  function mutate(r: Random, input: Json): Json {
    if (r.int(20) === 0) return randomValue(r);
    const objects = objectsIn(input);
    if (objects.length === 0) return randomValue(r);
    const target = r.pick(objects);
    const existing = Object.keys(target);
    const op = r.int(3);
    if (op === 0 && existing.length > 0) delete target[r.pick(existing)];
    else if (op === 1 && existing.length > 0) target[r.pick(existing)] = randomValue(r);
    else define(target, r.pick(keys), randomValue(r));
    return input;
  }

  it('never throws, and refuses only with field codes', () => {
    const seed = 20261123;
    const r = seededRandom(seed);
    let accepted = 0;
    for (let i = 0; i < 600; i++) {
      let input: Json = r.next() < 0.5 ? rawSubmission(r.pick(requestKinds)) : onBehalfSubmission();
      for (let m = r.int(4); m > 0; m--) input = mutate(r, input);
      const context = `seed ${seed}, case ${i}: ${JSON.stringify(input)?.slice(0, 300)}`;
      let result: SubmissionResult;
      try {
        result = parseSubmission(input);
      } catch (error) {
        throw new Error(`threw on ${context}`, { cause: error });
      }
      if (result.ok) {
        accepted++;
        // What was accepted is already normalised: parsing it again gives it back unchanged.
        expect(parseSubmission(structuredClone(result.value)), context).toEqual(result);
      } else {
        const entries = Object.entries(result.fields);
        expect(entries.length, context).toBeGreaterThan(0);
        for (const [, code] of entries) expect(codes, context).toContain(code);
      }
      expect(Object.keys(Object.prototype), context).toEqual([]);
    }
    // Both outcomes were exercised; otherwise the generator, not the schema, is being tested.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(580);
  });
});
