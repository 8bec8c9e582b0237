/**
 * The device's read model as a screen holds it: only to hand to this module's queries, which alone
 * read its tables and know its rows (docs/architecture.md, "The coordinator's desk"). Screens
 * import this, never `model/`: a lint rule keeps it so (eslint.config.js).
 */
import { ReadModelDb, readModelName } from './model/read-model.ts';

export type { ReadModelDb };

/**
 * This user's read model (`userId`: the account's id), opened before the replica so a screen can
 * be drawn from it first (device-session.svelte.ts); the device follows the replica into it.
 */
export const openReadModel = (userId: string): ReadModelDb => new ReadModelDb(readModelName(userId));
