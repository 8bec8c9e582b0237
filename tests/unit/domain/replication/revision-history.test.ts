import { describe, expect, it } from 'vitest';
import {
  historyProblem,
  maxGeneration,
  maxRevisionIds,
  revisionsNamedBy,
  revisionsOf,
} from '#domain/replication/revision-history.ts';

const hash = (n: number) => n.toString(16).padStart(32, '0');
const history = (start: number, count: number) => ({
  start,
  ids: Array.from({ length: count }, (_, i) => hash(start - i)),
});

describe('revision histories a device sends', () => {
  it('names its revisions newest first', () => {
    expect(revisionsOf(history(3, 2))).toEqual([`3-${hash(3)}`, `2-${hash(2)}`]);
    expect(revisionsNamedBy({ _rev: `3-${hash(3)}`, _revisions: history(3, 2) })).toEqual([
      `3-${hash(3)}`,
      `2-${hash(2)}`,
    ]);
    expect(revisionsNamedBy({ _rev: `3-${hash(3)}` })).toEqual([`3-${hash(3)}`]);
  });

  it('takes a history that grows the stored document by what it brings', () => {
    expect(historyProblem(`5-${hash(5)}`, history(5, 2), 4)).toBeNull();
    expect(historyProblem(`1-${hash(1)}`, history(1, 1), 0)).toBeNull();
    expect(historyProblem(`2-${hash(2)}`, undefined, 1)).toBeNull();
    expect(historyProblem(undefined, undefined, 0)).toBeNull();
  });

  it('refuses a history that disagrees with _rev, repeats ids or reaches below generation 1', () => {
    expect(historyProblem(`5-${hash(9)}`, history(5, 2), 4)).toBe('invalid_history');
    expect(historyProblem(`6-${hash(5)}`, history(5, 2), 4)).toBe('invalid_history');
    const repeated = { start: 5, ids: [hash(5), hash(5)] };
    expect(historyProblem(`5-${hash(5)}`, repeated, 4)).toBe('invalid_history');
    expect(historyProblem(`2-${hash(2)}`, { start: 2, ids: [hash(2), hash(1), hash(0)] }, 1)).toBe(
      'invalid_history',
    );
  });

  it('refuses more than 1,000 ids, a jump past what it brings, and the top of the range', () => {
    const long = history(maxRevisionIds + 1, maxRevisionIds + 1);
    expect(historyProblem(`${long.start}-${long.ids[0]}`, long, maxRevisionIds)).toBe(
      'invalid_history',
    );
    expect(historyProblem(`50-${hash(50)}`, history(50, 2), 3)).toBe('invalid_history');
    expect(historyProblem(`9-${hash(9)}`, undefined, 3)).toBe('invalid_history');
    const top = history(maxGeneration + 1, 2);
    expect(historyProblem(`${top.start}-${top.ids[0]}`, top, maxGeneration)).toBe(
      'invalid_history',
    );
    const frozen = history(999_999_999, 1);
    expect(historyProblem(`${frozen.start}-${frozen.ids[0]}`, frozen, 999_999_998)).toBe(
      'invalid_history',
    );
  });
});
