/**
 * Sends what is waiting in the outbox: on app start, when the browser says it is online again, and
 * on a backoff timer while anything is left. The server makes this safe to repeat: a request is
 * stored once per client-made id, and a repeat answers with the same reference.
 */
import { isApiError } from '#domain/api-errors.ts';
import type { SubmissionReceipt } from '#domain/requests/submission.ts';
import { backoffDelay } from '$lib/network/backoff.ts';
import { markRefused, markRetry, markSent, waitingRequests, type StoredRequest } from './outbox.ts';
import { waitingHintKey } from './outbox-hint.ts';

type Outcome = 'sent' | 'refused' | 'retry';

const sendTimeoutMs = 30_000;

async function sendOne(item: StoredRequest): Promise<Outcome> {
  let response: Response;
  // A send that hangs on a dying connection must not hold the outbox for ever.
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), sendTimeoutMs);
  try {
    response = await fetch('/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(item.submission),
      signal: abort.signal,
    });
  } catch {
    return 'retry'; // no network, the server is unreachable, or the send timed out
  } finally {
    clearTimeout(timeout);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body && typeof body === 'object' && 'reference' in body) {
    await markSent(item.id, body as SubmissionReceipt, new Date());
    return 'sent';
  }
  // 4xx other than "too many" and "timeout" will not get better by trying again: show it.
  const permanent =
    response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
  if (permanent) {
    await markRefused(item.id, {
      code: isApiError(body) ? body.error : `http_${response.status}`,
      fields: isApiError(body) ? body.fields : undefined,
    });
    return 'refused';
  }
  return 'retry';
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Sends every waiting request that is due, then schedules the next attempt if any remain. */
export async function flushOutbox(force = false): Promise<void> {
  const run = async () => {
    // While the browser knows it is offline, trying would only grow the backoff; the `online`
    // event forces a flush the moment a connection returns.
    if (navigator.onLine) {
      const now = Date.now();
      for (const item of await waitingRequests()) {
        if (!force && item.next_attempt_at > now) continue;
        if ((await sendOne(item)) === 'retry') {
          await markRetry(item, Date.now() + backoffDelay(item.attempts));
        }
      }
    }
    await schedule();
  };
  // One sender at a time across tabs. A flush that arrives while another runs waits its turn
  // rather than being dropped: the `online` flush must happen even if a send is still hanging.
  // Each turn re-reads the outbox, so what the previous turn sent is not sent again.
  if (navigator.locks) {
    await navigator.locks.request('cymorth-outbox', run);
  } else {
    await run();
  }
}

async function schedule(): Promise<void> {
  clearTimeout(timer);
  const left = await waitingRequests();
  if (left.length === 0) {
    localStorage.removeItem(waitingHintKey);
    return;
  }
  const due = Math.min(...left.map((r) => r.next_attempt_at));
  timer = setTimeout(() => void flushOutbox(), Math.max(1_000, due - Date.now()));
}

let started = false;

/** Starts listening for the network (once per page load) and tries to send now. */
export function startSender(): void {
  if (started) return void flushOutbox(true);
  started = true;
  // "online" is a hint, not a promise of a route to the server, so it forces an attempt now and
  // the backoff takes over if it fails.
  window.addEventListener('online', () => void flushOutbox(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox(true);
  });
  void flushOutbox(true);
}
