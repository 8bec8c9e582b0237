/**
 * The service worker's tile plugin, run as the worker runs it: from its source text alone (as
 * generateSW writes it into sw.js, so a name it borrowed from its module would fail here), over a
 * small in-memory Cache Storage, which Node does not have.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapSourceCacheName, tileCacheName, tileCachePlugin } from '$lib/pwa/tile-cache.ts';

/** Cache Storage as the spec orders it: a put replaces the entry and makes it the newest. */
class MemoryCache {
  readonly entries = new Map<string, { body: ArrayBuffer; init: ResponseInit }>();
  async put(request: Request | string, response: Response) {
    const url = typeof request === 'string' ? request : request.url;
    const body = await response.arrayBuffer();
    this.entries.delete(url);
    this.entries.set(url, { body, init: { status: response.status, headers: response.headers } });
  }
  async match(request: Request | string) {
    const entry = this.entries.get(typeof request === 'string' ? request : request.url);
    return entry ? new Response(entry.body.slice(0), entry.init) : undefined;
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(request: Request | string) {
    return this.entries.delete(typeof request === 'string' ? request : request.url);
  }
}

class MemoryCaches {
  readonly named = new Map<string, MemoryCache>();
  async open(name: string) {
    if (!this.named.has(name)) this.named.set(name, new MemoryCache());
    return this.named.get(name)!;
  }
  async match(request: string, options: { cacheName: string }) {
    return (await this.open(options.cacheName)).match(request);
  }
}

const origin = 'https://cymorth.example';
const kb = 1024;
let storage: MemoryCaches;

beforeEach(() => {
  storage = new MemoryCaches();
  vi.stubGlobal('caches', storage);
  vi.stubGlobal('location', new URL(`${origin}/cy/staff/route`));
});
afterEach(() => vi.unstubAllGlobals());

type Plugin = typeof tileCachePlugin;

/** A fresh plugin from its source, as a worker starting up has it. */
function startWorker(): Plugin {
  const source = tileCachePlugin.cacheDidUpdate.toString();
  const evaluate = new Function(`return (${source});`) as () => Plugin['cacheDidUpdate'];
  return { cacheDidUpdate: evaluate() };
}

async function serverSays(cacheMb: number) {
  const tiles = await storage.open(mapSourceCacheName);
  await tiles.put(`${origin}/api/map/tiles`, Response.json({ url: 'x', cacheMb }));
}

/** What Workbox does with a tile fetched: store it, then tell the plugin. */
async function store(plugin: Plugin, name: string, bytes: number, length = true) {
  const url = `https://tiles.example/${name}.png`;
  const headers = length ? { 'Content-Length': String(bytes) } : undefined;
  const response = new Response(new Uint8Array(bytes), { status: 200, headers });
  const cache = await storage.open(tileCacheName);
  await cache.put(url, response.clone());
  await plugin.cacheDidUpdate({
    cacheName: tileCacheName,
    request: new Request(url),
    newResponse: response,
  });
}

const kept = async () =>
  [...(await storage.open(tileCacheName)).entries.keys()].map((u) => u.replace(/^.*\//, ''));

describe('the tile cache', () => {
  it('keeps what fits in the limit the server set, oldest out first', async () => {
    await serverSays(1);
    const worker = startWorker();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await store(worker, name, 300 * kb);
    expect(await kept()).toEqual(['c.png', 'd.png', 'e.png']);
  });

  it('counts a tile stored again as the newest', async () => {
    await serverSays(1);
    const worker = startWorker();
    for (const name of ['a', 'b', 'c', 'a', 'd']) await store(worker, name, 300 * kb);
    expect(await kept()).toEqual(['c.png', 'a.png', 'd.png']);
  });

  it('measures a tile whose server sent no length', async () => {
    await serverSays(1);
    const worker = startWorker();
    for (const name of ['a', 'b', 'c', 'd']) await store(worker, name, 400 * kb, false);
    expect(await kept()).toEqual(['c.png', 'd.png']);
  });

  it('finds what an earlier start of the worker kept, and the limit lowered since', async () => {
    await serverSays(2);
    const first = startWorker();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await store(first, name, 400 * kb);
    expect(await kept()).toHaveLength(5);
    await serverSays(1);
    await store(startWorker(), 'f', 400 * kb);
    expect(await kept()).toEqual(['e.png', 'f.png']);
  });

  it('takes tiles stored at once in turn, so none is counted twice or missed', async () => {
    await serverSays(1);
    const worker = startWorker();
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => store(worker, name, 200 * kb)));
    expect(await kept()).toHaveLength(5);
  });

  it('keeps none with a limit of 0, and 50 MB before the server has said', async () => {
    const worker = startWorker();
    await store(worker, 'a', 49 * kb * kb);
    await store(worker, 'b', 1 * kb * kb);
    expect(await kept()).toEqual(['a.png', 'b.png']);
    await store(worker, 'c', 1);
    expect(await kept()).toEqual(['b.png', 'c.png']);
    await serverSays(0);
    await store(worker, 'd', 1);
    expect(await kept()).toEqual([]);
  });
});
