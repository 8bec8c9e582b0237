/**
 * A small seeded PRNG for the property tests, so every run is repeatable and a failure names the seed
 * that reproduces it. mulberry32 (Tommy Ettinger, public domain): 32-bit state, good enough spread
 * for generating test cases, not for anything secret.
 */
export type Random = {
  seed: number;
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  subset<T>(items: readonly T[]): T[];
  shuffle<T>(items: readonly T[]): T[];
  uuid(): string;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  const random: Random = {
    seed,
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[int(items.length)]!;
    },
    chance: (p) => next() < p,
    subset: (items) => items.filter(() => next() < 0.5),
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
  return random;
}

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
