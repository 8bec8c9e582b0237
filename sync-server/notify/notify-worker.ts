/**
 * The background worker that tells residents what happens (docs/architecture.md, "Telling
 * residents"): every `pollMs` it follows the changes feed, queuing what is owed
 * (status-follower.ts), then sends what is due (message-queue.ts) through Notify
 * (notify-client.ts). Each message is judged again as it goes: the contact as it is now must agree
 * to texts, the number must not have replied STOP, and the moment must not be long past. A
 * message Notify could not take for now is tried again with backoff; one it refused is kept as
 * failed. Requests' writes never wait for any of it. Without a key it only follows the feed.
 */
import { isRecipient, recipientOf } from '#domain/messages/recipient.ts';
import { isTimely, personalisationOf } from '#domain/messages/resident-messages.ts';
import type { Storage } from '../storage/storage.ts';
import {
  claim,
  defaultBackoff,
  done,
  dueMessages,
  fail,
  retryLater,
  type Backoff,
  type MessageDoc,
} from './message-queue.ts';
import { notifyClient, type NotifyClient } from './notify-client.ts';
import type { NotifySettings } from './notify-settings.ts';
import { hasOptedOut } from './opt-outs.ts';
import { contactOf, readRequest, statusFollower } from './status-follower.ts';

export type NotifyOptions = {
  storage: Storage;
  settings: NotifySettings;
  now?: () => Date;
  /** How often to follow the feed and send; 2 s when not given. */
  pollMs?: number;
  backoff?: Backoff;
  /** How long to wait for Notify's answer before trying again later; 10 s when not given. */
  timeoutMs?: number;
  /** How long a claim keeps other instances off a message; 60 s when not given. */
  leaseMs?: number;
  log?: (line: string) => void;
};

export type NotifyWorker = {
  /**
   * Resolves once the follower knows where it follows from: on a server's very first start, the
   * feed's present, so start.ts listens only after it and no request can be taken for the past.
   */
  ready: Promise<void>;
  /** Follows the feed and sends what is due now; resolves when done (tests, and the poll). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
};

export function startNotify(options: NotifyOptions): NotifyWorker {
  const { storage, settings } = options;
  const store = storage.serverOnly;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? defaultBackoff;
  const leaseMs = options.leaseMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.warn(line));
  const configured = settings.apiKey !== null && settings.templates !== null;
  const client: NotifyClient | null =
    settings.apiKey === null
      ? null
      : notifyClient({
          apiKey: settings.apiKey,
          baseUrl: settings.baseUrl,
          now,
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        });
  const follower = statusFollower({ storage, queues: configured, now });
  // Never rejects: a database not answering at start is met again, and said, by each pass.
  const ready = follower.start().catch((error: unknown) => console.error('notify:', error));
  let stopped = false;

  async function sendOne(message: MessageDoc) {
    const claimed = await claim(store, message, now(), leaseMs);
    if (claimed === null || client === null || settings.templates === null) return;
    const request = await readRequest(storage, claimed.request_id);
    const contact = await contactOf(storage, claimed.request_id);
    if (request === null || contact === null) return done(store, claimed);
    const recipient = recipientOf(contact, await hasOptedOut(store, contact.contact.phone));
    const timely = isTimely({ message: claimed.message, at: claimed.about_at }, now());
    if (!isRecipient(recipient) || !timely) return done(store, claimed);
    const outcome = await client.send({
      channel: recipient.channel,
      to: recipient.phone,
      templateId: settings.templates[claimed.message][claimed.language],
      personalisation: personalisationOf(request),
      reference: claimed._id,
    });
    if (outcome.kind === 'sent') return done(store, claimed);
    const failure = { status: outcome.status, error: outcome.error };
    const what = `notify: ${claimed._id}: ${outcome.status ?? 'no answer'} ${outcome.error}`;
    if (outcome.kind === 'failed') {
      await fail(store, claimed, failure, now());
      log(`${what}: not sent`);
    } else if ((await retryLater(store, claimed, failure, now(), backoff)) === 'failed') {
      log(`${what}: gave up after ${backoff.maxAttempts} tries`);
    }
  }

  async function work() {
    await ready;
    await follower.follow();
    if (!configured) return;
    for (const message of await dueMessages(store, now())) {
      if (stopped) return;
      await sendOne(message);
    }
  }

  let busy = false;
  let running: Promise<void> = Promise.resolve();
  /** One pass at a time: a poll that comes while one runs is skipped. */
  const pass = () => {
    if (busy || stopped) return running;
    busy = true;
    running = work()
      .catch((error: unknown) => console.error('notify:', error))
      .finally(() => {
        busy = false;
      });
    return running;
  };
  const timer = setInterval(() => void pass(), options.pollMs ?? 2_000);
  timer.unref();
  void pass();

  return {
    ready,
    runOnce: async () => {
      await running;
      await pass();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
