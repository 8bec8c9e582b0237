/**
 * How guessable a password is, by zxcvbn-ts (https://zxcvbn-ts.github.io/zxcvbn/): it finds the
 * common passwords, dictionary words, names, keyboard walks, repeats, sequences and dates a
 * password is made of, and estimates how many guesses an attacker trying those first would need.
 * Only account-rules.ts asks it; the policy (how many guesses are enough) lives there.
 *
 * The dictionaries (common passwords, English words and names) are about 400 KB gzipped, so this
 * runs on the server: no page imports it, and what the pages import from account-rules.ts leaves
 * it out of their bundles. The estimator is built on first use (about 0.3 s), not on import.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';

/**
 * Bounds that keep one estimate in tens of milliseconds on a busy server core, where the defaults
 * let a crafted password (digits or l33t characters, repeated) take over a second: only the first
 * 64 characters are judged (any longer password is judged by them, so no weaker), and at most 5
 * l33t substitutions are tried per word. Levenshtein matching stays off: it costs ~0.3 s a check.
 * Built inside a function, so that importing this module does nothing a bundler must keep.
 */
const newEstimator = () =>
  new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    maxLength: 64,
    l33tMaxSubstitutions: 5,
    useLevenshteinDistance: false,
  });

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn's verdict on `password`, with `userInputs` (the person's own name and username, the
 * service's name) counted as the first words an attacker would try.
 */
export function estimateGuesses(password: string, userInputs: readonly string[]): ZxcvbnResult {
  estimator ??= newEstimator();
  return estimator.check(password, [...userInputs]);
}
