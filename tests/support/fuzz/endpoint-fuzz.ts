/**
 * Hostile input for every endpoint of the real sync server (issue "Nothing lost when things
 * break", "Bad input at scale"): fast-check generates a request — an endpoint, who sends it (no
 * one, a volunteer, a coordinator, an admin), a query, a body and its media type — from valid
 * bodies with one part broken, from arbitrary JSON, and from text that is not JSON at all. Each
 * answer must be no 5xx, come within a bound, and, when refused, carry the one error shape
 * (`{ error, reason }`, #domain/api-errors.ts) as JSON. `storedProblems` then checks that
 * nothing stored fails the domain's validation. Used by the integration test (a short seed on every
 * CI run) and by `npm run bench -- fuzz` (10,000 inputs).
 */
import fc from 'fast-check';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import type { TestServer } from '../server/test-server.ts';
import { contactFor, profile, request, testUuid, coordinatorId } from '../factories.ts';
import { foodSubmission, prescriptionSubmission } from '../server/submission-fixtures.ts';

export type Role = 'none' | 'volunteer' | 'coordinator' | 'admin';
/** The session cookie of each signed-in role. */
export type Cookies = Record<Exclude<Role, 'none'>, string>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type BodyKind =
  | 'submission'
  | 'signUp'
  | 'session'
  | 'bulkDocs'
  | 'revsDiff'
  | 'bulkGet'
  | 'local'
  | 'references'
  | 'receivedText'
  | 'area'
  | 'account'
  | 'accountChange'
  | 'retention'
  | 'passwordReset'
  | 'none';

/** An endpoint as a client reaches it: method, path (with a part to fill), the body it takes. */
type Endpoint = { method: string; path: string; body: BodyKind };

const endpoints: Endpoint[] = [
  { method: 'POST', path: '/api/requests', body: 'submission' },
  { method: 'GET', path: '/api/requests/{id}', body: 'none' },
  { method: 'POST', path: '/api/session', body: 'session' },
  { method: 'GET', path: '/api/session', body: 'none' },
  { method: 'DELETE', path: '/api/session', body: 'none' },
  { method: 'POST', path: '/api/volunteers', body: 'signUp' },
  { method: 'GET', path: '/api/areas', body: 'none' },
  { method: 'GET', path: '/api/map/tiles', body: 'none' },
  { method: 'GET', path: '/api/staff-names', body: 'none' },
  { method: 'GET', path: '/api/reports/requests', body: 'none' },
  { method: 'GET', path: '/api/notify/status', body: 'none' },
  { method: 'GET', path: '/api/admin/areas', body: 'none' },
  { method: 'POST', path: '/api/admin/areas', body: 'area' },
  { method: 'PUT', path: '/api/admin/areas/{id}', body: 'area' },
  { method: 'GET', path: '/api/admin/accounts', body: 'none' },
  { method: 'POST', path: '/api/admin/accounts', body: 'account' },
  { method: 'PATCH', path: '/api/admin/accounts/{id}', body: 'accountChange' },
  { method: 'POST', path: '/api/admin/accounts/{id}/reset-code', body: 'none' },
  { method: 'GET', path: '/api/admin/settings/retention', body: 'none' },
  { method: 'GET', path: '/api/admin/audit', body: 'none' },
  { method: 'PUT', path: '/api/admin/settings/retention', body: 'retention' },
  { method: 'POST', path: '/api/password-reset', body: 'passwordReset' },
  { method: 'POST', path: '/api/notify/received-text', body: 'receivedText' },
  { method: 'POST', path: '/api/staff/references', body: 'references' },
  { method: 'GET', path: '/healthz', body: 'none' },
  { method: 'GET', path: '/db', body: 'none' },
  { method: 'GET', path: '/db/_changes', body: 'none' },
  { method: 'POST', path: '/db/_changes', body: 'revsDiff' },
  { method: 'POST', path: '/db/_revs_diff', body: 'revsDiff' },
  { method: 'POST', path: '/db/_bulk_docs', body: 'bulkDocs' },
  { method: 'POST', path: '/db/_bulk_get', body: 'bulkGet' },
  { method: 'GET', path: '/db/_all_docs', body: 'none' },
  { method: 'POST', path: '/db/_all_docs', body: 'bulkGet' },
  { method: 'GET', path: '/db/_evictions', body: 'none' },
  { method: 'GET', path: '/db/_local/{id}', body: 'none' },
  { method: 'PUT', path: '/db/_local/{id}', body: 'local' },
  { method: 'GET', path: '/db/{id}', body: 'none' },
  { method: 'PUT', path: '/db/{id}', body: 'bulkDocs' },
  { method: 'DELETE', path: '/db/{id}', body: 'none' },
  { method: 'GET', path: '/{id}', body: 'none' },
  { method: 'POST', path: '/{id}', body: 'submission' },
];

/** Strings a careless server trips on. */
const nasty = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '__proto__',
  'constructor',
  'prototype',
  '../../../etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  'request:',
  'request:00000000-0000-0000-0000-000000000000',
  'contact:x',
  '_design/x',
  '_local/x',
  '_all_docs',
  '_users',
  'now',
  'longpoll',
  'Cymraeg ŵŷâ',
  '🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  'a'.repeat(5000),
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...nasty) },
  {
    weight: 1,
    arbitrary: fc.string({ minLength: 2000, maxLength: 80_000, unit: 'grapheme-ascii' }),
  },
);

const hostileValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constantFrom(1e308, -0, 2 ** 53 + 1, -1, 0, 4.5),
    hostileString,
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** Every path to a value inside `json`, the root included. */
function pathsOf(json: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(json)) return [...here, ...json.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (json !== null && typeof json === 'object') {
    return [...here, ...Object.entries(json).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  }
  return here;
}

type Mutation = { pick: number; op: 'set' | 'delete' | 'add'; key: string; value: Json };

/** `base` with one part replaced, removed, or given a member it never has. */
function mutated(base: Json, m: Mutation): Json {
  const copy = structuredClone(base);
  const paths = pathsOf(copy);
  const path = paths[m.pick % paths.length]!;
  if (path.length === 0) return m.op === 'set' ? m.value : copy;
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (m.op === 'set') parent[last] = m.value;
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true });
    } else parent[last] = m.value;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('set', 'delete', 'add'),
  key: fc.oneof(fc.constantFrom('__proto__', '_rev', '_deleted', 'type', '_id'), hostileString),
  value: hostileValue,
});

/** A valid body of each kind, to be broken in one place (so the deep checks are reached). */
function validBody(kind: BodyKind, cookieUserId: string, variant: number): Json {
  const req = request({ status: 'triaged' });
  switch (kind) {
    case 'submission':
      return (variant % 2 === 0 ? foodSubmission() : prescriptionSubmission()) as Json;
    case 'signUp':
      return {
        username: `fuzz${testUuid().slice(0, 6)}`,
        password: 'Mae hen wlad fy nhadau',
        name: 'Nia Jones',
        phone: '07700 900 982',
        areas: ['ceredigion'],
        skills: ['driver'],
        availability: { days: ['mon'], parts_of_day: ['morning'], note: '' },
      };
    case 'session':
      return { username: 'fuzz-volunteer', password: 'wrong password for fuzzing' };
    case 'bulkDocs':
      return {
        docs: [req, contactFor(req), profile(cookieUserId, ['ceredigion'])] as unknown as Json,
        new_edits: false,
      };
    case 'revsDiff':
      return { [req._id]: ['1-abc', '2-def'] };
    case 'bulkGet':
      return { docs: [{ id: req._id, rev: '1-abc' }], keys: [req._id] };
    case 'local':
      return { _id: '_local/x', session_id: 'abc', history: [], last_seq: 0 };
    case 'references':
      return { count: 5 };
    case 'receivedText':
      // Notify's received-text callback (docs.notifications.service.gov.uk, "Receive text messages").
      return {
        id: testUuid(),
        source_number: '447700900123',
        destination_number: '07700900000',
        message: 'STOP',
        date_received: '2026-12-08T10:00:00.000000Z',
        notify_number: '07700900000',
      };
    case 'area':
      return { name_cy: 'Ardal', name_en: 'Area', postcode_districts: ['SY23'], active: true };
    case 'account':
      return {
        username: `fuzz${testUuid().slice(0, 6)}`,
        display_name: 'Nia',
        role: 'volunteer',
        areas: ['ceredigion'],
      };
    case 'accountChange':
      // Never the fuzzing accounts' own: their cookies must keep working for the run.
      return { role: 'coordinator', areas: ['ceredigion'] };
    case 'retention':
      return { finished_task_days: 14, personal_data_days_after_close: 90 };
    case 'passwordReset':
      return {
        username: 'fuzz-volunteer',
        code: 'ABCDEFGHJKLM',
        password: 'Mae hen wlad fy nhadau',
      };
    case 'none':
      return null;
  }
}

/** How the body goes on the wire. */
type Encoding =
  | { as: 'mutated'; m: Mutation }
  | { as: 'json'; value: Json }
  | { as: 'text'; text: string }
  | { as: 'none' };

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 6, arbitrary: mutation.map((m) => ({ as: 'mutated' as const, m })) },
  { weight: 2, arbitrary: hostileValue.map((value) => ({ as: 'json' as const, value })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom('{', '{"docs":', '[1,2', '{"a":1}{"b":2}', 'null', '"x"', '\uFEFF{}'),
        fc.integer({ min: 50, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
        fc.integer({ min: 50, max: 50_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
      )
      .map((text) => ({ as: 'text' as const, text })),
  },
  { weight: 1, arbitrary: fc.constant({ as: 'none' as const }) },
);

const queryKeys = [
  'since',
  'limit',
  'feed',
  'heartbeat',
  'timeout',
  'style',
  'include_docs',
  'keys',
  'key',
  'startkey',
  'endkey',
  'descending',
  'revs',
  'open_revs',
  'rev',
  'latest',
  'filter',
  'doc_ids',
  'conflicts',
  'seq_interval',
  'q',
  'ids',
  'lang',
  'from',
  'to',
  'action',
];

/** Percent-encoded as a client would; a lone surrogate (which has no UTF-8) as U+FFFD. */
const encoded = (text: string) => encodeURIComponent(text.toWellFormed());

/** Escapes no decoder accepts, sent as they are. */
const brokenEscapes = ['since=%FF', 'limit=%', 'keys=%E0%A4%A', 'q=%00', '%=%', 'since=%C0%AF'];

/** A query string: known names with hostile values (never `feed=longpoll`, which waits by design). */
const query: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...queryKeys), hostileString), { maxLength: 5 }),
    fc.option(fc.constantFrom(...brokenEscapes), { freq: 8 }),
  )
  .map(([pairs, broken]) =>
    [
      ...pairs
        .filter(([k, v]) => !(k === 'feed' && v === 'longpoll'))
        .map(([k, v]) => `${encoded(k)}=${encoded(v.slice(0, 3000))}`),
      ...(broken === null ? [] : [broken]),
    ].join('&'),
  );

export type FuzzInput = {
  endpoint: Endpoint;
  /** The method actually sent: usually the endpoint's, sometimes another. */
  method: string;
  role: Role;
  id: string;
  query: string;
  body: Encoding;
  contentType: string | null;
};

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.record({
  endpoint: fc.constantFrom(...endpoints),
  method: fc.oneof(
    { weight: 9, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') },
  ),
  role: fc.constantFrom<Role>('none', 'volunteer', 'coordinator', 'admin'),
  id: fc.oneof(hostileString, fc.constantFrom('request:' + testUuid(), '000000000')),
  query,
  body: encoding,
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        null,
        'text/plain',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/json, text/plain',
      ),
    },
  ),
});

/** A short description of an input, to print beside a failure. */
export function describeInput(input: FuzzInput): string {
  const body =
    input.body.as === 'text'
      ? `text ${JSON.stringify(input.body.text.slice(0, 80))}`
      : input.body.as === 'json'
        ? `json ${JSON.stringify(input.body.value)?.slice(0, 120)}`
        : input.body.as === 'mutated'
          ? `valid body, ${input.body.m.op} at #${input.body.m.pick} = ${JSON.stringify(input.body.m.value)?.slice(0, 80)}`
          : 'no body';
  return `${input.method || input.endpoint.method} ${input.endpoint.path} as ${input.role} (id ${JSON.stringify(input.id.slice(0, 40))}, ?${input.query.slice(0, 80)}, ${input.contentType}, ${body})`;
}

/** How long any answer may take, the whole body read. */
const answerWithinMs = 15_000;

/** What came back: the status (0 for none) and what is wrong with the answer, or null. */
export type Probed = { status: number; problem: string | null };

/**
 * Sends one input and judges the answer. `userIds` are the signed-in roles' ids, so a valid body
 * names its sender where it must.
 */
export async function probe(
  server: Pick<TestServer, 'url'>,
  cookies: Cookies,
  userIds: Record<Exclude<Role, 'none'>, string>,
  input: FuzzInput,
): Promise<Probed> {
  let status = 0;
  const problem = await answerProblem(server, cookies, userIds, input, (s) => (status = s));
  return { status, problem };
}

async function answerProblem(
  server: Pick<TestServer, 'url'>,
  cookies: Cookies,
  userIds: Record<Exclude<Role, 'none'>, string>,
  input: FuzzInput,
  onStatus: (status: number) => void,
): Promise<string | null> {
  const method = input.method || input.endpoint.method;
  const path = input.endpoint.path.replace('{id}', encoded(input.id.slice(0, 2000)));
  const url = `${server.url}${path}${input.query ? `?${input.query}` : ''}`;
  const headers: Record<string, string> = {};
  // Signing out would end the role's session for the rest of the run (and every later input of
  // that role would stop at the session check), so a sign-out is sent with a session that is not.
  const signsOut = method === 'DELETE' && path.startsWith('/api/session');
  if (input.role !== 'none') {
    headers.cookie = signsOut ? 'cymorth_session=not-a-session' : cookies[input.role];
  }
  if (input.contentType) headers['content-type'] = input.contentType;
  const sender = input.role === 'none' ? coordinatorId : userIds[input.role];
  let body: string | undefined;
  if (input.body.as === 'mutated' && input.endpoint.body !== 'none') {
    const valid = validBody(input.endpoint.body, sender, input.body.m.pick);
    body = JSON.stringify(mutated(valid, input.body.m));
  } else if (input.body.as === 'json') body = JSON.stringify(input.body.value);
  else if (input.body.as === 'text') body = input.body.text;
  if (method === 'GET' || method === 'HEAD') body = undefined;

  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(answerWithinMs),
    });
    onStatus(res.status);
    text = await res.text();
  } catch (error) {
    return `no answer within ${answerWithinMs} ms, or the connection failed: ${String(error)}`;
  }
  if (res.status >= 500) return `answered ${res.status}: ${text.slice(0, 200)}`;
  if (res.status >= 400 && method !== 'HEAD') {
    if (!/^application\/json/.test(res.headers.get('content-type') ?? '')) {
      return `answered ${res.status} as ${res.headers.get('content-type')}, not JSON`;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return `answered ${res.status} with a body that is not JSON: ${text.slice(0, 120)}`;
    }
    const { error, reason } = (parsed ?? {}) as { error?: unknown; reason?: unknown };
    if (typeof error !== 'string' || typeof reason !== 'string') {
      return `answered ${res.status} without the error shape: ${text.slice(0, 120)}`;
    }
  }
  return null;
}

/** Every stored document the domain would refuse, by id with why. */
export async function storedProblems(server: TestServer): Promise<string[]> {
  const all = await server.storage.replicatedDb.allDocs({ include_docs: true });
  const problems: string[] = [];
  for (const row of all.rows) {
    if (row.id.startsWith('_design/') || !row.doc) continue;
    const parsed = parseStaffDoc(row.doc);
    if (!parsed.ok) problems.push(`${row.id}: ${JSON.stringify(parsed).slice(0, 200)}`);
  }
  return problems;
}
