/**
 * Dexie's liveQuery as a rune for staff screens, whose database exists only once the device has
 * started: `deps()` is read in an effect (so it is tracked: the device, a filter, an id) and the
 * query runs again, live, whenever it or the rows it read change. Call while a component initialises.
 */
import { liveQuery } from 'dexie';

export function liveFrom<D, T>(
  deps: () => D | null,
  query: (deps: D) => Promise<T>,
  initial: T,
): { readonly current: T; readonly loaded: boolean } {
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
