/**
 * The sync server as a Hono app: API, health check and the built PWA on one origin. Everything it
 * depends on comes in through `AppOptions`, so `start.ts` and the integration tests build the same
 * app with different storage, static files and limits.
 */
import { Hono } from 'hono';
import type { AccountsSettings } from './accounts/sign-in/accounts-config.ts';
import { createAccounts } from './accounts/sign-in/create-accounts.ts';
import { volunteerSignUpRoutes } from './accounts/sign-up/volunteer-sign-up-routes.ts';
import { methodNotAllowed, notFound } from './http/api-error.ts';
import { areaListRoutes } from './accounts/sign-up/area-list.ts';
import { compress } from './http/compress.ts';
import { healthRoute } from './http/health-route.ts';
import { referenceRoutes } from './intake/reference-routes.ts';
import { defaultMaxBulkBytes, replicationRoutes } from './replication/routes.ts';
import { RoutingIndex } from './replication/routing/routing-index.ts';
import { requestRoutes } from './residents/request-routes.ts';
import { staffNamesRoutes } from './directory/staff-names-routes.ts';
import { securityHeaders } from './http/security-headers.ts';
import { staticFiles } from './web/static-files.ts';
import type { Storage } from './storage/storage.ts';
import { answerThrown, catchThrown } from './http/thrown-answer.ts';
import { markPending } from './geo/pending.ts';
import { openStreetMapTiles, tileOrigin, type TileSource } from './map/tile-source.ts';
import { tileRoutes } from './map/tile-routes.ts';
import { ReportFacts } from './reports/report-facts.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { notConfigured, type NotifySettings } from './notify/notify-settings.ts';
import { notifyRoutes } from './notify/notify-routes.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { passwordResetRoutes } from './accounts/sign-in/password-reset-routes.ts';
import { storedAuditLog } from './audit/stored-audit-log.ts';

export type AppOptions = {
  storage: Storage;
  /** The SvelteKit build (`build/`). */
  staticDir: string;
  /** Request submissions per client address per minute. */
  rateLimitPerMinute: number;
  /**
   * How many reverse proxies in front to trust with `X-Forwarded-*` for the client's address and
   * scheme (`TRUST_PROXY`); 0 when clients connect directly.
   */
  trustedProxies: number;
  /** Largest accepted JSON body; 64 KB when not given. */
  maxBodyBytes?: number;
  /** Largest `_bulk_docs` body; 10 MB when not given. */
  maxBulkBytes?: number;
  /** Documents in one `_bulk_docs`; 1,000 (the device's batch) when not given. */
  maxBulkDocs?: number;
  /** Documents one staff account may write through `/db` a minute; 5,000 when not given. */
  writesPerMinute?: number;
  /** The clock, for tests. */
  now?: () => Date;
  /** Sign-in and session settings; any not given come from the environment (accounts/). */
  accounts?: Partial<AccountsSettings>;
  /** The maps' background tiles (`TILE_URL`); OpenStreetMap's when not given. */
  tiles?: TileSource;
  /** GOV.UK Notify (`NOTIFY_*`); not configured when not given. The worker is start.ts's. */
  notify?: NotifySettings;
};

export const defaultMaxBodyBytes = 64 * 1024;

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const tiles = options.tiles ?? openStreetMapTiles;
  const imageOrigins = [tileOrigin(tiles)];
  // Outermost first: security headers see every response, compressed or not, errors included.
  app.use(securityHeaders(options.trustedProxies, imageOrigins));
  app.use(compress());
  // Storage errors that are not Errors (PouchDB's http adapter), which `onError` never sees.
  app.use(catchThrown());

  app.route('/healthz', healthRoute(options.storage));
  app.route(
    '/api/requests',
    requestRoutes({
      storage: options.storage,
      maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
      rateLimitPerMinute: options.rateLimitPerMinute,
      trustedProxies: options.trustedProxies,
      now: options.now ?? (() => new Date()),
    }),
  );
  // Staff sign-in. `accounts.requireSession` guards what needs a signed-in user (`/db` next).
  const accounts = createAccounts({
    ...options.accounts,
    storage: options.storage,
    trustedProxies: options.trustedProxies,
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
    now: options.now ?? (() => new Date()),
  });
  app.route('/api/session', accounts.sessionRoutes);
  // Areas, accounts and settings for admins (admin/); what they do goes to the audit log (audit/).
  const now = options.now ?? (() => new Date());
  const audit = storedAuditLog(options.storage.serverOnly, now);
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const { requireSession, scrypt } = accounts;
  app.route(
    '/api/admin',
    adminRoutes({ storage: options.storage, requireSession, audit, maxBodyBytes, scrypt, now }),
  );
  // A member of staff chooses their password with an admin's one-time code (accounts/).
  app.route(
    '/api/password-reset',
    passwordResetRoutes({
      accounts: { store: options.storage.serverOnly, now, scrypt },
      audit,
      maxBodyBytes,
      rateLimitPerMinute: options.rateLimitPerMinute,
      trustedProxies: options.trustedProxies,
    }),
  );
  // Volunteers sign themselves up (pending until a coordinator approves); the form lists areas.
  app.route(
    '/api/volunteers',
    volunteerSignUpRoutes({
      storage: options.storage,
      maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
      rateLimitPerMinute: options.rateLimitPerMinute,
      trustedProxies: options.trustedProxies,
      now: options.now ?? (() => new Date()),
      scrypt: options.accounts?.scrypt,
    }),
  );
  app.route('/api/areas', areaListRoutes(options.storage.replicatedDb));
  app.route('/api/map/tiles', tileRoutes(tiles));
  // What each document is routed by: `/db` and the staff names judge reads on the same index.
  // Reports' facts come from the same pass over the feed (reports/report-facts.ts).
  const reportFacts = new ReportFacts();
  const routing = new RoutingIndex(options.storage.replicatedDb, { observers: [reportFacts] });
  // The names of the staff a member of staff may know (directory/).
  app.route(
    '/api/staff-names',
    staffNamesRoutes({
      index: routing,
      db: options.storage.replicatedDb,
      accounts: options.storage.serverOnly,
      requireSession: accounts.requireSession,
      now: options.now ?? (() => new Date()),
    }),
  );
  // References a coordinator's device keeps for calls taken with no signal (intake/).
  app.route(
    '/api/staff/references',
    referenceRoutes({
      serverOnly: options.storage.serverOnly,
      requireSession: accounts.requireSession,
      maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
      rateLimitPerMinute: options.rateLimitPerMinute,
      trustedProxies: options.trustedProxies,
      now: options.now ?? (() => new Date()),
    }),
  );
  // What the requests a coordinator or admin may read came to, over a period (reports/).
  app.route(
    '/api/reports',
    reportRoutes({
      db: options.storage.replicatedDb,
      index: routing,
      facts: reportFacts,
      requireSession: accounts.requireSession,
      now: options.now ?? (() => new Date()),
    }),
  );
  // Residents' messages: the admins' status and Notify's callback for replies (notify/).
  app.route(
    '/api/notify',
    notifyRoutes({
      storage: options.storage,
      settings: options.notify ?? notConfigured,
      requireSession: accounts.requireSession,
      maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
      now: options.now ?? (() => new Date()),
    }),
  );
  app.all('/api', notFound);
  app.all('/api/*', notFound);
  // CouchDB replication for staff devices, filtered per user (replication/routes.ts).
  app.route(
    '/db',
    replicationRoutes({
      db: options.storage.replicatedDb,
      index: routing,
      accounts: options.storage.serverOnly,
      requireSession: accounts.requireSession,
      now: options.now ?? (() => new Date()),
      maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
      maxBulkBytes: options.maxBulkBytes ?? defaultMaxBulkBytes,
      ...(options.maxBulkDocs === undefined ? {} : { maxBulkDocs: options.maxBulkDocs }),
      ...(options.writesPerMinute === undefined
        ? {}
        : { writesPerMinute: options.writesPerMinute }),
      // The points are the geocoding worker's to work out (start.ts), from the marker left here.
      onPlaceNeeded: (id) =>
        markPending(options.storage.serverOnly, id, (options.now ?? (() => new Date()))()),
    }),
  );

  app.get('*', staticFiles(options.staticDir, imageOrigins));
  app.all('*', methodNotAllowed(['GET', 'HEAD']));

  app.notFound(notFound);
  // Logged here, answered without detail: a stack trace tells an attacker too much.
  app.onError((error, c) => answerThrown(c, error));
  return app;
}
