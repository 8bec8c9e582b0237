/**
 * The server's settings from the environment, checked once at start-up so a typo fails loudly
 * instead of running with a surprising default.
 */
import path from 'node:path';
import { integer } from './env/integer-setting.ts';
import { tileSource, type TileSource } from './map/tile-source.ts';
import { readNotifySettings, type NotifySettings } from './notify/notify-settings.ts';
import { httpUrl } from './env/url-setting.ts';

export type ServerConfig = {
  port: number;
  /** `HOST` when set; null lets start-up choose by the data (`listenHost`). */
  host: string | null;
  /** Demo data allowed (`CYMORTH_DEMO` is not `0`): `npm start` seeds an empty place with it. */
  demo: boolean;
  dataDir: string;
  staticDir: string;
  rateLimitPerMinute: number;
  /** Documents one staff account may write through `/db` a minute. */
  writesPerMinute: number;
  /**
   * How many reverse proxies stand in front (`TRUST_PROXY`), each appending to `X-Forwarded-For`:
   * the client is that many hops from the right (client-address.ts). 0 trusts no header.
   */
  trustedProxies: number;
  /**
   * A CouchDB server (`https://user:password@couch.example:5984/`) holding the two databases
   * instead of `dataDir`; null for the embedded default. Always ends in `/`.
   */
  couchdbUrl: string | null;
  /**
   * A postcodes.io-compatible service to find postcodes' points with (`POSTCODES_URL`); null to
   * use the table imported with `npm run geo -- import` (sync-server/geo/).
   */
  postcodesUrl: string | null;
  /** The maps' background tiles (`TILE_URL`, `TILE_ATTRIBUTION`, `TILE_ATTRIBUTION_URL`). */
  tiles: TileSource;
  /** GOV.UK Notify, for residents' messages (`NOTIFY_API_KEY`, `NOTIFY_BASE_URL`, templates…). */
  notify: NotifySettings;
};

/** More proxies than this in one chain is surely a typo. */
export const maxTrustedProxies = 10;

/**
 * `COUCHDB_URL`, checked: an http(s) URL of the server (not of a database), credentials allowed in
 * it, no query or fragment. The error never repeats the value, which may hold a password.
 */
export function couchdbUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.COUCHDB_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('COUCHDB_URL must be a URL such as https://user:password@couch.example:5984/');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new Error(
      'COUCHDB_URL must be an http:// or https:// URL of the CouchDB server, without ?query or #fragment',
    );
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** `POSTCODES_URL`, checked: the http(s) root of a postcodes.io-compatible service. */
export function postcodesUrl(env: NodeJS.ProcessEnv): string | null {
  const url = httpUrl(env, 'POSTCODES_URL', 'https://postcodes.example/');
  if (url === null) return null;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export const everyInterface = '0.0.0.0';
export const thisComputerOnly = '127.0.0.1';

/**
 * Where to listen: `HOST` when set, else every interface, except over the demo data. Every demo
 * account shares one password that `npm start` prints and the README names, so anyone on the same
 * network (a café's Wi-Fi, a community hall's) could sign in as the demo admin: the demo stays on
 * this computer until `HOST` says otherwise.
 */
export function listenHost(config: Pick<ServerConfig, 'host' | 'demo'>, isDemoData: boolean) {
  if (config.host !== null) return config.host;
  return config.demo && isDemoData ? thisComputerOnly : everyInterface;
}

/** Where the data lives: the CouchDB server when `COUCHDB_URL` is set, else the data directory. */
export function storageLocation(config: Pick<ServerConfig, 'dataDir' | 'couchdbUrl'>): string {
  return config.couchdbUrl ?? path.resolve(config.dataDir);
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST?.trim() || null,
    demo: env.CYMORTH_DEMO?.trim() !== '0',
    dataDir: env.DATA_DIR?.trim() || './data',
    staticDir: env.STATIC_DIR?.trim() || './build',
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    writesPerMinute: integer(env, 'WRITE_LIMIT_PER_MINUTE', 5000, 1000, 1_000_000),
    // A whole number, so `TRUST_PROXY=true` fails at start rather than silently trusting nothing.
    trustedProxies: integer(env, 'TRUST_PROXY', 0, 0, maxTrustedProxies),
    couchdbUrl: couchdbUrl(env),
    postcodesUrl: postcodesUrl(env),
    tiles: tileSource(env),
    notify: readNotifySettings(env),
  };
}
