import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyParts, notifyToken } from '../../../../sync-server/notify/notify-token.ts';

const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506';
const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const key = `my_test_key-${serviceId}-${secret}`;
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as unknown;

describe('the token Notify’s API takes', () => {
  it('reads the service id and the secret from the end of the key', () => {
    expect(keyParts(key)).toEqual({ serviceId, secret });
  });

  it('is an HS256 JWT signed with the secret, issued by the service, at the time given', () => {
    const token = notifyToken(key, new Date('2030-01-11T09:00:00.900Z'));
    const [header = '', claims = '', signature = ''] = token.split('.');
    expect(decode(header)).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(decode(claims)).toEqual({ iss: serviceId, iat: 1894352400 });
    const expected = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
    expect(signature).toBe(expected);
  });
});
