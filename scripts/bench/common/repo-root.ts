import path from 'node:path';

/** The repository this bench lives in (scripts/bench/ → two levels up). */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');
