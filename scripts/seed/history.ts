/**
 * One seeded request's life, lived through the app's own actions: each edit is one a member of
 * staff makes on the request's page (`applyAction`), leaving the history a device would leave
 * (`historyOf`), and each note is made as the page makes it (`newNote`). Times move on a little
 * with each edit, never past the seeded "now".
 */
import type { EventDoc, NoteDoc } from '#domain/records/append-only-docs.ts';
import { newNote } from '#domain/records/new-note.ts';
import { applyAction, type WorkAction } from '#domain/actions/request-actions.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { createdEvent } from '#domain/records/creation.ts';
import { historyOf } from '#domain/records/history.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { Random } from './random.ts';

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export type Author = Pick<StaffUser, 'id' | 'role'>;

export class History {
  doc: RequestDoc;
  readonly events: EventDoc[] = [];
  readonly notes: NoteDoc[] = [];
  #at: number;
  readonly #r: Random;
  readonly #nowMs: number;

  constructor(r: Random, doc: RequestDoc, nowMs: number) {
    this.#r = r;
    this.doc = doc;
    this.#nowMs = nowMs;
    this.#at = Date.parse(doc.created_at);
    // Where every request's history starts, as intake stores it (creation.ts).
    this.events.push(createdEvent(doc));
  }

  /** A little later, never past the seeded "now". */
  #later(): string {
    this.#at = Math.min(this.#nowMs, this.#at + (5 + this.#r.int(8 * 60)) * minute);
    return iso(this.#at);
  }

  /** `by` does `action` on the request, as on its page. */
  act(by: string, action: WorkAction) {
    const before = this.doc;
    this.doc = applyAction(before, action, by, this.#later());
    this.events.push(...historyOf(before, this.doc, by, () => this.#r.uuid()));
  }

  note(author: Author, textOf: { cy: string; en: string }, forAssignee: boolean) {
    const draft = { text: textOf[this.doc.language], forAssignee };
    const made = newNote(this.doc._id, author, draft, this.#later(), this.#r.uuid());
    if (!made.ok) throw new Error(`seed bug: a made-up note is invalid (${made.problem})`);
    this.notes.push(made.note);
  }
}
