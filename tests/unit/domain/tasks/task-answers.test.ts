import { describe, expect, it } from 'vitest';
import { declineAnswer, outcomeAnswer } from '#domain/tasks/task-answers.ts';

describe('what a volunteer types on their task', () => {
  it('a decline needs a reason, trimmed and bounded', () => {
    expect(declineAnswer('  Car broke down ')).toEqual({ ok: true, value: 'Car broke down' });
    expect(declineAnswer('   ')).toEqual({
      ok: false,
      problem: { field: 'decline_reason', code: 'required' },
    });
    expect(declineAnswer('x'.repeat(501))).toMatchObject({ problem: { code: 'too_long' } });
  });

  it('an outcome must be chosen, and could not complete says why', () => {
    expect(outcomeAnswer(null, '', '')).toMatchObject({ problem: { field: 'outcome' } });
    expect(outcomeAnswer('lost', '', '')).toMatchObject({ problem: { field: 'outcome' } });
    expect(outcomeAnswer('could_not_complete', ' ', '')).toEqual({
      ok: false,
      problem: { field: 'outcome_reason', code: 'required' },
    });
    expect(outcomeAnswer('could_not_complete', 'Shut', 'ignored')).toEqual({
      ok: true,
      value: { kind: 'could_not_complete', reason: 'Shut' },
    });
  });

  it('referred may say where; the others carry nothing typed', () => {
    expect(outcomeAnswer('referred', '', '')).toEqual({ ok: true, value: { kind: 'referred' } });
    expect(outcomeAnswer('referred', '', ' Food bank ')).toEqual({
      ok: true,
      value: { kind: 'referred', where: 'Food bank' },
    });
    expect(outcomeAnswer('referred', '', 'x'.repeat(201))).toMatchObject({
      problem: { field: 'outcome_where', code: 'too_long' },
    });
    expect(outcomeAnswer('helped', 'typed', 'typed')).toEqual({
      ok: true,
      value: { kind: 'helped' },
    });
  });
});
