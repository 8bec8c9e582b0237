import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { lifecycleProblem } from '#domain/requests/lifecycle.ts';
import {
  applyAction,
  assignTo,
  isAllowed,
  type WorkAction,
} from '#domain/actions/request-actions.ts';
import { at, request, testUuid, user } from '../../../support/factories.ts';

const now = at(60);

describe('applyAction', () => {
  const coordinator = user('coordinator', ['ceredigion']);
  const volunteer = testUuid();

  it('assigning an open request makes it assigned, so status and assignee fit together', () => {
    const after = applyAction(
      request({ status: 'triaged' }),
      { kind: 'assign', to: volunteer },
      coordinator.id,
      now,
    );
    expect(after).toMatchObject({ assignee: volunteer, status: 'assigned' });
    expect(lifecycleProblem(after)).toBeNull();
  });

  it('taking a held task from everyone puts it back in triage', () => {
    const held = request({ status: 'in_progress', assignee: volunteer });
    const after = applyAction(held, { kind: 'assign', to: null }, coordinator.id, now);
    expect(after).toMatchObject({ assignee: null, status: 'triaged' });
  });

  it('every offered action writes what the policy accepts', () => {
    const actions: WorkAction[] = [
      { kind: 'status', to: 'cancelled' },
      { kind: 'urgency', to: 'low' },
      { kind: 'assign', to: volunteer },
      { kind: 'assign', to: null },
    ];
    for (const doc of [request(), request({ status: 'assigned', assignee: testUuid() })]) {
      for (const action of actions) {
        const after = applyAction(doc, action, coordinator.id, now);
        expect(canWrite(coordinator, doc, after), JSON.stringify(action)).toEqual({ ok: true });
        expect(isAllowed(coordinator, doc, action, now)).toBe(true);
      }
    }
  });
});

describe('assignTo', () => {
  const coordinator = user('coordinator', ['ceredigion']);
  const holder = testUuid();
  const other = testUuid();

  it('starts a task again when it is given to someone else, and leaves it started for its holder', () => {
    const started = request({ status: 'in_progress', assignee: holder });
    expect(assignTo(started, other, coordinator.id, now)).toMatchObject({
      assignee: other,
      status: 'assigned',
    });
    expect(assignTo(started, holder, coordinator.id, now)).toMatchObject({
      assignee: holder,
      status: 'in_progress',
    });
  });

  it('keeps a closed request closed, whoever it is given to', () => {
    const done = request({ status: 'done', assignee: holder });
    for (const to of [other, null]) {
      const after = assignTo(done, to, coordinator.id, now);
      expect(after).toMatchObject({ assignee: to, status: 'done' });
      expect(lifecycleProblem(after)).toBeNull();
    }
  });

  it('restamps the status only when it changes it, in the name of whoever assigned', () => {
    const open = request({ status: 'triaged' });
    const after = assignTo(open, holder, coordinator.id, now);
    expect(after.fields_meta.status).toMatchObject({ by: coordinator.id, at: now });
    const held = request({ status: 'assigned', assignee: holder });
    expect(assignTo(held, other, coordinator.id, now).fields_meta.status).toEqual(
      held.fields_meta.status,
    );
  });
});
