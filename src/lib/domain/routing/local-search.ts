/**
 * 2-opt and Or-opt in turn until neither shortens the path: a local optimum for both moves.
 */
import type { DistanceMatrix } from './distance-matrix.ts';
import { orOpt } from './or-opt.ts';
import { twoOpt } from './two-opt.ts';

export function localSearch(matrix: DistanceMatrix, path: number[]): void {
  twoOpt(matrix, path);
  while (orOpt(matrix, path) && twoOpt(matrix, path));
}
