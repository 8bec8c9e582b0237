import type { ParamMatcher } from '@sveltejs/kit';
import { languages, type Language } from '#domain/request-fields.ts';

export const match = ((param: string): param is Language =>
  (languages as readonly string[]).includes(param)) satisfies ParamMatcher;
