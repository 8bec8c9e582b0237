/**
 * The deterministic merge of two revisions of a request. Each register takes the value with the
 * greater stamp, ties broken by the value itself, so it is a join in a total order; the assignment
 * log is a set union; `updated_at` the later of the two; the server's `district_centroid` the later
 * one it wrote (places/geocoded.ts), so no device's edit, however late, loses it. Every part is commutative, associative and
 * idempotent, so devices and the server reach the same document whatever order revisions arrive in
 * (a state-based CRDT: Shapiro et al. 2011, §2.2).
 */
import { currentAssignment, stampOf, unionAssignments } from '../requests/assignments.ts';
import { compareRevs } from '../documents/couch-fields.ts';
import { laterFact } from '../places/geocoded.ts';
import type { RequestDoc } from '../requests/request.ts';
import { compareStamps, type Stamp } from '../documents/stamps.ts';
import { statusRegisterValue } from './write-integrity.ts';

// What the `details` register carries: its fields plus the ones that never change after creation.
const carried = [
  'kind',
  'postcode_district',
  'needed_by',
  'language',
  'reference',
  'created_at',
] as const;

/** -1, 0 or 1 on (stamp, then the value as JSON): total, so the greater is always one of the two. */
function compareWrites(sa: Stamp, va: unknown, sb: Stamp, vb: unknown): number {
  const byStamp = compareStamps(sa, sb);
  if (byStamp !== 0) return byStamp;
  const ja = JSON.stringify(va);
  const jb = JSON.stringify(vb);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

type Simple = 'status' | 'urgency' | 'area' | 'consent';

/**
 * A register's value for the tie-break, with consent's keys in one order whatever the JSON held;
 * the status register carries the duplicate link and the volunteer's report (request.ts).
 */
const valueOf = (d: RequestDoc, k: Simple) =>
  k === 'consent'
    ? [d.consent.given, d.consent.how]
    : k === 'status'
      ? statusRegisterValue(d)
      : d[k];

function pick(a: RequestDoc, b: RequestDoc, k: Simple): RequestDoc {
  return compareWrites(a.fields_meta[k], valueOf(a, k), b.fields_meta[k], valueOf(b, k)) >= 0
    ? a
    : b;
}

export function mergeRequests(a: RequestDoc, b: RequestDoc): RequestDoc {
  if (a._id !== b._id) throw new Error(`cannot merge ${a._id} with ${b._id}`);
  const group = (d: RequestDoc) => carried.map((f) => d[f]);
  const details =
    compareWrites(a.fields_meta.details, group(a), b.fields_meta.details, group(b)) >= 0 ? a : b;
  const [status, urgency, area] = [pick(a, b, 'status'), pick(a, b, 'urgency'), pick(a, b, 'area')];
  const consent = pick(a, b, 'consent');

  const assignments = unionAssignments(a.assignments, b.assignments);
  const current = currentAssignment(assignments);
  const assigneeStamp =
    current !== null
      ? stampOf(current)
      : compareStamps(a.fields_meta.assignee, b.fields_meta.assignee) >= 0
        ? a.fields_meta.assignee
        : b.fields_meta.assignee;

  const rev = [a._rev, b._rev]
    .filter((r) => r !== undefined)
    .sort(compareRevs)
    .pop();
  const centroid = laterFact(a.district_centroid, b.district_centroid);
  return {
    _id: a._id,
    ...(rev === undefined ? {} : { _rev: rev }),
    type: 'request',
    kind: details.kind,
    reference: details.reference,
    postcode_district: details.postcode_district,
    urgency: urgency.urgency,
    status: status.status,
    needed_by: details.needed_by,
    language: details.language,
    consent: consent.consent,
    created_at: details.created_at,
    updated_at: a.updated_at > b.updated_at ? a.updated_at : b.updated_at,
    area: area.area,
    assignee: current?.to ?? null,
    fields_meta: {
      status: status.fields_meta.status,
      assignee: assigneeStamp,
      urgency: urgency.fields_meta.urgency,
      area: area.fields_meta.area,
      details: details.fields_meta.details,
      consent: consent.fields_meta.consent,
    },
    assignments,
    ...(status.duplicate_of === undefined ? {} : { duplicate_of: status.duplicate_of }),
    ...(status.outcome === undefined ? {} : { outcome: status.outcome }),
    ...(status.decline_reason === undefined ? {} : { decline_reason: status.decline_reason }),
    ...(centroid === undefined ? {} : { district_centroid: centroid }),
  };
}
