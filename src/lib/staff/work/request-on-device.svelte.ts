/**
 * A page about one request as this device holds it (a call just saved, its consent, its
 * hand-over): the signed-in work session (or, with nobody signed in, the sign-in page), the
 * request live from the read model, the device's sync status, and a write about the request.
 * Made while the page initialises, as `liveFrom` and `onMount` must be.
 */
import { onMount } from 'svelte';
import { goto } from '$app/navigation';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { getLocaleContext } from '$lib/i18n/context.ts';
import { liveFrom, type Live } from '$lib/runes/live-query.svelte.ts';
import { requestById } from '../data/requests/request-queries.ts';
import { openWork, type WorkSession } from './work-session.ts';
import { workUser } from './work-user.ts';

export class RequestOnDevice {
  #work = $state<WorkSession | null>(null);
  #saving = $state(false);
  readonly #uuid: () => string;
  readonly #request: Live<RequestDoc | null>;
  readonly #user = $derived(this.#work ? workUser(this.#work.account, this.#work.userId) : null);

  /** `uuid`: the request's, as its page's address gives it; read again whenever it changes. */
  constructor(uuid: () => string) {
    this.#uuid = uuid;
    const locale = getLocaleContext();
    onMount(() => {
      void openWork().then((opened) => {
        if (opened === null) void goto(`/${locale.lang}/staff/sign-in`, { replaceState: true });
        else this.#work = opened;
      });
    });
    this.#request = liveFrom(
      () => (this.model && uuid() ? { model: this.model, id: this.id } : null),
      ({ model, id }) => requestById(model, id),
      null,
    );
  }

  get uuid(): string {
    return this.#uuid();
  }

  get id(): string {
    return requestDocId(this.#uuid());
  }

  get work(): WorkSession | null {
    return this.#work;
  }

  get model() {
    return this.#work?.session.model ?? null;
  }

  get user(): StaffUser | null {
    return this.#user;
  }

  /** This device's sync status: whether it is online, and the writes the server refused. */
  get sync() {
    return this.#work?.session.status.current ?? null;
  }

  /** The request, or null while it is being read and when this device does not hold it. */
  get request(): RequestDoc | null {
    return this.#request.current;
  }

  /** True once the device has been asked, so a null `request` means it holds none. */
  get loaded(): boolean {
    return this.#work !== null && this.#request.loaded;
  }

  get saving(): boolean {
    return this.#saving;
  }

  /**
   * Makes `write` to this device's replica as the signed-in user, one at a time, and then counts
   * it among what waits to upload. A write that throws is logged and gives `failed`; null when
   * another is under way or nobody is signed in.
   */
  async save<T, F>(
    what: string,
    write: (db: PouchDB.Database, user: StaffUser) => Promise<T>,
    failed: F,
  ): Promise<T | F | null> {
    const work = this.#work;
    const user = this.#user;
    if (this.#saving || !work || !user) return null;
    this.#saving = true;
    const device = await work.session.device();
    const outcome = await write(device.dbs.local, user).catch((e: unknown): F => {
      console.error(`${what} failed`, e);
      return failed;
    });
    await device.refresh();
    this.#saving = false;
    return outcome;
  }
}
