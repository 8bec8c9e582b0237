/**
 * `/db`: the one replicated database, as PouchDB's replicator sees it, for signed-in staff only.
 * Only the endpoints replication needs are here, each filtered or checked per user by the access
 * policy; every other path and method under `/db` is refused (deny by default), so nothing of the
 * CouchDB API is ever passed through. `/db` and `/db/` both answer, as PouchDB asks for either.
 *
 * Documents leave a device (unassigned, past retention) through `GET /db/_evictions`; see
 * evictions.ts. Documents enter it through the changes feed; see changes-feed.ts.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { apiError } from '../http/api-error.ts';
import { readJsonBody } from '../http/json-body.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { MutableDocStore, ReplicatedDb } from '../storage/storage.ts';
import { bulkDocs, type BulkDocsOptions } from './writes/bulk-docs.ts';
import { candidatesFor } from './writes/candidates.ts';
import { compactionAfterChange } from './writes/compaction.ts';
import { changesFeed } from './feed/changes-feed.ts';
import { unsupported } from './couch/couch-errors.ts';
import { allDocs, bulkGet, getDoc, revsDiff } from './reads/doc-reads.ts';
import { evictions } from './feed/evictions.ts';
import { KeyedLock } from './writes/keyed-lock.ts';
import { getLocal, isLocalId, putLocal } from './local-docs.ts';
import { ReadFilter } from './reads/read-filter.ts';
import { ReadableCounts } from './reads/readable-count.ts';
import { RoutingIndex } from './routing/routing-index.ts';
import { toPolicyUser } from './policy-user.ts';
import { seqToken, viewKey } from './feed/view-seq.ts';
import { WriteLimit } from './writes/write-limit.ts';
import { useReference } from '../intake/reference-pool.ts';

export type ReplicationOptions = {
  db: ReplicatedDb;
  /**
   * The server-only database: accounts, to know whether someone given a task is enabled, and the
   * references new requests take (intake/reference-pool.ts).
   */
  accounts: MutableDocStore;
  requireSession: MiddlewareHandler<SessionEnv>;
  now: () => Date;
  /** `_local` checkpoints. */
  maxBodyBytes: number;
  /**
   * A batch: `_bulk_docs`, and `_revs_diff`, `_bulk_get`, `_all_docs`, whose id lists outgrow
   * 64 KB at the batch size of 1,000 that initial sync wants (docs/architecture.md). Above it the answer is
   * 413 and the device halves its batch.
   */
  maxBulkBytes: number;
  /** Documents in one `_bulk_docs`: the device's batch of 1,000 fits; more is 413. */
  maxBulkDocs?: number;
  /** Documents one account may write a minute (write-limit.ts). */
  writesPerMinute?: number;
  /**
   * The routing index, when something else judges reads on it too (directory/): one per instance,
   * so its memory is spent once. Made here when not given.
   */
  index?: RoutingIndex;
  /** Marks a request whose points a device's write left missing or stale (sync-server/geo/). */
  onPlaceNeeded?: (requestId: string) => Promise<void>;
};

export const defaultMaxBulkBytes = 10 * 1024 * 1024;
export const defaultMaxBulkDocs = 1000;
export const defaultWritesPerMinute = 5000;

/** After the session check, the account as the access policy sees it. */
type ReplicationEnv = { Variables: SessionEnv['Variables'] & { staff: StaffUser } };
type Ctx = Context<ReplicationEnv>;

export function replicationRoutes(options: ReplicationOptions): Hono<ReplicationEnv> {
  const { db, now } = options;
  const app = new Hono<ReplicationEnv>();
  const userOf = (c: Ctx) => c.var.staff;
  const index = options.index ?? new RoutingIndex(db);
  // Built now, not on the first device's request; a failure here is retried by that request.
  index.current().catch(() => undefined);
  const filterOf = (c: Ctx) => new ReadFilter(index, userOf(c), now().toISOString());
  const compaction = compactionAfterChange(db);
  const writes: Omit<BulkDocsOptions, 'candidate'> = {
    db,
    now,
    lock: new KeyedLock(),
    limit: new WriteLimit(options.writesPerMinute ?? defaultWritesPerMinute),
    maxDocs: options.maxBulkDocs ?? defaultMaxBulkDocs,
    onContactChanged: () => compaction.changed(),
    duplicatesOf: async (requestId) => {
      await index.current();
      return index.duplicatesOf(requestId);
    },
    ...(options.onPlaceNeeded === undefined ? {} : { onPlaceNeeded: options.onPlaceNeeded }),
    useReference: (user, reference, requestId) =>
      useReference(options.accounts, user, reference, requestId),
  };

  /** Runs `handle` on the JSON body, or answers the body reader's 400/413/415. */
  const withBody =
    (limit: number, handle: (c: Ctx, body: unknown) => Promise<Response>) => async (c: Ctx) => {
      const body = await readJsonBody(c.req.raw, limit);
      return body.ok ? handle(c, body.value) : apiError(c, body.status, body.error, body.reason);
    };

  app.use(options.requireSession);
  app.use(async (c, next) => {
    c.set('staff', await toPolicyUser(db, c.var.user));
    await next();
  });
  app.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const counts = new ReadableCounts();
  const info = async (c: Ctx) => {
    const key = viewKey(userOf(c));
    // The count brings the index up to date first, so the sequence is at least as new as it.
    const docCount = await counts.count(filterOf(c), key, now());
    return c.json({
      db_name: 'db',
      // What this user may read, not the database's (readable-count.ts).
      doc_count: docCount,
      update_seq: seqToken(index.lastSeq, key),
      instance_start_time: '0',
    });
  };
  app.get('/', info);
  app.get('', info);

  app.get('/_changes', (c) => changesFeed(c, db, filterOf(c)));
  app.post(
    '/_revs_diff',
    withBody(options.maxBulkBytes, (c, b) => revsDiff(c, db, filterOf(c), b)),
  );
  app.post(
    '/_bulk_get',
    withBody(options.maxBulkBytes, (c, b) => bulkGet(c, db, filterOf(c), b)),
  );
  app.post(
    '/_bulk_docs',
    withBody(options.maxBulkBytes, (c, b) =>
      bulkDocs(c, { ...writes, candidate: candidatesFor(db, options.accounts) }, userOf(c), b),
    ),
  );
  app.get('/_all_docs', (c) => allDocs(c, db, filterOf(c), undefined));
  app.post(
    '/_all_docs',
    withBody(options.maxBulkBytes, (c, b) => allDocs(c, db, filterOf(c), b)),
  );

  app.get('/_evictions', (c) => {
    const at = now().toISOString();
    return evictions(c, db, new ReadFilter(index, userOf(c), at), userOf(c), at);
  });

  app.get('/_local/:id', (c) => {
    const id = c.req.param('id');
    return isLocalId(id) ? getLocal(c, db, userOf(c), id) : unsupported(c);
  });
  app.put('/_local/:id', (c) => {
    const id = c.req.param('id');
    if (!isLocalId(id)) return unsupported(c);
    return withBody(options.maxBodyBytes, (cc, b) => putLocal(cc, db, userOf(cc), id, b))(c);
  });

  app.get('/:id', (c) => {
    const id = c.req.param('id');
    return id.startsWith('_') ? unsupported(c) : getDoc(c, db, filterOf(c), id);
  });

  // `/db/`, which PouchDB's http adapter asks for its info, reaches no route above once mounted
  // (Hono matches trailing slashes strictly): answered here, everything else refused.
  app.all('*', (c) =>
    c.req.method === 'GET' && c.req.path === c.req.routePath.replace(/\*$/, '')
      ? info(c)
      : unsupported(c),
  );
  return app;
}
