/**
 * The Storage API is the browser's, not ours: a stub of `navigator.storage` stands in for it, and
 * the tests check what the pages are told for each answer the browser can give, or not give.
 */
import { describe, expect, it } from 'vitest';
import {
  askToKeep,
  deviceStorage,
  isNearlyFull,
  keeping,
  type StorageLike,
} from '$lib/pwa/device-storage.ts';

const estimateOf = (usage?: number, quota?: number) => () => Promise.resolve({ usage, quota });

describe('askToKeep', () => {
  it('reports what persist() answers', async () => {
    expect(await askToKeep({ persist: () => Promise.resolve(true) })).toBe('kept');
    expect(await askToKeep({ persist: () => Promise.resolve(false) })).toBe('may-clear');
  });

  it('claims nothing when the browser has no persist() or it fails', async () => {
    expect(await askToKeep({})).toBe('unknown');
    expect(await askToKeep(undefined)).toBe('unknown');
    expect(await askToKeep({ persist: () => Promise.reject(new Error('denied')) })).toBe('unknown');
  });
});

describe('keeping', () => {
  it('reads persisted() without asking', async () => {
    let asked = false;
    const storage: StorageLike = {
      persist: () => ((asked = true), Promise.resolve(true)),
      persisted: () => Promise.resolve(false),
    };
    expect(await keeping(storage)).toBe('may-clear');
    expect(asked).toBe(false);
  });

  it('waits for an ask in flight, so a page opened at sign-in reads the granted answer', async () => {
    let granted = false;
    let answer: (value: boolean) => void = () => undefined;
    const storage: StorageLike = {
      persist: () => new Promise((resolve) => (answer = resolve)),
      persisted: () => Promise.resolve(granted),
    };
    void askToKeep(storage);
    const read = keeping(storage);
    granted = true;
    answer(true);
    expect(await read).toBe('kept');
  });

  it('claims nothing without persisted()', async () => {
    expect(await keeping({ persist: () => Promise.resolve(true) })).toBe('unknown');
    expect(await keeping({ persisted: () => Promise.reject(new Error('no')) })).toBe('unknown');
  });
});

describe('isNearlyFull', () => {
  it('warns from 90 % of the quota', async () => {
    expect(await isNearlyFull({ estimate: estimateOf(89, 100) })).toBe(false);
    expect(await isNearlyFull({ estimate: estimateOf(90, 100) })).toBe(true);
    expect(await isNearlyFull({ estimate: estimateOf(100, 100) })).toBe(true);
  });

  it('does not warn when a figure is missing, the quota is zero or estimate() fails', async () => {
    expect(await isNearlyFull({})).toBe(false);
    expect(await isNearlyFull({ estimate: estimateOf(undefined, 100) })).toBe(false);
    expect(await isNearlyFull({ estimate: estimateOf(5, undefined) })).toBe(false);
    expect(await isNearlyFull({ estimate: estimateOf(5, 0) })).toBe(false);
    expect(await isNearlyFull({ estimate: () => Promise.reject(new Error('no')) })).toBe(false);
  });
});

describe('deviceStorage', () => {
  it('gives both answers', async () => {
    const storage: StorageLike = {
      persisted: () => Promise.resolve(true),
      estimate: estimateOf(95, 100),
    };
    expect(await deviceStorage(storage)).toEqual({ keeping: 'kept', nearlyFull: true });
    expect(await deviceStorage({})).toEqual({ keeping: 'unknown', nearlyFull: false });
  });
});
