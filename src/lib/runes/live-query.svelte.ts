/**
 * Dexie's liveQuery as a rune. `liveState(query, initial)` for a database that is always there;
 * `liveFrom(deps, query, initial)` for one that exists only once something has started (a staff
 * device): `deps()` is read in an effect, so it is tracked (the device, a filter, an id), and the
 * query runs again, live, whenever it or the rows it read change; while it is null nothing runs.
 * Call either while a component initialises; the subscription ends with the component.
 */
import { liveQuery } from 'dexie';

export type Live<T> = { readonly current: T; readonly loaded: boolean };

export function liveFrom<D, T>(
  deps: () => D | null,
  query: (deps: D) => Promise<T>,
  initial: T,
): Live<T> {
  let current = $state(initial);
  let loaded = $state(false);
  $effect(() => {
    const d = deps();
    if (d === null) return;
    const subscription = liveQuery(() => query(d)).subscribe({
      next: (value) => {
        current = value;
        loaded = true;
      },
      error: (error: unknown) => console.error('liveQuery failed', error),
    });
    return () => subscription.unsubscribe();
  });
  return {
    get current() {
      return current;
    },
    get loaded() {
      return loaded;
    },
  };
}

export const liveState = <T>(query: () => Promise<T>, initial: T): Live<T> =>
  liveFrom(() => true, query, initial);
