/**
 * A short open path through more stops than exact-path.ts tries every order of: the
 * nearest-neighbour path, then 2-opt and Or-opt to a local optimum; and the same again begun at
 * each of the next-nearest first stops, keeping the shortest. On 25 stops one local optimum was
 * about 2 % longer on average than the best of 1,000 random restarts of 2-opt; the best of all
 * first stops is a few hundredths of a per cent longer (`npm run bench -- route`). Deterministic,
 * unlike random restarts: the same stops give the same path.
 */
import { pathMetres, type DistanceMatrix } from './distance-matrix.ts';
import { localSearch } from './local-search.ts';
import { nearestNeighbourPath } from './nearest-neighbour.ts';

/**
 * How many first stops are tried: all of them up to 30 stops, then fewer (16 at 40, 2 at 100, 1
 * at 200), since one local search costs about n³. In Node that is about 1.5 ms at 25 stops, 2.5 ms
 * at 40 and 8 ms at 200 (`npm run bench -- route` times 25, at 4× throttling too).
 */
const budget = 30 ** 3;

export function improvedPath(matrix: DistanceMatrix): number[] {
  const stops = matrix.size - 1;
  const tries = Math.max(1, Math.min(stops, Math.floor(budget / stops ** 2)));
  let best: number[] = [];
  let bestMetres = Infinity;
  for (const first of firstStopsByDistance(matrix).slice(0, tries)) {
    const path = nearestNeighbourPath(matrix, [0, first]);
    localSearch(matrix, path);
    const metres = pathMetres(matrix, path);
    if (metres < bestMetres) [best, bestMetres] = [path, metres];
  }
  return best;
}

/**
 * Stops nearest the start first (of two as near, the lower index, as nearest-neighbour.ts
 * chooses), so the first path tried is the plain nearest-neighbour one and the result is never
 * longer than it.
 */
function firstStopsByDistance({ size, metres }: DistanceMatrix): number[] {
  const stops = Array.from({ length: size - 1 }, (_, i) => i + 1);
  return stops.sort((a, b) => metres[a]! - metres[b]! || a - b);
}
