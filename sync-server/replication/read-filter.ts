/**
 * Which stored documents one user may read, by the domain's `canRead` (the same code the app uses).
 * Contacts, notes and events are judged with their request, read once per request per answer.
 * A deletion is visible to whoever could read the document's last live revision, so devices that
 * held it learn it is gone and nobody else learns it existed.
 *
 * Bodies are read once: a body already in hand (the changes feed's, `_bulk_get`'s) primes the
 * request cache, and a contact, note or event whose request the user may not read is never read,
 * as no policy lets anyone but an admin read a child of a request they cannot read
 * (`visibleRequestIds` in read-access.ts).
 */
import { canRead, canReadRequest } from '#domain/staff/access.ts';
import { revGeneration } from '#domain/staff/couch-fields.ts';
import { docClassOf, requestIdOf } from '#domain/staff/doc-ids.ts';
import type { StaffDoc } from '#domain/staff/documents.ts';
import type { StaffRequestDoc } from '#domain/staff/request-doc.ts';
import type { StaffUser } from '#domain/staff/users.ts';
import type { ReplicaDb } from '../storage.ts';

export type Body = { _id: string; _rev?: string; _deleted?: boolean; type?: unknown };

/** A change as the feed lists it, without its body. */
export type ChangeRow = { id: string; deleted?: boolean; changes: { rev: string }[] };

const isChild = (id: string) => {
  const docClass = docClassOf(id);
  return docClass === 'contact' || docClass === 'note' || docClass === 'event';
};

/** How far back a deletion's history is searched for its last live body. */
const maxHistory = 8;

const isLive = (doc: Body | null | undefined): doc is Body & StaffDoc =>
  doc !== null && doc !== undefined && typeof doc.type === 'string';

export class ReadFilter {
  readonly #db: ReplicaDb;
  readonly #user: StaffUser;
  readonly #now: string;
  readonly #requests = new Map<string, StaffRequestDoc | null>();

  constructor(db: ReplicaDb, user: StaffUser, now: string) {
    this.#db = db;
    this.#user = user;
    this.#now = now;
  }

  get user(): StaffUser {
    return this.#user;
  }

  /** The body a deletion replaced: the newest live ancestor of `rev`, if not compacted away. */
  async lastLiveBody(id: string, rev: string): Promise<Body | null> {
    try {
      const doc = await this.#db.get<Body>(id, { rev, revs: true });
      if (isLive(doc)) return doc;
      const history = doc._revisions;
      if (history === undefined) return null;
      for (let i = 1; i < Math.min(history.ids.length, maxHistory); i++) {
        const older = await this.#db.get<Body>(id, {
          rev: `${history.start - i}-${history.ids[i]}`,
        });
        if (isLive(older)) return older;
      }
    } catch {
      // A revision compacted away or never stored: nothing to judge by.
    }
    return null;
  }

  /** Reads the current (or, if deleted, last live) requests of these ids into the cache. */
  async #loadRequests(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.#requests.has(id));
    if (wanted.length === 0) return;
    const result = await this.#db.allDocs<Body>({ keys: wanted, include_docs: true });
    for (const row of result.rows) {
      if ('error' in row) {
        this.#requests.set(row.key, null);
        continue;
      }
      const body = row.value.deleted
        ? await this.lastLiveBody(row.id, row.value.rev)
        : (row.doc as Body | undefined);
      this.#requests.set(row.id, body?.type === 'request' ? (body as StaffRequestDoc) : null);
    }
  }

  async request(id: string): Promise<StaffRequestDoc | null> {
    await this.#loadRequests([id]);
    return this.#requests.get(id) ?? null;
  }

  /**
   * Caches the requests among these current winners, as read elsewhere (not deletions). A body
   * newer than the cached one replaces it: a longpoll keeps its filter while requests change.
   */
  prime(docs: Iterable<Body>): void {
    for (const doc of docs) {
      if (doc._deleted === true || docClassOf(doc._id) !== 'request') continue;
      const cached = this.#requests.get(doc._id);
      if (cached?._rev && doc._rev && revGeneration(cached._rev) > revGeneration(doc._rev))
        continue;
      this.#requests.set(doc._id, doc.type === 'request' ? (doc as StaffRequestDoc) : null);
    }
  }

  /** Forgets every request read so far: what follows is judged on fresh reads. */
  forgetRequests(): void {
    this.#requests.clear();
  }

  /** The current winners of these ids (a deletion as a bare tombstone); missing ids left out. */
  async #winners(ids: readonly string[]): Promise<Map<string, Body>> {
    const winners = new Map<string, Body>();
    if (ids.length === 0) return winners;
    const result = await this.#db.allDocs<Body>({ keys: [...ids], include_docs: true });
    for (const row of result.rows) {
      if ('error' in row) continue;
      winners.set(
        row.id,
        row.value.deleted
          ? { _id: row.id, _rev: row.value.rev, _deleted: true }
          : (row.doc as Body),
      );
    }
    return winners;
  }

  /**
   * Of a feed page (no bodies), the winners this user may read, by id: the same verdicts as
   * `visibleIds` on the page's bodies, without reading the children of requests the user may not
   * read. Requests are read once, into the cache, with every request a child names.
   */
  async visibleChanges(changes: readonly ChangeRow[]): Promise<Map<string, Body>> {
    const ids = [...new Set(changes.map((c) => c.id))];
    const isAdmin = this.#user.role === 'admin';
    const children = isAdmin ? [] : ids.filter(isChild);
    const others = isAdmin ? ids : ids.filter((id) => !isChild(id));
    // Requests first, so that the children's requests in this page are not read a second time.
    const winners = await this.#winners(others);
    this.prime(winners.values());
    await this.#loadRequests(children.flatMap((id) => requestIdOf(id) ?? []));
    const readable = children.filter((id) => {
      const request = this.#requests.get(requestIdOf(id) ?? '') ?? null;
      return request !== null && canReadRequest(this.#user, request, this.#now);
    });
    for (const [id, body] of await this.#winners(readable)) winners.set(id, body);
    const visible = await this.visibleIds([...winners.values()]);
    return new Map([...winners].filter(([id]) => visible.has(id)));
  }

  /** The ids of `docs` (current winners, as stored) this user may read. */
  async visibleIds(docs: readonly Body[]): Promise<Set<string>> {
    const judged = await Promise.all(
      docs.map(async (doc) =>
        isLive(doc) && doc._deleted !== true
          ? doc
          : doc._rev === undefined
            ? null
            : this.lastLiveBody(doc._id, doc._rev),
      ),
    );
    await this.#loadRequests(
      judged.flatMap((doc) => {
        const requestId = doc === null ? null : requestIdOf(doc._id);
        return requestId === null || docClassOf(doc?._id ?? '') === 'request' ? [] : [requestId];
      }),
    );
    const visible = new Set<string>();
    for (const doc of judged) if (doc !== null && this.canReadBody(doc)) visible.add(doc._id);
    return visible;
  }

  /** Judges a live body whose request (if any) is already cached. */
  canReadBody(doc: Body): boolean {
    if (!isLive(doc)) return false;
    const requestId = requestIdOf(doc._id);
    const related =
      requestId === null || doc.type === 'request'
        ? undefined
        : (this.#requests.get(requestId) ?? undefined);
    return canRead(this.#user, doc, related, this.#now);
  }

  /** Of these ids, the ones that exist (live or deleted) and this user may read. */
  async visibleOfIds(ids: readonly string[]): Promise<Set<string>> {
    const visible = await this.visibleChanges(ids.map((id) => ({ id, changes: [] })));
    return new Set(visible.keys());
  }
}
