/**
 * What the queue and the map start from, both reading the desk: the signed-in work session (or,
 * with nobody signed in, the sign-in page), the user with their profile, the desk's filters from
 * the address (the same filters, so the two link to each other with the choice kept), the areas
 * and volunteers by name, and the requests the server refused. Made while the page initialises, as
 * `liveFrom` and `onMount` must be.
 */
import { onMount } from 'svelte';
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { getLocaleContext } from '$lib/i18n/context.ts';
import { liveFrom, type Live } from '$lib/runes/live-query.svelte.ts';
import { areasById } from '../data/area-queries.ts';
import { filtersFromUrl, noFilters, type DeskFilters } from '../data/desk/desk-filters.ts';
import { profilesByUserId, volunteerProfile } from '../data/volunteers/profile-queries.ts';
import { refusedRequests } from '../refusals/refusals.ts';
import { openWork, type WorkSession } from './work-session.ts';
import { workUser } from './work-user.ts';

type Choice = { id: string; name: string };

/** What the lists hold until the model answers: never written to, so not reactive. */
const noAreas: ReadonlyMap<string, AreaDoc> = new Map();
const noVolunteers: ReadonlyMap<string, VolunteerDoc> = new Map();

export class DeskView {
  #work = $state<WorkSession | null>(null);
  readonly #locale = getLocaleContext();
  readonly model = $derived(this.#work?.session.model ?? null);
  readonly #areas: Live<ReadonlyMap<string, AreaDoc>> = liveFrom(
    () => this.model,
    areasById,
    noAreas,
  );
  readonly #volunteers: Live<ReadonlyMap<string, VolunteerDoc>> = liveFrom(
    () => this.model,
    profilesByUserId,
    noVolunteers,
  );
  /** The signed-in user's own profile (a volunteer's base, their areas). */
  readonly profile: Live<VolunteerDoc | undefined> = liveFrom(
    () => (this.#work && this.model ? { model: this.model, id: this.#work.userId } : null),
    ({ model, id }) => volunteerProfile(model, id),
    undefined,
  );

  readonly user = $derived(
    this.#work ? workUser(this.#work.account, this.#work.userId, this.profile.current) : null,
  );
  readonly isVolunteer = $derived(this.user?.role === 'volunteer');
  /** The query string is not part of the prerendered page: read it running in the browser. */
  readonly filters: DeskFilters = $derived(
    browser ? filtersFromUrl(page.url.searchParams) : noFilters,
  );
  readonly refused = $derived(refusedRequests(this.#work?.session.status.current.denied ?? []));
  readonly areaChoices: Choice[] = $derived(
    (this.user?.areas ?? []).map((id) => ({ id, name: this.areaName(id) })),
  );
  readonly volunteerChoices: Choice[] = $derived(
    [...this.#volunteers.current.entries()]
      .map(([id, v]) => ({ id, name: v.name }))
      .sort((a, b) => a.name.localeCompare(b.name, this.#locale.lang)),
  );

  constructor() {
    const locale = this.#locale;
    onMount(() => {
      void openWork().then((opened) => {
        if (opened === null) void goto(`/${locale.lang}/staff/sign-in`, { replaceState: true });
        else this.#work = opened;
      });
    });
  }

  get work(): WorkSession | null {
    return this.#work;
  }

  /** An area's name in the page's language (its id if this device does not hold it). */
  readonly areaName = (id: string | null): string => {
    const area = id === null ? undefined : this.#areas.current.get(id);
    return area ? (this.#locale.lang === 'cy' ? area.name_cy : area.name_en) : (id ?? '');
  };

  /** A volunteer's name; "nobody" for none, "a member of staff" for one this device does not hold. */
  readonly volunteerName = (id: string | null): string =>
    id === null
      ? this.#locale.t('work.labels.nobody')
      : (this.#volunteers.current.get(id)?.name ?? this.#locale.t('work.who.staff'));

  /** Volunteers' profiles by user id, as the map draws their bases. */
  get volunteers(): ReadonlyMap<string, VolunteerDoc> {
    return this.#volunteers.current;
  }
}
