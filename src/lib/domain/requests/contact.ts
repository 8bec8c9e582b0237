/**
 * The person behind a request: the only document with personal and health data, so it is the one
 * volunteers see least (access.ts). A submission makes it (submission.ts); staff edits add `updated_at`,
 * which conflict resolution uses. Its parts are the resident's own schemas (request-schema.ts).
 * `location`, the point of the resident's postcode, only the server writes (places/geocoded.ts).
 */
import * as v from 'valibot';
import type { Language } from '../questions/request-fields.ts';
import type { Submission } from '../questions/request-schema.ts';
import { fields, languages } from '../questions/request-fields.ts';
import {
  circumstancesSchema,
  contactSchema,
  foodDetails,
  otherDetails,
  prescriptionDetails,
  requesterSchema,
  supportDetails,
} from '../questions/request-schema.ts';
import {
  couchFields,
  idOfClass,
  requestIdAgrees,
  type CouchMeta,
} from '../documents/couch-fields.ts';
import { instantSchema } from '../documents/stamps.ts';
import { locationSchema, type Location } from '../places/geocoded.ts';

const details = v.union(
  [foodDetails, prescriptionDetails, supportDetails, otherDetails],
  'invalid',
);

export type ContactDoc = CouchMeta & {
  _id: string;
  type: 'contact';
  request_id: string;
  for_someone_else: boolean;
  requester: Submission['requester'];
  contact: Submission['contact'];
  details: Submission['details'];
  circumstances: Submission['circumstances'];
  submitted_in: Language;
  created_at: string;
  /** Set by a staff edit; conflict resolution uses it. */
  updated_at?: string;
  /** Where the postcode is, once the server has worked it out: personal data, like the rest. */
  location?: Location;
};

export const contactDocSchema: v.GenericSchema<unknown, ContactDoc> = v.pipe(
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
      location: v.optional(locationSchema),
    },
    'invalid',
  ),
  requestIdAgrees(),
);
