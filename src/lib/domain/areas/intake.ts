/**
 * Where a resident's request goes: to the active area whose postcode districts include the
 * request's (`SY23` → Ceredigion). A district no active area lists leaves the request unrouted
 * (`area: null`), which only admins see, so it must be shown to them to route by hand; two areas
 * listing the same district is a set-up mistake (the admin pages refuse it), resolved the same way
 * on every server by taking the first area id in order.
 */
import type { AreaDoc } from './area-doc.ts';

export function areaForDistrict(areas: readonly AreaDoc[], district: string): string | null {
  const matching = areas
    .filter(
      (a) => !a._deleted && a.active !== false && (a.postcode_districts ?? []).includes(district),
    )
    .map((a) => a._id.slice('area:'.length))
    .sort();
  return matching[0] ?? null;
}
