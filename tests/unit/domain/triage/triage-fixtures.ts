/**
 * Requests and contacts for the triage tests: a factory request with only the fields triage reads
 * changed, and its contact with exactly the circumstances named (none by default).
 */
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { contactFor, request } from '../../../support/factories.ts';

export type Circumstances = ContactDoc['circumstances'];

export const noCircumstances: Circumstances = {
  self_isolating: false,
  shielding: false,
  lives_alone: false,
  no_food_today: false,
  medicine_runs_out_days: null,
};

/** Midday in winter, so UTC and London agree on the day. */
export const now = '2030-01-20T12:00:00.000Z';

/** `date` (YYYY-MM-DD) plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An ISO instant `days` (may be fractional) before `from`. */
export function daysBefore(from: string, days: number): string {
  return new Date(Date.parse(from) - days * 86_400_000).toISOString();
}

/** A new request, in by `now`, needed in a week, low and about support unless told otherwise. */
export function req(fields: Partial<RequestDoc> = {}): RequestDoc {
  return {
    ...request(),
    kind: 'self_isolation_support',
    urgency: 'low',
    needed_by: addDays(now.slice(0, 10), 7),
    created_at: now,
    ...fields,
  };
}

/** The request's contact, saying exactly `circumstances`, made when the request was. */
export function contactOf(doc: RequestDoc, circumstances: Partial<Circumstances> = {}): ContactDoc {
  return {
    ...contactFor(doc),
    created_at: doc.created_at,
    circumstances: { ...noCircumstances, ...circumstances },
  };
}
