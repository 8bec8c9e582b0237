/**
 * 2-opt on an open path (Croes 1958; https://en.wikipedia.org/wiki/2-opt): reverse a stretch of
 * the path when that shortens it, until no reversal does. The start stays first; the end is free,
 * so reversing the whole tail is a move too (it changes which stop is last).
 */
import type { DistanceMatrix } from './distance-matrix.ts';

/**
 * A move must gain more than this many metres: rounding in the sums could otherwise have two
 * "improvements" undo each other forever.
 */
export const minGainMetres = 1e-6;

/** Improves `path` in place; true when it changed. */
export function twoOpt(matrix: DistanceMatrix, path: number[]): boolean {
  const { size, metres } = matrix;
  const d = (a: number, b: number) => metres[a * size + b]!;
  const n = path.length;
  let changed = false;
  for (let improved = true; improved;) {
    improved = false;
    for (let i = 1; i < n - 1; i++) {
      const before = path[i - 1]!;
      const first = path[i]!;
      for (let j = i + 1; j < n; j++) {
        const last = path[j]!;
        const after = j + 1 < n ? path[j + 1]! : -1;
        const gain =
          d(before, first) -
          d(before, last) +
          (after === -1 ? 0 : d(last, after) - d(first, after));
        if (gain > minGainMetres) {
          reverse(path, i, j);
          improved = changed = true;
          break;
        }
      }
    }
  }
  return changed;
}

function reverse(path: number[], from: number, to: number): void {
  for (let i = from, j = to; i < j; i++, j--) [path[i], path[j]] = [path[j]!, path[i]!];
}
