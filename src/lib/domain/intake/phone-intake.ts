/**
 * A request a coordinator takes on the phone, for someone who is not online (docs/architecture.md,
 * "Phone intake"). The caller is asked the resident's own questions and their answers pass the
 * resident's own schemas (`Submission`), so the two channels store one model: the same request and
 * contact `toDocuments` makes, routed and stamped in the coordinator's name (`routedRequest(…, by)`),
 * which is what says the channel is the phone and who took the call, and records the consent as
 * heard by phone. The history starts with its `created` event, in their name too.
 */
import type { AreaDoc } from '../areas/area-doc.ts';
import { areaForDistrict } from '../areas/intake.ts';
import { postcodeDistrict } from '../questions/contact-format.ts';
import type { Submission } from '../questions/request-schema.ts';
import type { EventDoc } from '../records/append-only-docs.ts';
import { eventOn } from '../records/history.ts';
import type { ContactDoc } from '../requests/contact.ts';
import { routedRequest, type RequestDoc } from '../requests/request.ts';
import { toDocuments } from '../requests/submission.ts';
import { coversArea, type StaffUser } from '../people/users.ts';

export type PhoneIntake = { request: RequestDoc; contact: ContactDoc; created: EventDoc };

/**
 * The documents a call leaves: `by` is the coordinator's user id, `reference` one their device holds
 * (reference-pool.ts), `now` an ISO instant, `eventUuid` the id of the `created` event.
 */
export function phoneIntake(
  submission: Submission,
  reference: string,
  area: string,
  by: string,
  now: string,
  eventUuid: string,
): PhoneIntake {
  const { request, contact } = toDocuments(submission, reference, now);
  const routed = routedRequest(request, area, by);
  const created = eventOn(routed._id, eventUuid, {
    author: by,
    field: 'created',
    from: null,
    to: routed.status,
    at: now,
  });
  return { request: routed, contact, created };
}

/**
 * Where a call can go: the area listing the caller's postcode district, or, when the coordinator
 * does not cover that one, a choice among the areas they do (`districtArea` says whose district it
 * is, null when no area lists it).
 */
export type AreaChoice = { routed: string } | { choose: string[]; districtArea: string | null };

/**
 * A call is routed like a web request, to the area listing the caller's postcode district, when the
 * coordinator covers it. Otherwise (a district no area lists, or another team's) they choose among
 * the areas they cover, since they may only create requests there and should still see what they
 * took; the request page can hand it to the right area afterwards. Admins cover every area.
 */
export function areaChoice(
  user: StaffUser,
  areas: readonly AreaDoc[],
  postcode: string,
): AreaChoice {
  const live = areas.filter((a) => !a._deleted);
  const own = live
    .map((a) => a._id.slice('area:'.length))
    .filter((id) => user.role === 'admin' || coversArea(user, id))
    .sort();
  const districtArea = areaForDistrict(live, postcodeDistrict(postcode));
  if (districtArea !== null && own.includes(districtArea)) return { routed: districtArea };
  return { choose: own, districtArea };
}
