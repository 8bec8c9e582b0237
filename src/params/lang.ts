import type { ParamMatcher } from '@sveltejs/kit';
import { isLanguage } from '#domain/languages.ts';

export const match = isLanguage satisfies ParamMatcher;
