/**
 * Notes and history are append-only: one document per note or change, written once and never edited
 * or deleted, so two people writing offline can never conflict (docs/architecture.md, "Conflicts"). The request
 * they belong to is in the id as well as in `request_id`, and the two must agree.
 */
import * as v from 'valibot';
import {
  couchFields,
  idOfClass,
  requestIdAgrees,
  type CouchMeta,
} from '../documents/couch-fields.ts';
import { freeText } from '../questions/free-text.ts';
import { authorSchema, instantSchema } from '../documents/stamps.ts';
import { maxTaskReason } from '../tasks/outcomes.ts';

export type NoteDoc = CouchMeta & {
  _id: string;
  type: 'note';
  request_id: string;
  author: string;
  text: string;
  /** Shown to the volunteer doing the task; otherwise only coordinators read it. */
  for_assignee: boolean;
  created_at: string;
};

export const noteDocSchema: v.GenericSchema<unknown, NoteDoc> = v.pipe(
  v.strictObject(
    {
      _id: idOfClass('note'),
      ...couchFields,
      type: v.literal('note', 'invalid'),
      request_id: v.string('invalid'),
      author: authorSchema,
      text: freeText(1, 2000),
      for_assignee: v.boolean('invalid'),
      created_at: instantSchema,
    },
    'invalid',
  ),
  requestIdAgrees(),
);

/**
 * What an event records as changed: a register of the request, or one of its details. A consent
 * change is written as `consentValue` gives it (`not_given:form` → `given:phone`).
 */
export const eventFields = [
  'created',
  'status',
  'assignee',
  'urgency',
  'area',
  'kind',
  'postcode_district',
  'needed_by',
  'language',
  'consent',
  // A volunteer's status change that reached the server after the task had left them: kept for
  // the coordinator, never applied (late-progress.ts).
  'late_status',
  // A volunteer's claim that reached the server after the request was handed to another area:
  // refused, kept for the coordinator to decide (handover/late-claim.ts).
  'late_claim',
  // The coordinator's decision on a late claim: the hand-over stands (from: the volunteer, to:
  // the area it stays in).
  'handover_kept',
  // The volunteer's own steps on their task (tasks/outcomes.ts): they accepted it (to: who);
  // they handed it back (reason: why); they finished it (to: the outcome, reason: its words).
  'accepted',
  'declined',
  'outcome',
] as const;
export type EventField = (typeof eventFields)[number];

/**
 * Events only the server keeps, of a write it refused, dated when it arrived: what a volunteer
 * reported or claimed too late. No device writes one (the policy refuses it, `server_only`): a
 * forged one would put words in a volunteer's mouth, or open a conflict for a coordinator to
 * decide that nobody made. A coordinator's decision on a late claim (`handover_kept`) is theirs
 * to write, from their device (access/record-write-access.ts).
 */
export const serverKeptEventFields: readonly EventField[] = ['late_status', 'late_claim'];

export type EventDoc = CouchMeta & {
  _id: string;
  type: 'event';
  request_id: string;
  author: string;
  field: EventField;
  from: string | null;
  to: string | null;
  at: string;
  /**
   * Why a request was handed to another area (`field: 'area'`, required there), why a volunteer
   * declined it, or the words of an outcome (the reason it could not be done, where it was sent).
   */
  reason?: string;
};

/** The longest reason a hand-over may give (handover/hand-over.ts). */
export const maxHandoverReason = 500;

const reasonedEvents: readonly EventField[] = ['area', 'declined', 'outcome'];

const value = v.nullable(v.pipe(v.string('invalid'), v.maxLength(100, 'invalid')));

export const eventDocSchema: v.GenericSchema<unknown, EventDoc> = v.pipe(
  v.strictObject(
    {
      _id: idOfClass('event'),
      ...couchFields,
      type: v.literal('event', 'invalid'),
      request_id: v.string('invalid'),
      author: authorSchema,
      field: v.picklist(eventFields, 'invalid'),
      from: value,
      to: value,
      at: instantSchema,
      reason: v.optional(freeText(1, Math.max(maxHandoverReason, maxTaskReason))),
    },
    'invalid',
  ),
  requestIdAgrees(),
  // Only a hand-over, a decline and an outcome carry words; an area event written before reasons
  // were kept has none.
  v.check((e) => e.reason === undefined || reasonedEvents.includes(e.field), 'invalid'),
);
