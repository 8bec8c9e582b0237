/**
 * Names a request's page shows for ids: the volunteers a coordinator may assign it to, and an
 * area in the page's language. Pure, so the page keeps to what it shows.
 */
import type { Language } from '#domain/languages.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { isAssignable } from '#domain/people/assignable.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';

/**
 * Volunteers of the request's area a coordinator may assign, and whoever holds it now, by name.
 * The device cannot know which accounts are switched off; the server checks that too.
 */
export function assignChoices(
  request: RequestDoc,
  volunteers: ReadonlyMap<string, VolunteerDoc>,
  who: (id: string) => string,
  lang: Language,
): [string, string][] {
  const list = [...volunteers]
    .filter(([, v]) => isAssignable({ profile: v, enabled: true }, request.area))
    .map(([id, v]): [string, string] => [id, v.name]);
  if (request.assignee && !list.some(([id]) => id === request.assignee)) {
    list.push([request.assignee, who(request.assignee)]);
  }
  return list.sort((a, b) => a[1].localeCompare(b[1], lang));
}

/** An area's name in `lang`, or its id when the device does not hold it. */
export function areaLabel(
  areas: ReadonlyMap<string, Pick<AreaDoc, 'name_cy' | 'name_en'>>,
  id: string | null,
  lang: Language,
): string {
  const area = id === null ? undefined : areas.get(id);
  return area ? (lang === 'cy' ? area.name_cy : area.name_en) : (id ?? '');
}
