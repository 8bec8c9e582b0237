/**
 * HTML files with the CSP hashes of their inline scripts, read and hashed once per version of the
 * file (size and mtime) rather than on every request.
 */
import { readFile } from 'node:fs/promises';
import { inlineScriptHashes } from './inline-script-hashes.ts';

export type HtmlPage = { body: Buffer; scriptHashes: string[] };

type Entry = { version: string; page: Promise<HtmlPage> };

export class HtmlPages {
  readonly #entries = new Map<string, Entry>();

  get(absolutePath: string, size: number, mtimeMs: number): Promise<HtmlPage> {
    const version = `${size}:${mtimeMs}`;
    const cached = this.#entries.get(absolutePath);
    if (cached?.version === version) return cached.page;
    const page = readFile(absolutePath).then((body) => ({
      body,
      scriptHashes: inlineScriptHashes(body.toString('utf8')),
    }));
    // A failed read must not be remembered: the next request tries again.
    page.catch(() => this.#entries.delete(absolutePath));
    this.#entries.set(absolutePath, { version, page });
    return page;
  }
}
