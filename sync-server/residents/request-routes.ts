/**
 * The resident's API: `POST /api/requests` (submit, idempotent on the client-made id) and
 * `GET /api/requests/:reference` (status, with the status token as a Bearer credential). The
 * routes only translate HTTP to the domain and back; the rules live in #domain and the services.
 */
import { Hono } from 'hono';
import { parseReference } from '#domain/requests/reference.ts';
import { parseSubmission } from '#domain/questions/request-schema.ts';
import { apiError, methodNotAllowed } from '../http/api-error.ts';
import { readJsonBody } from '../http/json-body.ts';
import { submissionRateLimit } from '../http/rate-limit.ts';
import { lookupStatus } from './request-status-lookup.ts';
import { bearerToken } from './status-token.ts';
import type { Storage } from '../storage/storage.ts';
import { submitRequest } from './submit-request.ts';

export type RequestRoutesOptions = {
  storage: Storage;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  trustedProxies: number;
  now: () => Date;
};

export function requestRoutes(options: RequestRoutesOptions): Hono {
  const { storage, maxBodyBytes, now } = options;
  const routes = new Hono();

  routes.post(
    '/',
    submissionRateLimit(options.rateLimitPerMinute, options.trustedProxies),
    async (c) => {
      const body = await readJsonBody(c.req.raw, maxBodyBytes);
      if (!body.ok) return apiError(c, body.status, body.error, body.reason);
      const parsed = parseSubmission(body.value);
      if (!parsed.ok) {
        const reason = 'Some answers are missing or not valid; see `fields`.';
        return apiError(c, 400, 'invalid_request', reason, parsed.fields);
      }
      const outcome = await submitRequest(storage, parsed.value, now);
      if (outcome.kind === 'id_conflict') {
        const reason = 'A different request was already sent with this id.';
        return apiError(c, 409, 'id_conflict', reason);
      }
      if (outcome.kind === 'replayed') c.header('Idempotent-Replayed', 'true');
      // The receipt holds the status token: no cache along the way may keep it.
      c.header('Cache-Control', 'no-store');
      return c.json(outcome.receipt, 201);
    },
  );
  routes.all('/', methodNotAllowed(['POST']));

  routes.get('/:reference', async (c) => {
    const reference = parseReference(c.req.param('reference'));
    if (reference === null) {
      return apiError(c, 400, 'invalid_request', 'That is not a valid reference.');
    }
    const answer = await lookupStatus(
      storage,
      reference,
      bearerToken(c.req.header('Authorization')),
    );
    // Same answer for an unknown reference and a wrong token, so references cannot be probed.
    if (!answer) return apiError(c, 404, 'not_found', 'No request with that reference and token.');
    c.header('Cache-Control', 'no-store');
    return c.json(answer, 200);
  });
  routes.all('/:reference', methodNotAllowed(['GET', 'HEAD']));

  return routes;
}
