import { describe, expect, it } from 'vitest';
import { forwardedClient, forwardedProto } from '../../../../sync-server/http/client-address.ts';

describe('forwardedClient', () => {
  it('trusts nothing without a proxy', () => {
    expect(forwardedClient('203.0.113.9', 0)).toBeNull();
  });

  it.each([
    ['203.0.113.9', 1, '203.0.113.9'],
    // What the client wrote stays to the left of what the proxy appended.
    ['1.2.3.4, 203.0.113.9', 1, '203.0.113.9'],
    ['1.2.3.4,203.0.113.9', 1, '203.0.113.9'],
    ['1.2.3.4, 5.6.7.8 , 203.0.113.9', 1, '203.0.113.9'],
    ['1.2.3.4, 203.0.113.9, 10.0.0.2', 2, '203.0.113.9'],
    ['1.2.3.4, 203.0.113.9, 10.0.0.2, 10.0.0.1', 3, '203.0.113.9'],
    // Shorter than the chain: every entry is a proxy's, the leftmost came from the client's side.
    ['203.0.113.9', 2, '203.0.113.9'],
    // Blanks a client slips in cannot move the hop the proxies wrote.
    ['1.2.3.4, , ,203.0.113.9', 1, '203.0.113.9'],
  ])('in %j behind %i proxies is %s', (header, proxies, client) => {
    expect(forwardedClient(header, proxies)).toBe(client);
  });

  it('is null when there is no header or only blanks', () => {
    expect(forwardedClient(undefined, 1)).toBeNull();
    expect(forwardedClient(' , ', 1)).toBeNull();
  });
});

describe('forwardedProto', () => {
  it.each([
    ['https', 1, 'https'],
    ['HTTPS', 1, 'https'],
    ['https, http', 1, 'http'],
    ['http, https', 1, 'https'],
    ['https, http', 2, 'http'],
  ])('in %j behind %i proxies is %s', (header, proxies, scheme) => {
    expect(forwardedProto(header, proxies)).toBe(scheme);
  });

  it('trusts nothing without a proxy, and nothing is nothing', () => {
    expect(forwardedProto('https', 0)).toBeNull();
    expect(forwardedProto(undefined, 1)).toBeNull();
  });
});
