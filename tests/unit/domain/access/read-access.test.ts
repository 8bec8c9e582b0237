import { describe, expect, it } from 'vitest';
import {
  awaitsConsent,
  canRead,
  visibleRequestIds,
  volunteerRetentionDays,
} from '#domain/access/access.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { area, at, contactFor, event, note, profile } from '../../../support/factories.ts';
import {
  admin,
  consentRequests as c,
  coordinator,
  disabledCoordinator,
  disabledVolunteer,
  northCoordinator,
  northVolunteer,
  otherVolunteer,
  requests as r,
  volunteer,
} from '../../../support/world/world.ts';

type Row = [string, StaffUser, StaffDoc, RequestDoc | undefined, boolean];

const requestRows: Row[] = [
  ['admin reads an unrouted request', admin, r.unrouted, undefined, true],
  ['admin reads another area', admin, r.north, undefined, true],
  ['coordinator reads their area', coordinator, r.mine, undefined, true],
  [
    'coordinator reads a closed request in their area',
    coordinator,
    r.closedByPhone,
    undefined,
    true,
  ],
  ['coordinator does not read another area', coordinator, r.north, undefined, false],
  ['coordinator does not read an unrouted request', coordinator, r.unrouted, undefined, false],
  ['volunteer reads a new one in their area', volunteer, r.open, undefined, true],
  ['volunteer reads a triaged one in their area', volunteer, r.triaged, undefined, true],
  ['volunteer reads one assigned to them', volunteer, r.mine, undefined, true],
  ['volunteer reads their task in progress', volunteer, r.mineInProgress, undefined, true],
  ['volunteer reads their finished task', volunteer, r.mineDone, undefined, true],
  ['volunteer reads their cancelled task', volunteer, r.mineCancelled, undefined, true],
  ['volunteer does not read one assigned to someone else', volunteer, r.others, undefined, false],
  ['volunteer does not read one taken from them', volunteer, r.reassigned, undefined, false],
  ['volunteer does not read an open one elsewhere', volunteer, r.north, undefined, false],
  ['volunteer does not read an unrouted one', volunteer, r.unrouted, undefined, false],
  ['volunteer does not read a closed unassigned one', volunteer, r.closedByPhone, undefined, false],
  ['north volunteer reads the open one in gwynedd', northVolunteer, r.north, undefined, true],
  ['disabled coordinator reads nothing', disabledCoordinator, r.open, undefined, false],
  ['disabled volunteer reads not even their area', disabledVolunteer, r.open, undefined, false],
];

const contactRows: Row[] = [
  [
    'admin reads any contact, even without its request',
    admin,
    contactFor(r.north),
    undefined,
    true,
  ],
  ['coordinator reads a contact in their area', coordinator, contactFor(r.open), r.open, true],
  ['coordinator does not read one elsewhere', coordinator, contactFor(r.north), r.north, false],
  ['coordinator needs the request to judge', coordinator, contactFor(r.open), undefined, false],
  ['coordinator is not fooled by another request', coordinator, contactFor(r.north), r.open, false],
  [
    'volunteer reads the contact of their assigned task',
    volunteer,
    contactFor(r.mine),
    r.mine,
    true,
  ],
  [
    'volunteer reads it while in progress',
    volunteer,
    contactFor(r.mineInProgress),
    r.mineInProgress,
    true,
  ],
  ['volunteer loses it once done', volunteer, contactFor(r.mineDone), r.mineDone, false],
  [
    'volunteer loses it once cancelled',
    volunteer,
    contactFor(r.mineCancelled),
    r.mineCancelled,
    false,
  ],
  [
    'volunteer does not read an open request’s contact',
    volunteer,
    contactFor(r.open),
    r.open,
    false,
  ],
  [
    'volunteer does not read the contact of another’s task',
    volunteer,
    contactFor(r.others),
    r.others,
    false,
  ],
  [
    'volunteer cannot borrow their own task to read another’s',
    volunteer,
    contactFor(r.others),
    r.mine,
    false,
  ],
  [
    'volunteer loses the contact when reassigned',
    volunteer,
    contactFor(r.reassigned),
    r.reassigned,
    false,
  ],
  ['disabled coordinator reads no contact', disabledCoordinator, contactFor(r.open), r.open, false],
];

const forAssignee = note(r.mine, coordinator.id, true);
const internal = note(r.mine, coordinator.id, false);
const ownNote = note(r.mine, volunteer.id, false);
const noteRows: Row[] = [
  ['admin reads every note', admin, internal, undefined, true],
  ['coordinator reads internal notes in their area', coordinator, internal, r.mine, true],
  ['coordinator does not read notes elsewhere', northCoordinator, internal, r.mine, false],
  ['volunteer reads a note for the assignee on their task', volunteer, forAssignee, r.mine, true],
  ['volunteer reads their own note', volunteer, ownNote, r.mine, true],
  ['volunteer does not read an internal note on their task', volunteer, internal, r.mine, false],
  [
    'volunteer does not read notes for another’s task',
    volunteer,
    note(r.others, coordinator.id),
    r.others,
    false,
  ],
  [
    'another volunteer does not read the note for the assignee',
    otherVolunteer,
    forAssignee,
    r.mine,
    false,
  ],
  [
    'volunteer does not keep their notes once reassigned',
    volunteer,
    note(r.reassigned, volunteer.id),
    r.reassigned,
    false,
  ],
  [
    'volunteer does not read notes on an open request',
    volunteer,
    note(r.open, coordinator.id),
    r.open,
    false,
  ],
];

const eventRows: Row[] = [
  ['admin reads every event', admin, event(r.mine, coordinator.id), undefined, true],
  [
    'coordinator reads the history in their area',
    coordinator,
    event(r.mine, volunteer.id),
    r.mine,
    true,
  ],
  [
    'coordinator does not read history elsewhere',
    coordinator,
    event(r.north, admin.id),
    r.north,
    false,
  ],
  [
    'volunteer reads their own events on their task',
    volunteer,
    event(r.mine, volunteer.id),
    r.mine,
    true,
  ],
  [
    'volunteer does not read a coordinator’s events',
    volunteer,
    event(r.mine, coordinator.id),
    r.mine,
    false,
  ],
  [
    'volunteer does not read events on another’s task',
    otherVolunteer,
    event(r.mine, otherVolunteer.id),
    r.mine,
    false,
  ],
];

const profileRows: Row[] = [
  ['admin reads any profile', admin, profile(northVolunteer.id, ['gwynedd']), undefined, true],
  [
    'coordinator reads a profile sharing an area',
    coordinator,
    profile(volunteer.id, ['ceredigion', 'gwynedd']),
    undefined,
    true,
  ],
  [
    'coordinator reads a pending sign-up in their area',
    coordinator,
    profile(volunteer.id, ['ceredigion'], 'pending'),
    undefined,
    true,
  ],
  [
    'coordinator does not read a profile elsewhere',
    coordinator,
    profile(northVolunteer.id, ['gwynedd']),
    undefined,
    false,
  ],
  [
    'volunteer reads their own profile',
    volunteer,
    profile(volunteer.id, ['ceredigion']),
    undefined,
    true,
  ],
  [
    'volunteer does not read another’s profile',
    volunteer,
    profile(otherVolunteer.id, ['ceredigion']),
    undefined,
    false,
  ],
  [
    'disabled volunteer does not read their own',
    disabledVolunteer,
    profile(disabledVolunteer.id, ['ceredigion']),
    undefined,
    false,
  ],
];

const areaRows: Row[] = [
  ['admin reads areas', admin, area('gwynedd'), undefined, true],
  ['coordinator reads every area', coordinator, area('gwynedd'), undefined, true],
  ['volunteer reads every area', volunteer, area('gwynedd'), undefined, true],
  ['disabled user reads no area', disabledVolunteer, area('ceredigion'), undefined, false],
];

describe.each([
  ['requests', requestRows],
  ['contacts', contactRows],
  ['notes', noteRows],
  ['events', eventRows],
  ['volunteer profiles', profileRows],
  ['areas', areaRows],
])('canRead: %s', (_name, rows) => {
  it.each(rows)('%s', (_what, user, doc, related, expected) => {
    expect(canRead(user, doc, related)).toBe(expected);
  });
});

describe('the contact needs the resident’s consent to share (docs/architecture.md, "Access")', () => {
  it('said No on the form: the volunteer has the task and its notes, not the person', () => {
    expect(canRead(volunteer, c.saidNo)).toBe(true);
    expect(canRead(volunteer, contactFor(c.saidNo), c.saidNo)).toBe(false);
    expect(canRead(volunteer, note(c.saidNo, coordinator.id, true), c.saidNo)).toBe(true);
    expect(canRead(volunteer, event(c.saidNo, volunteer.id), c.saidNo)).toBe(true);
  });

  it('coordinators and admins read the contact whatever the answer, to make the call', () => {
    for (const request of Object.values(c)) {
      expect(canRead(coordinator, contactFor(request), request)).toBe(true);
      expect(canRead(admin, contactFor(request), request)).toBe(true);
      expect(canRead(northCoordinator, contactFor(request), request)).toBe(false);
    }
  });

  it('once a coordinator records consent, the volunteer reads the contact', () => {
    expect(canRead(volunteer, contactFor(c.recorded), c.recorded)).toBe(true);
    expect(canRead(volunteer, contactFor(c.regiven), c.regiven)).toBe(true);
  });

  it('withdrawn consent takes it away again, and only the contact', () => {
    expect(canRead(volunteer, contactFor(c.withdrawn), c.withdrawn)).toBe(false);
    expect(canRead(volunteer, c.withdrawn)).toBe(true);
    expect(canRead(volunteer, note(c.withdrawn, coordinator.id, true), c.withdrawn)).toBe(true);
  });

  it('consent never opens a contact the task would not: another’s, or a finished one', () => {
    const finished = setRegister(c.recorded, 'status', 'done', volunteer.id, at(40));
    expect(canRead(volunteer, contactFor(finished), finished)).toBe(false);
    expect(canRead(otherVolunteer, contactFor(c.recorded), c.recorded)).toBe(false);
  });

  it('a request that records no consent at all shares nothing (older documents)', () => {
    const legacy: Partial<RequestDoc> = { ...r.mine };
    delete legacy.consent;
    expect(canRead(volunteer, contactFor(r.mine), legacy as RequestDoc)).toBe(false);
  });
});

describe('awaitsConsent', () => {
  it('is the volunteer’s live task whose contact only the resident’s answer holds back', () => {
    const finished = setRegister(c.saidNo, 'status', 'done', volunteer.id, at(40));
    const cases: [string, StaffUser, RequestDoc, boolean][] = [
      ['said No', volunteer, c.saidNo, true],
      ['withdrawn', volunteer, c.withdrawn, true],
      ['recorded', volunteer, c.recorded, false],
      ['finished', volunteer, finished, false],
      ['someone else’s', otherVolunteer, c.saidNo, false],
      ['a coordinator', coordinator, c.saidNo, false],
    ];
    for (const [what, who, request, expected] of cases) {
      expect(awaitsConsent(who, request, at(60)), what).toBe(expected);
      // Waiting for consent is exactly the task's contact being withheld from its volunteer.
      if (who === volunteer && request.status !== 'done') {
        expect(canRead(who, contactFor(request), request, at(60)), what).toBe(!expected);
      }
    }
  });
});

describe('retention', () => {
  const statusAt = r.mineDone.fields_meta.status.at;
  const later = (days: number) => new Date(Date.parse(statusAt) + days * 86_400_000).toISOString();

  it('a finished task leaves the volunteer’s phone after the retention period', () => {
    expect(canRead(volunteer, r.mineDone, undefined, later(volunteerRetentionDays - 1))).toBe(true);
    expect(canRead(volunteer, r.mineDone, undefined, later(volunteerRetentionDays + 1))).toBe(
      false,
    );
    const n = note(r.mineDone, coordinator.id);
    expect(canRead(volunteer, n, r.mineDone, later(volunteerRetentionDays + 1))).toBe(false);
  });

  it('an active task and a coordinator’s view never expire', () => {
    expect(canRead(volunteer, r.mine, undefined, later(365))).toBe(true);
    expect(canRead(coordinator, r.mineDone, undefined, later(365))).toBe(true);
  });
});

describe('visibleRequestIds', () => {
  const all = Object.values(r);

  it('lists what each user may read, no more', () => {
    expect(visibleRequestIds(volunteer, all)).toEqual(
      new Set(
        [r.open, r.triaged, r.mine, r.mineInProgress, r.mineDone, r.mineCancelled].map(
          (d) => d._id,
        ),
      ),
    );
    expect(visibleRequestIds(northCoordinator, all)).toEqual(new Set([r.north._id]));
    expect(visibleRequestIds(admin, all).size).toBe(all.length);
    expect(visibleRequestIds(disabledCoordinator, all).size).toBe(0);
  });

  it('applies retention when given a clock', () => {
    const muchLater = at(60 * 24 * 30);
    expect(visibleRequestIds(volunteer, all, muchLater).has(r.mineDone._id)).toBe(false);
    expect(visibleRequestIds(volunteer, all, muchLater).has(r.mine._id)).toBe(true);
  });
});
