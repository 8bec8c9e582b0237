/**
 * The browser a staff device runs in, as far as src/lib/staff/sync/ needs one in Node: fake
 * IndexedDB, `self` and `navigator` (browser-globals.ts), and `fetch` as a page's fetch behaves
 * towards its own origin: the origin's cookie is sent with every request and kept up to date from
 * every `Set-Cookie` (so the session cookie a disabled account's 403 clears is gone for the
 * requests after it, as in a browser). Every request the device makes reaches the real server; the
 * fetch only records it (`browser.sent`), and a test may act just before one goes (`beforeSend`).
 *
 * Import this before anything that loads pouchdb-browser: it keeps the `fetch` it finds when it
 * loads. Requests to other origins, and requests that carry their own Cookie header (the test's
 * own calls to the server as other people), pass through untouched and unrecorded.
 */
import 'fake-indexeddb/auto';
import '../../unit/staff/sync/browser-globals.ts';

export type Sent = {
  method: string;
  url: URL;
  /** The request's body, as the device sent it (PouchDB sends JSON strings). */
  body: string | undefined;
  /** The answer's status; 0 when none came (the server unreachable). */
  status: number;
  /** The answer's body, kept for `/db/_evictions` only (a copy of every answer costs memory). */
  answer?: Promise<unknown>;
};

type BeforeSend = (sent: Omit<Sent, 'status' | 'answer'>) => void | Promise<void>;

const nodeFetch = globalThis.fetch;

class DeviceBrowser {
  origin: string | null = null;
  readonly cookies = new Map<string, string>();
  sent: Sent[] = [];
  beforeSend: BeforeSend | null = null;

  /** A fresh browser for `origin`: no cookies, nothing sent yet. */
  open(origin: string): void {
    this.origin = origin;
    this.cookies.clear();
    this.sent = [];
    this.beforeSend = null;
  }

  /** Signs in through this browser, as the sign-in page does: the session cookie lands here. */
  async signIn(username: string, password: string): Promise<void> {
    const res = await fetch(`${this.origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`${username} could not sign in: ${res.status}`);
  }

  /** What the device sent to `/db/<path>` (PouchDB and the eviction cycle alike). */
  sentTo(path: string, method?: string): Sent[] {
    return this.sent.filter(
      (s) => s.url.pathname === `/db/${path}` && (method === undefined || s.method === method),
    );
  }

  close(): void {
    this.origin = null;
    this.cookies.clear();
    this.beforeSend = null;
  }

  keep(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some(
        (a) =>
          /^max-age=(0|-\d+)$/i.test(a) ||
          (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export const browser = new DeviceBrowser();

globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin !== browser.origin || request.headers.has('cookie')) return nodeFetch(request);
  const body = typeof init?.body === 'string' ? init.body : undefined;
  await browser.beforeSend?.({ method: request.method, url, body });
  const headers = new Headers(request.headers);
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  if (cookie) headers.set('cookie', cookie);
  let response: Response;
  try {
    response = await nodeFetch(new Request(request, { headers }));
  } catch (error) {
    browser.sent.push({ method: request.method, url, body, status: 0 }); // no answer at all
    throw error;
  }
  browser.keep(response.headers.getSetCookie());
  const answer = url.pathname.endsWith('/_evictions') ? response.clone().json() : undefined;
  browser.sent.push({ method: request.method, url, body, status: response.status, answer });
  return response;
};
