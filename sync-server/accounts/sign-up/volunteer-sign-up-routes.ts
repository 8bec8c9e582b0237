/**
 * `POST /api/volunteers`: a volunteer signs up (`{ username, password, name, phone, areas, skills,
 * availability, base_postcode? }`) and gets `201 { username, approval: 'pending' }`, with no
 * session: they sign in as any member of staff does (a base is placed later,
 * volunteer-sign-up.ts). Public, so limited per client address like the resident's submissions.
 * Answers:
 * - `400 invalid_request` with `fields` (field → error code, see #domain/people/volunteer-sign-up.ts),
 *   including `areas: 'unknown_area'` for an area that does not exist;
 * - `409 id_conflict` with `fields: { username: 'taken' }`: nothing else about the account is said;
 * - `400`/`413`/`415` for a body that is not JSON, too large or not sent as JSON; `429` too many.
 */
import { Hono } from 'hono';
import { parseSignUp } from '#domain/people/volunteer-sign-up.ts';
import { apiError, methodNotAllowed } from '../../http/api-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { submissionRateLimit } from '../../http/rate-limit.ts';
import type { Storage } from '../../storage/storage.ts';
import { productionScrypt, type ScryptParams } from '../password-hash.ts';
import type { AccountProblem } from '../account-store.ts';
import { signUpVolunteer } from './volunteer-sign-up.ts';

export type VolunteerSignUpRoutesOptions = {
  storage: Storage;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  trustedProxies: number;
  now: () => Date;
  /** Lower only in tests. */
  scrypt?: ScryptParams;
};

/** The form's field for each problem `createAccount` can still find after the schema passed. */
const problemField: Partial<Record<AccountProblem, [string, string]>> = {
  invalid_username: ['username', 'invalid'],
  invalid_name: ['name', 'invalid'],
  invalid_area: ['areas', 'invalid'],
  too_short: ['password', 'too_short'],
  too_long: ['password', 'too_long'],
  same_as_username: ['password', 'same_as_username'],
  guessable: ['password', 'guessable'],
};

export function volunteerSignUpRoutes(options: VolunteerSignUpRoutesOptions): Hono {
  const ctx = {
    storage: options.storage,
    scrypt: options.scrypt ?? productionScrypt,
    now: options.now,
  };
  const routes = new Hono();
  const invalid = 'Some answers are missing or not valid; see `fields`.';

  routes.post(
    '/',
    submissionRateLimit(options.rateLimitPerMinute, options.trustedProxies),
    async (c) => {
      // Whatever the outcome, nothing about an account may be kept by a cache on the way.
      c.header('Cache-Control', 'no-store');
      const body = await readJsonBody(c.req.raw, options.maxBodyBytes);
      if (!body.ok) return apiError(c, body.status, body.error, body.reason);
      const parsed = parseSignUp(body.value);
      if (!parsed.ok) return apiError(c, 400, 'invalid_request', invalid, parsed.fields);

      const outcome = await signUpVolunteer(ctx, parsed.value);
      switch (outcome.kind) {
        case 'created':
          return c.json({ username: parsed.value.username, approval: 'pending' }, 201);
        case 'taken':
          return apiError(c, 409, 'id_conflict', 'That username is taken; choose another.', {
            username: 'taken',
          });
        case 'unknown_area':
          return apiError(c, 400, 'invalid_request', invalid, { areas: 'unknown_area' });
        case 'invalid': {
          const [field, code] = problemField[outcome.problem] ?? ['username', 'invalid'];
          return apiError(c, 400, 'invalid_request', invalid, { [field]: code });
        }
      }
    },
  );
  routes.all('/', methodNotAllowed(['POST']));
  return routes;
}
