import { describe, expect, it } from 'vitest';
import { defaultSignInLimits } from '../../../../../sync-server/accounts/sign-in/accounts-config.ts';
import {
  SignInLimits,
  type SignInKey,
} from '../../../../../sync-server/accounts/sign-in/sign-in-limits.ts';
import { seededRandom } from '../../../../support/seeded-random.ts';

const minute = 60_000;
const t0 = Date.parse('2026-03-02T09:00:00.000Z');

/** A wrong password: started, and never succeeded. */
function fail(limits: SignInLimits, key: SignInKey, at: number): number {
  const wait = limits.retryAfterMs(key, at);
  if (wait === 0) limits.started(key, at);
  return wait;
}

function succeed(limits: SignInLimits, key: SignInKey, at: number): number {
  const wait = limits.retryAfterMs(key, at);
  if (wait > 0) return wait;
  limits.started(key, at);
  limits.succeeded(key, at);
  return 0;
}

const from = (address: string, username = 'dewi'): SignInKey => ({ username, address });

describe('SignInLimits', () => {
  it('locks an address out of an account after 5 failures, for 15 minutes, and no one else', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    for (let i = 0; i < 5; i++) expect(fail(limits, from('a'), t0 + i)).toBe(0);
    expect(limits.retryAfterMs(from('a'), t0 + 5)).toBe(15 * minute - 1);
    expect(limits.retryAfterMs(from('b'), t0 + 5)).toBe(0);
    expect(limits.retryAfterMs(from('a', 'other'), t0 + 5)).toBe(0);
    expect(limits.retryAfterMs(from('a'), t0 + 4 + 15 * minute)).toBe(0);
  });

  it('while the account is under attack, makes an address that has failed wait 5, then 10 minutes', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    for (let i = 0; i < 5; i++) fail(limits, from(`bot${i}`), t0);
    expect(fail(limits, from('bot0'), t0)).toBe(5 * minute);
    expect(fail(limits, from('bot0'), t0 + 5 * minute)).toBe(0);
    expect(fail(limits, from('bot0'), t0 + 5 * minute)).toBe(10 * minute);
    // Its first failure has left the window: with one left it may guess, then waits 10 again.
    expect(fail(limits, from('bot0'), t0 + 15 * minute)).toBe(0);
    expect(limits.retryAfterMs(from('bot0'), t0 + 15 * minute)).toBe(10 * minute);
  });

  it('makes an address with more failures wait at most 15 minutes', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    for (let i = 0; i < 4; i++) fail(limits, from('bot0'), t0);
    fail(limits, from('bot1'), t0);
    expect(limits.retryAfterMs(from('bot0'), t0 + minute)).toBe(14 * minute);
  });

  it('does not slow an address that failed a few times while nobody else is guessing', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    for (let i = 0; i < 4; i++) expect(fail(limits, from('a'), t0 + i * minute)).toBe(0);
    expect(succeed(limits, from('a'), t0 + 4 * minute)).toBe(0);
  });

  it('never holds back the right password from an address that has not failed, whatever the attack', () => {
    const random = seededRandom(9);
    const limits = new SignInLimits(defaultSignInLimits);
    let at = t0;
    for (let step = 0; step < 2_000; step++) {
      at += random.int(20_000);
      fail(limits, from(`198.51.100.${random.int(300)}`), at);
      if (step % 50 === 0) expect(succeed(limits, from('owner'), at), `step ${step}`).toBe(0);
    }
  });

  it('forgets an address’s failures once it signs in, on the account too', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    for (let i = 0; i < 4; i++) fail(limits, from('phone'), t0);
    expect(succeed(limits, from('phone'), t0 + minute)).toBe(0);
    // Had the four typos stayed on the account, this guess would put it under attack...
    fail(limits, from('bot'), t0 + 2 * minute);
    // ...and the phone's second typo would then wait 5 minutes.
    for (let i = 0; i < 4; i++) expect(fail(limits, from('phone'), t0 + 3 * minute)).toBe(0);
  });

  it('counts a burst before any of it is checked: the sixth at once is refused', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    const waits = Array.from({ length: 6 }, () => fail(limits, from('a'), t0));
    expect(waits.filter((w) => w > 0)).toHaveLength(1);
  });

  it('refuses the 21st attempt from one address, whichever accounts it tries', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    for (let i = 0; i < 20; i++) expect(fail(limits, from('a', `user${i}`), t0)).toBe(0);
    expect(limits.retryAfterMs(from('a', 'someone-else'), t0)).toBe(15 * minute);
    expect(limits.retryAfterMs(from('b', 'someone-else'), t0)).toBe(0);
  });

  it('keeps pairs apart whatever the username and address contain', () => {
    const limits = new SignInLimits(defaultSignInLimits);
    const tricky = { username: 'dewi","1.2.3.4', address: 'x' };
    for (let i = 0; i < 5; i++) fail(limits, tricky, t0);
    expect(limits.retryAfterMs({ username: 'dewi', address: '1.2.3.4","x' }, t0)).toBe(0);
  });
});
