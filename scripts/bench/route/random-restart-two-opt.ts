/**
 * The yardstick for the route's length: 2-opt from a random order of the stops, to a local
 * optimum, many times, keeping the shortest (the "best of 1,000 random-restart 2-opt
 * runs"). Written here on its own rather than with the domain's two-opt.ts, so that a fault in
 * that cannot flatter the figure it is judged by; only the distances are shared.
 */
import { pathMetres, type DistanceMatrix } from '#domain/routing/distance-matrix.ts';
import type { Random } from '../../seed/random.ts';

export function bestOfRandomTwoOpt(
  matrix: DistanceMatrix,
  restarts: number,
  random: Random,
): number {
  const stops = Array.from({ length: matrix.size - 1 }, (_, i) => i + 1);
  let best = Infinity;
  for (let run = 0; run < restarts; run++) {
    const path = [0, ...random.shuffle(stops)];
    twoOptToLocalOptimum(matrix, path);
    best = Math.min(best, pathMetres(matrix, path));
  }
  return best;
}

/** Reverses path[i..j] while any such reversal shortens the open path (the start stays first). */
function twoOptToLocalOptimum({ size, metres }: DistanceMatrix, path: number[]): void {
  // -1 is past the end: an open path has no edge back from its last stop.
  const d = (a: number, b: number) => (b === -1 ? 0 : metres[a * size + b]!);
  for (let improved = true; improved;) {
    improved = false;
    for (let i = 1; i < path.length - 1; i++) {
      for (let j = i + 1; j < path.length; j++) {
        const [a, b, c] = [path[i - 1]!, path[i]!, path[j]!];
        const e = j + 1 < path.length ? path[j + 1]! : -1;
        if (d(a, c) + d(b, e) < d(a, b) + d(c, e) - 1e-6) {
          path.splice(i, j - i + 1, ...path.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
  }
}
