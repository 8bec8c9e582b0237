import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  fields,
  requestKinds,
  supportTasks,
  type FieldName,
} from '#domain/questions/request-fields.ts';

/** The first error code, as the form and the API see it (both stop a pipe at its first issue). */
function codeOf(field: FieldName, input: unknown): string | undefined {
  const result = v.safeParse(fields[field] as v.GenericSchema, input, { abortPipeEarly: true });
  return result.success ? undefined : result.issues[0]?.message;
}

function outputOf(field: FieldName, input: unknown): unknown {
  const result = v.safeParse(fields[field] as v.GenericSchema, input, { abortPipeEarly: true });
  if (!result.success) throw new Error(`${field} refused ${JSON.stringify(input)}`);
  return result.output;
}

describe('required free text (name, town, address line 1, requester name)', () => {
  it.each([
    ['name', 100],
    ['requester_name', 100],
    ['address_line1', 120],
    ['town', 80],
  ] as const)('%s: accepts 1 to %i characters, trimmed', (field, max) => {
    expect(outputOf(field, '  Siân  ')).toBe('Siân');
    expect(outputOf(field, 'ŵ'.repeat(max))).toBe('ŵ'.repeat(max));
    expect(codeOf(field, 'a'.repeat(max + 1))).toBe('too_long');
    // Surrounding spaces are trimmed before the length is checked.
    expect(codeOf(field, ` ${'a'.repeat(max)} `)).toBeUndefined();
  });

  it.each(['name', 'requester_name', 'address_line1', 'town'] as const)(
    '%s: missing or blank is required, not text is invalid',
    (field) => {
      for (const input of ['', '   ', '\n\t', undefined, null]) {
        expect(codeOf(field, input), JSON.stringify(input)).toBe('required');
      }
      for (const input of [42, true, ['Siân'], { name: 'Siân' }]) {
        expect(codeOf(field, input), JSON.stringify(input)).toBe('invalid');
      }
    },
  );
});

describe('bounded free text', () => {
  it('pharmacy needs 2 to 120 characters', () => {
    expect(codeOf('pharmacy', 'B')).toBe('too_short');
    expect(codeOf('pharmacy', ' B ')).toBe('too_short');
    expect(outputOf('pharmacy', 'Bo')).toBe('Bo');
    expect(outputOf('pharmacy', 'p'.repeat(120))).toHaveLength(120);
    expect(codeOf('pharmacy', 'p'.repeat(121))).toBe('too_long');
    expect(codeOf('pharmacy', '')).toBe('required');
  });

  it('description needs 5 to 1000 characters', () => {
    expect(codeOf('description', 'help')).toBe('too_short');
    expect(outputOf('description', 'help!')).toBe('help!');
    expect(codeOf('description', 'd'.repeat(1000))).toBeUndefined();
    expect(codeOf('description', 'd'.repeat(1001))).toBe('too_long');
  });

  it.each([
    ['requester_relationship', 100],
    ['dietary_needs', 500],
    ['support_other', 300],
    ['address_line2', 120],
    ['access_needs', 500],
  ] as const)('optional %s: empty or missing is fine, longer than %i is not', (field, max) => {
    expect(outputOf(field, undefined)).toBe('');
    expect(outputOf(field, '')).toBe('');
    expect(outputOf(field, '   ')).toBe('');
    expect(outputOf(field, 'x'.repeat(max))).toHaveLength(max);
    expect(codeOf(field, 'x'.repeat(max + 1))).toBe('too_long');
  });
});

describe('control characters in free text', () => {
  const textFields = [
    'name',
    'requester_name',
    'requester_relationship',
    'dietary_needs',
    'pharmacy',
    'support_other',
    'description',
    'address_line1',
    'address_line2',
    'town',
    'access_needs',
  ] as const;
  const c0 = [...Array(0x20).keys()].filter((c) => ![0x09, 0x0a, 0x0d].includes(c));

  it.each(textFields)('%s refuses C0 controls and DEL inside the text', (field) => {
    for (const code of [...c0, 0x7f]) {
      expect(codeOf(field, `Siân ${String.fromCharCode(code)} Jones`), `U+${code}`).toBe('invalid');
    }
  });

  it('keeps line breaks and tabs, which a textarea sends', () => {
    expect(outputOf('description', 'Bara\nLlaeth\r\nWyau\tx6')).toBe('Bara\nLlaeth\r\nWyau\tx6');
  });

  // U+0080–U+009F are control characters too (Unicode category Cc); they arrive from text
  // mis-decoded as Windows-1252 and break search and printing just as C0 controls do.
  it('every free-text field refuses C1 controls (U+0080 to U+009F)', () => {
    const accepted: string[] = [];
    for (const field of textFields) {
      for (let code = 0x80; code <= 0x9f; code++) {
        const input = `Siân ${String.fromCharCode(code)} Jones`;
        if (codeOf(field, input) !== 'invalid') accepted.push(`${field} U+${code.toString(16)}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['01970 123456', '01970123456'],
    ['07700 900982', '07700900982'],
    ['+44 7700 900982', '07700900982'],
    ['0044 7700 900982', '07700900982'],
    ['(029) 2018-0000', '02920180000'],
    ['  07700.900.982  ', '07700900982'],
    ['016977 4321', '0169774321'],
  ])('accepts %j and stores %j', (input, stored) => {
    expect(outputOf('phone', input)).toBe(stored);
    expect(outputOf('requester_phone', input)).toBe(stored);
  });

  it.each([
    '12345',
    '07700 9009822',
    '00700 900982',
    '+33 1 23 45 67 89',
    '+44 07700 900982',
    '0770O 900982',
    '07700 900982 ext 2',
  ])('refuses %j as invalid', (input) => {
    expect(codeOf('phone', input)).toBe('invalid');
    expect(codeOf('requester_phone', input)).toBe('invalid');
  });

  it.each(['', '   ', undefined, null])('%j is required', (input) => {
    expect(codeOf('phone', input)).toBe('required');
  });

  it('a number, not text, is invalid', () => {
    expect(codeOf('phone', 7700900982)).toBe('invalid');
  });
});

describe('postcodes', () => {
  it.each([
    ['sy23 1aa', 'SY23 1AA'],
    ['CF10 1AA', 'CF10 1AA'],
    ['CF101AA', 'CF10 1AA'],
    [' ll57  2dg ', 'LL57 2DG'],
    ['W1A 0AX', 'W1A 0AX'],
    ['M1 1AE', 'M1 1AE'],
  ])('accepts %j and stores %j', (input, stored) => {
    expect(outputOf('postcode', input)).toBe(stored);
  });

  it.each(['XX', '12345', 'CF10', 'SY23 1A', 'ABC 12D', 'SY23 1AAA', 'S-Y23 1AA'])(
    'refuses %j as invalid',
    (input) => {
      expect(codeOf('postcode', input)).toBe('invalid');
    },
  );

  it('an empty postcode is required', () => {
    expect(codeOf('postcode', '  ')).toBe('required');
  });
});

describe('household size', () => {
  it.each([1, 2, 20])('accepts %i', (n) => {
    expect(outputOf('household_size', n)).toBe(n);
  });

  it.each([
    [0, 'too_small'],
    [-1, 'too_small'],
    [21, 'too_large'],
    [1.5, 'invalid'],
    [Infinity, 'invalid'],
    [NaN, 'invalid'],
    ['3', 'invalid'],
    [undefined, 'required'],
    [null, 'required'],
  ])('%j → %s', (input, code) => {
    expect(codeOf('household_size', input)).toBe(code);
  });
});

describe('days until medicine runs out', () => {
  it('is a whole number from 0 to 90, or null when not asked', () => {
    expect(outputOf('medicine_runs_out_days', null)).toBeNull();
    expect(outputOf('medicine_runs_out_days', 0)).toBe(0);
    expect(outputOf('medicine_runs_out_days', 90)).toBe(90);
    expect(codeOf('medicine_runs_out_days', -1)).toBe('too_small');
    expect(codeOf('medicine_runs_out_days', 91)).toBe('too_large');
    expect(codeOf('medicine_runs_out_days', 2.5)).toBe('invalid');
    expect(codeOf('medicine_runs_out_days', '3')).toBe('invalid');
    expect(codeOf('medicine_runs_out_days', undefined)).toBe('required');
  });
});

describe('choices', () => {
  it('kind is one of the four kinds', () => {
    for (const kind of requestKinds) expect(outputOf('kind', kind)).toBe(kind);
    for (const bad of ['taxi', 'FOOD', 1]) expect(codeOf('kind', bad)).toBe('invalid');
    for (const none of ['', undefined, null]) expect(codeOf('kind', none)).toBe('required');
  });

  it.each(['cooking', 'prescription_ready', 'prescription_payment', 'support_frequency'] as const)(
    '%s refuses an option that is not offered',
    (field) => {
      expect(codeOf(field, 'barbecue')).toBe('invalid');
      expect(codeOf(field, undefined)).toBe('required');
    },
  );

  it('language is cy or en', () => {
    expect(outputOf('language', 'cy')).toBe('cy');
    expect(outputOf('language', 'en')).toBe('en');
    expect(codeOf('language', 'fr')).toBe('invalid');
  });

  it('support tasks: at least one, each at most once, all known', () => {
    expect(outputOf('support_tasks', ['shopping'])).toEqual(['shopping']);
    expect(outputOf('support_tasks', [...supportTasks])).toEqual([...supportTasks]);
    expect(codeOf('support_tasks', [])).toBe('required');
    expect(codeOf('support_tasks', ['shopping', 'shopping'])).toBe('invalid');
    expect(codeOf('support_tasks', ['juggling'])).toBe('invalid');
    expect(codeOf('support_tasks', 'shopping')).toBe('invalid');
    expect(codeOf('support_tasks', undefined)).toBe('required');
  });
});

describe('yes/no answers', () => {
  it.each(['for_someone_else', 'consent_to_share'] as const)(
    '%s takes a boolean, and nothing else',
    (field) => {
      expect(outputOf(field, true)).toBe(true);
      expect(outputOf(field, false)).toBe(false);
      for (const bad of ['true', 'yes', 1]) expect(codeOf(field, bad)).toBe('invalid');
      for (const none of [null, undefined]) expect(codeOf(field, none)).toBe('required');
    },
  );

  it.each(['self_isolating', 'shielding', 'lives_alone', 'no_food_today'] as const)(
    'circumstance %s is a boolean',
    (field) => {
      expect(outputOf(field, false)).toBe(false);
      expect(codeOf(field, 'no')).toBe('invalid');
    },
  );
});

describe('needed by', () => {
  it('is a calendar date written YYYY-MM-DD', () => {
    expect(outputOf('needed_by', '2026-11-23')).toBe('2026-11-23');
    expect(outputOf('needed_by', '2028-02-29')).toBe('2028-02-29');
    for (const bad of ['tomorrow', '23/11/2026', '2026-11-23T10:00:00Z', '2026-13-01', '']) {
      expect(codeOf('needed_by', bad)).toBe('invalid');
    }
    expect(codeOf('needed_by', undefined)).toBe('required');
  });

  // `v.isoDate` checks the shape only, so 31 February is stored, shown as "31 Chwefror" and judged
  // for urgency as 3 March.
  it('refuses a date that is not on the calendar', () => {
    for (const bad of ['2026-02-31', '2026-02-29', '2026-04-31']) {
      expect(codeOf('needed_by', bad), bad).toBe('invalid');
    }
  });
});
