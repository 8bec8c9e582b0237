/**
 * The small pieces the seed's staff and requests are both made of: times, people's names, phone
 * numbers from Ofcom's drama ranges (content.ts), and choices from a list.
 */
import type { Language } from '#domain/questions/request-fields.ts';
import * as text from './content.ts';
import type { Random } from './random.ts';

export const minute = 60_000;
export const day = 24 * 60 * minute;
export const iso = (ms: number) => new Date(ms).toISOString();

export type Person = { first: string; last: string; name: string };

export function person(r: Random, language: Language): Person {
  const welshName = r.chance(language === 'cy' ? 0.85 : 0.35);
  const first = r.pick(welshName ? text.welshFirstNames : text.englishFirstNames);
  const last = r.pick(text.surnames);
  return { first, last, name: `${first} ${last}` };
}

export const phone = (r: Random) =>
  r.chance(0.7)
    ? `07700900${String(r.int(1000)).padStart(3, '0')}`
    : `01632960${String(r.int(1000)).padStart(3, '0')}`;

/** Items of `all` kept in their canonical order. */
export function someOf<T>(r: Random, all: readonly T[], min: number): T[] {
  const count = min + r.int(all.length - min + 1);
  const chosen = new Set(r.sample(all, count));
  return all.filter((x) => chosen.has(x));
}
