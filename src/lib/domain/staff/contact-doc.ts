/**
 * The person behind a request: the only document with personal and health data, so it is the one
 * volunteers see least (access.ts). It is the resident's `ContactDoc`; staff edits add `updated_at`,
 * which conflict resolution uses. The detail shapes are rebuilt from the per-question schemas because
 * request-schema.ts keeps its own private.
 */
import * as v from 'valibot';
import type { ContactDoc } from '../request-documents.ts';
import { fields, languages } from '../request-fields.ts';
import { couchFields, type CouchMeta } from './couch-fields.ts';
import { docClassOf, requestIdOf } from './doc-ids.ts';
import { instantSchema } from './stamps.ts';

const details = v.union(
  [
    v.strictObject({
      household_size: fields.household_size,
      dietary_needs: fields.dietary_needs,
      cooking: fields.cooking,
    }),
    v.strictObject({
      pharmacy: fields.pharmacy,
      prescription_ready: fields.prescription_ready,
      prescription_payment: fields.prescription_payment,
    }),
    v.strictObject({
      support_tasks: fields.support_tasks,
      support_other: fields.support_other,
      support_frequency: fields.support_frequency,
    }),
    v.strictObject({ description: fields.description }),
  ],
  'invalid',
);

export type StaffContactDoc = ContactDoc & CouchMeta & { updated_at?: string };

export const contactDocSchema: v.GenericSchema<unknown, StaffContactDoc> = v.pipe(
  v.strictObject(
    {
      _id: v.pipe(
        v.string('invalid'),
        v.check((id) => docClassOf(id) === 'contact', 'invalid'),
      ),
      ...couchFields,
      type: v.literal('contact', 'invalid'),
      request_id: v.string('invalid'),
      for_someone_else: fields.for_someone_else,
      requester: v.nullable(
        v.strictObject({
          name: fields.requester_name,
          phone: fields.requester_phone,
          relationship: fields.requester_relationship,
        }),
      ),
      contact: v.strictObject({
        name: fields.name,
        phone: fields.phone,
        address_line1: fields.address_line1,
        address_line2: fields.address_line2,
        town: fields.town,
        postcode: fields.postcode,
        contact_method: fields.contact_method,
        access_needs: fields.access_needs,
        language: fields.language,
        consent_to_share: fields.consent_to_share,
      }),
      details,
      circumstances: v.strictObject({
        self_isolating: fields.self_isolating,
        shielding: fields.shielding,
        lives_alone: fields.lives_alone,
        no_food_today: fields.no_food_today,
        medicine_runs_out_days: fields.medicine_runs_out_days,
      }),
      submitted_in: v.picklist(languages, 'invalid'),
      created_at: instantSchema,
      updated_at: v.optional(instantSchema),
    },
    'invalid',
  ),
  v.forward(
    v.partialCheck(
      [['_id'], ['request_id']],
      (doc) => doc.request_id === requestIdOf(doc._id),
      'wrong_request',
    ),
    ['request_id'],
  ),
);
