/**
 * The person behind a request: the only document with personal and health data, so it is the one
 * volunteers see least (access.ts). It is the resident's `ContactDoc`; staff edits add `updated_at`,
 * which conflict resolution uses. Its parts are the resident's own schemas (request-schema.ts).
 */
import * as v from 'valibot';
import type { ContactDoc } from '../request-documents.ts';
import { fields, languages } from '../request-fields.ts';
import {
  circumstancesSchema,
  contactSchema,
  foodDetails,
  otherDetails,
  prescriptionDetails,
  requesterSchema,
  supportDetails,
} from '../request-schema.ts';
import { couchFields, idOfClass, requestIdAgrees, type CouchMeta } from './couch-fields.ts';
import { instantSchema } from './stamps.ts';

const details = v.union(
  [foodDetails, prescriptionDetails, supportDetails, otherDetails],
  'invalid',
);

export type StaffContactDoc = ContactDoc & CouchMeta & { updated_at?: string };

export const contactDocSchema: v.GenericSchema<unknown, StaffContactDoc> = v.pipe(
  v.strictObject(
    {
      _id: idOfClass('contact'),
      ...couchFields,
      type: v.literal('contact', 'invalid'),
      request_id: v.string('invalid'),
      for_someone_else: fields.for_someone_else,
      requester: v.nullable(requesterSchema),
      contact: contactSchema,
      details,
      circumstances: circumstancesSchema,
      submitted_in: v.picklist(languages, 'invalid'),
      created_at: instantSchema,
      updated_at: v.optional(instantSchema),
    },
    'invalid',
  ),
  requestIdAgrees(),
);
