/**
 * What a request's page is called, read before the page first renders (its `load`): SvelteKit's
 * route announcer reads the page title to a screen reader user once, just after navigating, and
 * the page's own data arrives later, so the announced title was "This request is not on this
 * device" on every request (issue 9). `undefined` when nobody is signed in here.
 */
import { requestById } from '../data/requests/request-queries.ts';
import { openWork } from '../work/work-session.ts';

export type RequestHeading = { kind: string; reference: string };

export async function requestHeading(
  requestId: string,
): Promise<RequestHeading | null | undefined> {
  const work = await openWork();
  if (work === null) return undefined;
  const request = await requestById(work.session.model, requestId);
  return request ? { kind: request.kind, reference: request.reference } : null;
}
