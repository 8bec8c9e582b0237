/**
 * Welsh and English must say the same things (docs/architecture.md, "Welsh"; Welsh Language Standards): this check fails
 * when a locale file, a key, a plural form or an interpolation exists in one language and not the
 * other, when a string is empty, or when the code asks `t()`/`w()` for a key that is missing.
 *
 *   npx tsx scripts/check-locales.ts      (exit 1 and a list of problems when anything is wrong)
 *
 * Each `locales/<lang>/<file>.json` is mounted under `<file>.`, as src/lib/i18n/i18n.ts does.
 * The functions are exported so tests/unit/ can run them on real and on deliberately broken input.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const localeLanguages = ['cy', 'en'] as const;
export type LocaleLanguage = (typeof localeLanguages)[number];

// CLDR cardinal categories and i18next's suffixes for them
// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html#cy,
// https://www.i18next.com/translation-function/plurals).
export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof pluralCategories)[number];

/** The forms each language needs. i18next tries `_zero` first for a count of 0, so English may add it. */
export const pluralForms: Record<
  LocaleLanguage,
  { required: PluralCategory[]; optional: PluralCategory[] }
> = {
  cy: { required: ['zero', 'one', 'two', 'few', 'many', 'other'], optional: [] },
  en: { required: ['one', 'other'], optional: ['zero'] },
};

/** One language's strings by full key (`request.check.people_one`). */
export type FlatLocale = Map<string, string>;

export type LocaleSet = {
  /** File names (`request.json`) by language. */
  files: Record<LocaleLanguage, string[]>;
  flat: Record<LocaleLanguage, FlatLocale>;
  /** Problems found while reading: unreadable JSON, values that are not strings. */
  problems: string[];
};

/** A key as the code asks for it: a plain string, or a plural family `x` of `x_one`, `x_other`… */
export type LocaleEntry = { plural: boolean; forms: Map<PluralCategory | '', string> };

export function loadLocales(dir: string): LocaleSet {
  const problems: string[] = [];
  const files = {} as LocaleSet['files'];
  const flat = {} as LocaleSet['flat'];
  for (const lang of localeLanguages) {
    files[lang] = readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .sort();
    flat[lang] = new Map();
    for (const file of files[lang]) {
      const where = `locales/${lang}/${file}`;
      let tree: unknown;
      try {
        tree = JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
      } catch (error) {
        problems.push(`${where}: not valid JSON (${String(error)})`);
        continue;
      }
      flattenInto(flat[lang], tree, file.slice(0, -'.json'.length), where, problems);
    }
  }
  return { files, flat, problems };
}

/** Nested objects become dotted keys; anything but a string or an object is a problem. */
export function flattenInto(
  out: FlatLocale,
  tree: unknown,
  prefix: string,
  where: string,
  problems: string[],
): void {
  if (typeof tree === 'string') {
    out.set(prefix, tree);
  } else if (tree !== null && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      flattenInto(out, value, `${prefix}.${key}`, where, problems);
    }
  } else {
    problems.push(`${where}: ${prefix} is ${JSON.stringify(tree)}, not a string`);
  }
}

const pluralSuffix = new RegExp(`^(.+)_(${pluralCategories.join('|')})$`);

/**
 * The plural families: `x` when some language has two or more of `x_zero` … `x_other` and no plain
 * `x`. A lone `x_other` is an ordinary key (`support_tasks.support_other` names a field), and so is
 * `title_other` beside `title` (the resident wording's "someone else" variant).
 */
export function pluralBases(flats: Iterable<FlatLocale>): Set<string> {
  const bases = new Set<string>();
  for (const flat of flats) {
    const counts = new Map<string, number>();
    for (const key of flat.keys()) {
      const base = pluralSuffix.exec(key)?.[1];
      if (base !== undefined && !flat.has(base)) counts.set(base, (counts.get(base) ?? 0) + 1);
    }
    for (const [base, n] of counts) if (n >= 2) bases.add(base);
  }
  return bases;
}

/** One entry per key the code can ask for: plain strings, and plural families as one entry. */
export function entriesOf(
  flat: FlatLocale,
  plurals: ReadonlySet<string>,
): Map<string, LocaleEntry> {
  const entries = new Map<string, LocaleEntry>();
  for (const [key, value] of flat) {
    const match = pluralSuffix.exec(key);
    const base = match?.[1];
    const category = match?.[2] as PluralCategory | undefined;
    if (base !== undefined && category !== undefined && plurals.has(base)) {
      const entry = entries.get(base) ?? { plural: true, forms: new Map() };
      entry.forms.set(category, value);
      entries.set(base, entry);
    } else {
      entries.set(key, { plural: false, forms: new Map([['', value]]) });
    }
  }
  return entries;
}

/** Entries for both languages, with plural families decided across them. */
export function localeEntries(set: LocaleSet): Record<LocaleLanguage, Map<string, LocaleEntry>> {
  const plurals = pluralBases(Object.values(set.flat));
  return { cy: entriesOf(set.flat.cy, plurals), en: entriesOf(set.flat.en, plurals) };
}

/** `{{count}}`, `{{ name }}`, `{{value, number}}` → the variable names. */
export function interpolations(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([^\s},]+)[^}]*\}\}/g)].map((m) => m[1] as string));
}

function variablesOf(entry: LocaleEntry): Set<string> {
  return new Set([...entry.forms.values()].flatMap((text) => [...interpolations(text)]));
}

const list = (items: Iterable<string>) => [...items].join(', ');

export function checkLocales(set: LocaleSet): string[] {
  const problems: string[] = [];
  const [a, b] = localeLanguages;
  for (const [lang, other] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const file of set.files[other]) {
      if (!set.files[lang].includes(file)) {
        problems.push(`locales/${lang}/${file} is missing (locales/${other}/${file} exists)`);
      }
    }
  }

  const entries = localeEntries(set);

  for (const lang of localeLanguages) {
    const other = lang === a ? b : a;
    const { required, optional } = pluralForms[lang];
    for (const [key, entry] of entries[lang]) {
      for (const [form, text] of entry.forms) {
        if (text.trim() === '') problems.push(`${lang}: ${form ? `${key}_${form}` : key} is empty`);
      }
      if (entry.plural) {
        const forms = [...entry.forms.keys()] as PluralCategory[];
        const missing = required.filter((f) => !forms.includes(f));
        const extra = forms.filter((f) => !required.includes(f) && !optional.includes(f));
        if (missing.length > 0) {
          problems.push(
            `${lang}: ${key} lacks plural form(s) ${list(missing.map((f) => `_${f}`))}`,
          );
        }
        if (extra.length > 0) {
          problems.push(
            `${lang}: ${key} has plural form(s) ${list(extra.map((f) => `_${f}`))}, unused in ${lang}`,
          );
        }
      }
      const counterpart = entries[other].get(key);
      if (!counterpart) {
        problems.push(
          `${other}: missing ${key}${entry.plural ? ' (plural)' : ''} (present in ${lang})`,
        );
        continue;
      }
      if (lang !== a) continue; // compare each pair once
      if (counterpart.plural !== entry.plural) {
        const [plural, plain] = entry.plural ? [lang, other] : [other, lang];
        problems.push(`${key} is plural in ${plural} but a plain string in ${plain}`);
      }
      const mine = variablesOf(entry);
      const theirs = variablesOf(counterpart);
      for (const [has, lacks, vars, others] of [
        [lang, other, mine, theirs],
        [other, lang, theirs, mine],
      ] as const) {
        const only = [...vars].filter((v) => !others.has(v));
        if (only.length > 0) {
          problems.push(
            `${key}: ${has} uses ${list(only.map((v) => `{{${v}}}`))}, ${lacks} does not`,
          );
        }
      }
    }
  }
  return problems;
}

// --- Keys the code asks for --------------------------------------------------------------------

export type KeyUse = {
  file: string;
  line: number;
  /** The key, or for a template literal the text before its first `${`. */
  key: string;
  prefix: boolean;
};

// `t(`, `w(` (resident wording), and `cy(`/`en(` (the language chooser), also as `locale.t(`.
const callStart = /(?<![\w$])(?:t|w|cy|en)\(/g;
const keyShape = /^[a-z][\w-]*(?:\.[\w-]+)+$/;

/** The text of a call's first argument, from just after `(`: strings and nesting respected. */
export function firstArgument(source: string, from: number): string {
  let depth = 0;
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipString(source, i);
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) break;
    i++;
  }
  return source.slice(from, i).trim();
}

/** Index just past the string literal starting at `start` (template literals may nest). */
function skipString(source: string, start: number): number {
  const quote = source[start];
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') i += 2;
    else if (ch === quote) return i + 1;
    else if (quote === '`' && ch === '$' && source[i + 1] === '{') {
      let depth = 1;
      i += 2;
      while (i < source.length && depth > 0) {
        const c = source[i];
        if (c === "'" || c === '"' || c === '`') {
          i = skipString(source, i);
          continue;
        }
        if (c === '{') depth++;
        else if (c === '}') depth--;
        i++;
      }
    } else i++;
  }
  return i;
}

const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g;

/** The keys a call argument names: the whole argument if it is one literal, else dotted literals in it. */
export function keysInArgument(argument: string): { key: string; prefix: boolean }[] {
  const found: { key: string; prefix: boolean }[] = [];
  const whole = argument.match(/^(?:'([^'\\]*)'|"([^"\\]*)"|`([^`]*)`)$/);
  const literals = whole ? [whole] : [...argument.matchAll(literal)];
  for (const m of literals) {
    const text = m[1] ?? m[2] ?? m[3] ?? '';
    const isTemplate = m[3] !== undefined;
    const dynamicAt = isTemplate ? text.indexOf('${') : -1;
    const key = dynamicAt >= 0 ? text.slice(0, dynamicAt) : text;
    if (dynamicAt === 0) continue; // `${base}.title`: nothing fixed to check
    if (!whole && !(dynamicAt > 0 ? /^[a-z][\w-]*\./.test(key) : keyShape.test(key))) continue;
    found.push({ key, prefix: dynamicAt > 0 });
  }
  return found;
}

export function findKeyUses(file: string, source: string): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const match of source.matchAll(callStart)) {
    const start = match.index + match[0].length;
    const line = source.slice(0, match.index).split('\n').length;
    for (const found of keysInArgument(firstArgument(source, start))) {
      uses.push({ file, line, ...found });
    }
  }
  return uses;
}

export function checkKeyUses(set: LocaleSet, uses: readonly KeyUse[]): string[] {
  const problems: string[] = [];
  const entries = localeEntries(set);
  const keys = { cy: [...entries.cy.keys()], en: [...entries.en.keys()] };
  for (const use of uses) {
    const where = `${use.file}:${use.line}`;
    for (const lang of localeLanguages) {
      const known = keys[lang];
      if (use.prefix) {
        if (!known.some((k) => k.startsWith(use.key))) {
          problems.push(`${where}: no ${lang} key starts with "${use.key}"`);
        }
      } else if (!known.includes(use.key)) {
        const group = known.some((k) => k.startsWith(`${use.key}.`));
        problems.push(
          `${where}: "${use.key}" ${group ? 'is a group of keys, not a string,' : 'is missing'} in ${lang}`,
        );
      }
    }
  }
  return problems;
}

/** Every file under `dir` whose name ends with one of `extensions`, as paths from `root`. */
export function sourceFiles(dir: string, extensions: readonly string[], root: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => extensions.some((ext) => f.endsWith(ext)))
    .map((f) => relative(root, join(dir, f)).split(sep).join('/'))
    .sort();
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const set = loadLocales(join(root, 'locales'));
  const uses = sourceFiles(join(root, 'src'), ['.svelte', '.ts'], root).flatMap((file) =>
    findKeyUses(file, readFileSync(join(root, file), 'utf8')),
  );
  const problems = [...set.problems, ...checkLocales(set), ...checkKeyUses(set, uses)];
  if (problems.length > 0) {
    console.error(
      `check-locales: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exitCode = 1;
    return;
  }
  const keys = localeEntries(set).cy.size;
  console.log(
    `check-locales: cy and en match (${keys} keys; ${uses.length} key uses in src/ found)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
