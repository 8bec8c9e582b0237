/**
 * The two moves of the local search, each checked against every move of its kind built the slow
 * way: a path 2-opt or Or-opt has finished with is never longer than it began, still starts at the
 * start and visits every point once, and no single move of that kind would shorten it further.
 */
import { describe, expect, it } from 'vitest';
import {
  distanceMatrix,
  pathMetres,
  type DistanceMatrix,
} from '#domain/routing/distance-matrix.ts';
import { orOpt } from '#domain/routing/or-opt.ts';
import { twoOpt } from '#domain/routing/two-opt.ts';
import { forSeeds, type Random } from '../../../support/seeded-random.ts';
import { randomStart, randomStops } from './route-oracles.ts';

/** Every path one reversal of path[i..j] away (the start stays first). */
function reversals(path: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 1; i < path.length; i++)
    for (let j = i + 1; j < path.length; j++)
      out.push([...path.slice(0, i), ...path.slice(i, j + 1).reverse(), ...path.slice(j + 1)]);
  return out;
}

/** Every path one move of a run of 1–3 points away, either way round, anywhere after the start. */
function runMoves(path: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let length = 1; length <= 3; length++) {
    for (let s = 1; s + length <= path.length; s++) {
      const run = path.slice(s, s + length);
      const rest = [...path.slice(0, s), ...path.slice(s + length)];
      for (let at = 1; at <= rest.length; at++)
        for (const moved of [run, [...run].reverse()])
          out.push([...rest.slice(0, at), ...moved, ...rest.slice(at)]);
    }
  }
  return out;
}

function randomPath(random: Random, stops: number): { matrix: DistanceMatrix; path: number[] } {
  const matrix = distanceMatrix([randomStart(random), ...randomStops(random, stops)]);
  const path = [0, ...random.shuffle(Array.from({ length: stops }, (_, i) => i + 1))];
  return { matrix, path };
}

const moves = [
  { name: '2-opt', improve: twoOpt, neighbours: reversals },
  { name: 'Or-opt', improve: orOpt, neighbours: runMoves },
];

describe.each(moves)('$name', ({ improve, neighbours }) => {
  it('leaves a path no single move of its kind can shorten, never longer than it began', () => {
    forSeeds(40, 500, (random) => {
      const { matrix, path } = randomPath(random, 2 + random.int(14));
      const before = pathMetres(matrix, path);
      const changed = improve(matrix, path);
      const after = pathMetres(matrix, path);
      expect(path[0]).toBe(0);
      expect([...path].sort((a, b) => a - b)).toEqual(path.map((_, i) => i));
      expect(changed ? after < before : after === before).toBe(true);
      const shortest = Math.min(...neighbours(path).map((p) => pathMetres(matrix, p)));
      expect(shortest).toBeGreaterThan(after - 1e-6);
    });
  });
});
