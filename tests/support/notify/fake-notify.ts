/**
 * A local stand-in for GOV.UK Notify's REST API v2, strict as the real one is
 * (docs.notifications.service.gov.uk): `POST /v2/notifications/sms` and `/email` with a bearer JWT
 * it checks (HS256, signed with the key's secret, `iss` the service id, `iat` within 30 s of its
 * clock), a body it validates (`phone_number` or `email_address`, `template_id` of a template it
 * knows, `personalisation` of strings, `reference`, nothing else), answering 201 with Notify's
 * response shape or Notify's error shape (`{ status_code, errors: [{ error, message }] }`).
 * It can be told how to answer the next calls (`answerNext(500, 201)`), and keeps what it sent.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SentNotification = {
  channel: 'sms' | 'email';
  to: string;
  template_id: string;
  personalisation: Record<string, string>;
  reference: string | null;
};

export type FakeNotify = {
  url: string;
  /** A key Notify would give for this service: `{name}-{service id}-{secret}`. */
  apiKey: string;
  /** Messages answered 201. */
  sent: SentNotification[];
  /** Every call, with the status answered. */
  calls: { path: string; status: number }[];
  /**
   * The next calls to a send endpoint answer these statuses, in order (201 sends); 0 answers
   * nothing at all, holding the connection open as a Notify that hangs would.
   */
  answerNext(...statuses: number[]): void;
  close(): Promise<void>;
};

const serviceId = 'd6a1c0a4-5b1e-4f2d-9a63-3f1e8c2b7a10';
const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const errorBody = (status: number, error: string, message: string) => ({
  status_code: status,
  errors: [{ error, message }],
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** Notify's own check of the token, as its API does it. */
function tokenProblem(header: string | undefined, now: Date): string | null {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (token === undefined) return 'Unauthorized: authentication token must be provided';
  const [head = '', claims = '', signature = ''] = token.split('.');
  const expected = createHmac('sha256', secret).update(`${head}.${claims}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (
    given.length !== expected.length ||
    !timingSafeEqual(new Uint8Array(given), new Uint8Array(expected))
  ) {
    return 'Invalid token: signature, api token not found';
  }
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString()) as Record<string, unknown>;
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
  if (header_.alg !== 'HS256' || header_.typ !== 'JWT') return 'Invalid token: algorithm';
  if (body.iss !== serviceId) return 'Invalid token: service not found';
  if (typeof body.iat !== 'number' || Math.abs(now.getTime() / 1000 - body.iat) > 30) {
    return 'Error: Your system clock must be accurate to within 30 seconds';
  }
  return null;
}

function bodyProblem(channel: string, body: unknown, templates: Set<string>): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'body is not an object';
  const b = body as Record<string, unknown>;
  const address = channel === 'sms' ? 'phone_number' : 'email_address';
  const allowed = new Set([address, 'template_id', 'personalisation', 'reference']);
  const extra = Object.keys(b).find((k) => !allowed.has(k));
  if (extra !== undefined) return `Additional properties are not allowed (${extra} was unexpected)`;
  if (typeof b[address] !== 'string') return `${address} is a required property`;
  if (channel === 'sms' && !/^(?:\+?44|0)7\d{9}$/.test(b[address].replace(/\s/g, ''))) {
    return 'phone_number Not a UK mobile number';
  }
  if (typeof b.template_id !== 'string' || !uuid.test(b.template_id)) {
    return 'template_id is not a valid UUID';
  }
  if (!templates.has(b.template_id)) return 'Template not found';
  const p = b.personalisation;
  if (p !== undefined && (typeof p !== 'object' || p === null || Array.isArray(p))) {
    return 'personalisation is not of type object';
  }
  if (p && Object.values(p).some((value) => typeof value !== 'string')) {
    return 'personalisation values must be strings here';
  }
  if (b.reference !== undefined && typeof b.reference !== 'string') {
    return 'reference is not of type string';
  }
  return null;
}

export async function startFakeNotify(options: {
  /** The template ids it knows. */
  templates: string[];
  /** Its clock, for the token's `iat` (the server's clock in tests). */
  now?: () => Date;
}): Promise<FakeNotify> {
  const templates = new Set(options.templates);
  const now = options.now ?? (() => new Date());
  const sent: SentNotification[] = [];
  const calls: { path: string; status: number }[] = [];
  const scripted: number[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = req.url ?? '';
      const send = (status: number, body: unknown) => {
        calls.push({ path, status });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const match = /^\/v2\/notifications\/(sms|email)$/.exec(path);
      const text = await readBody(req);
      if (req.method !== 'POST' || match === null) {
        return send(404, errorBody(404, 'NotFound', 'Not Found'));
      }
      const auth = tokenProblem(req.headers.authorization, now());
      if (auth !== null) return send(403, errorBody(403, 'AuthError', auth));
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return send(400, errorBody(400, 'BadRequestError', 'Invalid JSON supplied in POST data'));
      }
      const channel = match[1] as 'sms' | 'email';
      const problem = bodyProblem(channel, body, templates);
      if (problem !== null) return send(400, errorBody(400, 'ValidationError', problem));
      const answer = scripted.shift() ?? 201;
      if (answer === 0) {
        calls.push({ path, status: 0 });
        return;
      }
      if (answer >= 500)
        return send(answer, errorBody(answer, 'Exception', 'Internal server error'));
      if (answer === 429) {
        return send(429, errorBody(429, 'RateLimitError', 'Exceeded rate limit for key type LIVE'));
      }
      if (answer !== 201) return send(answer, errorBody(answer, 'BadRequestError', 'Refused'));
      const b = body as Record<string, unknown>;
      const notification: SentNotification = {
        channel,
        to: String(b.phone_number ?? b.email_address),
        template_id: String(b.template_id),
        personalisation: (b.personalisation ?? {}) as Record<string, string>,
        reference: typeof b.reference === 'string' ? b.reference : null,
      };
      sent.push(notification);
      const id = randomUUID();
      const base = `http://${req.headers.host ?? 'localhost'}`;
      return send(201, {
        id,
        reference: notification.reference,
        content:
          channel === 'sms'
            ? { body: 'Message text', from_number: 'GOVUK' }
            : { body: 'Message text', subject: 'Subject', from_email: 'service@notify.example' },
        uri: `${base}/v2/notifications/${id}`,
        template: {
          id: notification.template_id,
          version: 1,
          uri: `${base}/v2/template/${notification.template_id}`,
        },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey: `cymorth_test-${serviceId}-${secret}`,
    sent,
    calls,
    answerNext: (...statuses) => scripted.push(...statuses),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
