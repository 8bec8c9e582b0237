/**
 * The distances a route is made of, worked out once: the start is point 0 and stop i is point
 * i + 1. Straight-line (great-circle) metres: the device knows no roads offline, and on the scale
 * of a volunteer's afternoon the shorter line is nearly always the shorter drive.
 */
import { haversineKm, type GeoPoint } from '../matching/geo-point.ts';

export type DistanceMatrix = {
  /** How many points: the start and every stop. */
  size: number;
  /** Metres from point a to point b, at `a * size + b`; symmetric. */
  metres: Float64Array;
};

export function distanceMatrix(points: readonly GeoPoint[]): DistanceMatrix {
  const size = points.length;
  const metres = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const d = haversineKm(points[a]!, points[b]!) * 1000;
      metres[a * size + b] = d;
      metres[b * size + a] = d;
    }
  }
  return { size, metres };
}

/** The length of an open path that visits `path`'s points in order. */
export function pathMetres(matrix: DistanceMatrix, path: ArrayLike<number>): number {
  let total = 0;
  for (let i = 1; i < path.length; i++)
    total += matrix.metres[path[i - 1]! * matrix.size + path[i]!]!;
  return total;
}
