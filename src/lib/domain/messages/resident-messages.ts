/**
 * What Cymorth tells a resident about their request, and when (docs/architecture.md, "Telling
 * residents"): that it was received (with its reference), that a volunteer is on the way, that it
 * is done, and that the volunteer could not reach them. Each is a moment in the request's life,
 * read from its status and the volunteer's outcome (tasks/outcomes.ts), never from a page.
 *
 * A moment has a key, so it is told once however often the server sees the request: `received`
 * once for the request, the others once per status change (their status stamp), since a volunteer
 * may set off, or find nobody home, more than once. The words are the Notify templates' own; what
 * Cymorth sends with them is the reference, never a name or anything of the resident's health.
 */
import type { Language } from '../languages.ts';
import { formatReference } from '../requests/reference.ts';
import type { RequestDoc } from '../requests/request.ts';

export const residentMessages = ['received', 'on_the_way', 'done', 'not_reached'] as const;
export type ResidentMessage = (typeof residentMessages)[number];

/** A moment to tell: which message, its key, and the time it is about (ISO). */
export type DueMessage = { message: ResidentMessage; key: string; at: string };

type Told = Pick<RequestDoc, 'status' | 'outcome' | 'created_at' | 'fields_meta'>;

/**
 * The moment the request's present state is, if it is one a resident is told of. A request the
 * server first sees already past `new` (triaged or assigned before its feed was read) still owes
 * its `received`, which its key makes once only; a closed one as a duplicate, or cancelled, is
 * told nothing here (a coordinator speaks to them).
 */
export function messageDue(request: Told): DueMessage | null {
  const at = request.fields_meta.status.at;
  const received: DueMessage = { message: 'received', key: 'received', at: request.created_at };
  switch (request.status) {
    case 'new':
    case 'assigned':
      return received;
    case 'triaged':
      if (request.outcome === undefined) return received;
      return request.outcome.kind === 'nobody_home'
        ? { message: 'not_reached', key: `not_reached:${at}`, at }
        : null;
    case 'in_progress':
      return { message: 'on_the_way', key: `on_the_way:${at}`, at };
    case 'done':
      return { message: 'done', key: `done:${at}`, at };
    case 'cancelled':
      return null;
  }
}

/**
 * How long after its moment a message is still worth sending. "On the way" is news for hours, not
 * days; a device that set off offline and uploaded the next day would otherwise text the resident
 * about yesterday. The rest stay useful for two days, after which a text would confuse more than
 * help (and a server given a key after months of running never texts about the past).
 */
export const maxAgeMs: Record<ResidentMessage, number> = {
  received: 2 * 86_400_000,
  on_the_way: 6 * 3_600_000,
  done: 2 * 86_400_000,
  not_reached: 2 * 86_400_000,
};

export function isTimely(due: Pick<DueMessage, 'message' | 'at'>, now: Date): boolean {
  const at = Date.parse(due.at);
  return Number.isFinite(at) && now.getTime() - at <= maxAgeMs[due.message];
}

/**
 * What fills the template's placeholders: the reference as a resident reads it (`482 173 905`).
 * Nothing of the contact: a text can be read by whoever holds the phone.
 */
export function personalisationOf(request: Pick<RequestDoc, 'reference'>): {
  reference: string;
} {
  return { reference: formatReference(request.reference) };
}

/** The setting naming each message's template in each language: `NOTIFY_TEMPLATE_RECEIVED_CY`. */
export function templateSetting(message: ResidentMessage, language: Language): string {
  return `NOTIFY_TEMPLATE_${message.toUpperCase()}_${language.toUpperCase()}`;
}
