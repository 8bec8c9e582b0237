/**
 * Which stored documents one user may read, by the domain's `canRead` (the same code the app uses),
 * judged on the routing index (routing-index.ts) without reading a body. Contacts, notes and events
 * are judged with their request as the index holds it now. A deletion is judged by the routing
 * fields of what it deleted, so devices that held the document learn it is gone and nobody else
 * learns it existed.
 */
import { canRead } from '#domain/access/access.ts';
import { requestIdOf } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { IndexEntry } from '../routing/index-entry.ts';
import type { RoutingIndex } from '../routing/routing-index.ts';

export class ReadFilter {
  readonly #index: RoutingIndex;
  readonly #user: StaffUser;
  readonly #now: string;

  constructor(index: RoutingIndex, user: StaffUser, now: string) {
    this.#index = index;
    this.#user = user;
    this.#now = now;
  }

  get user(): StaffUser {
    return this.#user;
  }

  get index(): RoutingIndex {
    return this.#index;
  }

  /**
   * Brings the index up to the database's present, so that what follows judges by a state at least
   * as new as anything read before; resolves with the seq reached.
   */
  current(): Promise<number> {
    return this.#index.current();
  }

  /** The request a contact, note or event is judged with, as the index holds it. */
  #requestOf(id: string): RequestDoc | undefined {
    const requestId = requestIdOf(id);
    const routing = requestId === null ? null : (this.#index.get(requestId)?.routing ?? null);
    return routing?.type === 'request' ? (routing as unknown as RequestDoc) : undefined;
  }

  /** Judges an entry of the index as it stands. */
  canSee(entry: IndexEntry): boolean {
    const routing = entry.routing;
    if (routing === null || typeof routing.type !== 'string') return false;
    const doc = routing as unknown as StaffDoc;
    const related = doc.type === 'request' ? undefined : this.#requestOf(entry.id);
    return canRead(this.#user, doc, related, this.#now);
  }

  /** Of these ids, the ones that exist (live or deleted) and this user may read, on a current index. */
  async visibleOfIds(ids: readonly string[]): Promise<Set<string>> {
    await this.current();
    const visible = new Set<string>();
    for (const id of ids) {
      const entry = this.#index.get(id);
      if (entry !== undefined && this.canSee(entry)) visible.add(id);
    }
    return visible;
  }
}
