/**
 * CSP hashes for the inline `<script>` elements of an HTML file. SvelteKit's prerendered pages boot
 * from an inline script, and a policy without `'unsafe-inline'` must list each one's SHA-256
 * (https://www.w3.org/TR/CSP3/#grammardef-hash-source). The hash covers the element's text as the
 * browser sees it: HTML parsing turns CRLF and lone CR into LF before the script exists
 * (https://html.spec.whatwg.org/multipage/parsing.html#preprocessing-the-input-stream).
 */
import { createHash } from 'node:crypto';

const scriptElement = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const srcAttribute = /(?:^|\s)src\s*=/i;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', text = ''] of html.matchAll(scriptElement)) {
    if (srcAttribute.test(attributes)) continue;
    const normalised = text.replace(/\r\n?/g, '\n');
    hashes.add(`'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
