/**
 * One seeded request's life: each edit made through the domain's own edit functions, with the
 * history event a device would leave for every register it changed (request-actions.ts), and the
 * notes written along the way. Times move on a little with each edit, never past the seeded "now".
 */
import { consentValue, type RecordedMethod } from '#domain/consent.ts';
import type { EventDoc, EventField, NoteDoc } from '#domain/staff/append-only-docs.ts';
import { eventDocId, noteDocId } from '#domain/staff/doc-ids.ts';
import { assign, claim, decline, recordConsent, setRegister } from '#domain/staff/request-edits.ts';
import type { StaffRequestDoc } from '#domain/staff/request-doc.ts';
import type { RequestStatus } from '#domain/request-status.ts';
import type { Urgency } from '#domain/urgency.ts';
import type { Random } from './random.ts';

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const watched = ['assignee', 'status', 'urgency', 'consent'] as const;
const valueOf = (doc: StaffRequestDoc, field: (typeof watched)[number]) =>
  field === 'consent' ? consentValue(doc.consent) : doc[field];

export class History {
  doc: StaffRequestDoc;
  readonly events: EventDoc[] = [];
  readonly notes: NoteDoc[] = [];
  #at: number;
  readonly #r: Random;
  readonly #nowMs: number;

  constructor(r: Random, doc: StaffRequestDoc, nowMs: number) {
    this.#r = r;
    this.doc = doc;
    this.#nowMs = nowMs;
    this.#at = Date.parse(doc.created_at);
    this.#event('created', null, doc.status, doc.fields_meta.status.by, doc.created_at);
  }

  /** A little later, never past the seeded "now". */
  #later(): string {
    this.#at = Math.min(this.#nowMs, this.#at + (5 + this.#r.int(8 * 60)) * minute);
    return iso(this.#at);
  }

  #event(field: EventField, from: string | null, to: string | null, author: string, at: string) {
    this.events.push({
      _id: eventDocId(this.doc._id, this.#r.uuid()),
      type: 'event',
      request_id: this.doc._id,
      author,
      field,
      from,
      to,
      at,
    });
  }

  /** Applies an edit and records every register it changed. */
  #apply(by: string, edit: (doc: StaffRequestDoc, now: string) => StaffRequestDoc) {
    const before = this.doc;
    const after = edit(before, this.#later());
    this.doc = after;
    for (const field of watched) {
      const [from, to] = [valueOf(before, field), valueOf(after, field)];
      if (from !== to) this.#event(field, from, to, by, after.fields_meta[field].at);
    }
  }

  status(to: RequestStatus, by: string) {
    this.#apply(by, (d, now) => setRegister(d, 'status', to, by, now));
  }
  urgency(to: Urgency, by: string) {
    this.#apply(by, (d, now) => setRegister(d, 'urgency', to, by, now));
  }
  assign(to: string | null, by: string) {
    this.#apply(by, (d, now) => assign(d, to, by, now));
  }
  claim(volunteer: string) {
    this.#apply(volunteer, (d, now) => claim(d, volunteer, now));
  }
  decline(volunteer: string) {
    this.#apply(volunteer, (d, now) => decline(d, volunteer, now));
  }
  /** A coordinator records the resident's answer about sharing their details, as they heard it. */
  consent(given: boolean, how: RecordedMethod, by: string) {
    this.#apply(by, (d, now) => recordConsent(d, given, how, by, now));
  }
  note(author: string, textOf: { cy: string; en: string }, forAssignee: boolean) {
    this.notes.push({
      _id: noteDocId(this.doc._id, this.#r.uuid()),
      type: 'note',
      request_id: this.doc._id,
      author,
      text: textOf[this.doc.language],
      for_assignee: forAssignee,
      created_at: this.#later(),
    });
  }
}
