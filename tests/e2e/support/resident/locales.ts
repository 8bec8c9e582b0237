/**
 * The words the resident reads, from the app's own `locales/`, so a copy edit changes the tests'
 * expectations with it. `t` is a deliberately small reader (dotted keys, `{{name}}` interpolation);
 * plural forms are picked by the test naming the key (`waiting_count_two`), never computed here, so
 * the app's choice of form is what gets checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const languages = ['cy', 'en'] as const;
export type Lang = (typeof languages)[number];

type Tree = { [key: string]: string | Tree };

const localesDir = fileURLToPath(new URL('../../../../locales/', import.meta.url));

/** Every file of the language, each under its own name, as the app mounts them. */
function load(lang: Lang): Tree {
  const tree: Tree = {};
  for (const file of readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(path.join(localesDir, lang, file), 'utf8');
    tree[file.slice(0, -'.json'.length)] = JSON.parse(text) as Tree;
  }
  return tree;
}

const trees: Record<Lang, Tree> = { cy: load('cy'), en: load('en') };

function lookup(lang: Lang, key: string): string | undefined {
  let node: string | Tree | undefined = trees[lang];
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const text = lookup(lang, key);
  if (text === undefined) throw new Error(`No text for ${key} in locales/${lang}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`${key} needs {{${name}}}`);
    return String(value);
  });
}

/** Question wording: the `_someone_else` variant when asking for someone else, if there is one. */
export function w(lang: Lang, key: string, forSomeoneElse: boolean): string {
  const variant = `${key}_someone_else`;
  if (forSomeoneElse && lookup(lang, variant) !== undefined) return t(lang, variant);
  return t(lang, key);
}

export const otherLang = (lang: Lang): Lang => (lang === 'cy' ? 'en' : 'cy');
