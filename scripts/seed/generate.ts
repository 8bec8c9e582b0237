/**
 * Synthetic Cymorth data, generated without touching storage: areas, volunteer profiles, requests
 * with their contacts, and the history staff would leave on them (status changes, assignments,
 * declines, notes, events), all made with the domain's own constructors and the actions staff take
 * in the app (history.ts), and assigned only to whom `isAssignable` allows, so the documents look
 * exactly like the app's. The same seed and clock always give the same documents.
 */
import { parseSubmission, type SubmissionInput } from '#domain/request-schema.ts';
import { toDocuments } from '#domain/request-documents.ts';
import { makeReference } from '#domain/reference.ts';
import type { RequestKind, Language } from '#domain/request-fields.ts';
import {
  cookingFacilities,
  contactMethods,
  prescriptionPayment,
  prescriptionReadiness,
  requestKinds,
  supportFrequency,
  supportTasks,
} from '#domain/request-fields.ts';
import { requestStatuses, type RequestStatus } from '#domain/request-status.ts';
import type { AreaDoc } from '#domain/staff/area-doc.ts';
import { isAssignable } from '#domain/staff/assignable.ts';
import type { StaffContactDoc } from '#domain/staff/contact-doc.ts';
import { areaDocId, volunteerDocId } from '#domain/staff/doc-ids.ts';
import type { StaffDoc } from '#domain/staff/documents.ts';
import { toStaffRequest } from '#domain/staff/request-doc.ts';
import { residentAuthor } from '#domain/staff/stamps.ts';
import {
  partsOfDay,
  volunteerAccessAreas,
  volunteerSkills,
  weekdays,
  type Approval,
  type VolunteerDoc,
} from '#domain/staff/volunteer-doc.ts';
import type { StaffRole } from '#domain/staff/account-rules.ts';
import { staffUserId } from '../../sync-server/accounts/staff-user-id.ts';
import * as text from './content.ts';
import { History, type Author } from './history.ts';
import { live } from './request-life.ts';
import {
  englishStreets,
  houseNames,
  inwardLetters,
  places,
  welshStreets,
  type Place,
} from './places.ts';
import { seededRandom, type Random } from './random.ts';

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

/** A staff account to create, with the user id its documents use. */
export type SeedAccount = {
  username: string;
  role: StaffRole;
  displayName: string;
  areas: string[];
  userId: string;
  approved?: boolean;
};

export type Generated = { docs: StaffDoc[]; accounts: SeedAccount[] };

const minute = 60_000;
const day = 24 * 60 * minute;
const iso = (ms: number) => new Date(ms).toISOString();

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

type Person = { first: string; last: string; name: string };

function person(r: Random, language: Language): Person {
  const welshName = r.chance(language === 'cy' ? 0.85 : 0.35);
  const first = r.pick(welshName ? text.welshFirstNames : text.englishFirstNames);
  const last = r.pick(text.surnames);
  return { first, last, name: `${first} ${last}` };
}

const phone = (r: Random) =>
  r.chance(0.7)
    ? `07700900${String(r.int(1000)).padStart(3, '0')}`
    : `01632960${String(r.int(1000)).padStart(3, '0')}`;

function postcode(r: Random, district: string) {
  return `${district} ${r.int(10)}${r.pick([...inwardLetters])}${r.pick([...inwardLetters])}`;
}

/** Items of `all` kept in their canonical order. */
function someOf<T>(r: Random, all: readonly T[], min: number): T[] {
  const count = min + r.int(all.length - min + 1);
  const chosen = new Set(r.sample(all, count));
  return all.filter((x) => chosen.has(x));
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

type Staff = {
  accounts: SeedAccount[];
  volunteers: VolunteerDoc[];
  coordinatorsByArea: Map<string, string[]>;
  /** Who may be given a task in each area, in the order they signed up. */
  assignableByArea: Map<string, string[]>;
  admin: string;
};

function staff(r: Random, shape: SeedShape, chosen: readonly Place[], nowMs: number): Staff {
  const accounts: SeedAccount[] = [];
  const admin = staffUserId('admin');
  accounts.push({
    username: 'admin',
    role: 'admin',
    displayName: 'Gweinyddwr Cymorth',
    areas: [],
    userId: admin,
  });

  const coordinatorsByArea = new Map<string, string[]>(chosen.map((p) => [p.id, []]));
  for (let j = 0; j < shape.coordinators; j++) {
    const covered = chosen.filter((_, i) => i % shape.coordinators === j).map((p) => p.id);
    const areas = covered.length > 0 ? covered : [chosen[j % chosen.length]!.id];
    const home = chosen.find((p) => p.id === areas[0])!;
    const who = person(r, r.chance(home.welsh) ? 'cy' : 'en');
    const username = `coordinator${j + 1}`;
    const userId = staffUserId(username);
    for (const a of areas) coordinatorsByArea.get(a)!.push(userId);
    accounts.push({
      username,
      role: 'coordinator',
      displayName: who.name,
      areas,
      userId,
    });
  }

  const volunteers: VolunteerDoc[] = [];
  const assignableByArea = new Map<string, string[]>(chosen.map((p) => [p.id, []]));
  for (let i = 0; i < shape.volunteers; i++) {
    const home = chosen[i % chosen.length]!;
    const second = chosen.length > 1 && r.chance(0.2) ? chosen[(i + 1) % chosen.length]! : null;
    const areas = second ? [home.id, second.id] : [home.id];
    const who = person(r, r.chance(home.welsh) ? 'cy' : 'en');
    const username = `volunteer${i + 1}`;
    const userId = staffUserId(username);
    // The first volunteer of every area is approved, so every area has someone to assign.
    const approved = i < chosen.length || r.chance(0.8);
    const skills = volunteerSkills.filter((s) =>
      r.chance(s === 'driver' ? 0.6 : s === 'dbs_checked' ? 0.5 : Math.min(0.95, home.welsh + 0.2)),
    );
    const created = nowMs - (30 + r.int(60)) * day - r.int(day);
    const noteText = r.pick(text.availabilityNotes);
    const profile: VolunteerDoc = {
      _id: volunteerDocId(userId),
      type: 'volunteer',
      name: who.name,
      phone: phone(r),
      areas,
      skills,
      availability: {
        days: someOf(r, weekdays, 1),
        parts_of_day: someOf(r, partsOfDay, 1),
        note: r.chance(home.welsh) ? noteText.cy : noteText.en,
      },
      approval: approved ? 'approved' : 'pending',
      created_at: iso(created),
      updated_at: iso(approved ? created + r.int(3 * day) + minute : created),
    };
    volunteers.push(profile);
    // Every seeded account is enabled, so the profile alone says who may be given a task.
    for (const place of chosen) {
      if (isAssignable({ profile, enabled: true }, place.id)) {
        assignableByArea.get(place.id)!.push(userId);
      }
    }
    accounts.push({
      username,
      role: 'volunteer',
      displayName: who.name,
      // A pending sign-up works nowhere yet: the areas it asked for are on its profile only.
      areas: volunteerAccessAreas(profile),
      userId,
      approved,
    });
  }
  return { accounts, volunteers, coordinatorsByArea, assignableByArea, admin };
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
  const docs: StaffDoc[] = [...areaDocs(chosen), ...team.volunteers];
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
    const staffRequest = toStaffRequest(request, place.id, takenByPhone ? lead.id : residentAuthor);
    const history = new History(r, staffRequest, nowMs);
    const target = r.weighted(statusWeights);
    live(r, history, target, lead, team.assignableByArea.get(place.id) ?? []);
    docs.push(history.doc, contact as StaffContactDoc, ...history.events, ...history.notes);
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
