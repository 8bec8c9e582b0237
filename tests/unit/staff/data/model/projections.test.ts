import { describe, expect, it } from 'vitest';
import { projectDoc, projectRequest } from '$lib/staff/data/model/projections.ts';
import { area, contactFor, event, note, request, testUuid } from '../../../../support/factories.ts';

describe('projectDoc', () => {
  it('puts a request with its indexed fields, without Couch metadata', () => {
    const doc = { ...request({ area: 'ceredigion', status: 'triaged' }), _rev: '1-abc' };
    const p = projectDoc(doc._id, doc);
    expect(p).toMatchObject({ op: 'put', table: 'requests' });
    if (p.op !== 'put') return;
    expect(p.row).toMatchObject({
      id: doc._id,
      area: 'ceredigion',
      status: 'triaged',
      assignee: '',
    });
    expect(p.row).not.toHaveProperty('_rev');
    expect(p.row).not.toHaveProperty('_id');
  });

  it('turns null area and assignee into empty strings, which IndexedDB can index', () => {
    const row = projectRequest(request({ area: null }));
    expect(row.area).toBe('');
    expect(row.assignee).toBe('');
    const held = projectRequest(request({ status: 'assigned', assignee: testUuid() }));
    expect(held.assignee).toMatch(/^0{8}-/);
  });

  it('sends each class to its table', () => {
    const r = request();
    const tables = [contactFor(r), note(r, testUuid()), event(r, testUuid()), area('powys')].map(
      (d) => projectDoc(d._id, d),
    );
    expect(tables.map((p) => (p.op === 'put' ? p.table : p.op))).toEqual([
      'contacts',
      'notes',
      'events',
      'areas',
    ]);
  });

  it('deletes on a bare tombstone and on a deletion with a body', () => {
    const r = request();
    expect(projectDoc(r._id, { _id: r._id, _rev: '2-abc', _deleted: true })).toEqual({
      op: 'delete',
      table: 'requests',
      id: r._id,
    });
    expect(projectDoc(r._id, { ...r, _rev: '2-abc', _deleted: true })).toMatchObject({
      op: 'delete',
    });
  });

  it('removes the row of a body that does not validate, and skips ids no table takes', () => {
    const r = request();
    expect(projectDoc(r._id, { ...r, urgency: 'extreme' })).toMatchObject({
      op: 'delete',
      invalid: true,
    });
    expect(projectDoc(r._id, { ...r, _id: request()._id })).toMatchObject({ op: 'delete' });
    expect(projectDoc('_design/x', { _id: '_design/x' })).toEqual({ op: 'skip', id: '_design/x' });
  });
});
