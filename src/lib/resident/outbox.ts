/**
 * The resident's outbox and "my requests" list: one Dexie table on this phone. A request is saved
 * here the moment the resident presses Send, before any network is tried, and stays visible in one
 * of three states: waiting to send, sent (with its reference), or refused by the server (with why).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SubmissionReceipt } from '#domain/requests/submission.ts';
import type { Submission } from '#domain/questions/request-schema.ts';
import type { RequestStatus } from '#domain/requests/status.ts';
import type { OutcomeKind } from '#domain/tasks/outcomes.ts';
import { waitingHintKey } from './outbox-hint.ts';
import { askToKeep } from '../pwa/device-storage.ts';

export type OutboxState = 'waiting' | 'sent' | 'refused';

export type StoredRequest = {
  id: string;
  state: OutboxState;
  submission: Submission;
  created_at: string;
  attempts: number;
  /** Epoch ms before which the sender leaves this one alone (backoff). */
  next_attempt_at: number;
  reference?: string;
  status_token?: string;
  status?: RequestStatus;
  /** How a volunteer's visit ended, as the server told it (tasks/outcomes.ts). */
  outcome?: OutcomeKind;
  status_updated_at?: string;
  status_checked_at?: string;
  refusal?: { code: string; fields?: Record<string, string> };
};

class ResidentDb extends Dexie {
  requests!: EntityTable<StoredRequest, 'id'>;
  constructor() {
    super('cymorth-resident');
    this.version(1).stores({ requests: 'id, state, created_at' });
  }
}

export const residentDb = new ResidentDb();

/** Saves the request as waiting. Saving the same id again (a double tap) keeps one copy. */
export async function enqueue(submission: Submission, now = new Date()): Promise<void> {
  await residentDb.transaction('rw', residentDb.requests, async () => {
    const existing = await residentDb.requests.get(submission.id);
    if (existing) return;
    await residentDb.requests.add({
      id: submission.id,
      state: 'waiting',
      submission,
      created_at: now.toISOString(),
      attempts: 0,
      next_attempt_at: 0,
    });
  });
  localStorage.setItem(waitingHintKey, '1');
  // Ask the browser not to evict what the resident has saved (best effort, no prompt in Chromium);
  // "my requests" shows the answer.
  void askToKeep();
}

export async function markSent(id: string, receipt: SubmissionReceipt, now: Date): Promise<void> {
  await residentDb.requests.update(id, {
    state: 'sent',
    reference: receipt.reference,
    status_token: receipt.status_token,
    status: 'new',
    status_updated_at: now.toISOString(),
    status_checked_at: now.toISOString(),
  });
}

export async function markRefused(id: string, refusal: StoredRequest['refusal']): Promise<void> {
  await residentDb.requests.update(id, { state: 'refused', refusal });
}

export async function markRetry(item: StoredRequest, nextAttemptAt: number): Promise<void> {
  await residentDb.requests.update(item.id, {
    attempts: item.attempts + 1,
    next_attempt_at: nextAttemptAt,
  });
}

export function waitingRequests(): Promise<StoredRequest[]> {
  return residentDb.requests.where('state').equals('waiting').toArray();
}
