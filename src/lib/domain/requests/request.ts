/**
 * The request: one model for everyone who sees it. What the resident told us (`kind`, `needed_by`,
 * `language`, their answer on consent; the rest of what they said is in the contact, contact.ts),
 * where it is routed (`area`), who is doing it (`assignee`, a volunteer's user id) and what merges
 * need to pick a winner deterministically: a stamp per register (`fields_meta`) and the assignment
 * log. A submission makes the resident's part (`SubmittedRequest`, submission.ts) and intake routes
 * it (`routedRequest`); the resident is answered from the same document (`StatusAnswer`).
 *
 * Registers: `status`, `assignee`, `urgency` (the fields many people edit, docs/architecture.md "Conflicts"),
 * plus `area`, which decides who may see the request and so must never be lost to an unrelated later
 * edit, `details`, one register for the fields that are edited rarely and together (kind,
 * postcode district, date needed, language), and `consent`, the resident's answer to sharing their
 * contact with the volunteer (consent.ts), whose stamp says who recorded it and when.
 * `updated_at` is the latest of the stamps. `district_centroid` is no register: the server writes
 * it, no device may (places/geocoded.ts).
 *
 * A request closed as a duplicate of another (duplicates/mark-duplicate.ts) is `cancelled` with
 * `duplicate_of` naming the request kept. The link is part of the `status` register: it is set
 * and cleared with the status, under the status's stamp, so a merge never pairs one person's status
 * with another's link, and any later change of status (reopening it) takes the link away.
 *
 * The volunteer's report rides on the status register the same way (tasks/outcomes.ts): the
 * `outcome` a task was finished with, on the status that outcome gives (`done`, or `triaged` when
 * it goes back to the queue), and the `decline_reason` of a task handed back, on `triaged`.
 * Whether a volunteer has accepted their task is in the assignment log (assignments.ts,
 * `hasAccepted`), not a field: an acceptance is the volunteer assigning the task to themselves.
 */
import * as v from 'valibot';
import { consentSchema, type Consent } from './consent.ts';
import {
  languages,
  requestKinds,
  fields,
  type Language,
  type RequestKind,
} from '../questions/request-fields.ts';
import { districtCentroidSchema, type DistrictCentroid } from '../places/geocoded.ts';
import { outcomeSchema, statusAfter, taskReasonSchema, type Outcome } from '../tasks/outcomes.ts';
import { parseReference } from './reference.ts';
import { requestStatuses, type RequestStatus } from './status.ts';
import { urgencyLevels, type Urgency } from './urgency.ts';
import {
  assignmentKey,
  assignmentSchema,
  currentAssignment,
  type Assignment,
} from './assignments.ts';
import { couchFields, idOfClass, type CouchMeta } from '../documents/couch-fields.ts';
import { isAreaId, isUserId } from '../documents/doc-ids.ts';
import {
  instantSchema,
  residentAuthor,
  sameStamp,
  stampSchema,
  type Stamp,
} from '../documents/stamps.ts';

export const registers = ['status', 'assignee', 'urgency', 'area', 'details', 'consent'] as const;
export type Register = (typeof registers)[number];
export type FieldsMeta = Record<Register, Stamp>;

/** The fields the `details` register covers. */
export const detailFields = ['kind', 'postcode_district', 'needed_by', 'language'] as const;

export type RequestDoc = CouchMeta & {
  _id: string;
  type: 'request';
  kind: RequestKind;
  reference: string;
  postcode_district: string;
  urgency: Urgency;
  status: RequestStatus;
  needed_by: string;
  language: Language;
  /** The resident's answer to "can we share your details with the volunteer?" (consent.ts). */
  consent: Consent;
  created_at: string;
  updated_at: string;
  area: string | null;
  assignee: string | null;
  fields_meta: FieldsMeta;
  assignments: Assignment[];
  /** The id of the request this one duplicates; only on a `cancelled` request. */
  duplicate_of?: string;
  /** How the volunteer finished the task (tasks/outcomes.ts); only on the status it gives. */
  outcome?: Outcome;
  /** Why the volunteer handed the task back; only on a `triaged` request. */
  decline_reason?: string;
  /** The centre of the postcode district, once the server has worked it out (places/geocoded.ts). */
  district_centroid?: DistrictCentroid;
};

/** The request as a submission makes it, before intake routes it and anyone stamps it. */
export type SubmittedRequest = Omit<
  RequestDoc,
  | keyof CouchMeta
  | 'area'
  | 'assignee'
  | 'fields_meta'
  | 'assignments'
  | 'district_centroid'
  | 'outcome'
  | 'decline_reason'
>;

const uniqueKeys = (log: Assignment[]) => new Set(log.map(assignmentKey)).size === log.length;

/** The assignee and its stamp are the assignment log's winner, never a second opinion. */
function agreesWithLog(doc: Pick<RequestDoc, 'assignee' | 'assignments' | 'fields_meta'>) {
  const current = currentAssignment(doc.assignments);
  if (current === null) return doc.assignee === null;
  return doc.assignee === current.to && sameStamp(doc.fields_meta.assignee, current);
}

/** The web form's answer is the resident's alone; what staff record is theirs (consent.ts). */
function consentByItsAuthor(doc: Pick<RequestDoc, 'consent' | 'fields_meta'>) {
  return (doc.consent.how === 'form') === (doc.fields_meta.consent.by === residentAuthor);
}

/** A link to the request kept goes only on a cancelled request, and never to itself. */
function closedAsDuplicate(doc: Pick<RequestDoc, '_id' | 'status' | 'duplicate_of'>) {
  return (
    doc.duplicate_of === undefined || (doc.status === 'cancelled' && doc.duplicate_of !== doc._id)
  );
}

/** An outcome only on the status it gives; a decline's reason only on triage, never with one. */
function reportFitsStatus(doc: Pick<RequestDoc, 'status' | 'outcome' | 'decline_reason'>) {
  if (doc.outcome !== undefined && doc.decline_reason !== undefined) return false;
  if (doc.outcome !== undefined) return doc.status === statusAfter(doc.outcome.kind);
  return doc.decline_reason === undefined || doc.status === 'triaged';
}

export const requestDocSchema: v.GenericSchema<unknown, RequestDoc> = v.pipe(
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
      duplicate_of: v.optional(idOfClass('request')),
      outcome: v.optional(outcomeSchema),
      decline_reason: v.optional(taskReasonSchema),
      district_centroid: v.optional(districtCentroidSchema),
    },
    'invalid',
  ),
  v.check((doc) => agreesWithLog(doc), 'inconsistent_assignee'),
  v.check((doc) => consentByItsAuthor(doc), 'inconsistent_consent'),
  v.check((doc) => closedAsDuplicate(doc), 'inconsistent_duplicate'),
  v.check((doc) => reportFitsStatus(doc), 'inconsistent_outcome'),
);

/**
 * A new request as it enters the staff database, routed to `area` (null when the postcode district
 * maps to no area yet: only admins see those, so intake should route every request). `by` is who
 * took it: the resident through the form, or the coordinator who took it on the phone, who asked
 * the consent question there (so it is recorded as heard by phone, in their name).
 */
export function routedRequest(
  request: SubmittedRequest,
  area: string | null,
  by: string = residentAuthor,
): RequestDoc {
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

/**
 * What `GET /api/requests/:reference` answers a resident: the status, and how the visit ended when
 * a volunteer said so (the kind only: a volunteer's words are for the coordinator).
 */
export type StatusAnswer = Pick<RequestDoc, 'reference' | 'status' | 'updated_at'> & {
  outcome?: Outcome['kind'];
};
