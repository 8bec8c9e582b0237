/**
 * The bearer token Notify's API takes: a JWT signed with HS256, whose `iss` is the service id and
 * `iat` the time in seconds, made fresh for each call since Notify refuses one more than 30 s old
 * (docs.notifications.service.gov.uk, "Authorisation header"). The API key ends in the service id
 * and the secret, 36 characters each, joined by `-`: `{name}-{service id}-{secret}`.
 */
import { createHmac } from 'node:crypto';

export function keyParts(apiKey: string): { serviceId: string; secret: string } {
  return { serviceId: apiKey.slice(-73, -37), secret: apiKey.slice(-36) };
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export function notifyToken(apiKey: string, now: Date): string {
  const { serviceId, secret } = keyParts(apiKey);
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const claims = base64url(
    JSON.stringify({ iss: serviceId, iat: Math.floor(now.getTime() / 1000) }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}
