import type { Language } from '#domain/languages.ts';
import { ensureTexts, type Namespace } from './i18n.ts';

/** A `[lang]` page's `load`: the texts it shows, in its language. */
export const loadTexts =
  (...namespaces: Namespace[]) =>
  async ({ params }: { params: { lang: string } }) => {
    await ensureTexts(params.lang as Language, namespaces);
    return {};
  };
