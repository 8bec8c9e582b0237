/**
 * Or-opt on an open path (Or 1976): move a run of one to three consecutive stops, either way
 * round, to wherever in the path it gains most, when that shortens the path; until no such move
 * does. It finds what 2-opt cannot: a stop picked up out of turn, carried to where it belongs.
 */
import type { DistanceMatrix } from './distance-matrix.ts';
import { minGainMetres } from './two-opt.ts';

const longestRun = 3;

type Move = { after: number; reversed: boolean };

/** Improves `path` in place (the start stays first); true when it changed. */
export function orOpt(matrix: DistanceMatrix, path: number[]): boolean {
  let changed = false;
  for (let improved = true; improved;) {
    improved = false;
    for (let length = 1; length <= longestRun; length++) {
      for (let s = 1; s + length <= path.length; s++) {
        const move = bestMove(matrix, path, s, s + length - 1);
        if (move === null) continue;
        apply(path, s, s + length - 1, move);
        improved = changed = true;
      }
    }
  }
  return changed;
}

/**
 * Where the run at positions s..e gains most, as the position of the point it would follow once
 * taken out (the end of the path included); null when no place shortens the path. Putting it back
 * where it was is left to 2-opt, which reverses a run in place.
 */
function bestMove(matrix: DistanceMatrix, path: number[], s: number, e: number): Move | null {
  const { size, metres } = matrix;
  const n = path.length;
  const head = path[s]!;
  const tail = path[e]!;
  const before = path[s - 1]!;
  const next = e + 1 < n ? path[e + 1]! : -1;
  const saved =
    metres[before * size + head]! +
    (next === -1 ? 0 : metres[tail * size + next]! - metres[before * size + next]!);
  let bestGain = minGainMetres;
  let bestAfter = -1;
  let bestReversed = false;
  for (let after = 0; after < n; after++) {
    if (after >= s - 1 && after <= e) continue; // in the run, or where it is now
    const from = path[after]!;
    const to = after + 1 < n ? path[after + 1]! : -1;
    const opened = saved + (to === -1 ? 0 : metres[from * size + to]!);
    const forward =
      opened - metres[from * size + head]! - (to === -1 ? 0 : metres[tail * size + to]!);
    const backward =
      opened - metres[from * size + tail]! - (to === -1 ? 0 : metres[head * size + to]!);
    if (forward > bestGain || backward > bestGain) {
      bestReversed = backward > forward;
      bestGain = bestReversed ? backward : forward;
      bestAfter = after;
    }
  }
  return bestAfter === -1 ? null : { after: bestAfter, reversed: bestReversed };
}

/** Takes the run s..e out and puts it back after the point now at position `move.after`. */
function apply(path: number[], s: number, e: number, move: Move): void {
  const run = path.splice(s, e - s + 1);
  if (move.reversed) run.reverse();
  const after = move.after < s ? move.after : move.after - run.length;
  path.splice(after + 1, 0, ...run);
}
