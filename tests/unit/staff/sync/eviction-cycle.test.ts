/**
 * The eviction cycle's bookkeeping: which token it asks with, when it stores the next one, and what
 * it hands to `purge`. The server is a stand-in answering `/db/_evictions` with set replies (the
 * real endpoint is tested in tests/integration/replication); PouchDB's `purge` exists only in the
 * browser, so `purge` here records the ids, and the e2e suite checks the purge itself.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evictionCycle, readToken, writeToken } from '$lib/staff/sync/eviction-cycle.ts';
import type { EndReason } from '$lib/staff/sync/eviction-plan.ts';
import { memoryDb } from './pouch.ts';

type Reply = { status: number; body?: unknown };

let server: Server;
let origin: string;
let replies: Reply[];
let asked: string[];

beforeEach(async () => {
  replies = [];
  asked = [];
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    asked.push(url.searchParams.get('since') ?? '');
    const reply = replies.shift() ?? { status: 500 };
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body ?? { error: 'x' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

function device(uploadable = 0) {
  const local = memoryDb('local');
  const remote = memoryDb('remote');
  const purged: string[][] = [];
  const ended: EndReason[] = [];
  const state = { uploadable };
  const cycle = evictionCycle({
    local,
    remote,
    origin,
    uploadable: () => Promise.resolve(state.uploadable),
    purge: (ids) => {
      purged.push(ids);
      return Promise.resolve(ids);
    },
    onEnd: (reason) => ended.push(reason),
  });
  return { local, remote, purged, ended, state, cycle };
}

describe('the eviction cycle', () => {
  it('starts from the server’s seq and drops what the server no longer lists', async () => {
    const d = device();
    await d.local.bulkDocs([{ _id: 'request:a' }, { _id: 'request:b' }, { _id: 'contact:b' }]);
    await d.remote.bulkDocs([{ _id: 'request:a' }]);
    replies.push({ status: 200, body: { ids: [], last_seq: '7-k' } });
    await d.cycle.run();
    expect(asked).toEqual(['now']);
    expect(d.purged).toEqual([['contact:b', 'request:b']]);
    expect(await readToken(d.local)).toBe('7-k');
  });

  it('purges what left since its token, then moves the token on', async () => {
    const d = device();
    await writeToken(d.local, '7-k');
    replies.push({ status: 200, body: { ids: ['request:a', 'contact:a'], last_seq: '9-k' } });
    await d.cycle.run();
    expect(asked).toEqual(['7-k']);
    expect(d.purged).toEqual([['request:a', 'contact:a']]);
    expect(await readToken(d.local)).toBe('9-k');
  });

  it('keeps its token while changes wait to upload, and on a failed answer', async () => {
    const d = device(1);
    await writeToken(d.local, '7-k');
    replies.push({ status: 200, body: { ids: ['request:a'], last_seq: '9-k' } });
    await d.cycle.run();
    d.state.uploadable = 0;
    replies.push({ status: 502, body: { error: 'bad_gateway' } });
    await d.cycle.run();
    expect(d.purged).toEqual([]);
    expect(await readToken(d.local)).toBe('7-k');
    replies.push({ status: 200, body: { ids: ['request:a'], last_seq: '9-k' } });
    await d.cycle.run();
    expect(asked).toEqual(['7-k', '7-k', '7-k']);
    expect(d.purged).toEqual([['request:a']]);
  });

  it('ends access on 403 and asks nothing more', async () => {
    const d = device();
    await writeToken(d.local, '7-k');
    replies.push({ status: 403, body: { error: 'account_disabled' } });
    await d.cycle.run();
    await d.cycle.run();
    expect(d.ended).toEqual(['disabled']);
    expect(asked).toEqual(['7-k']);
  });

  it('runs one cycle at a time, and once more if asked meanwhile', async () => {
    const d = device();
    await writeToken(d.local, '1-k');
    replies.push({ status: 200, body: { ids: [], last_seq: '2-k' } });
    replies.push({ status: 200, body: { ids: [], last_seq: '3-k' } });
    const first = d.cycle.run();
    void d.cycle.run();
    void d.cycle.run();
    await first;
    await expect.poll(() => readToken(d.local)).toBe('3-k');
    expect(asked).toEqual(['1-k', '2-k']);
  });
});
