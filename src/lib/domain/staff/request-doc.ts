/**
 * The request as staff devices replicate it: the resident's `RequestDoc` plus where it is routed
 * (`area`), who is doing it (`assignee`, a volunteer's user id) and what merges need to pick a winner
 * deterministically: a stamp per register (`fields_meta`) and the assignment log.
 *
 * Registers: `status`, `assignee`, `urgency` (the fields many people edit, docs/architecture.md "Conflicts"),
 * plus `area`, which decides who may see the request and so must never be lost to an unrelated later
 * edit, `details`, one register for the fields that are edited rarely and together (kind,
 * postcode district, date needed, language), and `consent`, the resident's answer to sharing their
 * contact with the volunteer (consent.ts), whose stamp says who recorded it and when.
 * `updated_at` is the latest of the stamps.
 */
import * as v from 'valibot';
import { consentSchema } from '../consent.ts';
import type { RequestDoc } from '../request-documents.ts';
import { languages, requestKinds, fields } from '../request-fields.ts';
import { parseReference } from '../reference.ts';
import { requestStatuses } from '../request-status.ts';
import { urgencyLevels } from '../urgency.ts';
import {
  assignmentKey,
  assignmentSchema,
  currentAssignment,
  type Assignment,
} from './assignments.ts';
import { couchFields, idOfClass, type CouchMeta } from './couch-fields.ts';
import { isAreaId, isUserId } from './doc-ids.ts';
import { instantSchema, residentAuthor, sameStamp, stampSchema, type Stamp } from './stamps.ts';

export const registers = ['status', 'assignee', 'urgency', 'area', 'details', 'consent'] as const;
export type Register = (typeof registers)[number];
export type FieldsMeta = Record<Register, Stamp>;

/** The fields the `details` register covers. */
export const detailFields = ['kind', 'postcode_district', 'needed_by', 'language'] as const;

export type StaffRequestDoc = RequestDoc &
  CouchMeta & {
    area: string | null;
    assignee: string | null;
    fields_meta: FieldsMeta;
    assignments: Assignment[];
  };

const uniqueKeys = (log: Assignment[]) => new Set(log.map(assignmentKey)).size === log.length;

/** The assignee and its stamp are the assignment log's winner, never a second opinion. */
function agreesWithLog(doc: Pick<StaffRequestDoc, 'assignee' | 'assignments' | 'fields_meta'>) {
  const current = currentAssignment(doc.assignments);
  if (current === null) return doc.assignee === null;
  return doc.assignee === current.to && sameStamp(doc.fields_meta.assignee, current);
}

/** The web form's answer is the resident's alone; what staff record is theirs (consent.ts). */
function consentByItsAuthor(doc: Pick<StaffRequestDoc, 'consent' | 'fields_meta'>) {
  return (doc.consent.how === 'form') === (doc.fields_meta.consent.by === residentAuthor);
}

export const staffRequestSchema: v.GenericSchema<unknown, StaffRequestDoc> = v.pipe(
  v.strictObject(
    {
      _id: idOfClass('request'),
      ...couchFields,
      type: v.literal('request', 'invalid'),
      kind: v.picklist(requestKinds, 'invalid'),
      reference: v.pipe(
        v.string('invalid'),
        v.check((r) => parseReference(r) === r, 'invalid'),
      ),
      postcode_district: v.pipe(v.string('invalid'), v.regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, 'invalid')),
      urgency: v.picklist(urgencyLevels, 'invalid'),
      status: v.picklist(requestStatuses, 'invalid'),
      needed_by: fields.needed_by,
      language: v.picklist(languages, 'invalid'),
      consent: consentSchema,
      created_at: instantSchema,
      updated_at: instantSchema,
      area: v.nullable(
        v.pipe(
          v.string('invalid'),
          v.check((s: string) => isAreaId(s), 'invalid'),
        ),
      ),
      assignee: v.nullable(
        v.pipe(
          v.string('invalid'),
          v.check((s: string) => isUserId(s), 'invalid'),
        ),
      ),
      fields_meta: v.strictObject(
        Object.fromEntries(registers.map((r) => [r, stampSchema])) as Record<
          Register,
          typeof stampSchema
        >,
        'invalid',
      ),
      assignments: v.pipe(
        v.array(assignmentSchema, 'invalid'),
        v.maxLength(200, 'invalid'),
        v.check(uniqueKeys, 'invalid'),
      ),
    },
    'invalid',
  ),
  v.check((doc) => agreesWithLog(doc), 'inconsistent_assignee'),
  v.check((doc) => consentByItsAuthor(doc), 'inconsistent_consent'),
);

/**
 * A new request as it enters the staff database, routed to `area` (null when the postcode district
 * maps to no area yet: only admins see those, so intake should route every request). `by` is who
 * took it: the resident through the form, or the coordinator who took it on the phone, who asked
 * the consent question there (so it is recorded as heard by phone, in their name).
 */
export function toStaffRequest(
  request: RequestDoc,
  area: string | null,
  by: string = residentAuthor,
): StaffRequestDoc {
  const stamp = { at: request.created_at, by };
  const how = by === residentAuthor ? 'form' : 'phone';
  return {
    ...request,
    consent: { given: request.consent.given, how },
    area,
    assignee: null,
    fields_meta: {
      status: stamp,
      assignee: stamp,
      urgency: stamp,
      area: stamp,
      details: stamp,
      consent: stamp,
    },
    assignments: [],
  };
}
