/**
 * Dexie's liveQuery as a rune: `const items = liveState(() => db.t.toArray(), [])` and read
 * `items.current`. Call it while a component initialises; the subscription ends with the component.
 */
import { liveQuery } from 'dexie';

export function liveState<T>(query: () => Promise<T>, initial: T): { readonly current: T } {
  let current = $state(initial);
  $effect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => (current = value),
      error: (error: unknown) => console.error('liveQuery failed', error),
    });
    return () => subscription.unsubscribe();
  });
  return {
    get current() {
      return current;
    },
  };
}
