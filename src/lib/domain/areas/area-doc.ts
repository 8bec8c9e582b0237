/** An area a coordinator covers: a community, ward or county. Only admins write them; everyone reads. */
import * as v from 'valibot';
import { couchFields, idOfClass, type CouchMeta } from '../documents/couch-fields.ts';
import { freeText } from '../questions/free-text.ts';

export type AreaDoc = CouchMeta & {
  _id: string;
  type: 'area';
  name_cy: string;
  name_en: string;
  /** The postcode districts (`SY23`) whose residents' requests come to this area's coordinators. */
  postcode_districts?: string[];
  /** False once an admin retires it: it takes no new requests and is not offered at sign-up. */
  active?: boolean;
};

// Both names are required: Welsh is never the second-class copy (docs/architecture.md).
export const areaDocSchema: v.GenericSchema<unknown, AreaDoc> = v.strictObject(
  {
    _id: idOfClass('area'),
    ...couchFields,
    type: v.literal('area', 'invalid'),
    name_cy: freeText(1, 100),
    name_en: freeText(1, 100),
    postcode_districts: v.optional(
      v.pipe(
        v.array(
          v.pipe(v.string('invalid'), v.regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, 'invalid')),
          'invalid',
        ),
        v.maxLength(500, 'invalid'),
      ),
    ),
    active: v.optional(v.boolean('invalid')),
  },
  'invalid',
);
