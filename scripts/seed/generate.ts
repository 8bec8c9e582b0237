/**
 * Synthetic Cymorth data, generated without touching storage: areas, volunteer profiles, requests
 * with their contacts, and the history staff would leave on them (status changes, assignments,
 * declines, notes, events), all made with the domain's own constructors and the actions staff take
 * in the app (history.ts), and assigned only to whom `isAssignable` allows (staff.ts), with the
 * points the server would have given them and their volunteers' bases (points/), so the documents
 * look exactly like the app's. The same seed and clock always give the same documents.
 */
import { parseSubmission, type SubmissionInput } from '#domain/questions/request-schema.ts';
import { toDocuments } from '#domain/requests/submission.ts';
import { makeReference } from '#domain/requests/reference.ts';
import type { RequestKind, Language } from '#domain/questions/request-fields.ts';
import {
  cookingFacilities,
  contactMethods,
  prescriptionPayment,
  prescriptionReadiness,
  requestKinds,
  supportFrequency,
  supportTasks,
} from '#domain/questions/request-fields.ts';
import { requestStatuses, type RequestStatus } from '#domain/requests/status.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { areaDocId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { routedRequest } from '#domain/requests/request.ts';
import { residentAuthor } from '#domain/documents/stamps.ts';
import type { Approval, VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import * as text from './content.ts';
import { History, type Author } from './history.ts';
import { day, iso, person, phone, someOf } from './made-up.ts';
import { live } from './request-life.ts';
import {
  englishStreets,
  houseNames,
  inwardLetters,
  places,
  welshStreets,
  type Place,
} from './places.ts';
import { withPlacedBase } from './points/seeded-bases.ts';
import { withPoints } from './points/seeded-points.ts';
import { seededRandom, type Random } from './random.ts';
import { staff, type SeedAccount } from './staff.ts';

export const maxAreas = places.length;

export type SeedShape = {
  requests: number;
  volunteers: number;
  areas: number;
  coordinators: number;
  seed: number;
  /** The seeded world's "now": requests were made in the three weeks before it. */
  now: Date;
};

export type Generated = { docs: StaffDoc[]; accounts: SeedAccount[] };

const kindWeights: readonly (readonly [RequestKind, number])[] = [
  ['food', 40],
  ['prescription', 30],
  ['self_isolation_support', 20],
  ['other', 10],
];
const statusWeights: readonly (readonly [RequestStatus, number])[] = [
  ['new', 18],
  ['triaged', 14],
  ['assigned', 16],
  ['in_progress', 10],
  ['done', 32],
  ['cancelled', 10],
];

function postcode(r: Random, district: string) {
  return `${district} ${r.int(10)}${r.pick([...inwardLetters])}${r.pick([...inwardLetters])}`;
}

/**
 * Where a volunteer starts from, as they give it at sign-up: in one of their home area's towns, a
 * third only the district and the rest a whole postcode.
 */
function baseOf(r: Random, chosen: readonly Place[], volunteer: VolunteerDoc): string {
  const home = chosen.find((p) => p.id === volunteer.areas[0]) ?? chosen[0]!;
  const { district } = r.pick(home.towns);
  return r.chance(1 / 3) ? district : postcode(r, district);
}

function areaDocs(chosen: readonly Place[]): AreaDoc[] {
  return chosen.map((p) => ({
    _id: areaDocId(p.id),
    type: 'area',
    name_cy: p.name_cy,
    name_en: p.name_en,
    postcode_districts: [...new Set(p.towns.map((town) => town.district))].sort(),
  }));
}

function details(r: Random, kind: RequestKind, lang: Language): SubmissionInput['details'] {
  const say = (t: { cy: string; en: string }) => t[lang];
  switch (kind) {
    case 'food':
      return {
        household_size:
          1 +
          r.weighted([
            [0, 45],
            [1, 30],
            [2, 10],
            [3, 10],
            [5, 5],
          ]),
        dietary_needs: say(r.pick(text.dietaryNeeds)),
        cooking: r.weighted([
          [cookingFacilities[0], 70],
          [cookingFacilities[1], 15],
          [cookingFacilities[2], 10],
          [cookingFacilities[3], 5],
        ]),
      };
    case 'prescription':
      return {
        pharmacy: say(r.pick(text.pharmacies)),
        prescription_ready: r.pick(prescriptionReadiness),
        prescription_payment: r.pick(prescriptionPayment),
      };
    case 'self_isolation_support':
      return {
        support_tasks: someOf(r, supportTasks, 1).slice(0, 1 + r.int(3)),
        support_other: say(r.pick(text.supportOther)),
        support_frequency: r.pick(supportFrequency),
      };
    case 'other':
      return { description: say(r.pick(text.otherDescriptions)) };
  }
}

function submission(r: Random, place: Place, createdMs: number): SubmissionInput {
  const language: Language = r.chance(place.welsh) ? 'cy' : 'en';
  // Most fill in the form in the language they want to be answered in.
  const lang: Language = r.chance(0.92) ? language : language === 'cy' ? 'en' : 'cy';
  const kind = r.weighted(kindWeights);
  const town = r.pick(place.towns);
  const who = person(r, language);
  const forSomeoneElse = r.chance(0.25);
  const helper = forSomeoneElse ? person(r, language) : null;
  const street = r.chance(language === 'cy' ? 0.8 : 0.4)
    ? r.pick(welshStreets)
    : r.pick(englishStreets);
  const neededBy = iso(createdMs + r.int(8) * day).slice(0, 10);
  const access = r.pick(text.accessNeeds);
  return {
    id: r.uuid(),
    lang,
    kind,
    details: details(r, kind, language),
    for_someone_else: forSomeoneElse,
    requester: helper
      ? {
          name: helper.name,
          phone: phone(r),
          relationship: r.pick(text.relationships)[language],
        }
      : null,
    needed_by: neededBy,
    circumstances: {
      self_isolating: r.chance(0.3),
      shielding: r.chance(0.2),
      lives_alone: r.chance(0.4),
      no_food_today: kind === 'food' && r.chance(0.15),
      medicine_runs_out_days: kind === 'prescription' ? r.int(15) : null,
    },
    contact: {
      name: who.name,
      phone: phone(r),
      address_line1: `${1 + r.int(140)} ${street}`,
      address_line2: r.chance(0.2) ? r.pick(houseNames) : '',
      town: town[language],
      postcode: postcode(r, town.district),
      contact_method: r.pick(contactMethods),
      access_needs: access[language],
      language,
      consent_to_share: r.chance(0.92),
    },
  } as SubmissionInput;
}

export function generate(shape: SeedShape): Generated {
  const r = seededRandom(shape.seed);
  const nowMs = shape.now.getTime();
  const chosen = places.slice(0, shape.areas);
  const team = staff(r, shape, chosen, nowMs);
  // Points and bases draw from streams of their own, so a seed gives the same people and requests
  // as before they were added.
  const placing = seededRandom((shape.seed ^ 0x706c6163) >>> 0);
  const basing = seededRandom((shape.seed ^ 0x62617365) >>> 0);
  const volunteers = team.volunteers.map((v) => withPlacedBase(v, baseOf(basing, chosen, v)));
  const docs: StaffDoc[] = [...areaDocs(chosen), ...volunteers];
  const references = new Set<string>();

  for (let i = 0; i < shape.requests; i++) {
    const place = r.pick(chosen);
    const createdMs = nowMs - r.int(21 * day);
    const input = submission(r, place, createdMs);
    const parsed = parseSubmission(input);
    if (!parsed.ok)
      throw new Error(`seed bug: a made-up request is invalid: ${JSON.stringify(parsed.fields)}`);
    let reference = makeReference(() => r.int(10));
    while (references.has(reference)) reference = makeReference(() => r.int(10));
    references.add(reference);
    const { request, contact } = toDocuments(parsed.value, reference, iso(createdMs));
    const coordinators = team.coordinatorsByArea.get(place.id) ?? [];
    const lead: Author =
      coordinators.length > 0
        ? { id: r.pick(coordinators), role: 'coordinator' }
        : { id: team.admin, role: 'admin' };
    const takenByPhone = coordinators.length > 0 && r.chance(0.15);
    const staffRequest = routedRequest(request, place.id, takenByPhone ? lead.id : residentAuthor);
    const history = new History(r, staffRequest, nowMs);
    const target = r.weighted(statusWeights);
    live(r, history, target, lead, team.assignableByArea.get(place.id) ?? []);
    const placed = withPoints(history.doc, contact as ContactDoc, () => placing.next());
    docs.push(placed.request, placed.contact, ...history.events, ...history.notes);
  }
  return { docs, accounts: team.accounts };
}

export type Summary = {
  areas: { id: string; name_cy: string; name_en: string; requests: number }[];
  kinds: Record<RequestKind, number>;
  statuses: Record<RequestStatus, number>;
  languages: Record<Language, number>;
  docs: Record<string, number>;
  volunteers: Record<Approval, number>;
};

export function summarise(docs: readonly StaffDoc[]): Summary {
  const zero = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const kinds = zero(requestKinds);
  const statuses = zero(requestStatuses);
  const languages = zero(['cy', 'en'] as const);
  const docCounts: Record<string, number> = {};
  const byArea = new Map<string, number>();
  const areas: Summary['areas'] = [];
  const volunteers: Record<Approval, number> = { approved: 0, pending: 0, rejected: 0 };
  for (const doc of docs) {
    docCounts[doc.type] = (docCounts[doc.type] ?? 0) + 1;
    if (doc.type === 'request') {
      kinds[doc.kind]++;
      statuses[doc.status]++;
      languages[doc.language]++;
      if (doc.area) byArea.set(doc.area, (byArea.get(doc.area) ?? 0) + 1);
    } else if (doc.type === 'area') {
      areas.push({
        id: doc._id.slice('area:'.length),
        name_cy: doc.name_cy,
        name_en: doc.name_en,
        requests: 0,
      });
    } else if (doc.type === 'volunteer') {
      volunteers[doc.approval]++;
    }
  }
  for (const a of areas) a.requests = byArea.get(a.id) ?? 0;
  return { areas, kinds, statuses, languages, docs: docCounts, volunteers };
}
