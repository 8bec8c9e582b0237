/**
 * The property tests' seeded PRNG: the seeder's own (mulberry32), so every run is repeatable and a
 * failure names the seed that reproduces it.
 */
import { seededRandom, type Random } from '../../scripts/seed/random.ts';

export { seededRandom, type Random };

/** Runs `check` once per seed; a failure says which seed to replay. */
export function forSeeds(count: number, base: number, check: (random: Random) => void): void {
  for (let i = 0; i < count; i++) {
    const seed = base + i;
    try {
      check(seededRandom(seed));
    } catch (error) {
      throw new Error(`seed ${seed}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
}
