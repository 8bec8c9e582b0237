/**
 * Compressing text responses, API JSON included, with brotli or gzip as the client prefers. Hono's
 * own `compress` offers gzip and deflate only; brotli comes from node:zlib. Phones on a weak signal
 * gain the most, so there is no size threshold: a tiny JSON answer costs a few bytes more at worst.
 */
import { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

type Encoding = 'br' | 'gzip';

/** Types worth compressing: text and text-like formats; images and fonts are compressed already. */
export function isCompressible(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/manifest+json' ||
    type === 'application/xml' ||
    type === 'image/svg+xml'
  );
}

/** The encoding with the highest q-value the client accepts; brotli wins ties. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (e: Encoding) => weights.get(e) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce((a, b) => (weight(b) > weight(a) ? b : a));
  return weight(best) > 0 ? best : null;
}

function encoder(encoding: Encoding) {
  const stream =
    encoding === 'br'
      ? // Quality 5 keeps streaming fast on 2 cores; 11 (the default) is for precompression.
        zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
      : zlib.createGzip();
  return Duplex.toWeb(stream) as unknown as ReadableWritablePair<
    Uint8Array<ArrayBuffer>,
    Uint8Array
  >;
}

export function compress(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!isCompressible(res.headers.get('Content-Type'))) return;
    if (!res.headers.get('Vary')?.toLowerCase().includes('accept-encoding')) {
      res.headers.append('Vary', 'Accept-Encoding');
    }
    if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    c.res = new Response(res.body.pipeThrough(encoder(encoding)), res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', encoding);
  };
}
