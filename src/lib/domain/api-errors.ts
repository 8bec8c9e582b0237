/**
 * The one error shape every API answer uses: `{ "error": code, "reason": text, "fields"? }`.
 * Codes are stable; `reason` is for people reading logs, the UI translates the code.
 */
export const apiErrorCodes = [
  'invalid_json',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limited',
  'not_found',
  'method_not_allowed',
  'unauthorized',
  'id_conflict',
  'invalid_credentials',
  'session_expired',
  'account_disabled',
  'forbidden',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export type ApiError = { error: ApiErrorCode; reason: string; fields?: Record<string, string> };

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string' &&
    typeof (value as { reason?: unknown }).reason === 'string'
  );
}
