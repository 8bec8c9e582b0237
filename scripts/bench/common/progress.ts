/** What a bench prints while it runs: the machine's load, and each step with its time. */
import os from 'node:os';

/** The load averages over 1, 5 and 15 minutes, as `uptime` prints them. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Prints a step done, with the seconds since `t0` (`Date.now()`). */
export const step = (what: string, t0: number) =>
  console.log(`  ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
