/**
 * The coordinator's world the desk bench measures: the seeder's own generator (scripts/seed/) makes
 * 50,000 requests over four areas, with a realistic spread of kinds, statuses, languages, urgency
 * and assignees, and 2,000 volunteers; one coordinator covers every area, so the device holds what
 * the access policy lets them read (`canRead`, as the server's filter judges). From it: the desk
 * queries timed (filters and searches taken from the documents themselves), 1,000 remote edits
 * made with the domain's own actions, and the volunteers ranked for a request.
 *
 * The replica holds the documents the desk reads: requests, contacts, volunteer profiles and areas.
 * The requests' notes and events (about five a request) are left out to keep the run to minutes;
 * they live in their own tables, which no desk query reads.
 */
import { createHash } from 'node:crypto';
import { canRead } from '#domain/access/access.ts';
import { applyAction } from '#domain/actions/request-actions.ts';
import { profileOwnerOf, requestContactId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { isClosed } from '#domain/requests/status.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import {
  matchRequestOf,
  volunteerCandidate,
  type MatchRequest,
  type VolunteerCandidate,
} from '#domain/matching/eligibility.ts';
import { noFilters, type DeskFilters } from '../../../src/lib/staff/data/desk/desk-filters.ts';
import { generate, type SeedShape } from '../../seed/generate.ts';
import { seededRandom, type Random } from '../../seed/random.ts';
import type { DeskCase } from './browser/desk-page.ts';

export type DeskWorld = {
  shape: SeedShape;
  now: string;
  user: StaffUser;
  /** What the coordinator's replica holds, each with a first revision. */
  docs: object[];
  requests: number;
  /** The 1,000 remote edits: second revisions of open requests. */
  changes: object[];
  firstPage: DeskCase[];
  filterChanges: DeskCase[];
  searches: DeskCase[];
  candidates: VolunteerCandidate[];
  rankRequests: { request: MatchRequest }[];
};

export const deskShape = (): SeedShape => ({
  requests: Number(process.env.BENCH_DESK_REQUESTS ?? 50_000),
  volunteers: 2000,
  areas: 4,
  coordinators: 1,
  seed: 9,
  now: new Date(Date.UTC(2026, 11, 7)),
});

const revHash = (id: string, n: number) => createHash('md5').update(`${id}#${n}`).digest('hex');

/** A document as replication writes it (`new_edits: false`): with its revision and history. */
function revisioned(doc: object & { _id: string }, generation: number) {
  const ids = Array.from({ length: generation }, (_, i) => revHash(doc._id, generation - i));
  return {
    ...doc,
    _rev: `${generation}-${ids[0]}`,
    _revisions: { start: generation, ids },
  };
}

const withFilters = (label: string, f: Partial<DeskFilters>): DeskCase => ({
  label,
  filters: { ...noFilters, ...f },
});

/** Wales, roughly: bases and requests are placed at random within it. */
const point = (r: Random) => ({ lat: 51.4 + r.int(2000) / 1000, lon: -5.2 + r.int(2500) / 1000 });

export function deskWorld(shape = deskShape()): DeskWorld {
  const { docs: all, accounts } = generate(shape);
  const now = new Date(shape.now.getTime() + 10 * 3_600_000).toISOString();
  const coordinator = accounts.find((a) => a.role === 'coordinator')!;
  const user: StaffUser = {
    id: coordinator.userId,
    role: 'coordinator',
    areas: coordinator.areas,
    disabled: false,
  };
  const requests = new Map<string, RequestDoc>();
  for (const d of all) if (d.type === 'request') requests.set(d._id, d);
  const desk = all.filter((d) => d.type !== 'note' && d.type !== 'event');
  const visible = desk.filter((d) => {
    const related = d.type === 'contact' ? requests.get(`request:${d._id.slice(8)}`) : undefined;
    return canRead(user, d, related, now);
  });
  const r = seededRandom(shape.seed + 1);
  const req = visible.filter((d): d is RequestDoc => d.type === 'request');
  const contacts = new Map(
    visible.filter((d): d is ContactDoc => d.type === 'contact').map((c) => [c._id, c]),
  );
  const open = req.filter((d) => !isClosed(d.status));
  const assigned = open.filter((d) => d.assignee !== null);

  const changes = r.sample(open, 1000).map((d, i) => {
    const action =
      d.status === 'new'
        ? ({ kind: 'status', to: 'triaged' } as const)
        : ({ kind: 'urgency', to: i % 2 === 0 ? 'high' : 'low' } as const);
    return revisioned(applyAction(d, action, user.id, now), 2);
  });

  const someone = r.pick(assigned).assignee!;
  const contactOf = (d: RequestDoc) => contacts.get(requestContactId(d._id))!.contact;
  // Open, so the default status choice (`active`) shows it.
  const sample = r.pick(open.filter((d) => contacts.has(requestContactId(d._id))));
  const name = contactOf(sample).name.split(/\s+/);
  const phoneDigits = (contactOf(sample).phone ?? '').replace(/\D/g, '');
  const searches = [
    withFilters('reference with spaces', {
      q: sample.reference.replace(/(\d{3})(?=\d)/g, '$1 '),
    }),
    withFilters('surname', { q: name[name.length - 1]! }),
    withFilters('first and last name', { q: `${name[0]} ${name[name.length - 1]}` }),
    withFilters('phone, +44 form', { q: `+44 ${phoneDigits.slice(1, 5)} ${phoneDigits.slice(5)}` }),
    withFilters('postcode, no space', { q: contactOf(sample).postcode.replace(/\s/g, '') }),
    withFilters('postcode district', { q: sample.postcode_district }),
  ];
  const areas = user.areas;
  const filterChanges = [
    withFilters('status: triaged', { status: 'triaged' }),
    withFilters('kind: prescription', { kind: 'prescription' }),
    withFilters(`area: ${areas[1]}`, { area: areas[1]! }),
    withFilters('urgency: high', { urgency: 'high' }),
    withFilters('language: cy', { language: 'cy' }),
    withFilters('unassigned', { unassigned: true }),
    withFilters('overdue', { overdue: true }),
    withFilters('one volunteer', { volunteer: someone }),
    withFilters('kind + area + unassigned', { kind: 'food', area: areas[0]!, unassigned: true }),
    withFilters('status: all', { status: 'all' }),
  ];

  const profiles = visible.filter((d): d is VolunteerDoc => d.type === 'volunteer');
  const load = new Map<string, { open: number; last: string | null }>();
  for (const d of assigned) {
    const l = load.get(d.assignee!) ?? { open: 0, last: null };
    l.open++;
    if (l.last === null || d.updated_at > l.last) l.last = d.updated_at;
    load.set(d.assignee!, l);
  }
  const candidates = profiles.map((p) => {
    const id = profileOwnerOf(p._id)!;
    const l = load.get(id);
    const known = {
      enabled: r.chance(0.97),
      base: r.chance(0.9) ? point(r) : null,
      open_tasks: l?.open ?? 0,
      last_assigned_at: l?.last ?? null,
    };
    return volunteerCandidate(id, p, known);
  });
  const rankRequests = r.sample(open, 20).map((d) => ({
    request: matchRequestOf(d, contacts.get(requestContactId(d._id)) ?? null, point(r)),
  }));

  return {
    shape,
    now,
    user,
    docs: visible.map((d) => revisioned(d as StaffDoc & { _id: string }, 1)),
    requests: req.length,
    changes,
    firstPage: [withFilters('first page, no filter', {})],
    filterChanges,
    searches,
    candidates,
    rankRequests,
  };
}
