/**
 * The seed's staff: one admin, coordinators covering the areas between them, and volunteers who
 * signed up and, most of them, were approved. Each account is named in documents by the id the
 * server derives from its username (accounts/staff-user-id.ts).
 */
import type { StaffRole } from '#domain/people/account-rules.ts';
import { isAssignable } from '#domain/people/assignable.ts';
import {
  partsOfDay,
  volunteerAccessAreas,
  volunteerSkills,
  weekdays,
  type VolunteerDoc,
} from '#domain/people/volunteer-doc.ts';
import { approveVolunteer, signUpProfile, type SignUp } from '#domain/people/volunteer-sign-up.ts';
import { staffUserId } from '../../sync-server/accounts/staff-user-id.ts';
import * as text from './content.ts';
import { day, iso, minute, person, phone, someOf } from './made-up.ts';
import type { Place } from './places.ts';
import type { Random } from './random.ts';

/** A staff account to create, with the user id its documents use. */
export type SeedAccount = {
  username: string;
  role: StaffRole;
  displayName: string;
  areas: string[];
  userId: string;
  approved?: boolean;
};

export type Staff = {
  accounts: SeedAccount[];
  volunteers: VolunteerDoc[];
  coordinatorsByArea: Map<string, string[]>;
  /** Who may be given a task in each area, in the order they signed up. */
  assignableByArea: Map<string, string[]>;
  admin: string;
};

/** How many of each role to make besides the one admin. */
export type StaffCounts = { coordinators: number; volunteers: number };

export function staff(
  r: Random,
  shape: StaffCounts,
  chosen: readonly Place[],
  nowMs: number,
): Staff {
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
    // Signed up as the form does it, then approved as a coordinator does (who has seen any DBS
    // certificate declared): the domain's own functions, so a seeded profile is the app's.
    const signUp: SignUp = {
      username,
      // Not kept on the profile: the account gets the seed's password (seed-data-dir.ts).
      password: '',
      name: who.name,
      phone: phone(r),
      areas,
      skills,
      availability: {
        days: someOf(r, weekdays, 1),
        parts_of_day: someOf(r, partsOfDay, 1),
        note: r.chance(home.welsh) ? noteText.cy : noteText.en,
      },
    };
    const pending = signUpProfile(signUp, userId, iso(created));
    const profile = approved
      ? approveVolunteer(pending, iso(created + r.int(3 * day) + minute), true)
      : pending;
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
