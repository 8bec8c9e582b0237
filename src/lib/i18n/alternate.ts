import type { Language } from '#domain/languages.ts';

/** The same page in the other language: `/cy/request/kind` ↔ `/en/request/kind`. */
export function alternateHref(pathname: string, lang: Language): string {
  return pathname.replace(/^\/(cy|en)(?=\/|$)/, `/${lang}`);
}
