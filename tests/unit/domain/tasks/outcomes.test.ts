import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  outcomeKinds,
  outcomeSchema,
  returnsToQueue,
  statusAfter,
} from '#domain/tasks/outcomes.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { decline, finish, setRegister } from '#domain/requests/edits.ts';
import { at, request } from '../../../support/factories.ts';
import { volunteer } from '../../../support/world/world.ts';

describe('what each outcome means', () => {
  it('closes the request when the resident was helped or sent elsewhere', () => {
    expect(outcomeKinds.filter((k) => statusAfter(k) === 'done')).toEqual(['helped', 'referred']);
  });

  it('sends it back to triage when someone must try again', () => {
    expect(outcomeKinds.filter(returnsToQueue)).toEqual(['nobody_home', 'could_not_complete']);
    expect(outcomeKinds.filter((k) => statusAfter(k) === 'triaged')).toEqual([
      'nobody_home',
      'could_not_complete',
    ]);
  });
});

describe('the words an outcome carries', () => {
  const ok = (o: unknown) => v.safeParse(outcomeSchema, o).success;

  it('could not complete needs a reason, bounded', () => {
    expect(ok({ kind: 'could_not_complete', reason: 'The pharmacy was shut' })).toBe(true);
    expect(ok({ kind: 'could_not_complete' })).toBe(false);
    expect(ok({ kind: 'could_not_complete', reason: '   ' })).toBe(false);
    expect(ok({ kind: 'could_not_complete', reason: 'x'.repeat(501) })).toBe(false);
  });

  it('referred may say where, bounded; the others carry nothing', () => {
    expect(ok({ kind: 'referred' })).toBe(true);
    expect(ok({ kind: 'referred', where: 'Aberystwyth food bank' })).toBe(true);
    expect(ok({ kind: 'referred', where: 'x'.repeat(201) })).toBe(false);
    expect(ok({ kind: 'helped', reason: 'why' })).toBe(false);
    expect(ok({ kind: 'stolen' })).toBe(false);
  });
});

describe('a request with a report stays valid only on the status the report gives', () => {
  const mine = request({ status: 'in_progress', assignee: volunteer.id });
  const valid = (doc: unknown) => parseStaffDoc(doc).ok;

  it('each outcome, and a decline, as the edits write them', () => {
    expect(valid(finish(mine, volunteer.id, { kind: 'helped' }, at(10)))).toBe(true);
    const back = finish(mine, volunteer.id, { kind: 'nobody_home' }, at(10));
    expect(back).toMatchObject({ status: 'triaged', assignee: null });
    expect(valid(back)).toBe(true);
    expect(valid(decline(mine, volunteer.id, 'Car broke down', at(10)))).toBe(true);
  });

  it('not an outcome on another status, nor a reason beside an outcome', () => {
    const done = finish(mine, volunteer.id, { kind: 'helped' }, at(10));
    expect(valid({ ...done, status: 'in_progress' })).toBe(false);
    expect(valid({ ...done, decline_reason: 'No' })).toBe(false);
    expect(valid({ ...mine, decline_reason: 'No' })).toBe(false);
  });

  it('a later status takes the report away with it', () => {
    const back = decline(mine, volunteer.id, 'Car broke down', at(10));
    const reopened = setRegister(back, 'status', 'new', volunteer.id, at(11));
    expect(reopened.decline_reason).toBeUndefined();
  });

  it('a request written before outcomes existed is valid as it was', () => {
    expect(valid(mine)).toBe(true);
    expect(valid(request({ status: 'done', assignee: volunteer.id }))).toBe(true);
  });
});
