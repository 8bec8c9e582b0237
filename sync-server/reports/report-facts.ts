/**
 * Each request's report facts (#domain/reports/requests-report.ts: kind, area, language, status,
 * the day it was made, when it was done), kept in memory from the routing index's pass over the
 * changes feed (a FeedObserver), so a report counts a county's year without reading a body.
 * Nothing personal is held: a request carries none. About 200 bytes a request.
 */
import { docClassOf } from '#domain/documents/doc-ids.ts';
import { requestFacts, type RequestFacts } from '#domain/reports/requests-report.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { Body, FeedObserver } from '../replication/routing/index-entry.ts';

export class ReportFacts implements FeedObserver {
  readonly #byId = new Map<string, RequestFacts>();

  change(id: string, doc: Body | undefined, deleted: boolean): void {
    if (docClassOf(id) !== 'request') return;
    if (deleted || doc?.type !== 'request') this.#byId.delete(id);
    else this.#byId.set(id, requestFacts(doc as unknown as RequestDoc));
  }

  forget(): void {
    this.#byId.clear();
  }

  /** Every request's facts, by id. */
  entries(): IterableIterator<[string, RequestFacts]> {
    return this.#byId.entries();
  }
}
