/**
 * The seeder's PRNG: mulberry32 (Tommy Ettinger, public domain), so a `--seed` always gives the same
 * documents. Good spread for synthetic data; never for anything secret. The unit tests' property
 * checks use the same generator (tests/support/seeded-random.ts), so a failure names its seed.
 */
export type Random = {
  seed: number;
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** One of `items`, each with its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** `count` distinct items (fewer if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  /** Each item kept with probability ½, in order. */
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
  const hex = (n: number) => {
    let out = '';
    for (let i = 0; i < n; i++) out += int(16).toString(16);
    return out;
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[int(items.length)]!;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    seed,
    next,
    int,
    pick,
    chance: (p) => next() < p,
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [item, w] of items) {
        x -= w;
        if (x < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    sample: (items, count) => shuffle(items).slice(0, count),
    subset: (items) => items.filter(() => next() < 0.5),
    shuffle,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
}
