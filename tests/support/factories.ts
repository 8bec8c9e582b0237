/**
 * Valid staff documents built through the domain's own constructors and edits, so every test starts
 * from documents the schemas accept and a device could really have written.
 */
import { makeReference } from '#domain/requests/reference.ts';
import { toDocuments } from '#domain/requests/submission.ts';
import { parseSubmission } from '#domain/questions/request-schema.ts';
import type { RequestStatus } from '#domain/requests/status.ts';
import type { EventDoc, NoteDoc } from '#domain/records/append-only-docs.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { areaDocId, eventDocId, noteDocId, volunteerDocId } from '#domain/documents/doc-ids.ts';
import { assign, claim, setRegister } from '#domain/requests/edits.ts';
import { routedRequest, type RequestDoc } from '#domain/requests/request.ts';
import type { StaffRole } from '#domain/people/account-rules.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { rawSubmission, withPath, type JsonObject } from './submissions.ts';

export const t0 = '2030-01-10T09:00:00.000Z';
/** `t0` plus `minutes`. */
export const at = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

let counter = 0;
/** Distinct, readable UUIDs: `00000000-0000-4000-8000-<n>`. */
export function testUuid(n = ++counter): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function user(role: StaffRole, areas: string[] = [], disabled = false): StaffUser {
  return { id: testUuid(), role, areas, disabled };
}

export const coordinatorId = testUuid(9000);

export function contactFor(request: RequestDoc): ContactDoc {
  const id = request._id.replace('request:', '');
  const parsed = parseSubmission(rawSubmission('food', { id }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  return toDocuments(parsed.value, request.reference, request.created_at).contact;
}

type RequestShape = {
  area?: string | null;
  status?: RequestStatus;
  assignee?: string | null;
  /** The resident's answer to sharing their details with the volunteer. */
  consented?: boolean;
};

/**
 * A request in `area` with `status`, held by `assignee` (claimed by them, or assigned by a
 * coordinator when the status is past `assigned`), sent by a resident who said `consented`.
 */
export function request({
  area = 'ceredigion',
  status = 'new',
  assignee = null,
  consented = true,
}: RequestShape = {}) {
  const raw = rawSubmission('food', { id: testUuid() });
  const answered = withPath(raw, ['contact', 'consent_to_share'], consented) as JsonObject;
  const parsed = parseSubmission(answered);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  let doc = routedRequest(
    toDocuments(
      parsed.value,
      makeReference(() => counter % 10),
      t0,
    ).request,
    area,
  );
  if (status !== 'new') doc = setRegister(doc, 'status', 'triaged', coordinatorId, at(1));
  if (assignee !== null) doc = claim(doc, assignee, at(2));
  if (status !== 'new' && status !== 'triaged' && status !== 'assigned') {
    const by = status === 'cancelled' || assignee === null ? coordinatorId : assignee;
    doc = setRegister(doc, 'status', status, by, at(3));
  }
  if (assignee !== null && (status === 'new' || status === 'triaged')) {
    doc = setRegister(doc, 'status', status, coordinatorId, at(3)); // a merged, flagged state
  }
  return doc;
}

export function unassigned(doc: RequestDoc, by: string, minutes: number) {
  return setRegister(assign(doc, null, by, at(minutes)), 'status', 'triaged', by, at(minutes));
}

export function note(
  request: RequestDoc,
  author: string,
  for_assignee = true,
  text = 'Allwedd gyda’r cymydog / key with the neighbour',
): NoteDoc {
  return {
    _id: noteDocId(request._id, testUuid()),
    type: 'note',
    request_id: request._id,
    author,
    text,
    for_assignee,
    created_at: at(10),
  };
}

export function event(request: RequestDoc, author: string): EventDoc {
  return {
    _id: eventDocId(request._id, testUuid()),
    type: 'event',
    request_id: request._id,
    author,
    field: 'status',
    from: 'assigned',
    to: 'in_progress',
    at: at(10),
  };
}

export function profile(
  userId: string,
  areas: string[],
  approval: 'pending' | 'approved' = 'approved',
): VolunteerDoc {
  return {
    _id: volunteerDocId(userId),
    type: 'volunteer',
    name: 'Dafydd ap Gwilym',
    phone: '07700900123',
    areas,
    skills: ['driver', 'welsh_speaker'],
    availability: { days: ['mon', 'sat'], parts_of_day: ['morning'], note: '' },
    approval,
    created_at: t0,
    updated_at: t0,
  };
}

export function area(id: string): AreaDoc {
  return { _id: areaDocId(id), type: 'area', name_cy: 'Ceredigion', name_en: 'Ceredigion' };
}
