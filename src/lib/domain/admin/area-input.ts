/**
 * An area as an admin creates or changes it: its Welsh and English names, the postcode districts
 * whose requests come to it, and whether it is active (an inactive area takes no new requests at
 * intake and is not offered at sign-up; what it already holds stays). The page and the admin API
 * judge by `judgeArea`, so a mistake is caught, in the same words, on both.
 */
import * as v from 'valibot';
import { areaDocId } from '../documents/doc-ids.ts';
import { isKnownDistrictShape, districtShape } from '../places/postcode-areas.ts';
import type { AreaDoc } from '../areas/area-doc.ts';

export const maxAreaName = 100;
export const maxAreaDistricts = 500;

export const areaInputSchema = v.strictObject(
  {
    name_cy: v.pipe(v.string('invalid'), v.maxLength(1000, 'too_long')),
    name_en: v.pipe(v.string('invalid'), v.maxLength(1000, 'too_long')),
    postcode_districts: v.pipe(
      v.array(v.pipe(v.string('invalid'), v.maxLength(20, 'malformed_district')), 'invalid'),
      v.maxLength(maxAreaDistricts, 'too_many'),
    ),
    active: v.boolean('invalid'),
  },
  'invalid',
);
export type AreaInput = v.InferOutput<typeof areaInputSchema>;

export type AreaField = 'name_cy' | 'name_en' | 'postcode_districts';
export type AreaProblem =
  | 'required'
  | 'too_long'
  | 'invalid'
  | 'taken'
  | 'malformed_district'
  | 'unknown_district'
  | 'district_taken'
  | 'too_many';
export type AreaJudgement =
  | { ok: true; doc: Omit<AreaDoc, '_rev'> }
  | { ok: false; fields: Partial<Record<AreaField, AreaProblem>>; district?: string };

/** What an admin types in the districts box, `sy23, Sy24 SY25`, as a list. */
export const splitDistricts = (typed: string): string[] =>
  typed
    .split(/[\s,;]+/)
    .map((d) => d.toUpperCase())
    .filter((d) => d !== '');

/** `Bro Morgannwg` → `bro-morgannwg`: the id a new area gets from its English name. */
export function areaSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'cy', { sensitivity: 'base' }) === 0;

/**
 * Judges `input` as the area `id` (null for a new one, whose id comes from its English name)
 * against every other stored area. A district is refused when malformed, of no postcode area, or
 * listed by another active area: two areas listing one district would send its requests to
 * whichever id sorts first (areas/intake.ts), which nobody chose.
 */
export function judgeArea(
  input: AreaInput,
  id: string | null,
  stored: readonly AreaDoc[],
): AreaJudgement {
  const fields: Partial<Record<AreaField, AreaProblem>> = {};
  const areaId = id ?? areaSlug(input.name_en);
  // A new area is judged against every area; a change against all but itself.
  const others = stored.filter((a) => !a._deleted && (id === null || a._id !== areaDocId(id)));
  const names = { name_cy: input.name_cy.trim(), name_en: input.name_en.trim() };
  for (const field of ['name_cy', 'name_en'] as const) {
    const name = names[field];
    if (name === '') fields[field] = 'required';
    else if ([...name].length > maxAreaName) fields[field] = 'too_long';
    else if (/\p{Cc}/u.test(name)) fields[field] = 'invalid';
    else if (others.some((a) => sameName(a[field], name))) fields[field] = 'taken';
  }
  if (id === null && !fields.name_en) {
    if (areaId === '') fields.name_en = 'invalid';
    else if (stored.some((a) => a._id === areaDocId(areaId))) fields.name_en = 'taken';
  }
  const districts = [...new Set(input.postcode_districts.map((d) => d.trim().toUpperCase()))];
  const taken = new Set(
    others.filter((a) => a.active !== false).flatMap((a) => a.postcode_districts ?? []),
  );
  const bad =
    districts.find((d) => !districtShape.test(d)) ??
    districts.find((d) => !isKnownDistrictShape(d)) ??
    (input.active ? districts.find((d) => taken.has(d)) : undefined);
  if (bad !== undefined) {
    fields.postcode_districts = !districtShape.test(bad)
      ? 'malformed_district'
      : !isKnownDistrictShape(bad)
        ? 'unknown_district'
        : 'district_taken';
  }
  if (Object.keys(fields).length > 0) {
    return bad === undefined ? { ok: false, fields } : { ok: false, fields, district: bad };
  }
  return {
    ok: true,
    doc: {
      _id: areaDocId(areaId),
      type: 'area',
      ...names,
      postcode_districts: districts.sort(),
      active: input.active,
    },
  };
}
