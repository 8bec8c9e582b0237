/**
 * The background worker that gives requests their points (place-writer.ts) and volunteers' bases
 * theirs (place-base.ts), from the markers intake, sign-up and `/db` leave (pending.ts). It looks
 * for due markers every `pollMs`, claims each, works it, and either removes it or schedules the
 * next try with backoff; a source that is down only delays the points, never intake. Markers live
 * in the database, so a restart (or another instance) carries on where this one stopped; at start,
 * markers given up earlier get another round, and profiles whose base has no point get a marker.
 */
import { docClassOf } from '#domain/documents/doc-ids.ts';
import type { Storage } from '../storage/storage.ts';
import { GeocoderUnavailable, type Geocoder } from './geocoder.ts';
import {
  claim,
  defaultBackoff,
  duePending,
  finish,
  markPending,
  placedIdOf,
  retryLater,
  wakeGivenUp,
  type Backoff,
} from './pending.ts';
import { markUnplacedBases, placeVolunteerBase } from './place-base.ts';
import { placeRequest } from './place-writer.ts';

export type GeocodingOptions = {
  storage: Storage;
  geocoder: Geocoder;
  now?: () => Date;
  /** How often to look for due markers; 2 s when not given. */
  pollMs?: number;
  backoff?: Backoff;
  /** How long a claim keeps other instances off a marker; 60 s when not given. */
  leaseMs?: number;
  log?: (line: string) => void;
};

export type GeocodeWorker = {
  /** Works every due marker now; resolves when done (tests, and the poll). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
};

export function startGeocoding(options: GeocodingOptions): GeocodeWorker {
  const { storage, geocoder } = options;
  const store = storage.serverOnly;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? defaultBackoff;
  const leaseMs = options.leaseMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.warn(line));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  /** A marker names a request or a volunteer's profile (pending.ts). */
  const place = (id: string) =>
    docClassOf(id) === 'volunteer'
      ? placeVolunteerBase(storage.replicatedDb, geocoder, id, now)
      : placeRequest(storage.replicatedDb, geocoder, id, now);

  async function work() {
    for (const marker of await duePending(store, now())) {
      if (stopped) return;
      const claimed = await claim(store, marker, now(), leaseMs);
      if (claimed === null) continue;
      const id = placedIdOf(claimed);
      let why: string;
      try {
        const outcome = await place(id);
        if (outcome.done) {
          if (outcome.unknown) log(`geocode: ${id}: postcode district not known`);
          await finish(store, claimed);
          continue;
        }
        why = outcome.why;
      } catch (error) {
        why = error instanceof GeocoderUnavailable ? error.why : 'error';
        if (!(error instanceof GeocoderUnavailable)) console.error('geocode:', error);
      }
      const next = await retryLater(store, claimed, now(), backoff);
      if (next.gave_up) log(`geocode: ${id}: gave up after ${next.attempts} tries (${why})`);
    }
  }

  let busy = false;
  /** One pass at a time: a poll that comes while one runs is skipped. */
  const pass = () => {
    if (busy || stopped) return running;
    busy = true;
    running = work()
      .catch((error: unknown) => console.error('geocode:', error))
      .finally(() => {
        busy = false;
      });
    return running;
  };
  const runOnce = async () => {
    await running;
    await pass();
  };

  const started = wakeGivenUp(store, now())
    .then(() => markUnplacedBases(storage.replicatedDb, (id) => markPending(store, id, now())))
    .catch((error: unknown) => console.error('geocode:', error));
  const timer = setInterval(() => void pass(), options.pollMs ?? 2_000);
  timer.unref();
  void started.then(pass);

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      // The start's sweep too, so storage is not closed under it.
      await started;
      await running;
    },
  };
}
