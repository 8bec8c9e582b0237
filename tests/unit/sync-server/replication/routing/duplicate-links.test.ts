/**
 * Which requests are duplicates of which, as the feed tells it: a link made, moved, taken away by
 * reopening or deleting the duplicate, and forgotten with the database.
 */
import { describe, expect, it } from 'vitest';
import {
  DuplicateLinks,
  keptOf,
} from '../../../../../sync-server/replication/routing/duplicate-links.ts';

const request = (id: string, duplicateOf?: string) => ({
  _id: id,
  type: 'request',
  ...(duplicateOf === undefined ? {} : { duplicate_of: duplicateOf }),
});

describe('keptOf', () => {
  it('reads the link of a live request only', () => {
    expect(keptOf(request('a', 'b'), false)).toBe('b');
    expect(keptOf(request('a'), false)).toBeNull();
    expect(keptOf(request('a', 'b'), true)).toBeNull();
    expect(keptOf({ _id: 'a', _deleted: true }, true)).toBeNull();
    expect(keptOf(undefined, false)).toBeNull();
    const note = { _id: 'n', type: 'note', duplicate_of: 'b' };
    expect(keptOf(note, false)).toBeNull();
  });
});

describe('DuplicateLinks', () => {
  it('follows each duplicate’s latest link', () => {
    const links = new DuplicateLinks();
    links.set('a', 'b');
    links.set('c', 'b');
    expect(links.of('b').sort()).toEqual(['a', 'c']);
    links.set('a', 'd');
    expect(links.of('b')).toEqual(['c']);
    expect(links.of('d')).toEqual(['a']);
    links.set('c', null);
    expect(links.of('b')).toEqual([]);
    links.set('c', null);
    expect(links.of('b')).toEqual([]);
  });

  it('forgets everything with the database', () => {
    const links = new DuplicateLinks();
    links.set('a', 'b');
    links.clear();
    expect(links.of('b')).toEqual([]);
  });
});
