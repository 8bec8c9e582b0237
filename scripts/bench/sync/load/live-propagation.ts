/**
 * Coordinator edit → volunteer device, with many devices live. Each live device is a follower
 * that speaks to `/db` exactly as PouchDB's live pull does on the wire (longpoll `_changes` with
 * `style=all_docs` and a 10 s heartbeat, then `_bulk_get?revs=true` of what changed), starting
 * from `since=now` as a device that has finished its first sync would (its local writes are left
 * out: they cost the device, not the server). A coordinator then adds notes for the assignee to
 * requests held by live volunteers; the latency is from the coordinator's `_bulk_docs` being sent
 * to the assignee's device having the note's body.
 */
import { randomUUID } from 'node:crypto';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import type { NoteDoc } from '#domain/records/append-only-docs.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { signIn } from '../setup/staff-session.ts';
import { spread, type Spread } from './percentiles.ts';

export type LivePropagation = Spread & { clients: number; lost: number };
type Edit = { noteId: string; requestId: string; area: string; volunteer: string };

class Follower {
  readonly #seen = new Map<string, (at: number) => void>();
  readonly #stop = new AbortController();
  #since = 'now';
  readonly done: Promise<void>;

  constructor(
    readonly origin: string,
    readonly cookie: string,
  ) {
    this.done = this.#loop();
  }

  waitFor(id: string): Promise<number> {
    return new Promise((resolve) => this.#seen.set(id, resolve));
  }

  async #get(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set('cookie', this.cookie);
    headers.set('accept', 'application/json');
    const response = await fetch(`${this.origin}${path}`, {
      ...init,
      headers,
      signal: this.#stop.signal,
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json() as Promise<unknown>;
  }

  async #loop() {
    while (!this.#stop.signal.aborted) {
      try {
        const q = `style=all_docs&feed=longpoll&heartbeat=10000&limit=500&since=${encodeURIComponent(this.#since)}`;
        const feed = (await this.#get(`/db/_changes?${q}`)) as {
          results: { id: string; changes: { rev: string }[] }[];
          last_seq: string;
        };
        if (feed.results.length > 0) {
          const docs = feed.results.flatMap((r) =>
            r.changes.map((c) => ({ id: r.id, rev: c.rev })),
          );
          await this.#get('/db/_bulk_get?revs=true&attachments=true', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ docs }),
          });
          const at = performance.now();
          for (const r of feed.results) this.#seen.get(r.id)?.(at);
        }
        this.#since = feed.last_seq;
      } catch {
        if (this.#stop.signal.aborted) return;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  stop() {
    this.#stop.abort();
  }
}

async function addNote(origin: string, cookie: string, author: string, edit: Edit) {
  const note: NoteDoc = {
    _id: edit.noteId,
    type: 'note',
    request_id: edit.requestId,
    author,
    text: 'Ffoniwch cyn cyrraedd, os gwelwch yn dda.',
    for_assignee: true,
    created_at: new Date().toISOString(),
  };
  const response = await fetch(`${origin}/db/_bulk_docs`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ docs: [note] }),
  });
  const answer = (await response.json()) as { error?: string }[];
  if (!response.ok || answer[0]?.error) {
    throw new Error(`the coordinator's note was refused: ${JSON.stringify(answer)}`);
  }
}

export async function livePropagation(options: {
  origin: string;
  /** Live clients: volunteers' usernames and ids. */
  clients: readonly { username: string; id: string }[];
  /** Coordinators by area they cover (username, user id). */
  coordinators: ReadonlyMap<string, { username: string; id: string }>;
  held: ReadonlyMap<string, readonly RequestDoc[]>;
  edits: number;
  intervalMs: number;
}): Promise<LivePropagation> {
  const { origin } = options;
  const followers = new Map<string, Follower>();
  const coordinatorCookies = new Map<string, string>();
  for (const [area, c] of options.coordinators)
    coordinatorCookies.set(area, await signIn(origin, c.username));
  for (const client of options.clients) {
    followers.set(client.id, new Follower(origin, await signIn(origin, client.username)));
  }
  try {
    await new Promise((r) => setTimeout(r, 2000)); // every longpoll open and waiting
    const candidates = options.clients.flatMap((c) =>
      (options.held.get(c.id) ?? [])
        .filter((r) => r.area !== null && options.coordinators.has(r.area))
        .map((r) => ({ volunteer: c.id, request: r })),
    );
    if (candidates.length === 0) throw new Error('no live volunteer holds a request');
    const latencies: Promise<number>[] = [];
    for (let i = 0; i < options.edits; i++) {
      const pick = candidates[(i * 7919) % candidates.length]!;
      const area = pick.request.area!;
      const edit: Edit = {
        noteId: noteDocId(pick.request._id, randomUUID()),
        requestId: pick.request._id,
        area,
        volunteer: pick.volunteer,
      };
      const seen = followers.get(edit.volunteer)!.waitFor(edit.noteId);
      const t0 = performance.now();
      const coordinator = options.coordinators.get(area)!;
      await addNote(origin, coordinatorCookies.get(area)!, coordinator.id, edit);
      latencies.push(
        Promise.race([
          seen.then((at) => at - t0),
          new Promise<number>((r) => setTimeout(() => r(Number.NaN), 30_000)),
        ]),
      );
      await new Promise((r) => setTimeout(r, options.intervalMs));
    }
    const measured = await Promise.all(latencies);
    return {
      ...spread(measured.filter(Number.isFinite)),
      clients: followers.size,
      lost: measured.filter((m) => !Number.isFinite(m)).length,
    };
  } finally {
    for (const f of followers.values()) f.stop();
    await Promise.all([...followers.values()].map((f) => f.done));
  }
}
