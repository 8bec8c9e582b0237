/**
 * What a coordinator can narrow the queue to, as plain data kept in the page's URL (so a filtered
 * queue can be bookmarked, shared and reloaded offline): status, kind, area, urgency, unassigned,
 * overdue, language, assigned volunteer and a search. Unknown or malformed values are dropped,
 * never an error: a URL is input like any other.
 */
import { languages, type Language } from '#domain/languages.ts';
import { requestKinds, type RequestKind } from '#domain/questions/request-fields.ts';
import { isClosed, requestStatuses, type RequestStatus } from '#domain/requests/status.ts';
import { urgencyLevels, type Urgency } from '#domain/requests/urgency.ts';

/** `active`: everything not yet done or cancelled, the default; `all` includes those. */
export const statusChoices = ['active', ...requestStatuses, 'all'] as const;
export type StatusChoice = (typeof statusChoices)[number];

export type DeskFilters = {
  status: StatusChoice;
  kind: RequestKind | null;
  area: string | null;
  urgency: Urgency | null;
  language: Language | null;
  /** A volunteer's user id. */
  volunteer: string | null;
  unassigned: boolean;
  overdue: boolean;
  /** What was typed in the search box, as typed. */
  q: string;
};

export const noFilters: DeskFilters = {
  status: 'active',
  kind: null,
  area: null,
  urgency: null,
  language: null,
  volunteer: null,
  unassigned: false,
  overdue: false,
  q: '',
};

/** Longer input is cut, not refused: nobody types 100 characters to find one person. */
export const maxQueryLength = 100;

const oneOf = <T extends string>(options: readonly T[], value: string | null): T | null =>
  value !== null && (options as readonly string[]).includes(value) ? (value as T) : null;

const idLike = (value: string | null) =>
  value !== null && /^[a-z0-9_-]{1,64}$/i.test(value) ? value : null;

export function filtersFromUrl(params: URLSearchParams): DeskFilters {
  return {
    status: oneOf(statusChoices, params.get('status')) ?? 'active',
    kind: oneOf(requestKinds, params.get('kind')),
    area: idLike(params.get('area')),
    urgency: oneOf(urgencyLevels, params.get('urgency')),
    language: oneOf(languages, params.get('language')),
    volunteer: idLike(params.get('volunteer')),
    unassigned: params.get('unassigned') === '1',
    overdue: params.get('overdue') === '1',
    q: (params.get('q') ?? '').slice(0, maxQueryLength),
  };
}

/** The query string for `filters`, without the defaults, in a fixed order. */
export function filtersToUrl(filters: DeskFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'active') params.set('status', filters.status);
  for (const key of ['kind', 'area', 'urgency', 'language', 'volunteer'] as const) {
    const value = filters[key];
    if (value !== null) params.set(key, value);
  }
  if (filters.unassigned) params.set('unassigned', '1');
  if (filters.overdue) params.set('overdue', '1');
  if (filters.q.trim() !== '') params.set('q', filters.q.trim());
  return params.toString();
}

export function matchesStatus(status: RequestStatus, choice: StatusChoice): boolean {
  if (choice === 'all') return true;
  if (choice === 'active') return !isClosed(status);
  return status === choice;
}

/** How many filters narrow the queue beyond the default status. */
export const narrowing = (f: DeskFilters) =>
  [f.kind, f.area, f.urgency, f.language, f.volunteer].filter((v) => v !== null).length +
  Number(f.unassigned) +
  Number(f.overdue) +
  Number(f.q.trim() !== '') +
  Number(f.status !== 'active');
