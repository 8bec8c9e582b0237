/**
 * The device's read model as a screen holds it: only to hand to this module's queries, which alone
 * read its tables and know its rows (docs/architecture.md, "The coordinator's desk"). Screens
 * import this, never `model/`: a lint rule keeps it so (eslint.config.js).
 */
export type { ReadModelDb } from './model/read-model.ts';
