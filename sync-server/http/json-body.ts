/**
 * Reading a JSON request body safely: the media type must be JSON, the size is capped while the
 * stream is read (a chunked body has no Content-Length to check up front), the bytes must be UTF-8
 * and the text must parse. Each failure is an `ApiError` code with its HTTP status.
 */
import type { ApiErrorCode } from '#domain/api-errors.ts';

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; error: ApiErrorCode; reason: string };

const refusals = {
  mediaType: {
    ok: false,
    status: 415,
    error: 'unsupported_media_type',
    reason: 'Send the request as application/json (UTF-8).',
  },
  tooLarge: {
    ok: false,
    status: 413,
    error: 'payload_too_large',
    reason: 'The request body is too large.',
  },
  invalidJson: {
    ok: false,
    status: 400,
    error: 'invalid_json',
    reason: 'The request body is not valid JSON.',
  },
} as const satisfies Record<string, BodyResult>;

/** `application/json`, optionally with `charset=utf-8` (RFC 8259 §8.1: JSON is UTF-8). */
export function isJsonMediaType(header: string | null): boolean {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  if (!isJsonMediaType(request.headers.get('content-type'))) return refusals.mediaType;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return refusals.tooLarge;

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return refusals.tooLarge;
      }
      chunks.push(value);
    }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refusals.invalidJson;
  }
}
