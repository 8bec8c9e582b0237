/**
 * Writes to the same documents take turns on this instance: `_bulk_docs` judges a write against
 * the present and then stores it, and a second write landing in between would make the judged
 * present stale. Each call waits for the calls before it that share a key, never for others, and
 * takes all its keys at once, so two batches can never wait on each other in a circle.
 * Across instances (several behind one CouchDB) the window stays open; docs/architecture.md says
 * what that costs.
 */
export class KeyedLock {
  #tails = new Map<string, Promise<void>>();

  async run<T>(keys: Iterable<string>, task: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const before = unique.map((k) => this.#tails.get(k) ?? Promise.resolve());
    let release = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    for (const key of unique) this.#tails.set(key, done);
    try {
      await Promise.all(before);
      return await task();
    } finally {
      release();
      for (const key of unique) if (this.#tails.get(key) === done) this.#tails.delete(key);
    }
  }
}
