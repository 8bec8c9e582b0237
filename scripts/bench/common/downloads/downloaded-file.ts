/**
 * One response as the bench records it: its size raw, gzipped at level 9 by us, and as it
 * actually came over the wire (encoded body, headers not counted); and whether it carries PouchDB
 * or Leaflet, the two libraries a page should fetch only when it needs them. A chunk is judged
 * whole: one that holds PouchDB may hold modules bundled with it too.
 */
import type { Request } from '@playwright/test';
import { gzipBytes } from './gzip-size.ts';

export type DownloadedFile = {
  /** Path and query on the origin, e.g. `/_app/immutable/entry/start.8kBAYklD.js`. */
  path: string;
  status: number;
  contentType: string;
  contentEncoding: string;
  rawBytes: number;
  gzipBytes: number;
  transferredBytes: number;
  /** Chromium reports a memory/disk cache hit as a body of minus the header size. */
  fromHttpCache: boolean;
  mentionsPouchdb: boolean;
  /** Leaflet's own source (its link to leafletjs.com) or the marker-cluster plugin's. */
  holdsLeaflet: boolean;
};

export type DownloadTotals = {
  count: number;
  rawBytes: number;
  gzipBytes: number;
  transferredBytes: number;
};

/** Call on `requestfinished`; null for requests that had no response body to measure. */
export async function recordDownload(request: Request): Promise<DownloadedFile | null> {
  const response = await request.response();
  if (!response) return null;
  const headers = await response.allHeaders();
  let body: Buffer;
  try {
    body = await response.body();
  } catch {
    return null; // redirects and bodies Chromium did not keep
  }
  const sizes = await request.sizes();
  const url = new URL(request.url());
  const text = body.toString('latin1');
  return {
    path: url.pathname + url.search,
    status: response.status(),
    contentType: headers['content-type'] ?? '',
    contentEncoding: headers['content-encoding'] ?? 'identity',
    rawBytes: body.byteLength,
    gzipBytes: gzipBytes(body),
    transferredBytes: Math.max(0, sizes.responseBodySize),
    fromHttpCache: sizes.responseBodySize < 0,
    mentionsPouchdb: /pouchdb/i.test(text),
    holdsLeaflet: /leafletjs\.com|Leaflet\.markercluster/.test(text),
  };
}

export function isJavaScript(file: DownloadedFile): boolean {
  return /javascript|ecmascript/i.test(file.contentType) || /\.m?js(\?|$)/.test(file.path);
}

export function totals(files: readonly DownloadedFile[]): DownloadTotals {
  return {
    count: files.length,
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    transferredBytes: files.reduce((sum, f) => sum + f.transferredBytes, 0),
  };
}

/** Largest (gzipped) first. */
export function bySizeDescending(files: readonly DownloadedFile[]): DownloadedFile[] {
  return [...files].sort((a, b) => b.gzipBytes - a.gzipBytes || a.path.localeCompare(b.path));
}
