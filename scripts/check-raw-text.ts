/**
 * Every string a person reads comes from `locales/` (docs/architecture.md, "Welsh"): this check fails on human
 * text written straight into a Svelte template, which would show in one language only.
 *
 *   npx tsx scripts/check-raw-text.ts     (exit 1 and `file:line:column "text"` for each find)
 *
 * It parses each `src/**\/*.svelte` with Svelte's own parser and flags, outside `<script>` and
 * `<style>`, text containing a letter (any script: `\p{L}`) and literal values of the attributes
 * people read or hear. `{t('key')}` is an expression, not text, so it passes. Nothing is allowed
 * by default; add no exceptions without saying why.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'svelte/compiler';

/** Attributes whose literal value is shown or read aloud, including our form components' props. */
export const readAttributes = [
  'alt',
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'label',
  'legend',
  'hint',
  'error',
  'message',
  'optionalText',
] as const;

export type RawText = { line: number; column: number; text: string; where: string };

const letter = /\p{L}/u;

// Nodes that hold attributes and directives: only `Attribute` can carry readable text.
const directiveTypes = new Set([
  'SpreadAttribute',
  'BindDirective',
  'OnDirective',
  'ClassDirective',
  'StyleDirective',
  'TransitionDirective',
  'AnimateDirective',
  'UseDirective',
  'LetDirective',
  'AttachTag',
]);

type Node = { type?: unknown; [key: string]: unknown };

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Raw human text in one component's template. Throws on a file Svelte cannot parse. */
export function findRawText(source: string, filename = 'Component.svelte'): RawText[] {
  const ast = parse(source, { modern: true, filename });
  const found: RawText[] = [];

  const flag = (text: string, start: number, where: string) => {
    const at = text.search(letter);
    if (at < 0) return;
    found.push({ ...position(source, start + at), text: text.trim(), where });
  };

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'Text') {
      flag(String(n['data']), Number(n['start']), 'text');
      return;
    }
    if (n.type === 'Attribute') {
      const name = String(n['name']);
      const value = n['value'];
      if ((readAttributes as readonly string[]).includes(name) && Array.isArray(value)) {
        for (const part of value as Node[]) {
          if (part.type === 'Text') flag(String(part['data']), Number(part['start']), name);
        }
      }
      return;
    }
    if (typeof n.type === 'string' && directiveTypes.has(n.type)) return;
    if (n.type === 'Comment') return;
    if (n.type === 'RegularElement' && (n['name'] === 'script' || n['name'] === 'style')) return;
    // Expressions are JavaScript (ESTree): they hold no Text nodes, so walking them is harmless.
    for (const [key, value] of Object.entries(n)) {
      if (key !== 'metadata' && key !== 'name_loc') visit(value);
    }
  };

  // The instance and module `<script>` and the `<style>` sit beside the fragment, not in it.
  visit(ast.fragment);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.svelte'))
    .map((f) =>
      relative(root, join(root, 'src', f))
        .split(sep)
        .join('/'),
    )
    .sort();
  const problems: string[] = [];
  for (const file of files) {
    try {
      for (const raw of findRawText(readFileSync(join(root, file), 'utf8'), file)) {
        const what = raw.where === 'text' ? '' : ` (${raw.where}="…")`;
        problems.push(`${file}:${raw.line}:${raw.column}${what} ${JSON.stringify(raw.text)}`);
      }
    } catch (error) {
      problems.push(
        `${file}: cannot be parsed (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  if (problems.length > 0) {
    console.error(
      `check-raw-text: ${problems.length} raw text(s) in templates; put them in locales/ and use t():\n` +
        problems.map((p) => `  ${p}`).join('\n'),
    );
    process.exitCode = 1;
    return;
  }
  console.log(`check-raw-text: no raw text in ${files.length} Svelte files`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
