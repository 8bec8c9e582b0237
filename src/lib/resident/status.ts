/** Asks the server for the status of requests sent from this phone, with each one's own token. */
import { isRequestStatus } from '#domain/requests/status.ts';
import { isOutcomeKind } from '#domain/tasks/outcomes.ts';
import { residentDb } from './outbox.ts';

export async function refreshStatuses(now = new Date()): Promise<void> {
  const sent = await residentDb.requests.where('state').equals('sent').toArray();
  await Promise.all(
    sent.map(async (item) => {
      if (!item.reference || !item.status_token) return;
      try {
        const response = await fetch(`/api/requests/${item.reference}`, {
          headers: { authorization: `Bearer ${item.status_token}` },
        });
        if (!response.ok) return;
        const body = (await response.json()) as {
          status?: unknown;
          updated_at?: unknown;
          outcome?: unknown;
        };
        if (!isRequestStatus(body.status)) return;
        await residentDb.requests.update(item.id, {
          status: body.status,
          outcome: isOutcomeKind(body.outcome) ? body.outcome : undefined,
          status_updated_at: typeof body.updated_at === 'string' ? body.updated_at : undefined,
          status_checked_at: now.toISOString(),
        });
      } catch {
        // Offline: the last known status stays on screen with the time it was checked.
      }
    }),
  );
}
