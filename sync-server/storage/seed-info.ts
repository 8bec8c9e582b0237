/**
 * The server-only marker a seed leaves (`seed:info`): what was seeded, and whether it is the demo
 * set, whose accounts all share one published password. `npm start` reads it to list the accounts
 * and to keep the demo on this computer (config.ts, `listenHost`).
 */
import type { DocStore } from './storage.ts';

export const seedInfoId = 'seed:info';

export type SeedInfo = {
  _id: typeof seedInfoId;
  type: 'seed';
  demo: boolean;
  seed: number;
  now: string;
  created_at: string;
  /** Accounts have no user id of their own yet: this maps each seeded username to the id its documents use. */
  users: { username: string; role: string; user_id: string }[];
};

/** What a data directory was seeded with, if it was; null for real data. */
export async function readSeedInfo(store: DocStore): Promise<SeedInfo | null> {
  return store.get<SeedInfo>(seedInfoId);
}

/** Whether the data is the demo set (its passwords may have been reset since; its name is known). */
export async function holdsDemoData(store: DocStore): Promise<boolean> {
  return (await readSeedInfo(store))?.demo === true;
}
