/**
 * Waiting for something that happens on its own time (a live replication, a compaction, a server
 * coming back): `check` is asked again every `every` ms until it gives something truthy, which is
 * returned; after `timeout` ms the test fails, naming `what` it waited for.
 */
export type EventuallyOptions = {
  /**
   * What was awaited, for the failure: "every write on the server", or a function that says
   * what was last seen when the time ran out.
   */
  what: string | (() => string);
  timeout?: number;
  every?: number;
};

export async function eventually<T>(
  check: () => T | Promise<T>,
  { what, timeout = 5_000, every = 50 }: EventuallyOptions,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end)
      throw new Error(`not within ${timeout} ms: ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
