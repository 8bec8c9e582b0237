/**
 * `tsx scripts/check-layout.ts` (part of `npm run lint`): the layout docs/architecture.md ("Where
 * the code is") promises, checked on every run rather than hoped for:
 * - no import cycle between files, nor between folders: the subfolders of a folder, and its own
 *   files taken as one more sibling, import each other one way only;
 * - no source file over 300 lines in src/ or sync-server/;
 * - no folder with more than ten source files of its own.
 * It reads imports as text (relative, `$lib/…`, `#domain/…`), type-only ones included: they tie
 * files together for a reader as much as any other.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix as path } from 'node:path';
import { pathToFileURL } from 'node:url';

const sourceFile = /\.(ts|js|mjs|svelte)$/;
const maxLines = 300;
const maxLooseFiles = 10;

export type Layout = {
  files: string[];
  imports: Map<string, Set<string>>;
  text: Map<string, string>;
};
export type Problem = string;

export function readLayout(root: string, folders: string[]): Layout {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...folders], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => sourceFile.test(f) && existsSync(path.join(root, f)));
  const text = new Map(listed.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  return { files: listed, imports: importsOf(text), text };
}

const specifier = /(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1/g;

export function importsOf(text: Map<string, string>): Map<string, Set<string>> {
  const resolve = (from: string, spec: string): string | null => {
    let base: string;
    if (spec.startsWith('./') || spec.startsWith('../'))
      base = path.normalize(path.join(path.dirname(from), spec));
    else if (spec.startsWith('$lib/')) base = `src/lib/${spec.slice(5)}`;
    else if (spec.startsWith('#domain/')) base = `src/lib/domain/${spec.slice(8)}`;
    else return null;
    const found = ['', '.ts', '.js', '.svelte', '/index.ts'].map((s) => base + s);
    return found.find((f) => text.has(f)) ?? null;
  };
  const imports = new Map<string, Set<string>>();
  for (const [file, source] of text) {
    const targets = new Set<string>();
    for (const m of source.matchAll(specifier)) {
      const target = resolve(file, m[2] ?? '');
      if (target !== null && target !== file) targets.add(target);
    }
    imports.set(file, targets);
  }
  return imports;
}

/** Strongly connected groups of more than one node (Tarjan's algorithm): each is a cycle. */
export function cycles<T>(nodes: Iterable<T>, next: (node: T) => Iterable<T>): T[][] {
  let counter = 0;
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const onStack = new Set<T>();
  const found: T[][] = [];
  const visit = (v: T) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: T[] = [];
      let w: T;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}

export function layoutProblems(layout: Layout): Problem[] {
  const problems: Problem[] = [];
  for (const group of cycles(layout.files, (f) => layout.imports.get(f) ?? []))
    problems.push(`import cycle between files: ${group.sort().join(', ')}`);

  const folders = new Set(layout.files.flatMap((f) => ancestors(path.dirname(f))));
  for (const parent of folders) {
    const childOf = (file: string) => {
      if (!file.startsWith(`${parent}/`)) return null;
      const rest = file.slice(parent.length + 1);
      return rest.includes('/') ? `${rest.split('/')[0]}/` : '(its own files)';
    };
    const edges = new Map<string, Set<string>>();
    for (const [file, targets] of layout.imports) {
      const from = childOf(file);
      if (from === null) continue;
      for (const target of targets) {
        const to = childOf(target);
        if (to === null || to === from) continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    for (const group of cycles(edges.keys(), (c) => edges.get(c) ?? []))
      problems.push(`import cycle between folders in ${parent}/: ${group.sort().join(' ⇄ ')}`);
  }

  for (const file of layout.files) {
    const lines = layout.text.get(file)!.replace(/\n$/, '').split('\n').length;
    if (/^(src|sync-server)\//.test(file) && lines > maxLines)
      problems.push(`${file} has ${lines} lines (at most ${maxLines})`);
  }
  const loose = new Map<string, number>();
  for (const file of layout.files)
    loose.set(path.dirname(file), (loose.get(path.dirname(file)) ?? 0) + 1);
  for (const [folder, count] of loose)
    if (count > maxLooseFiles)
      problems.push(
        `${folder}/ has ${count} files of its own (at most ${maxLooseFiles}: give them subfolders)`,
      );
  return problems;
}

function ancestors(folder: string): string[] {
  const all: string[] = [];
  for (let f = folder; f !== '.' && f !== ''; f = path.dirname(f)) all.push(f);
  return all;
}

function main() {
  const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
  const layout = readLayout(root, ['src', 'sync-server', 'scripts', 'tests']);
  const problems = layoutProblems(layout);
  for (const p of problems) console.error(`check-layout: ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(
    `check-layout: ${layout.files.length} files, no import cycle, none too long or too crowded`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
