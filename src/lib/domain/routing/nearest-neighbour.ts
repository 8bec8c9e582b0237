/**
 * The path a person would walk without a plan: from the start, always to the nearest stop not yet
 * visited (of two as near, the lower index). Where the local search begins, and the floor it must
 * never do worse than.
 */
import type { DistanceMatrix } from './distance-matrix.ts';

export function nearestNeighbourPath(
  matrix: DistanceMatrix,
  begun: readonly number[] = [0],
): number[] {
  const { size, metres } = matrix;
  const visited = new Uint8Array(size);
  const path = [...begun];
  for (const point of path) visited[point] = 1;
  for (let step = path.length; step < size; step++) {
    const from = path[step - 1]!;
    let nearest = -1;
    for (let to = 0; to < size; to++) {
      if (visited[to] === 1) continue;
      if (nearest === -1 || metres[from * size + to]! < metres[from * size + nearest]!)
        nearest = to;
    }
    visited[nearest] = 1;
    path.push(nearest);
  }
  return path;
}
